/* extract.h - HTML bytes -> struct article (libxml2 DOM, own scoring). */
#ifndef FOLIO_EXTRACT_H
#define FOLIO_EXTRACT_H

#include <stddef.h>
#include <libxml/tree.h>
#include "folio/article.h"
#include "folio/status.h"

struct extract_input {
	const char *bytes;
	size_t len;
	const char *base_url;   /* document URL; may be NULL */
	const char *charset;    /* from the HTTP header; may be NULL */
};

/* Parse and extract.  On success *out is a new article (STATUS_OK).
 * STATUS_NO_ARTICLE when no readable text at all can be had; then *out
 * is NULL and *why (static string) says what was wrong. */
enum status_code extract_article(const struct extract_input *in,
				 struct article **out, const char **why);

/* The first half of extract_article: the bytes decoded (charset.h) and
 * parsed.  NULL, with *why set, for an empty or binary document or one
 * with no element at all.  The opener parses once, classifies the page
 * (page-kind.h) and hands the tree to extract_article_doc.  Free with
 * xmlFreeDoc. */
xmlDocPtr extract_parse(const struct extract_input *in, const char **why);

/* The second half: the article from a parsed page (base_url: the
 * document URL, may be NULL).  The tree stays the caller's; it is
 * marked up on the way (node->_private), so it is read once. */
enum status_code extract_article_doc(xmlDocPtr doc, const char *base_url,
				     struct article **out, const char **why);

#endif
