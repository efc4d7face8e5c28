/* image-decode.c - JPEG/PNG/GIF/WebP bytes -> RGBA (see image-decode.h).
 *
 * Each format is handed to its own maintained library; this file only
 * sets the bounds, turns each library's error reporting into a status and
 * converts the output to packed RGBA. */
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
	d.err = jpeg_std_error(&fail.mgr);
	fail.mgr.error_exit = jpeg_fail_exit;
	fail.mgr.emit_message = jpeg_quiet;
	if (setjmp(fail.jump)) {
		jpeg_destroy_decompress(&d);
		image_free(out);
		return st;
	}
	jpeg_create_decompress(&d);
	d.mem->max_memory_to_use = JPEG_MAX_MEMORY;
	d.progress = &progress;
	jpeg_mem_src(&d, bytes, (unsigned long)len);
	jpeg_read_header(&d, TRUE);
	st = IMAGE_TOO_LARGE;
	if (d.image_width > IMAGE_MAX_SIDE || d.image_height > IMAGE_MAX_SIDE)
		longjmp(fail.jump, 1);
	d.scale_num = 1;
	d.scale_denom = jpeg_denominator(d.image_width, want);
	d.out_color_space = jpeg_cmyk(&d) ? JCS_CMYK : JCS_EXT_RGBA;
	jpeg_calc_output_dimensions(&d);
	st = alloc_image(out, d.output_width, d.output_height);
	if (st != IMAGE_OK)
		longjmp(fail.jump, 1);
	st = IMAGE_CORRUPT;
	jpeg_start_decompress(&d);
	size_t stride = (size_t)out->width * 4;
	while (d.output_scanline < d.output_height) {
		JSAMPROW row = out->rgba + d.output_scanline * stride;
		jpeg_read_scanlines(&d, &row, 1);
		if (d.out_color_space == JCS_CMYK)
			cmyk_row_to_rgba(row, (size_t)out->width,
					 d.saw_Adobe_marker);
	}
	jpeg_finish_decompress(&d);
	jpeg_destroy_decompress(&d);
	return IMAGE_OK;
}

/* ---- PNG (libpng's simplified API) ---- */

static enum image_status png_decode(const void *bytes, size_t len,
				    struct image *out)
{
	png_image pi;
	memset(&pi, 0, sizeof pi);
	pi.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_memory(&pi, bytes, len))
		return IMAGE_CORRUPT;
	pi.format = PNG_FORMAT_RGBA;
	enum image_status st = alloc_image(out, pi.width, pi.height);
	if (st != IMAGE_OK) {
		png_image_free(&pi);
		return st;
	}
	if (!png_image_finish_read(&pi, NULL, out->rgba, 0, NULL)) {
		png_image_free(&pi);
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
	if (WebPGetFeatures(bytes, len, &f) != VP8_STATUS_OK)
		return IMAGE_CORRUPT;
	if (f.has_animation)
		return IMAGE_UNSUPPORTED;
	enum image_status st = alloc_image(out, (size_t)f.width,
					   (size_t)f.height);
	if (st != IMAGE_OK)
		return st;
	size_t stride = (size_t)out->width * 4;
	if (!WebPDecodeRGBAInto(bytes, len, out->rgba, stride * out->height,
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

static int gif_read(GifFileType *gif, GifByteType *buf, int n)
{
	struct mem_reader *r = gif->UserData;
	size_t k = n < 0 ? 0 : (size_t)n;
	if (k > r->left)
		k = r->left;
	memcpy(buf, r->p, k);
	r->p += k;
	r->left -= k;
	return (int)k;
}

/* The transparent colour index a Graphic Control Extension names. */
static void gif_extension(GifFileType *gif, int *transparent)
{
	int code;
	GifByteType *ext = NULL;
	if (DGifGetExtension(gif, &code, &ext) != GIF_OK)
		return;
	if (code == GRAPHICS_EXT_FUNC_CODE && ext && ext[0] >= 4) {
		GraphicsControlBlock gcb;
		if (DGifExtensionToGCB(ext[0], ext + 1, &gcb) == GIF_OK)
			*transparent = gcb.TransparentColor;
	}
	while (ext && DGifGetExtensionNext(gif, &ext) == GIF_OK)
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

static enum image_status gif_frame(GifFileType *gif, struct image *out,
				   int transparent)
{
	if (DGifGetImageDesc(gif) != GIF_OK)
		return IMAGE_CORRUPT;
	const GifImageDesc *desc = &gif->Image;
	const ColorMapObject *map = desc->ColorMap ? desc->ColorMap
						   : gif->SColorMap;
	if (!map || !map->Colors)
		return IMAGE_CORRUPT;
	if (!fits((size_t)desc->Width, (size_t)desc->Height))
		return IMAGE_TOO_LARGE;
	GifByteType *line = malloc((size_t)desc->Width);
	if (!line)
		return IMAGE_NO_MEMORY;
	enum image_status st = IMAGE_OK;
	for (int n = 0; n < desc->Height && st == IMAGE_OK; n++) {
		if (DGifGetLine(gif, line, desc->Width) != GIF_OK)
			st = IMAGE_CORRUPT;
		else
			gif_put_line(out, desc, gif_row(n, desc->Height,
							desc->Interlace),
				     line, map, transparent);
	}
	free(line);
	return st;
}

static enum image_status gif_records(GifFileType *gif, struct image *out)
{
	int transparent = NO_TRANSPARENT_COLOR;
	for (;;) {
		GifRecordType type;
		if (DGifGetRecordType(gif, &type) != GIF_OK)
			return IMAGE_CORRUPT;
		if (type == IMAGE_DESC_RECORD_TYPE)
			return gif_frame(gif, out, transparent);
		if (type == EXTENSION_RECORD_TYPE)
			gif_extension(gif, &transparent);
		else if (type == TERMINATE_RECORD_TYPE)
			return IMAGE_CORRUPT;   /* no picture in it */
	}
}

static enum image_status gif_decode(const void *bytes, size_t len,
				    struct image *out)
{
	struct mem_reader r = { bytes, len };
	int err = 0;
	GifFileType *gif = DGifOpen(&r, gif_read, &err);
	if (!gif)
		return err == D_GIF_ERR_NOT_ENOUGH_MEM ? IMAGE_NO_MEMORY
						       : IMAGE_CORRUPT;
	enum image_status st = alloc_image(out, (size_t)gif->SWidth,
					   (size_t)gif->SHeight);
	if (st == IMAGE_OK)
		st = gif_records(gif, out);
	DGifCloseFile(gif, &err);
	if (st != IMAGE_OK)
		image_free(out);
	return st;
}

/* ---- the entry points ---- */

enum image_status image_decode(const void *bytes, size_t len, int want_width,
			       struct image *out)
{
	memset(out, 0, sizeof *out);
	switch (image_sniff(bytes, len)) {
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
	}
	return "?";
}
