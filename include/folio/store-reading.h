/* store-reading.h - what the reader has read: the history with reading
 * places, the saved list and feed stories' read marks.  The one way the
 * pager (ui.c) and the command line (main.c) reach them, so both keep
 * the same rules: which names are remembered, how long a list is, how
 * a page is saved.
 *
 * Built on store.h (history, saved) and feed-store.h (read marks).  A
 * NULL store is accepted everywhere, as there: nothing is kept, lists
 * fail with -1.  int results are 0 ok / -1 error unless said. */
#ifndef FOLIO_STORE_READING_H
#define FOLIO_STORE_READING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "folio/article.h"
#include "folio/store.h"

/* Entries the history list holds at most (the saved list is whole:
 * saved articles are kept until unsaved). */
#define READING_HISTORY_MAX 500

/* A name worth remembering: one the opener can open again, a path or
 * an http(s) URL (never a pseudo-URL such as the feeds list's
 * "folio:feeds", nor stdin's NULL). */
bool reading_rememberable(const char *name);

/* The user opened name (a URL or a path) and it was printed: a feed
 * story of that URL is now read.  Nothing goes into the history. */
int reading_opened(struct store *st, const char *name, int64_t when);

/* The reader marks a feed story read (or unread again) by hand: the
 * pager's m and M.  The mark goes by the URL, stored story or not (a
 * front page's story is read wherever it is listed).  0 ok, -1 error. */
int reading_mark(struct store *st, const char *url, bool read, int64_t when);

/* 1 when url is marked read, 0 not, -1 error. */
int reading_is_read(struct store *st, const char *url);

/* The pager shows the page a opened from name: as reading_opened,
 * and a rememberable name enters the history with a's title and
 * site (its reading place is kept); a file with a's URL when it has one
 * (read with --url: reading_base). */
int reading_shown(struct store *st, const char *name, const struct article *a,
		  int64_t when);

/* The document URL the file name was last shown with (--url): 1 with
 * *base malloc'd, 0 none (a URL, or a file read without one), -1 error.
 * The pager's opener reads a file again with it (history, reload). */
int reading_base(struct store *st, const char *name, char **base);

/* The reading place of name (block index, byte offset in it): 1 with
 * *block and *offset set, 0 none, -1 error. */
int reading_place_get(struct store *st, const char *name, long *block, long *offset);

/* The reader leaves name at this place (only rememberable names). */
int reading_place_set(struct store *st, const char *name, long block, long offset);

enum reading_list { READING_HISTORY, READING_SAVED };

/* The history (last opened first, at most READING_HISTORY_MAX; one
 * page under two names, e.g. with and without a #fragment, is one
 * entry, the newest) or
 * the saved list (last saved first).  *out (NULL when empty) is freed
 * with store_entries_free. */
int reading_list(struct store *st, enum reading_list which,
		 struct store_entry **out, size_t *n);

/* Save the article a opened from name: a URL's page from the cache, a
 * file's bytes from the file.  1 saved, 0 the page is no longer
 * cached (reload it), -1 not rememberable or a store error. */
int reading_save(struct store *st, const char *name, const struct article *a,
		 int64_t when);

/* 1 removed, 0 it was not saved, -1 error. */
int reading_unsave(struct store *st, const char *url);

#endif
