/* image-decode.c - JPEG/PNG/GIF/WebP bytes -> RGBA (see image-decode.h).
 *
 * Each format is handed to its own maintained library; this file only
 * sets the bounds, turns each library's error reporting into a status and
 * converts the output to packed RGBA.  Each library is loaded when the
 * first picture of its format comes (util-dl.h): most runs draw none. */
#include "folio/image-decode.h"

#include <limits.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gif_lib.h>
#include <jpeglib.h>
#include <png.h>
#include <webp/decode.h>

#include "folio/util-dl.h"

/* The libraries' sonames (the Makefile's, from the ones built against). */
#ifndef FOLIO_LIBJPEG_SONAME
#define FOLIO_LIBJPEG_SONAME "libjpeg.so.62"
#endif
#ifndef FOLIO_LIBPNG_SONAME
#define FOLIO_LIBPNG_SONAME "libpng16.so.16"
#endif
#ifndef FOLIO_LIBWEBP_SONAME
#define FOLIO_LIBWEBP_SONAME "libwebp.so.7"
#endif
#ifndef FOLIO_LIBGIF_SONAME
#define FOLIO_LIBGIF_SONAME "libgif.so.7"
#endif

/* Each library's functions (util-dl.h): a table and its symbols. */
#define JPEG_FUNCS(X) \
	X(jpeg_, std_error) X(jpeg_, CreateDecompress) \
	X(jpeg_, destroy_decompress) X(jpeg_, mem_src) X(jpeg_, read_header) \
	X(jpeg_, calc_output_dimensions) X(jpeg_, start_decompress) \
	X(jpeg_, read_scanlines) X(jpeg_, finish_decompress)
#define PNG_FUNCS(X) \
	X(png_, image_begin_read_from_memory) X(png_, image_finish_read) \
	X(png_, image_free)
/* WebPGetFeatures() is an inline calling this with the ABI version. */
#define WEBP_FUNCS(X) X(WebP, GetFeaturesInternal) X(WebP, DecodeRGBAInto)
#define GIF_FUNCS(X) \
	X(DGif, Open) X(DGif, CloseFile) X(DGif, GetRecordType) \
	X(DGif, GetImageDesc) X(DGif, GetLine) X(DGif, GetExtension) \
	X(DGif, GetExtensionNext) X(DGif, ExtensionToGCB)

static struct { JPEG_FUNCS(DL_MEMBER) } jpeg;
static struct { PNG_FUNCS(DL_MEMBER) } png;
static struct { WEBP_FUNCS(DL_MEMBER) } webp;
static struct { GIF_FUNCS(DL_MEMBER) } gif;

#define JPEG_SYM(p, f) DL_SYM(jpeg, p, f)
#define PNG_SYM(p, f) DL_SYM(png, p, f)
#define WEBP_SYM(p, f) DL_SYM(webp, p, f)
#define GIF_SYM(p, f) DL_SYM(gif, p, f)
static const struct dl_sym jpeg_syms[] = { JPEG_FUNCS(JPEG_SYM) };
static const struct dl_sym png_syms[] = { PNG_FUNCS(PNG_SYM) };
static const struct dl_sym webp_syms[] = { WEBP_FUNCS(WEBP_SYM) };
static const struct dl_sym gif_syms[] = { GIF_FUNCS(GIF_SYM) };

/* Indexed by enum image_format. */
static struct dl_lib libs[] = {
	[IMAGE_FORMAT_JPEG] = DL_LIB("libjpeg", FOLIO_LIBJPEG_SONAME,
				     "FOLIO_LIBJPEG", jpeg_syms),
	[IMAGE_FORMAT_PNG] = DL_LIB("libpng", FOLIO_LIBPNG_SONAME,
				    "FOLIO_LIBPNG", png_syms),
	[IMAGE_FORMAT_GIF] = DL_LIB("giflib", FOLIO_LIBGIF_SONAME,
				    "FOLIO_LIBGIF", gif_syms),
	[IMAGE_FORMAT_WEBP] = DL_LIB("libwebp", FOLIO_LIBWEBP_SONAME,
				     "FOLIO_LIBWEBP", webp_syms),
};

/* libjpeg's own working memory (progressive coefficients, ...). */
#define JPEG_MAX_MEMORY ((long)256 << 20)
/* A progressive JPEG of thousands of tiny scans costs time for nothing
 * (libjpeg-turbo's advice against such files). */
#define JPEG_MAX_SCANS 500

