/* Tests for image-decode.c: the format is told by magic bytes, each
 * format decodes to the right pixels, bounds and damage give a status. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "folio/image-decode.h"
#include "image_samples.h"

static void test_sniff(void **state)
{
	static const struct {
		const char *bytes;
		size_t len;
		enum image_format want;
	} cases[] = {
		{ "\xff\xd8\xff\xe0", 4, IMAGE_FORMAT_JPEG },
		{ "\x89PNG\r\n\x1a\n", 8, IMAGE_FORMAT_PNG },
		{ "GIF87a", 6, IMAGE_FORMAT_GIF },
		{ "GIF89a", 6, IMAGE_FORMAT_GIF },
		{ "RIFF\x10\0\0\0WEBPVP8 ", 16, IMAGE_FORMAT_WEBP },
		{ "RIFF\x10\0\0\0WAVEfmt ", 16, IMAGE_FORMAT_UNKNOWN },
		{ "BM\x36\0\0\0", 6, IMAGE_FORMAT_UNKNOWN },     /* BMP */
		{ "<svg xmlns=", 11, IMAGE_FORMAT_UNKNOWN },
		{ "\xff\xd8", 2, IMAGE_FORMAT_UNKNOWN },
		{ "GIF88a", 6, IMAGE_FORMAT_UNKNOWN },
		{ "", 0, IMAGE_FORMAT_UNKNOWN },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		if (image_sniff(cases[i].bytes, cases[i].len) != cases[i].want) {
			fprintf(stderr, "case %zu\n", i);
			fail();
		}
}

/* Each quadrant's centre has its colour (within tol for lossy ones). */
static void check_quadrants(const struct image *img, int tol)
{
	int w = img->width, h = img->height;
	for (int q = 0; q < 4; q++) {
		int x = (q & 1) ? w * 3 / 4 : w / 4;
		int y = (q & 2) ? h * 3 / 4 : h / 4;
		const uint8_t *p = img->rgba + ((size_t)y * w + x) * 4;
		for (int c = 0; c < 3; c++)
			assert_true(abs(p[c] - sample_colors[q][c]) <= tol);
		assert_int_equal(p[3], 255);
	}
}

static void decode_ok(uint8_t *bytes, const size_t *len, int want_width, int w,
		      int h, int tol)
{
	struct image img;
	assert_non_null(bytes);
	assert_int_equal(image_decode(bytes, *len, want_width, &img), IMAGE_OK);
	assert_int_equal(img.width, w);
	assert_int_equal(img.height, h);
	check_quadrants(&img, tol);
	image_free(&img);
	free(bytes);
}

static void test_jpeg(void **state)
{
	size_t n = 0;
	decode_ok(sample_jpeg(64, 48, false, &n), &n, 0, 64, 48, 40);
	decode_ok(sample_jpeg(64, 48, true, &n), &n, 0, 64, 48, 40);
}

/* A JPEG wider than needed is decoded smaller, never below want_width. */
static void test_jpeg_scaled(void **state)
{
	static const struct { int want, width; } cases[] = {
		{ 0, 1600 }, { 1000, 1600 }, { 800, 800 }, { 401, 800 },
		{ 400, 400 }, { 1, 200 }, { 5000, 1600 },
	};
	size_t n = 0;
	uint8_t *jpg = sample_jpeg(1600, 900, false, &n);
	assert_non_null(jpg);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct image img;
		assert_int_equal(image_decode(jpg, n, cases[i].want, &img),
				 IMAGE_OK);
		assert_int_equal(img.width, cases[i].width);
		assert_int_equal(img.height, (900 * cases[i].width + 1599) / 1600);
		check_quadrants(&img, 40);
		image_free(&img);
	}
	free(jpg);
}

/* A CMYK JPEG as Photoshop writes them (inverted, with an Adobe
 * marker): the quadrants' colours come out in RGB. */
static uint8_t *cmyk_jpeg(int w, int h, size_t *len)
{
	uint8_t *px = malloc((size_t)w * h * 4);
	assert_non_null(px);
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			const uint8_t *rgb = sample_colors[sample_quadrant(x, y, w, h)];
			uint8_t *p = px + ((size_t)y * w + x) * 4;
			for (int k = 0; k < 3; k++)
				p[k] = rgb[k];  /* inverted ink: 255 - (255 - rgb) */
			p[3] = 255;             /* no black ink, inverted */
		}
	return sample_jpeg_encode(px, w, h, 4, JCS_CMYK, 95, false, len);
}

static void test_jpeg_cmyk(void **state)
{
	size_t n = 0;
	decode_ok(cmyk_jpeg(32, 32, &n), &n, 0, 32, 32, 40);
}

static void test_png(void **state)
{
	size_t n = 0;
	decode_ok(sample_png(33, 17, &n), &n, 0, 33, 17, 0);
}

