/* fetch-inflate.c - gzip response bodies, decoded as they arrive. */
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "folio/fetch-inflate.h"
#include "folio/util-ascii.h"

/* Decoded bytes per step: the sink sees them in pieces of this size. */
#define OUT_STEP 16384

struct fetch_inflate {
	z_stream z;
	bool ended;     /* the last member's trailer was read */
	unsigned char out[OUT_STEP];
};

bool fetch_inflate_handles(const char *encoding)
{
	return encoding && (ascii_casecmp(encoding, "gzip") == 0 ||
			    ascii_casecmp(encoding, "x-gzip") == 0);
}

struct fetch_inflate *fetch_inflate_new(void)
{
	struct fetch_inflate *d = calloc(1, sizeof *d);
	/* 16 + MAX_WBITS: a gzip wrapper, its CRC and length checked */
	if (d && inflateInit2(&d->z, 16 + MAX_WBITS) != Z_OK) {
		free(d);
		return NULL;
	}
	return d;
}

/* After a member's end: does the input go on with another member (its
 * magic bytes)?  Then start on it.  Anything else after the end is
 * padding some servers add: it is dropped, as browsers do. */
static bool next_member(struct fetch_inflate *d)
{
	const unsigned char *p = d->z.next_in;
	if (p[0] != 0x1f || (d->z.avail_in > 1 && p[1] != 0x8b) ||
	    inflateReset(&d->z) != Z_OK) {
		d->z.avail_in = 0;
		return false;
	}
	d->ended = false;
	return true;
}

int fetch_inflate_feed(struct fetch_inflate *d, const char *in, size_t len,
		       fetch_inflate_sink sink, void *arg, const char **why)
{
	d->z.next_in = (Bytef *)in;
	d->z.avail_in = 0;
	for (;;) {
		if (d->z.avail_in == 0 && len > 0) {
			/* avail_in is 32 bits: a huge piece goes in slices */
			uInt slice = len > (1u << 30) ? 1u << 30 : (uInt)len;
			d->z.avail_in = slice;
			len -= slice;
		}
		if (d->ended && (d->z.avail_in == 0 || !next_member(d)))
			return 0;
		d->z.next_out = d->out;
		d->z.avail_out = sizeof d->out;
		int rc = inflate(&d->z, Z_NO_FLUSH);
		size_t got = sizeof d->out - d->z.avail_out;
		if (got && sink(arg, (const char *)d->out, got) != 0)
			return 1;
		if (rc == Z_STREAM_END) {
			d->ended = true;
		} else if (rc != Z_OK && rc != Z_BUF_ERROR) {
			*why = d->z.msg ? d->z.msg : "damaged compressed data";
			return -1;
		} else if (d->z.avail_in == 0 && len == 0 && d->z.avail_out > 0) {
			return 0;       /* all taken, no output held back */
		}
	}
}

bool fetch_inflate_complete(const struct fetch_inflate *d)
{
	return d->ended;
}

void fetch_inflate_free(struct fetch_inflate *d)
{
	if (!d)
		return;
	inflateEnd(&d->z);
	free(d);
}
