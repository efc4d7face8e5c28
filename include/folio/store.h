/* store.h - folio's memory on disk: history with reading positions, an
 * HTML cache with HTTP validators, and the saved list, in one SQLite
 * database ($XDG_DATA_HOME/folio/folio.db, fallback
 * ~/.local/share/folio/folio.db).
 *
 * The store is optional everywhere: a NULL struct store * is accepted
 * by every function below (they then do nothing and report "absent" or
 * -1), so callers hold one pointer and never branch on whether history
 * works.  Two processes may use the database at once (WAL, write
 * transactions taken IMMEDIATE so they queue instead of failing); a
 * writer waits for another's lock up to STORE_BUSY_TIMEOUT_MS, and
 * once such a wait has run out its later statements give up at once
 * until one of its commits gets through (so a process meets a lock
 * held for long once, not once per write).  A process killed mid-write
 * loses only its open transaction.
 *
 * Conventions: functions returning int give 0 on success and -1 on a
 * database or memory error; the *_get functions give 1 found, 0 absent,
 * -1 error.  Times are Unix seconds.  Strings handed back are malloc'd
 * and owned by the caller (free them with the matching *_free). */
#ifndef FOLIO_STORE_H
#define FOLIO_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STORE_WARN_MAX 512
#define STORE_DEFAULT_CACHE_MB 200
/* How long a write waits for another folio's (README: "up to 5 s"). */
#define STORE_BUSY_TIMEOUT_MS 5000

struct store;

/* True when FOLIO_NO_STORE is set to a non-empty value other than "0":
 * then nothing is opened or created. */
bool store_disabled_by_env(void);

/* "$XDG_DATA_HOME/folio" (or "$HOME/.local/share/folio"); malloc'd,
 * NULL when neither variable is usable.  Nothing is created. */
char *store_default_dir(void);

/* Open (creating when needed) the database at path.  The directory is
 * not created here.  On failure returns NULL and warn holds one line
 * "PATH: cause; carrying on without history" (no trailing newline).  A
 * database that may be read but not written opens read-only (the lists
 * read, writes fail) with a warning in warn. */
struct store *store_open(const char *path, char warn[STORE_WARN_MAX]);

/* store_open on the default path, creating its directory (mode 0700).
 * Returns NULL with warn cleared when the store is disabled by the
 * environment, NULL with a warning when it cannot be opened. */
struct store *store_open_default(char warn[STORE_WARN_MAX]);

/* Close the database (the last close checkpoints the WAL) and free
 * st; NULL is fine. */
void store_free(struct store *st);

/* Why the last write failed, in SQLite's words ("database is locked"
 * when another process kept the write lock past STORE_BUSY_TIMEOUT_MS,
 * "attempt to write a readonly database"); "no database" for NULL. */
const char *store_last_error(const struct store *st);

/* Whether st was opened read-only (its opening warned that nothing new
 * is remembered: writes are not tried); false for NULL. */
bool store_read_only(const struct store *st);

/* The database handle, for modules that keep their own tables in it
 * (feed-store.c: feeds, stories, read marks); NULL for a NULL store. */
struct sqlite3 *store_db(struct store *st);

/* One entry of the history or of the saved list, as their lists give
 * them. */
struct store_entry {
	char *url;
	char *title;      /* may be NULL */
	char *site;       /* may be NULL */
	int64_t when;     /* last opened, or saved */
	long block;       /* history: the block the reader was at; saved: -1 */
};

/* Frees a list from store_history_list or store_saved_list. */
void store_entries_free(struct store_entry *e, size_t n);

/* ---- history ---------------------------------------------------- */

/* An article was opened: insert it or refresh title/site/time.  The
 * reading position of an existing entry is kept. */
int store_history_record(struct store *st, const char *url, const char *title,
			 const char *site, int64_t when);

/* Remember where the reader is (creates the entry when missing). */
int store_history_set_position(struct store *st, const char *url,
			       long block, long offset);

