/* leadimage.c - the lead image (placeholder until the metadata owner
 * lands the real one: finds nothing, so no caption is withheld). */
#include "folio/meta.h"

xmlNodePtr lead_image_extract(xmlDocPtr doc, xmlNodePtr content_root,
			      const char *base_url, struct article *a)
{
	(void)doc;
	(void)content_root;
	(void)base_url;
	(void)a;
	return NULL;
}
