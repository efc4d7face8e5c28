/* fetch-cache.c - fetch through the store: conditional GET, offline reads. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "folio/fetch-cache.h"

/* Hand the cached copy's bytes and facts over to res (e keeps only
 * what res does not take). */
static void take_entry(struct fetch_result *res, struct store_cache_entry *e)
{
	memset(res, 0, sizeof *res);
	res->status = STATUS_OK;
	res->http_code = 200;
	res->body = e->body;
	res->len = e->len;
	res->final_url = e->final_url;
	res->content_type = e->content_type;
	res->charset = e->charset;
	res->etag = e->etag;
	res->last_modified = e->last_modified;
	e->body = e->final_url = e->content_type = e->charset = NULL;
	e->etag = e->last_modified = NULL;
	e->len = 0;
}

static void fail(struct fetch_result *res, enum status_code st, const char *url,
		 const char *cause)
{
	memset(res, 0, sizeof *res);
	res->status = st;
	snprintf(res->err, sizeof res->err, "%s: %s", url, cause);
}

static enum status_code from_saved(struct store *st, const char *url,
				   struct fetch_result *res)
{
	struct store_saved s;
	if (store_saved_get(st, url, &s) != 1)
		return STATUS_INPUT;
	memset(res, 0, sizeof *res);
	res->status = STATUS_OK;
	res->http_code = 200;
	res->body = s.html;
	res->len = s.html_len;
	res->final_url = s.url;
	s.html = s.url = NULL;
	store_saved_free(&s);
	return STATUS_OK;
}

static enum status_code offline_fetch(struct store *st, const char *url,
				      struct fetch_result *res,
				      enum fetch_origin *origin)
{
	if (!st) {
		fail(res, STATUS_INPUT, url, "not available offline (the page "
		     "cache is off or unreadable)");
		return STATUS_INPUT;
	}
	if (fetch_cache_lookup(st, url, res)) {
		*origin = ORIGIN_CACHE;
		return STATUS_OK;
	}
	if (from_saved(st, url, res) == STATUS_OK) {
		*origin = ORIGIN_SAVED;
		return STATUS_OK;
	}
	fail(res, STATUS_INPUT, url, "not in the cache (offline)");
	return STATUS_INPUT;
}

/* Keep a freshly fetched page; failing to cache is not an error, but
 * the reader is told (res->warn). */
static void remember(struct store *st, const char *url, struct fetch_result *res)
{
	struct store_cache_entry e = {
		.url = (char *)url, .body = res->body, .len = res->len,
		.final_url = res->final_url, .content_type = res->content_type,
		.charset = res->charset, .etag = res->etag,
		.last_modified = res->last_modified, .fetched = (int64_t)time(NULL),
	};
	if (store_read_only(st))
		return;         /* said once, when the store was opened */
	if (store_cache_put(st, &e) != 0)
		snprintf(res->warn, sizeof res->warn, "%.400s: not cached: %s", url,
			 store_last_error(st));
}

int fetch_cache_lookup(struct store *st, const char *url,
		       struct fetch_result *res)
{
	struct store_cache_entry e;
	if (!st || store_cache_get(st, url, &e) != 1)
		return 0;
	take_entry(res, &e);
	store_cache_entry_free(&e);
	store_cache_touch(st, url, 0);
	return 1;
}

void fetch_cache_put(struct store *st, const char *url,
		     struct fetch_result *res)
{
	if (st && res->status == STATUS_OK && res->body)
		remember(st, url, res);
}

enum status_code fetch_cached(struct store *st, bool offline, const char *url,
			     const struct fetch_opts *fo, struct fetch_result *res,
			     enum fetch_origin *origin)
{
	enum fetch_origin dummy;
	struct store_cache_entry e;
	struct fetch_opts o = { 0 };

	if (!origin)
		origin = &dummy;
	*origin = ORIGIN_NETWORK;
	if (offline)
		return offline_fetch(st, url, res, origin);
	if (fo)
		o = *fo;
	/* The validators are the cached copy's, or none: a 304 must mean
	 * "your copy", never some other caller's idea of one. */
	int have = store_cache_get(st, url, &e) == 1;
	o.if_none_match = have ? e.etag : NULL;
	o.if_modified_since = have ? e.last_modified : NULL;
	enum status_code rc = fetch_url(url, &o, res);
	if (rc == STATUS_OK && res->not_modified && have) {
		fetch_result_free(res);
		take_entry(res, &e);
		store_cache_touch(st, url, (int64_t)time(NULL));
		*origin = ORIGIN_REVALIDATED;
	} else if (rc == STATUS_OK && st) {
		remember(st, url, res);
	} else if (rc == STATUS_NETWORK && st && have) {
		/* The reader may not know a copy is there to read. */
		size_t n = strlen(res->err);
		snprintf(res->err + n, sizeof res->err - n,
			 " (a cached copy can be read with --offline)");
	}
	store_cache_entry_free(&e);
	return rc;
}
