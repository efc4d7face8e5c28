/* meta.h - article metadata: title, byline, site name, date (the lead
 * image is lead-image.h's). */
#ifndef FOLIO_META_H
#define FOLIO_META_H

#include <libxml/tree.h>
#include "folio/article.h"

/* Fill title, byline, site_name, published (and lead_image url/caption/credit from metadata when known). */
void meta_extract(xmlDocPtr doc, const char *base_url, struct article *a);

/* When nothing named the author (a->byline NULL): the article's last
 * paragraph as the author's signature, when it reads as a name alone
 * ("Jo Berg", "Jo T. Berg") or a name and a date ("Benni 10. September
 * 2017").  Run on the extracted blocks. */
void meta_signature(struct article *a);

#endif
