/* image-render.c - RGBA -> symbols or a graphics escape (image-render.h).
 *
 * libchafa does the work: it picks the cell geometry, the symbols and
 * their colours, or encodes sixel/kitty/iTerm2 data.  This file chooses
 * its settings and copies the result out of the chafa canvas.  libchafa
 * is loaded at the first picture (image-chafa.h); without it there is
 * no room for one, and the page shows the caption alone. */
#include "folio/image-render.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "folio/image-chafa.h"

#define DEFAULT_CELL_W 10
#define DEFAULT_CELL_H 20

static void cell_size(const struct image_box *box, int *cw, int *ch)
{
	bool given = box->cell_w > 0 && box->cell_h > 0;
	*cw = given ? box->cell_w : DEFAULT_CELL_W;
	*ch = given ? box->cell_h : DEFAULT_CELL_H;
}

void image_fit(int w, int h, const struct image_box *box, int *cols,
	       int *rows)
{
	*cols = *rows = 0;
	if (w < 1 || h < 1 || box->max_cols < 1 || box->max_rows < 1)
		return;
	const struct image_chafa *chafa = image_chafa();
	if (!chafa)
		return;
	int cw, ch;
	cell_size(box, &cw, &ch);
	gint dw = box->max_cols, dh = box->max_rows;
	/* zoom: a small picture still takes the measure's width */
	chafa->calc_canvas_geometry(w, h, &dw, &dh, (gfloat)cw / (gfloat)ch,
				   TRUE, FALSE);
	if (dw < 1 || dh < 1)
		return;
	*cols = dw;
	*rows = dh;
}

static ChafaCanvasMode canvas_mode(enum image_palette p)
{
	switch (p) {
	case IMAGE_PALETTE_RGB: return CHAFA_CANVAS_MODE_TRUECOLOR;
	case IMAGE_PALETTE_240: return CHAFA_CANVAS_MODE_INDEXED_240;
	case IMAGE_PALETTE_16: return CHAFA_CANVAS_MODE_INDEXED_16;
	case IMAGE_PALETTE_8: return CHAFA_CANVAS_MODE_INDEXED_8;
	default: return CHAFA_CANVAS_MODE_FGBG;
	}
}

static ChafaPixelMode pixel_mode(enum image_mode m)
{
	switch (m) {
	case IMAGE_MODE_SIXEL: return CHAFA_PIXEL_MODE_SIXELS;
	case IMAGE_MODE_KITTY: return CHAFA_PIXEL_MODE_KITTY;
	case IMAGE_MODE_ITERM: return CHAFA_PIXEL_MODE_ITERM2;
	default: return CHAFA_PIXEL_MODE_SYMBOLS;
	}
}

/* Symbols every monospace font draws in one cell: blocks, halves,
 * quadrants and box lines; no ASCII art, nothing wide.  In colour, no
 * blank either: a plain area is a full block in its colour, which a
 * terminal without background-colour erase shows the same, and which
 * curses cannot turn into an erase that a multiplexer may drop. */
static ChafaSymbolMap *symbol_map(const struct image_chafa *chafa,
				  bool colour)
{
	ChafaSymbolMap *map = chafa->symbol_map_new();
	chafa->symbol_map_add_by_tags(map, CHAFA_SYMBOL_TAG_BLOCK |
				     CHAFA_SYMBOL_TAG_BORDER |
				     (colour ? 0 : CHAFA_SYMBOL_TAG_SPACE) |
				     CHAFA_SYMBOL_TAG_HALF |
				     CHAFA_SYMBOL_TAG_QUAD);
	chafa->symbol_map_remove_by_tags(map, CHAFA_SYMBOL_TAG_WIDE |
					CHAFA_SYMBOL_TAG_AMBIGUOUS);
	return map;
}

static ChafaCanvasConfig *make_config(const struct image_chafa *chafa,
				      const struct image_box *box, int cols,
				      int rows)
{
	ChafaCanvasConfig *cfg = chafa->canvas_config_new();
	int cw, ch;
	cell_size(box, &cw, &ch);
	chafa->canvas_config_set_geometry(cfg, cols, rows);
	chafa->canvas_config_set_cell_geometry(cfg, cw, ch);
	chafa->canvas_config_set_pixel_mode(cfg, pixel_mode(box->mode));
	if (box->mode == IMAGE_MODE_SYMBOLS) {
		ChafaSymbolMap *map =
			symbol_map(chafa, box->palette != IMAGE_PALETTE_NONE);
		chafa->canvas_config_set_canvas_mode(cfg,
						     canvas_mode(box->palette));
		chafa->canvas_config_set_symbol_map(cfg, map);
		chafa->symbol_map_unref(map);
	}
	return cfg;
}

