/* image-decode.h - image file bytes -> RGBA pixels.
 *
 * Pure: no terminal, no network.  The format is told by its magic bytes
 * (never by a URL or a Content-Type): JPEG (libjpeg-turbo), PNG
 * (libpng), GIF (giflib; the first frame only) and WebP (libwebp; still
 * images).  Anything else is refused with a status.  The decoders run
 * with bounds against decompression bombs: each side at most
 * IMAGE_MAX_SIDE pixels and at most IMAGE_MAX_PIXELS pixels decoded;
 * a JPEG larger than it needs to be is decoded at 1/2, 1/4 or 1/8 of its
 * size (libjpeg's DCT scaling), which is both faster and smaller.  Each
 * library is loaded at the first picture of its format (util-dl.h;
 * $FOLIO_LIBJPEG, $FOLIO_LIBPNG, $FOLIO_LIBGIF, $FOLIO_LIBWEBP name
 * others). */
#ifndef FOLIO_IMAGE_DECODE_H
#define FOLIO_IMAGE_DECODE_H

#include <stddef.h>
#include <stdint.h>

#define IMAGE_MAX_SIDE 16384
#define IMAGE_MAX_PIXELS ((size_t)16 << 20)     /* 64 MiB of RGBA */

enum image_format {
	IMAGE_FORMAT_UNKNOWN,
	IMAGE_FORMAT_JPEG,
	IMAGE_FORMAT_PNG,
	IMAGE_FORMAT_GIF,
	IMAGE_FORMAT_WEBP,
};

enum image_status {
	IMAGE_OK,
	IMAGE_UNSUPPORTED,      /* not one of the formats above */
	IMAGE_CORRUPT,          /* the decoder gave up on the bytes */
	IMAGE_TOO_LARGE,        /* over the side or pixel bounds */
	IMAGE_NO_MEMORY,
	IMAGE_NO_LIBRARY,       /* the format's library cannot be loaded */
};

/* Straight (unassociated) RGBA, 8 bits a channel, rows packed
 * (stride = width * 4). */
struct image {
	int width, height;
	uint8_t *rgba;
};

/* The format the first bytes announce. */
enum image_format image_sniff(const void *bytes, size_t len);

/* Decode bytes[0..len) into *out (free with image_free).  want_width > 0
 * lets the decoder shrink a JPEG by a power of two as long as its width
 * stays >= want_width (0: full size).  On failure *out is empty. */
enum image_status image_decode(const void *bytes, size_t len, int want_width,
			       struct image *out);

void image_free(struct image *img);

/* A short cause for a status: "not a JPEG, PNG, GIF or WebP image", ... */
const char *image_status_text(enum image_status st);

/* After IMAGE_NO_LIBRARY, the loader's account for those bytes'
 * format: "cannot load libjpeg (libjpeg.so.62: cannot open shared
 * object file: No such file or directory)". */
const char *image_library_error(const void *bytes, size_t len);

#endif
