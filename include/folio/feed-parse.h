/* feed-parse.h - RSS 2.0, RSS 1.0 (RDF) and Atom feeds -> a list of stories.
 *
 * Parsed with libxml2's XML parser: no network, no DTD loading, no
 * external entities, entities never substituted (an entity bomb costs
 * nothing; a reference to a declared entity is dropped, a reference to
 * an undeclared HTML entity such as &nbsp; becomes its character).
 * Malformed feeds are recovered where libxml2 can.  Every string is
 * cleaned (text_clean): valid UTF-8, no control characters.  HTML in
 * titles and summaries becomes plain text. */
#ifndef FOLIO_FEED_PARSE_H
#define FOLIO_FEED_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>
#include <libxml/tree.h>
#include "folio/status.h"

#define FEED_MAX_ITEMS 1000
#define FEED_SUMMARY_MAX 2048   /* bytes of a summary kept */
#define FEED_ERR_MAX 512

enum feed_format { FEED_NONE, FEED_RSS, FEED_RDF, FEED_ATOM };

struct feed_item {
	char *title;     /* NULL when the feed gave none */
	char *link;      /* absolute (Atom: rel=alternate); NULL when none */
	char *id;        /* guid / atom:id, else the link; NULL when neither */
	char *date;      /* as given (cleaned), or NULL */
	time_t time;     /* date parsed; 0 when absent or unparsable */
	char *author;
	char *summary;   /* plain text, at most FEED_SUMMARY_MAX bytes */
	char *section;   /* section / kicker (lists from pages); NULL in feeds */
};

struct feed {
	enum feed_format format;
	char *title;     /* feed title, or NULL */
	char *link;      /* the site's page, absolute, or NULL */
	struct feed_item *items;
	size_t nitems;
	bool truncated;  /* more than FEED_MAX_ITEMS items were dropped */
};

/* Parse a feed.  url is the feed's URL (after redirects), the base for
 * relative links; may be NULL.  charset: from the HTTP header, used
 * only when the document declares none; may be NULL.  On STATUS_OK *out
 * is the feed (free with feed_free); else *out is NULL and err holds
 * "URL: cause" (STATUS_NO_ARTICLE for a document that is no feed,
 * STATUS_INPUT for one libxml2 could not read at all). */
enum status_code feed_parse(const char *body, size_t len, const char *url,
			    const char *charset, struct feed **out,
			    char err[FEED_ERR_MAX]);

void feed_free(struct feed *f);


/* A feed an HTML page advertises: <link rel="alternate"
 * type="application/rss+xml|application/atom+xml" href=...>. */
struct feed_link {
	char *url;       /* absolute */
	char *title;     /* or NULL */
	enum feed_format format;  /* FEED_RSS or FEED_ATOM (from the type) */
};

/* Feeds advertised by a parsed HTML page (base: the page's URL, <base
 * href> honoured), the first FEED_LINKS_MAX distinct ones (each is
 * compared with those kept: a page of 10^5 links stays linear).  *out
 * is an array of *n links (NULL when none).  Returns 0, -1 on OOM. */
#define FEED_LINKS_MAX 64
int feed_discover_doc(xmlDocPtr doc, const char *url,
		      struct feed_link **out, size_t *n);
/* The same from page bytes (parsed as UTF-8 HTML). */
int feed_discover(const char *html, size_t len, const char *url,
		  struct feed_link **out, size_t *n);
void feed_links_free(struct feed_link *l, size_t n);

#endif