enum image_format image_sniff(const void *bytes, size_t len)
{
	const unsigned char *b = bytes;
	if (len >= 3 && b[0] == 0xff && b[1] == 0xd8 && b[2] == 0xff)
		return IMAGE_FORMAT_JPEG;
	if (len >= 8 && !memcmp(b, "\x89PNG\r\n\x1a\n", 8))
		return IMAGE_FORMAT_PNG;
	if (len >= 6 && (!memcmp(b, "GIF87a", 6) || !memcmp(b, "GIF89a", 6)))
		return IMAGE_FORMAT_GIF;
	if (len >= 12 && !memcmp(b, "RIFF", 4) && !memcmp(b + 8, "WEBP", 4))
		return IMAGE_FORMAT_WEBP;
	return IMAGE_FORMAT_UNKNOWN;
}

static bool fits(size_t w, size_t h)
{
	return w > 0 && h > 0 && w <= IMAGE_MAX_SIDE && h <= IMAGE_MAX_SIDE &&
	       w * h <= IMAGE_MAX_PIXELS;
}

/* A zeroed (fully transparent) w x h picture in *out. */
static enum image_status alloc_image(struct image *out, size_t w, size_t h)
{
	if (!fits(w, h))
		return IMAGE_TOO_LARGE;
	out->rgba = calloc(w * h, 4);
	if (!out->rgba)
		return IMAGE_NO_MEMORY;
	out->width = (int)w;
	out->height = (int)h;
	return IMAGE_OK;
}

/* ---- JPEG ---- */

struct jpeg_fail {
	struct jpeg_error_mgr mgr;
	jmp_buf jump;
};

static void jpeg_fail_exit(j_common_ptr cinfo)
{
	longjmp(((struct jpeg_fail *)cinfo->err)->jump, 1);
}

/* Warnings would go to stderr, under the pager: say nothing. */
static void jpeg_quiet(j_common_ptr cinfo, int level)
{
}

static void jpeg_count_scans(j_common_ptr cinfo)
{
	j_decompress_ptr d = (j_decompress_ptr)cinfo;
	if (d->is_decompressor && d->input_scan_number > JPEG_MAX_SCANS)
		longjmp(((struct jpeg_fail *)cinfo->err)->jump, 1);
}

/* The largest DCT scale-down (1/8 at most) keeping width >= want. */
static unsigned jpeg_denominator(unsigned width, int want)
{
	unsigned d = 1;
	while (want > 0 && d < 8 && width / (d * 2) >= (unsigned)want)
		d *= 2;
	return d;
}

/* CMYK from Adobe files is stored inverted; K scales the other three. */
static void cmyk_row_to_rgba(uint8_t *px, size_t n, bool inverted)
{
	for (size_t i = 0; i < n; i++) {
		uint8_t *p = px + i * 4;
		unsigned c = p[0], m = p[1], y = p[2], k = p[3];
		if (!inverted) {
			c = 255 - c; m = 255 - m; y = 255 - y; k = 255 - k;
		}
		p[0] = (uint8_t)(c * k / 255);
		p[1] = (uint8_t)(m * k / 255);
		p[2] = (uint8_t)(y * k / 255);
		p[3] = 255;
	}
}

static bool jpeg_cmyk(const struct jpeg_decompress_struct *d)
{
	return d->jpeg_color_space == JCS_CMYK || d->jpeg_color_space == JCS_YCCK;
}

static enum image_status jpeg_decode(const void *bytes, size_t len, int want,
				     struct image *out)
{
	struct jpeg_decompress_struct d;
	struct jpeg_fail fail;
	struct jpeg_progress_mgr progress = { .progress_monitor = jpeg_count_scans };
	volatile enum image_status st = IMAGE_CORRUPT;

