/* meta.h - article metadata (title, byline, site name, date) and the
 * lead image with its caption and credit. */
#ifndef FOLIO_META_H
#define FOLIO_META_H

#include <libxml/tree.h>
#include "folio/article.h"

/* Fill title, byline, site_name, published (and lead_image url/caption/credit from metadata when known). */
void meta_extract(xmlDocPtr doc, const char *base_url, struct article *a);
/* Find the lead image near the top of / inside content_root (may be NULL), set a->lead_image (url, caption, credit). Returns the element (figure/img container) whose caption must NOT be repeated as body blocks, or NULL. */
xmlNodePtr lead_image_extract(xmlDocPtr doc, xmlNodePtr content_root, const char *base_url, struct article *a);

#endif
