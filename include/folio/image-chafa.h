/* image-chafa.h - libchafa, loaded when a picture is first drawn.
 *
 * folio is not linked with libchafa: it and glib (with pcre2) cost every
 * run's start-up, and only a lead picture in the pager needs them.
 * image_chafa() dlopen()s the library on its first call (util-dl.h) and
 * gives its functions as a table: chafa->canvas_new() for
 * chafa_canvas_new().  Types and constants still come from <chafa.h>.
 * The library is $FOLIO_LIBCHAFA when set, else the soname folio was
 * built against (FOLIO_LIBCHAFA_SONAME, from the Makefile). */
#ifndef FOLIO_IMAGE_CHAFA_H
#define FOLIO_IMAGE_CHAFA_H

#include <chafa.h>

#include "folio/util-dl.h"

/* The functions image-render and image-detect use, as (prefix, name)
 * pairs; glib's come through libchafa, which needs it. */
#define IMAGE_CHAFA_FUNCS(X) \
	X(chafa_, calc_canvas_geometry) X(chafa_, get_n_threads) \
	X(chafa_, set_n_threads) \
	X(chafa_, symbol_map_new) X(chafa_, symbol_map_add_by_tags) \
	X(chafa_, symbol_map_remove_by_tags) X(chafa_, symbol_map_unref) \
	X(chafa_, canvas_config_new) X(chafa_, canvas_config_set_geometry) \
	X(chafa_, canvas_config_set_cell_geometry) \
	X(chafa_, canvas_config_set_pixel_mode) \
	X(chafa_, canvas_config_set_canvas_mode) \
	X(chafa_, canvas_config_set_symbol_map) X(chafa_, canvas_config_unref) \
	X(chafa_, canvas_new) X(chafa_, canvas_unref) \
	X(chafa_, canvas_draw_all_pixels) X(chafa_, canvas_get_char_at) \
	X(chafa_, canvas_get_colors_at) X(chafa_, canvas_get_raw_colors_at) \
	X(chafa_, canvas_print) \
	X(chafa_, term_db_get_default) X(chafa_, term_db_detect) \
	X(chafa_, term_db_get_fallback_info) X(chafa_, term_info_have_seq) \
	X(chafa_, term_info_unref) \
	X(g_, string_free)

struct image_chafa {
	IMAGE_CHAFA_FUNCS(DL_MEMBER)
};

/* The table, loading the library on the first call; NULL when it cannot
 * be loaded or lacks a function, and image_chafa_error() says why
 * ("cannot load libchafa (libchafa.so.0: cannot open shared object
 * file: No such file or directory)"). */
const struct image_chafa *image_chafa(void);
const char *image_chafa_error(void);

#endif
