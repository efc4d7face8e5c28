/* fuzz_image.c - libFuzzer target: image_decode then image_render, with
 * the image libraries (libjpeg-turbo, libpng, giflib, libwebp) and
 * libchafa in the path.  The first byte picks the mode, the palette and
 * the box; the rest is the file.  The same bytes go to the reader of
 * the terminal's answers (image_detect_replies) too.
 *
 * Checks the promises too: a decoded picture within the bounds, a
 * rendered one within its box, one-cell printable symbols, a payload
 * as long as it says. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <uniwidth.h>

#include "folio/image-decode.h"
#include "folio/image-detect.h"
#include "folio/image-render.h"

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

static void check_art(const struct image_art *art, const struct image_box *box)
{
	CHECK(art->cols >= 1 && art->cols <= box->max_cols);
	CHECK(art->rows >= 1 && art->rows <= box->max_rows);
	if (box->mode != IMAGE_MODE_SYMBOLS) {
		CHECK(art->payload && strlen(art->payload) == art->payload_len);
		return;
	}
	for (int i = 0; i < art->cols * art->rows; i++) {
		uint32_t ch = art->cells[i].ch;
		CHECK(ch >= 0x20 && !(ch >= 0x7f && ch < 0xa0));
		CHECK(uc_width(ch, "UTF-8") == 1);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int answer = image_detect_replies((const char *)data, size);
	CHECK(answer >= -1 && answer <= IMAGE_MODE_ITERM);
	if (size < 1)
		return 0;
	uint8_t pick = data[0];
	struct image img;
	enum image_status st = image_decode(data + 1, size - 1,
					    (pick & 0x80) ? 64 : 0, &img);
	if (st != IMAGE_OK) {
		CHECK(!img.rgba && !img.width && !img.height);
		return 0;
	}
	CHECK(img.width >= 1 && img.height >= 1 && img.rgba);
	CHECK(img.width <= IMAGE_MAX_SIDE && img.height <= IMAGE_MAX_SIDE);
	CHECK((size_t)img.width * (size_t)img.height <= IMAGE_MAX_PIXELS);
	struct image_box box = {
		/* symbols three times in four: the pager's usual case */
		.mode = (pick & 3) == 3 ? IMAGE_MODE_SIXEL + (pick >> 2) % 3
					: IMAGE_MODE_SYMBOLS,
		.max_cols = 1 + (pick >> 4) % 40,
		.max_rows = 1 + (pick >> 2) % 12,
		.palette = (enum image_palette)((pick >> 5) % 5),
	};
	struct image_art *art = image_render(&img, &box);
	if (art)
		check_art(art, &box);
	image_art_free(art);
	image_free(&img);
	return 0;
}
