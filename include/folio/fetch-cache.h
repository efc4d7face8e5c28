/* fetch-cache.h - a URL's page through the store: the cached copy is
 * revalidated with a conditional GET and reused on 304; fresh pages are
 * cached; --offline reads only the cache and the saved list.
 *
 * Sits between source (which extracts) and fetch/store (which it
 * combines); without a store it is plain fetch_url. */
#ifndef FOLIO_FETCH_CACHE_H
#define FOLIO_FETCH_CACHE_H

#include <stdbool.h>
#include "folio/fetch.h"
#include "folio/status.h"
#include "folio/store.h"

enum fetch_origin {
	ORIGIN_NETWORK,      /* fetched (and cached when there is a store) */
	ORIGIN_REVALIDATED,  /* the server said 304: the cached copy */
	ORIGIN_CACHE,        /* offline: the cached copy */
	ORIGIN_SAVED,        /* offline: the saved list's copy */
};

/* Fill *res like fetch_url does (free it with fetch_result_free): body,
 * len, final_url, content_type, charset; err on failure; warn when a
 * fetched page could not be cached ("URL: not cached: database is
 * locked": the page is still there to read).  st may be
 * NULL.  Offline, a page neither cached nor saved is STATUS_INPUT with
 * "URL: not in the cache (offline)".  origin may be NULL. */
enum status_code fetch_cached(struct store *st, bool offline, const char *url,
			     const struct fetch_opts *fo, struct fetch_result *res,
			     enum fetch_origin *origin);

/* The cache's copy of url into *res (as fetch_cached fills it): 1, or 0
 * when there is none (or no store).  For a caller that fetches on
 * another thread (image-load.h) and so keeps the store to itself. */
int fetch_cache_lookup(struct store *st, const char *url,
		       struct fetch_result *res);

/* Cache a successful fetch of url (failing to cache is not an error:
 * res->warn then says "URL: not cached: cause"). */
void fetch_cache_put(struct store *st, const char *url,
		     struct fetch_result *res);

#endif
