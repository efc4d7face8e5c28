/* extract-all.h - a page's whole text, nothing left out: for when the
 * article extraction (extract.h) dropped something the reader wants.
 * Pure: a parsed page in, an article out. */
#ifndef FOLIO_EXTRACT_ALL_H
#define FOLIO_EXTRACT_ALL_H

#include <libxml/tree.h>
#include "folio/article.h"
#include "folio/status.h"

/* Every text of the page's body in document order, one plain paragraph
 * (BLOCK_P, no links) per run of text between block edges (p, div, li,
 * br, h1..h6, td, ...; dom_breaks_line); only what no reader ever sees
 * as text is left out (script, style, noscript, template).  Hidden
 * elements, menus and footers stay: nothing is judged.  The title is the
 * page's <title>; url is base_url (may be NULL).  STATUS_NO_ARTICLE
 * (with *why) when the page holds no text at all; STATUS_INPUT when
 * memory ran out. */
enum status_code extract_all_text(xmlDocPtr doc, const char *base_url,
				  struct article **out, const char **why);

#endif
