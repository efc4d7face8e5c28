/* meta.h - article metadata: title, byline, site name, date (the lead
 * image is lead-image.h's). */
#ifndef FOLIO_META_H
#define FOLIO_META_H

#include <libxml/tree.h>
#include "folio/article.h"

/* Fill title, byline, site_name, published (and lead_image url/caption/credit from metadata when known). */
void meta_extract(xmlDocPtr doc, const char *base_url, struct article *a);

#endif
