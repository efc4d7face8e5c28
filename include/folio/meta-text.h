/* meta-text.h - pure string helpers behind meta.c: title clean-up,
 * byline clean-up and a word-overlap measure.  Table-tested. */
#ifndef FOLIO_META_TEXT_H
#define FOLIO_META_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Word overlap of a against b: *precision = share of a's words found in
 * b, *recall = share of b's words found in a (multisets, ASCII case
 * folded, punctuation ignored). Both 0 when either has no words. */
void meta_overlap(const char *a, const char *b, double *precision, double *recall);

/* title without the site name around it: segments split by " | ",
 * " - ", " — ", " :: ", "_" (CJK) ... that match one of sites[0..n)
 * (entries may be NULL) or the host of base_url are dropped from either
 * end.  With guess (for <title>, which nearly always carries the site),
 * also: in a chain of three or more segments the first is the headline,
 * and a short last segment is dropped.  malloc'd, NULL on OOM. */
char *meta_strip_site(const char *title, const char *const *sites, size_t nsites,
		      const char *base_url, bool guess);

/* Does title open with head and then a title separator (as
 * meta_strip_site cuts at, or " : ")?  "Wall finished | Coast Post"
 * opens with "Wall finished"; "Wall finishedness" does not. */
bool meta_title_leads(const char *title, const char *head);

/* Is s the site's name: one of sites[0..n) (entries may be NULL) or
 * the host's name, once both are folded to letters and digits
 * ("INTERSCENAR.IO" and "Interscenario", "elcolombiano.com" and "El
 * Colombiano")? */
bool meta_is_site_name(const char *s, const char *const *sites, size_t nsites,
		       const char *base_url);

/* Cut the site's name off the end of a byline, in place: "Jo Berg
 * Hill Post" -> "Jo Berg" (the last one to four words, by
 * meta_is_site_name).  When only a title would be left ("Dr." of
 * "Dr. Oetker"), the byline was the site's name: it becomes "". */
void meta_byline_drop_site(char *byline, const char *const *sites, size_t nsites,
			   const char *base_url);

/* Author names only: no "By", dates, "Updated …", job titles after a
 * comma, e-mail addresses.  malloc'd; NULL when nothing name-like is
 * left (or on OOM). */
char *meta_clean_byline(const char *raw);

/* Where the names start after a byline label in s, in any of the
 * table's languages: "Veröffentlicht von X", "Author: X", "AuthorX",
 * "05.02.2020 - Redaktion: X", "作者：X"; looked for in the first 8
 * words.  NULL when there is none.  *at_start: the label opens s. */
const char *meta_byline_label(const char *s, bool *at_start);

/* Where the names start in a dateline followed by its author:
 * "11.12.2019 - Jo Berg" (a numeric date, a dash, two to five words),
 * "06.11.2023 13:30 von Lea" (*particle: a lower-case particle of the
 * label table, one word is enough); no separator after the names.
 * NULL when s does not open with a date so. */
const char *meta_dateline_names(const char *s, bool *particle);

/* Is w[0..n) (a final ':' or '.' ignored) one of the byline labels? */
bool meta_is_label_word(const char *w, size_t n);

/* Decode the character references left in text that was escaped twice
 * ("Redacci&oacute;n" in a meta content: HTML 4 names, decimal and hex
 * numbers), in place; returns the new length.  Unknown names stay. */
size_t meta_decode_refs(char *s);

#endif
