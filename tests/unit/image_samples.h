/* image_samples.h - test pictures made with the image libraries' own
 * encoders (libjpeg, libpng, giflib, libwebp), so no binary fixtures are
 * needed.  Used by the image unit tests, tests/tools/genimage.c and the
 * benchmark.  Every function returns malloc'd bytes (NULL on failure)
 * and their count in *len.
 *
 * The picture: four quadrants, red (top left), green (top right), blue
 * (bottom left) and white (bottom right); a GIF may make white
 * transparent. */
#ifndef IMAGE_SAMPLES_H
#define IMAGE_SAMPLES_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gif_lib.h>
#include <jpeglib.h>
#include <png.h>
#include <webp/encode.h>

static const uint8_t sample_colors[4][3] = {
	{ 255, 0, 0 }, { 0, 255, 0 }, { 0, 0, 255 }, { 255, 255, 255 },
};

/* Quadrant (0..3) of pixel x, y. */
static inline int sample_quadrant(int x, int y, int w, int h)
{
	return (y >= h / 2) * 2 + (x >= w / 2);
}

static inline uint8_t *sample_pixels(int w, int h, int channels)
{
	uint8_t *px = malloc((size_t)w * h * channels);
	if (!px)
		return NULL;
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			uint8_t *p = px + ((size_t)y * w + x) * channels;
			memcpy(p, sample_colors[sample_quadrant(x, y, w, h)], 3);
			if (channels == 4)
				p[3] = 255;
		}
	return px;
}

/* A photograph's texture instead of the quadrants (for the benchmark:
 * smooth gradients and fine grain cost a decoder what a photo does). */
static inline uint8_t *sample_photo_pixels(int w, int h)
{
	uint8_t *px = malloc((size_t)w * h * 3);
	uint32_t seed = 12345;
	if (!px)
		return NULL;
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			uint8_t *p = px + ((size_t)y * w + x) * 3;
			seed = seed * 1103515245u + 12345u;
			int grain = (int)(seed >> 27) - 16;
			int v[3] = { x * 255 / w, y * 255 / h,
				     (x + y) * 255 / (w + h) };
			for (int c = 0; c < 3; c++) {
				int k = v[c] + grain;
				p[c] = (uint8_t)(k < 0 ? 0 : k > 255 ? 255 : k);
			}
		}
	return px;
}

/* JPEG of w x h pixels px (freed here) with comps components each in
 * colour space space (JCS_RGB, JCS_CMYK), at quality quality. */
static inline uint8_t *sample_jpeg_encode(uint8_t *px, int w, int h, int comps,
					  J_COLOR_SPACE space, int quality,
					  bool progressive, size_t *len)
{
	unsigned char *out = NULL;
	unsigned long n = 0;
	struct jpeg_compress_struct c;
	struct jpeg_error_mgr err;
	if (!px)
		return NULL;
	c.err = jpeg_std_error(&err);
	jpeg_create_compress(&c);
	jpeg_mem_dest(&c, &out, &n);
	c.image_width = (JDIMENSION)w;
	c.image_height = (JDIMENSION)h;
	c.input_components = comps;
	c.in_color_space = space;
	jpeg_set_defaults(&c);
	jpeg_set_quality(&c, quality, TRUE);
	if (progressive)
		jpeg_simple_progression(&c);
	jpeg_start_compress(&c, TRUE);
	while (c.next_scanline < c.image_height) {
		JSAMPROW row = px + (size_t)c.next_scanline * w * comps;
		jpeg_write_scanlines(&c, &row, 1);
	}
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	free(px);
	*len = n;
	return out;
}

/* JPEG of w x h RGB pixels px (freed here). */
static inline uint8_t *sample_jpeg_of(uint8_t *px, int w, int h,
				      bool progressive, size_t *len)
{
	return sample_jpeg_encode(px, w, h, 3, JCS_RGB, 90, progressive, len);
}

static inline uint8_t *sample_jpeg(int w, int h, bool progressive, size_t *len)
{
	return sample_jpeg_of(sample_pixels(w, h, 3), w, h, progressive, len);
}

