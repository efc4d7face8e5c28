/* Tests for image-render.c: the picture keeps its aspect in the box, the
 * symbols show the picture's colours in the palette asked for, and the
 * pixel modes give their protocol's escape. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <uniwidth.h>

#include "folio/image-decode.h"
#include "folio/image-render.h"
#include "image_samples.h"

static struct image quadrants(int w, int h)
{
	struct image img = { w, h, sample_pixels(w, h, 4) };
	assert_non_null(img.rgba);
	return img;
}

/* Cells of cw x ch pixels: cols * cw / (rows * ch) ~ w / h. */
static void check_aspect(int w, int h, int cols, int rows, int cw, int ch)
{
	double want = (double)w / h;
	double got_lo = (double)cols * cw / ((rows + 1) * ch);
	double got_hi = (double)cols * cw / ((rows - 1 > 0 ? rows - 1 : 1) * ch);
	assert_true(got_lo <= want && want <= got_hi);
}

static void test_fit(void **state)
{
	static const struct {
		int w, h, max_cols, max_rows, cw, ch;
		int cols, rows;         /* -1: check the aspect only */
	} cases[] = {
		{ 1600, 900, 80, 100, 10, 20, 80, -1 },   /* width-bound */
		{ 1600, 900, 80, 8, 10, 20, -1, 8 },      /* height-bound */
		{ 16, 9, 60, 100, 10, 20, 60, -1 },       /* enlarged */
		{ 900, 1600, 80, 24, 8, 16, -1, 24 },     /* portrait */
		{ 100, 100, 1, 1, 10, 20, 1, 1 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct image_box box = {
			.mode = IMAGE_MODE_SYMBOLS, .max_cols = cases[i].max_cols,
			.max_rows = cases[i].max_rows, .cell_w = cases[i].cw,
			.cell_h = cases[i].ch };
		int cols, rows;
		image_fit(cases[i].w, cases[i].h, &box, &cols, &rows);
		assert_true(cols >= 1 && cols <= cases[i].max_cols);
		assert_true(rows >= 1 && rows <= cases[i].max_rows);
		if (cases[i].cols >= 0)
			assert_int_equal(cols, cases[i].cols);
		if (cases[i].rows >= 0)
			assert_int_equal(rows, cases[i].rows);
		if (cases[i].max_rows > 1)
			check_aspect(cases[i].w, cases[i].h, cols, rows,
				     cases[i].cw, cases[i].ch);
	}
}

static void test_no_room(void **state)
{
	struct image img = quadrants(8, 8);
	struct image_box box = { .mode = IMAGE_MODE_SYMBOLS, .max_cols = 0,
				 .max_rows = 5 };
	assert_null(image_render(&img, &box));
	box.max_cols = 5;
	box.mode = IMAGE_MODE_NONE;
	assert_null(image_render(&img, &box));
	struct image empty = { 0 };
	box.mode = IMAGE_MODE_SYMBOLS;
	assert_null(image_render(&empty, &box));
	image_free(&img);
}

static bool near(int32_t rgb, const uint8_t want[3])
{
	int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
	return rgb >= 0 && abs(r - want[0]) < 48 && abs(g - want[1]) < 48 &&
	       abs(b - want[2]) < 48;
}

/* A cell inside a plain area shows that area's colour (a space shows
 * its background, a full block its foreground). */
static bool cell_shows(const struct image_cell *c, const uint8_t want[3])
{
	if (c->ch == ' ')
		return near(c->bg, want);
	if (c->ch == 0x2588)
		return near(c->fg, want);
	return near(c->fg, want) && near(c->bg, want);
}

static void test_symbols_truecolor(void **state)
{
	struct image img = quadrants(64, 64);
	struct image_box box = { .mode = IMAGE_MODE_SYMBOLS, .max_cols = 20,
				 .max_rows = 40, .cell_w = 10, .cell_h = 20,
				 .palette = IMAGE_PALETTE_RGB };
	struct image_art *art = image_render(&img, &box);
	assert_non_null(art);
	assert_int_equal(art->cols, 20);
	assert_int_equal(art->rows, 10);
	assert_null(art->payload);
	for (int q = 0; q < 4; q++) {
		int x = (q & 1) ? 15 : 4, y = (q & 2) ? 7 : 2;
		assert_true(cell_shows(&art->cells[y * art->cols + x],
				       sample_colors[q]));
	}
	for (int i = 0; i < art->cols * art->rows; i++)
		assert_int_equal(uc_width(art->cells[i].ch, "UTF-8"), 1);
	image_art_free(art);
	image_free(&img);
}

/* -1 (the default colour) is allowed anywhere: a space's foreground. */
static bool in_palette(int32_t c, int lo, int hi)
{
	return c == -1 || (c >= lo && c <= hi);
}

static void test_symbols_palettes(void **state)
{
	static const struct { enum image_palette p; int lo, hi; } cases[] = {
		{ IMAGE_PALETTE_240, 16, 255 }, { IMAGE_PALETTE_16, 0, 15 },
		{ IMAGE_PALETTE_8, 0, 7 }, { IMAGE_PALETTE_NONE, -1, -1 },
	};
	struct image img = quadrants(40, 40);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct image_box box = { .mode = IMAGE_MODE_SYMBOLS,
					 .max_cols = 12, .max_rows = 6,
					 .palette = cases[i].p };
		struct image_art *art = image_render(&img, &box);
		assert_non_null(art);
		assert_int_equal(art->palette, cases[i].p);
		int coloured = 0;
		for (int k = 0; k < art->cols * art->rows; k++) {
			const struct image_cell *c = &art->cells[k];
			assert_true(in_palette(c->fg, cases[i].lo, cases[i].hi));
			assert_true(in_palette(c->bg, cases[i].lo, cases[i].hi));
			assert_true(c->ch >= 0x20);
			coloured += c->bg != -1;
		}
		/* Only "none" leaves every cell in the terminal's colours. */
		assert_true(cases[i].p == IMAGE_PALETTE_NONE ? coloured == 0
							      : coloured > 0);
		image_art_free(art);
	}
	image_free(&img);
}

