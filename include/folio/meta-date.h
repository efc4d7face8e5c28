/* meta-date.h - the article's own publication date from the page's
 * markup (meta.c reads the <meta> and JSON-LD dates first): elements
 * marked as the published date, the first <time> after the headline,
 * the visible dateline; after extraction the lead paragraph's dateline
 * and a date in the URL's path as the last resorts.  Comments' and
 * reviews' dates are never the article's.  See doc/extraction.md,
 * "Published and site name". */
#ifndef FOLIO_META_DATE_H
#define FOLIO_META_DATE_H

#include <stdbool.h>
#include <libxml/tree.h>

#include "folio/article.h"

/* What the metadata walk notes for the date, element by element. */
struct date_marks {
	xmlNodePtr h1;          /* the first h1: the dateline's anchor */
	xmlNodePtr marked;      /* first element marked as the published date */
	xmlNodePtr time_any;    /* first <time datetime> after an h1 */
};

/* Note n (an element met in document order; after_h1: an h1 came
 * before it) when it is one of the marks.  Cheap for the elements that
 * are none (no attributes: nothing to do). */
void meta_date_note(xmlNodePtr n, bool after_h1, struct date_marks *dm);

/* The date of the marked element, else of the first <time> after the
 * headline, as RFC 3339 (malloc'd); NULL when neither reads as one. */
char *meta_date_marked(const struct date_marks *dm);

/* The visible dateline near the headline (RFC 3339, malloc'd) or NULL. */
char *meta_date_visible(const struct date_marks *dm);

/* The date an article's URL carries in its path ("/2019/11/19/",
 * "/2019-11-19-slug", "/2020-02/19/") as a bare RFC 3339 date
 * (malloc'd), or NULL: year, month and day all given, one after the
 * other, each its own path segment or dash-joined part. */
char *meta_date_from_url(const char *url);

/* When the page's markup gave no date (a->published NULL), run on the
 * extracted blocks: the dateline the first paragraph opens with ("Bern,
 * 17.08.2007 - …", "Feb. 23, 2015 -- …", "Karlsruhe, (12.11.2021).
 * …": a place of capitalised words and a comma, or nothing, before the
 * date, and a dash, colon, bar, slash, full stop, bracket or the end
 * after it), else the date of the page's own address (a->url). */
void meta_date_from_body(struct article *a);

#endif
