/* open.h - the one place that turns what the user named (a URL, a
 * file, or "-" for stdin) into a struct article.  main uses it for the
 * command line; the ui is handed open_page as a callback, so following
 * a link takes the same path. */
#ifndef FOLIO_OPEN_H
#define FOLIO_OPEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "folio/article.h"
#include "folio/status.h"

struct store;

struct fetch_result;
struct open_opts;

/* A source turned out to be an RSS/Atom feed (page-type.h): make
 * its article instead of extracting it (main passes feed_cli_on_feed:
 * the story list).  res->body holds the bytes (a file's too).  err as
 * for open_page. */
typedef enum status_code (*open_feed_fn)(const char *arg,
					   const struct fetch_result *res,
					   const struct open_opts *opts,
					   struct article **out, char *err);

struct feed;
/* An HTML page turned out to be a list of stories (page-kind.h): make
 * its article from them (main passes feed_cli_on_list: the story list,
 * kept in the store like a feed's so read marks show).  list stays the
 * caller's.  err as for open_page. */
typedef enum status_code (*open_list_fn)(const char *arg, const struct feed *list,
					   const struct open_opts *opts,
					   struct article **out, char *err);

struct open_opts {
	const char *base_url;   /* --url: document URL for a file/stdin */
	const char *user_agent; /* NULL: "folio/VERSION" */
	long timeout_s;         /* whole-transfer limit; 0: default 30 */
	size_t max_size;        /* bytes; 0: default 32 MiB */
	struct store *store;    /* page cache (fetch-cache.h); NULL: none */
	bool offline;           /* URLs only from the cache / saved list */
	open_feed_fn on_feed; /* feeds; NULL: refused as not HTML */
	open_list_fn on_list; /* list pages; NULL: the bare list (feed_list_of) */
	/* An HTML page's whole text (extract-all.h) instead of its article
	 * or list: the pager's v, for what extraction left out. */
	bool whole_text;
	/* Every fetch's progress and cancel hook (fetch_opts.progress);
	 * NULL: none. */
	int (*progress)(void *arg, uint64_t total, uint64_t now);
	void *progress_arg;
};

struct fetch_opts;
/* The fetch options these open options stand for. */
void open_fetch_opts(const struct open_opts *opts, struct fetch_opts *fo);

#define OPEN_ERR_MAX 512

/* Open one source.  On STATUS_OK *out is the article, and err is empty
 * or holds one warning for the reader, about something that did not
 * stop the page ("URL: not cached: database is locked").  Otherwise
 * *out is NULL and err holds one line "ARG: cause" (no trailing
 * newline). */
enum status_code open_page(const char *arg, const struct open_opts *opts,
			     struct article **out, char err[OPEN_ERR_MAX]);

/* One result of open_many: article on STATUS_OK (err: a warning, or
 * empty, as open_page leaves it), else err. */
struct open_result {
	enum status_code status;
	struct article *article;
	char err[OPEN_ERR_MAX];
};

/* Called by open_many for each source in the order given, as
 * soon as it and every source before it are done.  It may take over
 * r->article (setting it to NULL); status and err stay. */
typedef void open_ready_fn(size_t i, struct open_result *r, void *arg);

/* Open n sources (URLs and files mixed).  URLs are fetched concurrently,
 * at most jobs at a time (jobs <= 0: 8).  results[i] belongs to args[i];
 * ready (may be NULL) sees each in order while the rest still arrive;
 * the caller frees the articles left in results.  Returns STATUS_OK
 * when all succeeded, else the status of the first failure in order. */
enum status_code open_many(const char *const *args, size_t n,
				  const struct open_opts *opts, int jobs,
				  struct open_result *results,
				  open_ready_fn *ready, void *arg);

/* The name to remember arg by (history, reload): a file's absolute
 * path (so it opens from any directory), a URL as it is.  malloc'd;
 * NULL for "-" (stdin) or on OOM. */
char *open_full_name(const char *arg);

/* True when arg names a URL (has a scheme such as http:, https:, ftp:,
 * file:) rather than a path. */
bool open_is_url(const char *arg);

#endif