static void test_pixel_modes(void **state)
{
	static const struct { enum image_mode m; const char *start; } cases[] = {
		{ IMAGE_MODE_SIXEL, "\033P" },
		{ IMAGE_MODE_KITTY, "\033_G" },
		{ IMAGE_MODE_ITERM, "\033]1337;File=" },
	};
	struct image img = quadrants(160, 90);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct image_box box = { .mode = cases[i].m, .max_cols = 40,
					 .max_rows = 30, .cell_w = 8,
					 .cell_h = 16 };
		struct image_art *art = image_render(&img, &box);
		assert_non_null(art);
		assert_int_equal(art->mode, cases[i].m);
		assert_int_equal(art->cols, 40);
		check_aspect(160, 90, art->cols, art->rows, 8, 16);
		assert_null(art->cells);
		assert_non_null(art->payload);
		assert_int_equal(strlen(art->payload), art->payload_len);
		assert_non_null(strstr(art->payload, cases[i].start));
		image_art_free(art);
	}
	image_free(&img);
}

static void test_mode_names(void **state)
{
	for (int m = IMAGE_MODE_NONE; m <= IMAGE_MODE_ITERM; m++)
		assert_int_equal(image_mode_from_name(image_mode_name(m)), m);
	assert_int_equal(image_mode_from_name("auto"), -1);
	assert_int_equal(image_mode_from_name("Sixel"), -1);
	assert_int_equal(image_mode_from_name(NULL), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_no_room),
		cmocka_unit_test(test_symbols_truecolor),
		cmocka_unit_test(test_symbols_palettes),
		cmocka_unit_test(test_pixel_modes),
		cmocka_unit_test(test_mode_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