	if (len > ULONG_MAX)
		return IMAGE_TOO_LARGE;
	d.err = jpeg.std_error(&fail.mgr);
	fail.mgr.error_exit = jpeg_fail_exit;
	fail.mgr.emit_message = jpeg_quiet;
	if (setjmp(fail.jump)) {
		jpeg.destroy_decompress(&d);
		image_free(out);
		return st;
	}
	jpeg.CreateDecompress(&d, JPEG_LIB_VERSION, sizeof d);
	d.mem->max_memory_to_use = JPEG_MAX_MEMORY;
	d.progress = &progress;
	jpeg.mem_src(&d, bytes, (unsigned long)len);
	jpeg.read_header(&d, TRUE);
	st = IMAGE_TOO_LARGE;
	if (d.image_width > IMAGE_MAX_SIDE || d.image_height > IMAGE_MAX_SIDE)
		longjmp(fail.jump, 1);
	d.scale_num = 1;
	d.scale_denom = jpeg_denominator(d.image_width, want);
	d.out_color_space = jpeg_cmyk(&d) ? JCS_CMYK : JCS_EXT_RGBA;
	jpeg.calc_output_dimensions(&d);
	st = alloc_image(out, d.output_width, d.output_height);
	if (st != IMAGE_OK)
		longjmp(fail.jump, 1);
	st = IMAGE_CORRUPT;
	jpeg.start_decompress(&d);
	size_t stride = (size_t)out->width * 4;
	while (d.output_scanline < d.output_height) {
		JSAMPROW row = out->rgba + d.output_scanline * stride;
		jpeg.read_scanlines(&d, &row, 1);
		if (d.out_color_space == JCS_CMYK)
			cmyk_row_to_rgba(row, (size_t)out->width,
					 d.saw_Adobe_marker);
	}
	jpeg.finish_decompress(&d);
	jpeg.destroy_decompress(&d);
	return IMAGE_OK;
}

/* ---- PNG (libpng's simplified API) ---- */

static enum image_status png_decode(const void *bytes, size_t len,
				    struct image *out)
{
	png_image pi;
	memset(&pi, 0, sizeof pi);
	pi.version = PNG_IMAGE_VERSION;
	if (!png.image_begin_read_from_memory(&pi, bytes, len))
		return IMAGE_CORRUPT;
	pi.format = PNG_FORMAT_RGBA;
	enum image_status st = alloc_image(out, pi.width, pi.height);
	if (st != IMAGE_OK) {
		png.image_free(&pi);
		return st;
	}
	if (!png.image_finish_read(&pi, NULL, out->rgba, 0, NULL)) {
		png.image_free(&pi);
		image_free(out);
		return IMAGE_CORRUPT;
	}
	return IMAGE_OK;
}

/* ---- WebP ---- */

static enum image_status webp_decode(const void *bytes, size_t len,
				     struct image *out)
{
	WebPBitstreamFeatures f;
	if (webp.GetFeaturesInternal(bytes, len, &f, WEBP_DECODER_ABI_VERSION) !=
	    VP8_STATUS_OK)
		return IMAGE_CORRUPT;
	if (f.has_animation)
		return IMAGE_UNSUPPORTED;
	enum image_status st = alloc_image(out, (size_t)f.width,
					   (size_t)f.height);
	if (st != IMAGE_OK)
		return st;
	size_t stride = (size_t)out->width * 4;
	if (!webp.DecodeRGBAInto(bytes, len, out->rgba, stride * out->height,
				(int)stride)) {
		image_free(out);
		return IMAGE_CORRUPT;
	}
	return IMAGE_OK;
}

/* ---- GIF (first frame) ---- */

struct mem_reader {
	const uint8_t *p;
	size_t left;
};

static int gif_read(GifFileType *g, GifByteType *buf, int n)
{
	struct mem_reader *r = g->UserData;
	size_t k = n < 0 ? 0 : (size_t)n;
	if (k > r->left)
		k = r->left;
	memcpy(buf, r->p, k);
	r->p += k;
	r->left -= k;
	return (int)k;
}

/* The transparent colour index a Graphic Control Extension names. */
static void gif_extension(GifFileType *g, int *transparent)
{
	int code;
	GifByteType *ext = NULL;
	if (gif.GetExtension(g, &code, &ext) != GIF_OK)
		return;
	if (code == GRAPHICS_EXT_FUNC_CODE && ext && ext[0] >= 4) {
		GraphicsControlBlock gcb;
		if (gif.ExtensionToGCB(ext[0], ext + 1, &gcb) == GIF_OK)
			*transparent = gcb.TransparentColor;
	}
	while (ext && gif.GetExtensionNext(g, &ext) == GIF_OK)
		;
}

/* Row y of an interlaced frame is the n-th row stored. */
static int gif_row(int n, int height, bool interlaced)
{
	static const int start[] = { 0, 4, 2, 1 }, step[] = { 8, 8, 4, 2 };
	if (!interlaced)
		return n;
	for (int pass = 0; pass < 4; pass++) {
		int rows = start[pass] < height
			? (height - start[pass] + step[pass] - 1) / step[pass] : 0;
		if (n < rows)
			return start[pass] + n * step[pass];
		n -= rows;
	}
	return -1;
}