static inline uint8_t *sample_png(int w, int h, size_t *len)
{
	uint8_t *px = sample_pixels(w, h, 4), *out = NULL;
	png_image pi;
	png_alloc_size_t n = 0;
	if (!px)
		return NULL;
	memset(&pi, 0, sizeof pi);
	pi.version = PNG_IMAGE_VERSION;
	pi.width = (png_uint_32)w;
	pi.height = (png_uint_32)h;
	pi.format = PNG_FORMAT_RGBA;
	if (png_image_write_to_memory(&pi, NULL, &n, 0, px, 0, NULL) &&
	    (out = malloc(n)) &&
	    !png_image_write_to_memory(&pi, out, &n, 0, px, 0, NULL)) {
		free(out);
		out = NULL;
	}
	free(px);
	*len = n;
	return out;
}

static inline uint8_t *sample_webp(int w, int h, size_t *len)
{
	uint8_t *px = sample_pixels(w, h, 4), *enc = NULL, *out = NULL;
	if (!px)
		return NULL;
	size_t n = WebPEncodeLosslessRGBA(px, w, h, w * 4, &enc);
	if (n && (out = malloc(n)))
		memcpy(out, enc, n);
	WebPFree(enc);
	free(px);
	*len = n;
	return out;
}

struct sample_buf {
	uint8_t *p;
	size_t len, cap;
};

static inline int sample_gif_write(GifFileType *gif, const GifByteType *b,
				   int n)
{
	struct sample_buf *s = gif->UserData;
	if (s->len + (size_t)n > s->cap) {
		size_t cap = (s->len + (size_t)n) * 2;
		uint8_t *p = realloc(s->p, cap);
		if (!p)
			return 0;
		s->p = p;
		s->cap = cap;
	}
	memcpy(s->p + s->len, b, (size_t)n);
	s->len += (size_t)n;
	return n;
}

/* Colour i is sample_colors[i]; transparent_white: index 3 is clear. */
static inline uint8_t *sample_gif(int w, int h, bool interlaced,
				  bool transparent_white, size_t *len)
{
	struct sample_buf s = { 0 };
	int err = 0;
	GifColorType colors[4];
	for (int i = 0; i < 4; i++) {
		colors[i].Red = sample_colors[i][0];
		colors[i].Green = sample_colors[i][1];
		colors[i].Blue = sample_colors[i][2];
	}
	ColorMapObject *map = GifMakeMapObject(4, colors);
	GifFileType *gif = EGifOpen(&s, sample_gif_write, &err);
	GifPixelType *line = malloc((size_t)w);
	bool ok = gif && map && line;
	if (ok) {
		EGifSetGifVersion(gif, true);
		ok = EGifPutScreenDesc(gif, w, h, 8, 0, map) == GIF_OK;
	}
	if (ok && transparent_white) {
		GraphicsControlBlock gcb = { .TransparentColor = 3 };
		GifByteType ext[4];
		EGifGCBToExtension(&gcb, ext);
		ok = EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, 4, ext) == GIF_OK;
	}
	if (ok)
		ok = EGifPutImageDesc(gif, 0, 0, w, h, interlaced, NULL) == GIF_OK;
	/* An interlaced GIF stores rows 0,8,16.., 4,12.., 2,6.., 1,3.. */
	static const int start[] = { 0, 4, 2, 1 }, step[] = { 8, 8, 4, 2 };
	for (int pass = 0; ok && pass < (interlaced ? 4 : 1); pass++)
		for (int y = interlaced ? start[pass] : 0; ok && y < h;
		     y += interlaced ? step[pass] : 1) {
			for (int x = 0; x < w; x++)
				line[x] = (GifPixelType)sample_quadrant(x, y, w, h);
			ok = EGifPutLine(gif, line, w) == GIF_OK;
		}
	if (gif && EGifCloseFile(gif, &err) != GIF_OK)
		ok = false;
	GifFreeMapObject(map);
	free(line);
	if (!ok) {
		free(s.p);
		return NULL;
	}
	*len = s.len;
	return s.p;
}

#endif
