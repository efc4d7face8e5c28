/* fetch-inflate.h - a gzip response body decompressed as it arrives,
 * knowing whether the compressed stream was whole.  libcurl's own
 * decoding hands over what it has when a gzip stream is cut short (half
 * a page read as the article), so fetch.c asks for the raw bytes and
 * decodes them here, with zlib. */
#ifndef FOLIO_FETCH_INFLATE_H
#define FOLIO_FETCH_INFLATE_H

#include <stdbool.h>
#include <stddef.h>

struct fetch_inflate;

/* Decoded bytes out: 0 to go on, non-zero to stop (the body is full). */
typedef int (*fetch_inflate_sink)(void *arg, const char *bytes, size_t len);

/* Is this Content-Encoding one fetch_inflate decodes ("gzip",
 * "x-gzip", any case)?  "identity" and an empty value need none. */
bool fetch_inflate_handles(const char *encoding);

/* A decoder, or NULL when memory ran out. */
struct fetch_inflate *fetch_inflate_new(void);

/* Decode len more compressed bytes into sink.  Returns 0; -1 for
 * damaged data (*why says how); 1 when the sink asked to stop.  After
 * the end of the stream further bytes are ignored, except another
 * gzip member, which is decoded too (RFC 1952 allows several). */
int fetch_inflate_feed(struct fetch_inflate *d, const char *in, size_t len,
		       fetch_inflate_sink sink, void *arg, const char **why);

/* Did the stream end where gzip says it ends (false: cut short)? */
bool fetch_inflate_complete(const struct fetch_inflate *d);

void fetch_inflate_free(struct fetch_inflate *d);

#endif