static void gif_put_line(struct image *out, const GifImageDesc *desc, int y,
			 const GifByteType *line, const ColorMapObject *map,
			 int transparent)
{
	int cy = desc->Top + y;
	if (cy < 0 || cy >= out->height)
		return;
	for (int x = 0; x < desc->Width; x++) {
		int cx = desc->Left + x, idx = line[x];
		if (cx < 0 || cx >= out->width || idx == transparent ||
		    idx >= map->ColorCount)
			continue;
		uint8_t *p = out->rgba + ((size_t)cy * out->width + cx) * 4;
		p[0] = map->Colors[idx].Red;
		p[1] = map->Colors[idx].Green;
		p[2] = map->Colors[idx].Blue;
		p[3] = 255;
	}
}

static enum image_status gif_frame(GifFileType *g, struct image *out,
				   int transparent)
{
	if (gif.GetImageDesc(g) != GIF_OK)
		return IMAGE_CORRUPT;
	const GifImageDesc *desc = &g->Image;
	const ColorMapObject *map = desc->ColorMap ? desc->ColorMap
						   : g->SColorMap;
	if (!map || !map->Colors)
		return IMAGE_CORRUPT;
	if (!fits((size_t)desc->Width, (size_t)desc->Height))
		return IMAGE_TOO_LARGE;
	GifByteType *line = malloc((size_t)desc->Width);
	if (!line)
		return IMAGE_NO_MEMORY;
	enum image_status st = IMAGE_OK;
	for (int n = 0; n < desc->Height && st == IMAGE_OK; n++) {
		if (gif.GetLine(g, line, desc->Width) != GIF_OK)
			st = IMAGE_CORRUPT;
		else
			gif_put_line(out, desc, gif_row(n, desc->Height,
							desc->Interlace),
				     line, map, transparent);
	}
	free(line);
	return st;
}

static enum image_status gif_records(GifFileType *g, struct image *out)
{
	int transparent = NO_TRANSPARENT_COLOR;
	for (;;) {
		GifRecordType type;
		if (gif.GetRecordType(g, &type) != GIF_OK)
			return IMAGE_CORRUPT;
		if (type == IMAGE_DESC_RECORD_TYPE)
			return gif_frame(g, out, transparent);
		if (type == EXTENSION_RECORD_TYPE)
			gif_extension(g, &transparent);
		else if (type == TERMINATE_RECORD_TYPE)
			return IMAGE_CORRUPT;   /* no picture in it */
	}
}

static enum image_status gif_decode(const void *bytes, size_t len,
				    struct image *out)
{
	struct mem_reader r = { bytes, len };
	int err = 0;
	GifFileType *g = gif.Open(&r, gif_read, &err);
	if (!g)
		return err == D_GIF_ERR_NOT_ENOUGH_MEM ? IMAGE_NO_MEMORY
						       : IMAGE_CORRUPT;
	enum image_status st = alloc_image(out, (size_t)g->SWidth,
					   (size_t)g->SHeight);
	if (st == IMAGE_OK)
		st = gif_records(g, out);
	gif.CloseFile(g, &err);
	if (st != IMAGE_OK)
		image_free(out);
	return st;
}

/* ---- the entry points ---- */

enum image_status image_decode(const void *bytes, size_t len, int want_width,
			       struct image *out)
{
	memset(out, 0, sizeof *out);
	enum image_format f = image_sniff(bytes, len);
	if (f != IMAGE_FORMAT_UNKNOWN && !dl_load(&libs[f]))
		return IMAGE_NO_LIBRARY;
	switch (f) {
	case IMAGE_FORMAT_JPEG: return jpeg_decode(bytes, len, want_width, out);
	case IMAGE_FORMAT_PNG: return png_decode(bytes, len, out);
	case IMAGE_FORMAT_GIF: return gif_decode(bytes, len, out);
	case IMAGE_FORMAT_WEBP: return webp_decode(bytes, len, out);
	default: return IMAGE_UNSUPPORTED;
	}
}

void image_free(struct image *img)
{
	if (!img)
		return;
	free(img->rgba);
	memset(img, 0, sizeof *img);
}

const char *image_status_text(enum image_status st)
{
	switch (st) {
	case IMAGE_OK: return "ok";
	case IMAGE_UNSUPPORTED: return "not a JPEG, PNG, GIF or still WebP image";
	case IMAGE_CORRUPT: return "damaged image";
	case IMAGE_TOO_LARGE: return "image too large";
	case IMAGE_NO_MEMORY: return "out of memory";
	case IMAGE_NO_LIBRARY: return "its decoder library cannot be loaded";
	}
	return "?";
}

const char *image_library_error(const void *bytes, size_t len)
{
	enum image_format f = image_sniff(bytes, len);
	return f == IMAGE_FORMAT_UNKNOWN ? "" : dl_error(&libs[f]);
}
