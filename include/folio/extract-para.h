/* extract-para.h - a second, independent opinion on a page's text: each
 * paragraph of the whole page classified on its own merits (length,
 * link density, density of the page language's stopwords) and then by
 * its neighbours, in the manner of jusText.  Pure: no DOM, no I/O.
 * extract.c segments the page into paragraphs and decides whether to
 * trust this opinion or its scorer's (doc/extraction.md, "Second
 * opinion"). */
#ifndef FOLIO_EXTRACT_PARA_H
#define FOLIO_EXTRACT_PARA_H

#include <stdbool.h>
#include <stddef.h>

enum para_class { PARA_BAD, PARA_SHORT, PARA_NEARGOOD, PARA_GOOD };

struct para {
	const char *text;       /* cleaned UTF-8, len bytes */
	size_t len;
	size_t link_len;        /* bytes of it inside links */
	bool heading;
	/* filled by para_classify */
	size_t chars;           /* code points that are not spaces */
	size_t words, stopwords;
	enum para_class cls;
};

/* The language of the page (an index into the stopword table, -1 when
 * none of the known languages fits): the one whose stopwords make up
 * most of the words of all paragraphs. */
int para_language(struct para *p, size_t n);

/* The name of language lang ("en", "de", ...), "" for -1. */
const char *para_language_name(int lang);

/* Classify every paragraph: alone first (by length, link density and
 * stopword density in the page's language), then short and near-good
 * ones by their neighbours, headings by the text they introduce. */
void para_classify(struct para *p, size_t n);

#endif
