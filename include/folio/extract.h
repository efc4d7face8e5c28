/* extract.h - HTML bytes -> struct article (libxml2 DOM, own scoring). */
#ifndef FOLIO_EXTRACT_H
#define FOLIO_EXTRACT_H

#include <stddef.h>
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

#endif