static void test_webp(void **state)
{
	size_t n = 0;
	decode_ok(sample_webp(40, 30, &n), &n, 0, 40, 30, 0);
}

static void test_gif(void **state)
{
	size_t n = 0;
	decode_ok(sample_gif(20, 20, false, false, &n), &n, 0, 20, 20, 0);
	decode_ok(sample_gif(23, 37, true, false, &n), &n, 0, 23, 37, 0);
}

static void test_gif_transparent(void **state)
{
	size_t n = 0;
	struct image img;
	uint8_t *gif = sample_gif(10, 10, false, true, &n);
	assert_non_null(gif);
	assert_int_equal(image_decode(gif, n, 0, &img), IMAGE_OK);
	assert_int_equal(img.rgba[(0 * 10 + 0) * 4 + 3], 255);  /* red */
	assert_int_equal(img.rgba[(9 * 10 + 9) * 4 + 3], 0);    /* white */
	image_free(&img);
	free(gif);
}

static void refused(const void *bytes, size_t len, enum image_status want)
{
	struct image img;
	assert_int_equal(image_decode(bytes, len, 0, &img), want);
	assert_null(img.rgba);
	assert_int_equal(img.width, 0);
}

static void test_unsupported(void **state)
{
	static const char bmp[] = "BM\x3a\0\0\0\0\0\0\0\x36\0\0\0";
	refused(bmp, sizeof bmp - 1, IMAGE_UNSUPPORTED);
	refused("", 0, IMAGE_UNSUPPORTED);
	refused("<svg/>", 6, IMAGE_UNSUPPORTED);
	assert_string_equal(image_status_text(IMAGE_UNSUPPORTED),
			    "not a JPEG, PNG, GIF or still WebP image");
}

static void test_damaged(void **state)
{
	refused("\xff\xd8\xff\xe0garbage", 11, IMAGE_CORRUPT);
	refused("\x89PNG\r\n\x1a\nIHDR", 12, IMAGE_CORRUPT);
	refused("GIF89a\x01", 7, IMAGE_CORRUPT);
	refused("RIFF\x10\0\0\0WEBPVP8 \0\0", 18, IMAGE_CORRUPT);
	size_t n = 0;
	uint8_t *png = sample_png(16, 16, &n);
	assert_non_null(png);
	png[n / 2] ^= 0x55;    /* a CRC no longer matches */
	refused(png, n, IMAGE_CORRUPT);
	free(png);
}

/* A header announcing a huge picture is refused before any pixels. */
static void test_too_large(void **state)
{
	size_t n = 0;
	uint8_t *gif = sample_gif(8, 8, false, false, &n);
	assert_non_null(gif);
	gif[6] = gif[7] = gif[8] = gif[9] = 0xff;       /* 65535 x 65535 */
	refused(gif, n, IMAGE_TOO_LARGE);
	free(gif);

	uint8_t *jpg = sample_jpeg(8, 8, false, &n);
	assert_non_null(jpg);
	for (size_t i = 2; i + 9 < n; i++)
		if (jpg[i] == 0xff && jpg[i + 1] == 0xc0) {     /* SOF0 */
			jpg[i + 5] = 0x7f;      /* 32767 high (libjpeg's */
			jpg[i + 6] = 0xff;      /* own limit is 65500) */
			break;
		}
	refused(jpg, n, IMAGE_TOO_LARGE);
	free(jpg);
}

/* Every cut of a good file is refused or decoded, never a crash (the
 * sanitizer build and the fuzzer check the memory). */
static void test_truncated(void **state)
{
	size_t n[4];
	uint8_t *files[4] = {
		sample_jpeg(24, 16, true, &n[0]), sample_png(24, 16, &n[1]),
		sample_gif(24, 16, true, true, &n[2]), sample_webp(24, 16, &n[3]),
	};
	for (int f = 0; f < 4; f++) {
		assert_non_null(files[f]);
		for (size_t cut = 0; cut < n[f]; cut++) {
			struct image img;
			enum image_status st = image_decode(files[f], cut, 0, &img);
			assert_true(st == IMAGE_OK || st == IMAGE_CORRUPT ||
				    st == IMAGE_UNSUPPORTED);
			if (st == IMAGE_OK)
				assert_true(img.width == 24 && img.height == 16);
			image_free(&img);
		}
		free(files[f]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sniff),
		cmocka_unit_test(test_jpeg),
		cmocka_unit_test(test_jpeg_scaled),
		cmocka_unit_test(test_jpeg_cmyk),
		cmocka_unit_test(test_png),
		cmocka_unit_test(test_webp),
		cmocka_unit_test(test_gif),
		cmocka_unit_test(test_gif_transparent),
		cmocka_unit_test(test_unsupported),
		cmocka_unit_test(test_damaged),
		cmocka_unit_test(test_too_large),
		cmocka_unit_test(test_truncated),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
