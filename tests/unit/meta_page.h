/* meta_page.h - meta_extract on a whole page given as a string, for the
 * tests of the metadata readers (test_meta, test_meta-date). */
#ifndef FOLIO_TEST_META_PAGE_H
#define FOLIO_TEST_META_PAGE_H

#include <string.h>
#include <libxml/HTMLparser.h>
#include "folio/article.h"
#include "folio/meta.h"

/* The article meta_extract makes of html at url (url may be NULL);
 * fails the test when the page cannot be parsed or memory runs out. */
static inline struct article *meta_of_page(const char *html, const char *url)
{
	htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), url, "UTF-8",
					HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
					HTML_PARSE_NONET);
	assert_non_null(doc);
	struct article *a = article_new();
	assert_non_null(a);
	meta_extract(doc, url, a);
	xmlFreeDoc(doc);
	return a;
}

#endif
