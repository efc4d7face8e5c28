/* meta-jsonld.h - article facts from schema.org JSON-LD scripts, parsed
 * leniently (pages ship raw newlines in strings, trailing commas,
 * comment/CDATA wrappers, several scripts). */
#ifndef FOLIO_META_JSONLD_H
#define FOLIO_META_JSONLD_H

#include <stdbool.h>
#include <stddef.h>
#include <libxml/tree.h>

struct jsonld_meta {
	char *headline;
	char *author;           /* person names, joined "A, B and C" */
	bool author_org;        /* only organisations were named as author */
	char *published;        /* datePublished as written */
	char *page_published;   /* a WebPage's datePublished (no article) */
	char *publisher;        /* publisher.name */
	char *image_url;
	char *image_caption;
	char *image_credit;     /* creditText / copyrightHolder / author */
	bool found;             /* an *Article / BlogPosting object was seen */
	bool list_page;         /* a CollectionPage, ItemList, SearchResultsPage
				 * or Blog object (page-kind.h) */
};

/* Parse one script's text and fill the fields of m still NULL from the
 * first article-like object in it.  Never fails on bad input: what
 * cannot be parsed is skipped.  Returns -1 only on OOM. */
int jsonld_parse(const char *text, size_t len, struct jsonld_meta *m);

/* jsonld_parse on node n when it is a <script type=…ld+json> and no
 * article was found yet (for callers that walk the tree themselves). */
int jsonld_script(xmlNodePtr n, struct jsonld_meta *m);

/* Run jsonld_parse over every <script type="application/ld+json">. */
int jsonld_collect(xmlDocPtr doc, struct jsonld_meta *m);

void jsonld_meta_free(struct jsonld_meta *m);

/* Make typical broken JSON-LD parseable: drop <!-- --> and CDATA
 * wrappers, escape raw control characters inside strings, drop bad
 * backslash escapes and trailing commas.  malloc'd copy, *outlen set;
 * NULL on OOM. */
char *jsonld_clean(const char *text, size_t len, size_t *outlen);

#endif
