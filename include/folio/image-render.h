/* image-render.h - RGBA pixels -> terminal picture, through libchafa.
 *
 * Pure: no terminal I/O (the caller draws the result).  The picture is
 * fitted into a box of max_cols x max_rows cells keeping its aspect ratio
 * for cells of cell_w x cell_h pixels (chafa_calc_canvas_geometry), and
 * enlarged to the box's width when smaller.  Symbols mode gives a grid of
 * cells (a character and its two colours); the pixel modes give one
 * escape sequence drawing the whole picture at the cursor. */
#ifndef FOLIO_IMAGE_RENDER_H
#define FOLIO_IMAGE_RENDER_H

#include <stddef.h>
#include <stdint.h>
#include "folio/image-decode.h"

enum image_mode {
	IMAGE_MODE_NONE,
	IMAGE_MODE_SYMBOLS,     /* Unicode block symbols in colour */
	IMAGE_MODE_SIXEL,
	IMAGE_MODE_KITTY,
	IMAGE_MODE_ITERM,
};

/* Colours a symbols picture may use. */
enum image_palette {
	IMAGE_PALETTE_NONE,     /* shapes only, the terminal's own colours */
	IMAGE_PALETTE_8,        /* indexes 0..7 */
	IMAGE_PALETTE_16,       /* indexes 0..15 */
	IMAGE_PALETTE_240,      /* indexes 16..255 (the fixed part of 256) */
	IMAGE_PALETTE_RGB,      /* 0xRRGGBB */
};

struct image_box {
	enum image_mode mode;
	int max_cols, max_rows; /* the room; both >= 1 */
	int cell_w, cell_h;     /* a cell's pixels; <= 0: 10 x 20 */
	enum image_palette palette;     /* symbols mode */
};

/* One cell of a symbols picture.  Colours as the palette says; -1 is
 * the terminal's default colour (transparent pixels). */
struct image_cell {
	uint32_t ch;            /* a printable, one-cell-wide code point */
	int32_t fg, bg;
};

struct image_art {
	enum image_mode mode;
	enum image_palette palette;
	int cols, rows;         /* cells taken */
	struct image_cell *cells;       /* symbols: rows x cols, row-major */
	char *payload;          /* pixel modes: NUL-terminated sequence */
	size_t payload_len;
};

/* NULL when img is empty, the box has no room or mode is NONE, or out
 * of memory.  Free with image_art_free. */
struct image_art *image_render(const struct image *img,
			       const struct image_box *box);
void image_art_free(struct image_art *art);

/* NULL when pictures can be drawn; else why not, one line ("cannot
 * load libchafa (...)"): libchafa is loaded at the first picture. */
const char *image_render_unavailable(void);

/* Cells a picture of w x h pixels takes in the box (same rule as
 * image_render), 0 x 0 when it has no room. */
void image_fit(int w, int h, const struct image_box *box, int *cols,
	       int *rows);

/* "none", "symbols", "sixel", "kitty", "iterm"; and back (-1 unknown). */
const char *image_mode_name(enum image_mode m);
int image_mode_from_name(const char *name);

#endif
