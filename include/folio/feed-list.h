/* feed-list.h - stories from feeds, and the story list the pager shows.
 *
 * The list is an ordinary struct article: one list item per story whose
 * text is "Title · Source · date" (" · new" while unread) and whose
 * link, over the title, is the story's URL.  So the pager's link keys,
 * search, back stack and reload work on it unchanged, and following a
 * story's link extracts the story itself, not the feed's summary. */
#ifndef FOLIO_FEED_LIST_H
#define FOLIO_FEED_LIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "folio/article.h"
#include "folio/feed-parse.h"

struct story {
	char *feed_url;   /* the feed it came from */
	char *source;     /* the feed's title, else its host; may be NULL */
	char *url;        /* the story's link (absolute); may be NULL */
	char *id;         /* guid / atom:id / link */
	char *title;      /* may be NULL */
	char *date;       /* as the feed gave it; may be NULL */
	int64_t time;     /* parsed date, 0 when unknown */
	char *author, *summary;
	char *section;    /* a list page's section label; NULL from feeds */
	bool read;
};

void stories_free(struct story *s, size_t n);

/* The stories of a parsed feed, in feed order (read marks unset).
 * Returns 0, -1 on OOM. */
int stories_from_feed(const struct feed *f, const char *feed_url,
		      struct story **out, size_t *n);

/* Newest first; stories without a date keep their place after the
 * dated ones, in the order given (stable). */
void stories_sort(struct story *s, size_t n);

/* "news.example" from "https://news.example/feed"; malloc'd or NULL. */
char *feed_list_host(const char *url);

/* The pager's list: title (e.g. the feed's title), url (what reload
 * opens), the stories in the order given.  The dates are shown in
 * local time.  NULL on OOM. */
struct article *feed_list_article(const char *title, const char *url,
				 const struct story *s, size_t n);

/* A list page's stories (page-kind.h: f holds them like a feed's) as
 * the pager's list, in the page's own order (the lead first), without
 * a source on each line (one site).  is_read (may be NULL) gives the
 * read marks.  NULL on OOM. */
struct article *feed_list_of(const struct feed *f, const char *url,
			     bool (*is_read)(const char *url, void *arg), void *arg);

#endif
