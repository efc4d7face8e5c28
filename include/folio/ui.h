/* ui.h - the pager: shows an article on the terminal with less/vi keys.
 * The only module that includes curses. */
#ifndef FOLIO_UI_H
#define FOLIO_UI_H

#include <stdbool.h>
#include "folio/article.h"
#include "folio/open.h"
#include "folio/status.h"

struct store;

/* Opens what a link (or reload) names: the same path as the command line
 * (main passes a wrapper around open_page).  On STATUS_OK *out is a new
 * article the ui owns; otherwise err holds one line. */
typedef enum status_code (*ui_open_fn)(const char *arg, void *ctx,
				       struct article **out,
				       char err[OPEN_ERR_MAX]);

struct ui_opts {
	int width;              /* reading measure in cells; <= 0: 80 */
	bool mouse;             /* wheel scrolling */
	bool color;             /* false: bold/underline/reverse only */
	struct store *store;    /* history, reading positions, saved list
				 * (store.h); NULL: none, remember nothing */
	/* The a key: subscribe to the feed the page at url advertises (or
	 * is); ctx is open's.  msg gets one line for the status bar.  NULL:
	 * no subscribing (main passes feed_cli_subscribe). */
	int (*subscribe)(const char *url, void *ctx, char msg[256]);
	/* The lead picture: an image_mode (image-render.h; 0, none: no
	 * pictures), fetched with picture_from's user agent, timeout, size
	 * cap and offline setting (NULL: defaults). */
	int images;
	const struct open_opts *picture_from;
};

/* Show `first` (read from `source`, used by reload) until the user quits.
 * Keys come from stdin when it is a terminal, else from /dev/tty (so
 * `folio -` works).  Takes ownership of first.  Returns STATUS_OK, or
 * STATUS_INPUT when no terminal could be opened. */
enum status_code ui_run(struct article *first, const char *source,
			ui_open_fn open, void *ctx, const struct ui_opts *opts);

/* The pieces of ui_run, for the benchmark: a pager on the curses screen
 * that the caller has set up (initscr/newterm). */
struct ui;
struct ui *ui_new(struct article *first, const char *source,
		  ui_open_fn open, void *ctx, const struct ui_opts *opts);
/* Handle one key as returned by get_wch (function keys: code | UI_FN).
 * Returns false when the user quit. */
#define UI_FN 0x1000000
bool ui_key(struct ui *u, int key);
void ui_draw(struct ui *u);
void ui_free(struct ui *u);

#endif
