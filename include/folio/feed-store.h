/* feed-store.h - feeds, their stories and read marks in the store
 * (tables "feed", "story" and "story_read", made by feed-store.c).
 *
 * Like store.h: a NULL store is accepted everywhere (nothing is kept,
 * lists come back empty); int results are 0 ok / -1 error, *_get 1
 * found / 0 absent / -1 error. */
#ifndef FOLIO_FEED_STORE_H
#define FOLIO_FEED_STORE_H

#include <stddef.h>
#include <stdint.h>
#include "folio/feed-parse.h"
#include "folio/feed-list.h"
#include "folio/store.h"

#define FEEDSTORE_KEEP 1000    /* stories kept per feed */

/* A fetched feed: remember its title and validators, insert its new
 * stories and refresh the known ones (their read marks stay).  *added
 * (may be NULL) gets the number of stories not seen before. */
int feed_store_put(struct store *st, const char *feed_url, const struct feed *f,
		  const char *etag, const char *last_modified, int64_t now,
		  size_t *added);

/* The feed answered 304: only its fetch time changes. */
int feed_store_touch(struct store *st, const char *feed_url, int64_t now);

/* How a feed's last fetch went: err (one line, the cause) when it
 * failed, NULL when it came (the error is then forgotten). */
int feed_store_set_error(struct store *st, const char *feed_url, const char *err,
			 int64_t now);

/* A feed as the feeds view shows it. */
struct feed_state {
	char *title;            /* the feed's own, or NULL */
	char *error;            /* why the last fetch failed; NULL: it did not */
	int64_t fetched;        /* last fetch that came (0: never) */
	int64_t error_at;       /* when the last failure was (0: never) */
	size_t stories, unread;
};
/* 1 with *out filled, 0 the feed was never fetched (*out all 0), -1
 * error.  Free with feed_state_free. */
int feed_store_state(struct store *st, const char *feed_url, struct feed_state *out);
void feed_state_free(struct feed_state *s);

/* Validators for a conditional GET (each malloc'd or NULL). */
int feed_store_validators_get(struct store *st, const char *feed_url,
			     char **etag, char **last_modified);

/* Stories of the feeds given (all feeds when n_feeds is 0), newest
 * first, at most limit, with their read marks.  Free with
 * stories_free. */
int feed_store_stories(struct store *st, const char *const *feed_urls, size_t n_feeds,
		      size_t limit, struct story **out, size_t *n);

/* A story's link was opened: mark it read (URLs that are no story are
 * ignored: 0).  1 marked. */
int feed_store_mark_read(struct store *st, const char *url, int64_t when);

/* The reader marked url read by hand (the pager's m): kept by the URL
 * even when no stored story has it yet (a front page's story that was
 * not stored), so the mark shows wherever the URL is listed.  1 marked,
 * 0 it was read already. */
int feed_store_mark_url(struct store *st, const char *url, int64_t when);

/* The reader wants the story unread again: 1 done, 0 it was not read. */
int feed_store_mark_unread(struct store *st, const char *url);

/* 1 read, 0 not, -1 error. */
int feed_store_is_read(struct store *st, const char *url);

#endif
