/* image-load.h - a page's lead picture, fetched and decoded on a worker
 * thread (task.h), so that the text is never held up by it.
 *
 * The picture comes through the same fetcher and limits as pages
 * (fetch.h: http and https only, the size cap, the timeout), taking
 * image/... types only (or none: the decoder tells formats by their
 * bytes).  The page cache is the caller's to read and write (the
 * store is not safe from two threads): image_load_start takes the cached
 * bytes when there are some, and image_load_finish hands freshly fetched
 * bytes back to be cached with the page (fetch-cache.h). */
#ifndef FOLIO_IMAGE_LOAD_H
#define FOLIO_IMAGE_LOAD_H

#include <stdbool.h>
#include <stddef.h>
#include "folio/fetch.h"
#include "folio/image-decode.h"
#include "folio/status.h"

struct image_load;

/* Start loading url (fo: user agent, timeout, size cap; copied).  When
 * cached is not NULL it holds the cached copy (the load takes it over)
 * and nothing is fetched.  want_width as for image_decode.  NULL when
 * no worker could be started (cached is then freed). */
struct image_load *image_load_start(const char *url,
				    const struct fetch_opts *fo,
				    char *cached, size_t cached_len,
				    int want_width);

/* Readable once the load has ended (for poll); see task_fd. */
int image_load_fd(const struct image_load *l);

/* Wait for the end, then: STATUS_OK with the picture in *img, or the
 * failure with "URL: cause" in err.  *fetched gets the response when
 * the bytes came from the network (the caller caches it, then frees it
 * with fetch_result_free); otherwise its status is not STATUS_OK. */
enum status_code image_load_finish(struct image_load *l, struct image *img,
				   struct fetch_result *fetched,
				   char err[FETCH_ERR_MAX]);

/* Cancel (when still running), wait and free.  NULL: nothing. */
void image_load_free(struct image_load *l);

#endif