static int32_t color_of(gint c, enum image_palette p)
{
	if (c < 0 || p == IMAGE_PALETTE_NONE)
		return -1;
	return (int32_t)c;
}

static bool copy_cells(const struct image_chafa *chafa, struct image_art *art,
		       ChafaCanvas *cv)
{
	art->cells = calloc((size_t)art->cols * (size_t)art->rows,
			    sizeof *art->cells);
	if (!art->cells)
		return false;
	for (int y = 0; y < art->rows; y++)
		for (int x = 0; x < art->cols; x++) {
			struct image_cell *c = &art->cells[y * art->cols + x];
			gint fg = -1, bg = -1;
			gunichar u = chafa->canvas_get_char_at(cv, x, y);
			if (art->palette == IMAGE_PALETTE_RGB)
				chafa->canvas_get_colors_at(cv, x, y, &fg, &bg);
			else
				chafa->canvas_get_raw_colors_at(cv, x, y, &fg,
								 &bg);
			c->ch = u >= 0x20 ? u : ' ';
			c->fg = color_of(fg, art->palette);
			c->bg = color_of(bg, art->palette);
		}
	return true;
}

static bool copy_payload(const struct image_chafa *chafa,
			 struct image_art *art, ChafaCanvas *cv)
{
	ChafaTermDb *db = chafa->term_db_get_default();
	/* The fallback knows every protocol's sequences; which one is
	 * used was decided by the caller (image-detect.h). */
	ChafaTermInfo *ti = chafa->term_db_get_fallback_info(db);
	GString *s = chafa->canvas_print(cv, ti);
	chafa->term_info_unref(ti);
	art->payload = malloc(s->len + 1);
	if (art->payload) {
		memcpy(art->payload, s->str, s->len + 1);
		art->payload_len = s->len;
	}
	chafa->string_free(s, TRUE);
	return art->payload != NULL;
}

struct image_art *image_render(const struct image *img,
			       const struct image_box *box)
{
	int cols, rows;
	const struct image_chafa *chafa;
	if (!img || !img->rgba || box->mode == IMAGE_MODE_NONE ||
	    !(chafa = image_chafa()))
		return NULL;
	/* One thread: a lead picture takes milliseconds (make bench), and
	 * chafa's pool would leave glib's per-thread data to every exit. */
	if (chafa->get_n_threads() != 1)
		chafa->set_n_threads(1);
	image_fit(img->width, img->height, box, &cols, &rows);
	if (!cols)
		return NULL;
	struct image_art *art = calloc(1, sizeof *art);
	if (!art)
		return NULL;
	art->mode = box->mode;
	art->palette = box->mode == IMAGE_MODE_SYMBOLS ? box->palette
						       : IMAGE_PALETTE_NONE;
	art->cols = cols;
	art->rows = rows;
	ChafaCanvasConfig *cfg = make_config(chafa, box, cols, rows);
	ChafaCanvas *cv = chafa->canvas_new(cfg);
	chafa->canvas_config_unref(cfg);
	chafa->canvas_draw_all_pixels(cv, CHAFA_PIXEL_RGBA8_UNASSOCIATED,
				     img->rgba, img->width, img->height,
				     img->width * 4);
	bool ok = box->mode == IMAGE_MODE_SYMBOLS ? copy_cells(chafa, art, cv)
						  : copy_payload(chafa, art, cv);
	chafa->canvas_unref(cv);
	if (!ok) {
		image_art_free(art);
		return NULL;
	}
	return art;
}

const char *image_render_unavailable(void)
{
	return image_chafa() ? NULL : image_chafa_error();
}

void image_art_free(struct image_art *art)
{
	if (!art)
		return;
	free(art->cells);
	free(art->payload);
	free(art);
}

static const char *const mode_names[] = {
	[IMAGE_MODE_NONE] = "none", [IMAGE_MODE_SYMBOLS] = "symbols",
	[IMAGE_MODE_SIXEL] = "sixel", [IMAGE_MODE_KITTY] = "kitty",
	[IMAGE_MODE_ITERM] = "iterm",
};

const char *image_mode_name(enum image_mode m)
{
	return (unsigned)m < sizeof mode_names / sizeof *mode_names
	       ? mode_names[m] : "none";
}

int image_mode_from_name(const char *name)
{
	for (size_t i = 0; i < sizeof mode_names / sizeof *mode_names; i++)
		if (name && !strcmp(name, mode_names[i]))
			return (int)i;
	return -1;
}
