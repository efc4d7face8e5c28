/* lead-image.h - the article's lead photo: its URL, caption and credit,
 * found near the top of the article or in its metadata. */
#ifndef FOLIO_LEAD_IMAGE_H
#define FOLIO_LEAD_IMAGE_H

#include <libxml/tree.h>
#include "folio/article.h"

/* Find the lead image near the top of / inside content_root (may be
 * NULL) and set a->lead_image (url, caption, credit).  Returns the
 * element (figure or image container) whose caption must not be
 * repeated as body blocks, or NULL. */
xmlNodePtr lead_image_extract(xmlDocPtr doc, xmlNodePtr content_root,
			      const char *base_url, struct article *a);

#endif
