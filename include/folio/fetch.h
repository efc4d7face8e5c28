/* fetch.h - URL -> page bytes through libcurl, bounded and safe.
 *
 * Only http and https are fetched, for the first request and for every
 * redirect (at most FETCH_MAX_REDIRS).  curl's in-memory cookie engine
 * is on, every content encoding curl was built with is accepted, HTTP/2
 * is used when offered, TLS is always verified, proxies come from the
 * environment as curl reads them.  Transfers are bounded in time
 * (connect, low speed, whole transfer) and size; the size cap aborts
 * the transfer, it never buffers past it.
 *
 * Which media types are read is not fetch's decision: the caller's
 * accept_type (the opener's page-type.h) is asked when the first bytes
 * arrive, and a type it refuses stops the transfer as "not HTML".  What
 * the bytes then are (HTML, a feed) the opener decides. */
#ifndef FOLIO_FETCH_H
#define FOLIO_FETCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "folio/status.h"

#define FETCH_DEFAULT_TIMEOUT_S 30L
#define FETCH_DEFAULT_MAX_SIZE ((size_t)32 << 20)
#define FETCH_CONNECT_TIMEOUT_S 10L
#define FETCH_MAX_REDIRS 10L
#define FETCH_ERR_MAX 512

struct fetch_opts {
	const char *user_agent; /* NULL: "folio/VERSION" */
	long timeout_s;         /* whole transfer; <= 0: default */
	size_t max_size;        /* bytes of decoded body; 0: default */
	/* Conditional GET (the cache's validators, sent verbatim); NULL:
	 * not sent.  A 304 answer then gives STATUS_OK with not_modified. */
	const char *if_none_match;
	const char *if_modified_since;
	/* Whether a response of this media type (lower-case, no
	 * parameters) is read at all, asked before its body is (and only
	 * when a type was sent): false stops it, STATUS_NOT_HTML "not HTML
	 * (content type T)".  NULL: every type is read. */
	bool (*accept_type)(const char *media_type, void *arg);
	void *accept_arg;
	/* Called while the transfer runs (libcurl's xferinfo: often while
	 * bytes arrive, about once a second when none do) with the bytes
	 * expected (0: unknown) and received so far; a nonzero return
	 * aborts it: status STATUS_NETWORK, cause "cancelled".  NULL: none.
	 * task_xferinfo (task.h) fits. */
	int (*progress)(void *arg, uint64_t total, uint64_t now);
	void *progress_arg;
};

struct fetch_result {
	enum status_code status;  /* STATUS_OK or why it failed */
	char err[FETCH_ERR_MAX];  /* "URL: cause" when status != OK */
	char *body;               /* NUL-terminated; NULL on failure */
	size_t len;
	char *final_url;          /* after redirects; NULL when unknown */
	long http_code;           /* 0 when no response was had */
	char *content_type;       /* lower-case media type, no parameters */
	char *charset;            /* from the Content-Type header, or NULL */
	char *etag;               /* ETag of the final response, or NULL */
	char *last_modified;      /* its Last-Modified, or NULL */
	bool not_modified;        /* 304 to a conditional GET: body is "" */
	/* With STATUS_OK, what the reader should know though the page
	 * came: "URL: not cached: cause" (fetch-cache.h); else "". */
	char warn[FETCH_ERR_MAX];
};

/* Load libcurl (fetch_curl.h) and run curl_global_init, once.  Called
 * lazily by the functions below that need curl (so a run that fetches
 * nothing never loads it); a program may call it early.  Cleanup is
 * registered with atexit.  Returns 0, -1 on failure (a fetch then
 * fails with "URL: cannot load libcurl (why)", STATUS_NETWORK). */
int fetch_global_init(void);

/* Fetch one URL (easy interface).  Fills *res (always; free it with
 * fetch_result_free) and returns res->status. */
enum status_code fetch_url(const char *url, const struct fetch_opts *opts,
			   struct fetch_result *res);

/* Fetch n URLs concurrently (multi interface), at most jobs at a time
 * (jobs <= 0: 8).  res[i] belongs to urls[i].  Returns STATUS_OK when
 * every fetch succeeded, else the status of the first failure in order. */
enum status_code fetch_many(const char *const *urls, size_t n, int jobs,
			    const struct fetch_opts *opts,
			    struct fetch_result *res);

/* Called by fetch_many_cb as each transfer ends (in the order they end)
 * with its index and result.  It may take over or free the result's
 * buffers (fetch_result_free); status and err stay as they are. */
typedef void fetch_done_fn(size_t i, struct fetch_result *res, void *arg);

/* fetch_many that reports each result as soon as it is there, so a
 * caller can use and free each body while the others still arrive. */
enum status_code fetch_many_cb(const char *const *urls, size_t n, int jobs,
			       const struct fetch_opts *opts,
			       struct fetch_result *res, fetch_done_fn *done,
			       void *arg);

/* fetch_many_cb with options per URL: opts[i] for urls[i] (so that each
 * URL sends its own conditional-GET validators); done may be NULL. */
enum status_code fetch_many_each(const char *const *urls, size_t n, int jobs,
				 const struct fetch_opts *opts,
				 struct fetch_result *res, fetch_done_fn *done,
				 void *arg);

void fetch_result_free(struct fetch_result *res);

/* The status and a short cause for a libcurl error code (CURLcode as
 * int) and the OS errno curl reported (0 when none): e.g.
 * CURLE_COULDNT_RESOLVE_HOST -> STATUS_NETWORK, "DNS lookup failed
 * (host not found)".  Never NULL. */
enum status_code fetch_error_status(int curl_code, long os_errno,
				    const char **cause);

/* Reason phrase for an HTTP status code ("Not Found"), "" if unknown. */
const char *fetch_http_reason(long code);

/* A response header line "Name: value" (CRLF and blanks around the
 * value dropped): the value malloc'd when the name is name (any case)
 * and the value printable ASCII (validators are sent back verbatim in
 * a later request), else NULL. */
char *fetch_header_value(const char *buf, size_t len, const char *name);

/* The reason phrase of a status line "HTTP/1.1 404 Not Found" into out
 * (printable ASCII only, cut to size); "" when buf is no status line. */
void fetch_status_reason(const char *buf, size_t len, char *out, size_t size);

/* Parse a Content-Type header value: lower-case media type into type
 * (cleared when none) and the charset parameter into charset (cleared
 * when none); values are cut to the buffer sizes. */
void fetch_parse_content_type(const char *value, char *type, size_t type_sz,
			      char *charset, size_t charset_sz);

/* Are both URLs the same after normalisation (scheme/host case,
 * default port, fragment ignored)? */
bool fetch_same_url(const char *a, const char *b);

#endif