/* 1 with *block and *offset set, 0 when the URL has no history, -1 error. */
int store_history_get_position(struct store *st, const char *url,
			       long *block, long *offset);

/* The document URL a history entry (a file) was read with (--url);
 * NULL: none.  The entry must exist (store_history_record first). */
int store_history_set_base(struct store *st, const char *url, const char *base);
/* 1 with *base (malloc'd) set, 0 none (no entry or no base), -1 error. */
int store_history_base(struct store *st, const char *url, char **base);

/* The limit most recently opened entries, newest first.  *out is an
 * array of *n entries (NULL when none); free with store_entries_free. */
int store_history_list(struct store *st, size_t limit,
		       struct store_entry **out, size_t *n);

/* ---- cache ------------------------------------------------------ */

struct store_cache_entry {
	char *url;            /* the URL as requested (the key) */
	char *body;           /* page bytes, NUL-terminated */
	size_t len;
	char *final_url;      /* after redirects, or NULL */
	char *content_type;   /* or NULL */
	char *charset;        /* or NULL */
	char *etag;           /* ETag header, verbatim, or NULL */
	char *last_modified;  /* Last-Modified header, verbatim, or NULL */
	int64_t fetched;      /* when the bytes were last confirmed fresh */
};

/* Store (or replace) e->url's page, mark it most recently used, then
 * evict least recently used pages until the cache fits its cap. */
int store_cache_put(struct store *st, const struct store_cache_entry *e);

/* 1 and *out filled (free with store_cache_entry_free), 0 absent, -1
 * error.  Does not change the LRU order; see store_cache_touch. */
int store_cache_get(struct store *st, const char *url,
		    struct store_cache_entry *out);

/* The page was used (e.g. reused after a 304): make it most recently
 * used and, when fetched > 0, record that time as its fetch time. */
int store_cache_touch(struct store *st, const char *url, int64_t fetched);

/* Size cap in bytes for put's eviction (default 200 MB).  0 keeps
 * nothing. */
void store_cache_set_cap(struct store *st, int64_t cap_bytes);
/* The cap in bytes (-1 for a NULL store). */
int64_t store_cache_cap(const struct store *st);

/* Evict least recently used pages until the total body size is at
 * most cap_bytes. */
int store_cache_evict(struct store *st, int64_t cap_bytes);

/* Total body bytes and page count in the cache. */
int store_cache_usage(struct store *st, int64_t *bytes, int64_t *pages);

void store_cache_entry_free(struct store_cache_entry *e);

/* ---- saved list ------------------------------------------------- */

struct store_saved {
	char *url;
	char *title;         /* may be NULL */
	char *site;          /* may be NULL */
	int64_t saved;       /* when it was saved */
	char *html;          /* the source page */
	size_t html_len;
};

/* Save (or re-save) an article: its source page, read again (extracted
 * anew) when it is opened offline.  Saved articles are never evicted. */
int store_save(struct store *st, const char *url, const char *title,
	       const char *site, const char *html, size_t html_len, int64_t when);

/* Save an article whose source page is in the cache under url (the
 * pager's "s": it has the article, the cache has the page).  1 saved,
 * 0 when the page is not cached (nothing saved; use store_save), -1
 * error. */
int store_save_from_cache(struct store *st, const char *url, const char *title,
			  const char *site, int64_t when);

/* 1 removed, 0 it was not saved, -1 error. */
int store_unsave(struct store *st, const char *url);

/* 1 and *out filled (with html), 0 absent, -1 error.
 * Release with store_saved_free. */
int store_saved_get(struct store *st, const char *url, struct store_saved *out);

/* Every saved article, newest first, as store_history_list gives the
 * history. */
int store_saved_list(struct store *st, struct store_entry **out, size_t *n);

/* Frees one entry's strings (not the struct itself). */
void store_saved_free(struct store_saved *s);

#endif
