/* ui.h - the pager: shows an article on the terminal with less/vi keys.
 * The only module that includes curses. */
#ifndef FOLIO_UI_H
#define FOLIO_UI_H

#include <stdbool.h>
#include "folio/article.h"
#include "folio/open.h"
#include "folio/status.h"
#include "folio/ui-keys.h"

struct store;
struct task;

/* How a page is to be opened: as the reader reads it (the article or
 * the list), or its whole text, nothing left out (open_opts.whole_text:
 * the v key). */
enum ui_open_as { UI_OPEN_PAGE, UI_OPEN_WHOLE_TEXT };

/* Opens what a link (or reload) names: the same path as the command line
 * (main passes a wrapper around open_page).  On STATUS_OK *out is a new
 * article the ui owns; otherwise err holds one line.  It runs on a
 * worker thread (task.h) when task is not NULL: the fetches then report
 * progress to it and stop when it is cancelled (open_opts.progress =
 * task_xferinfo, progress_arg = task). */
typedef enum status_code (*ui_open_fn)(const char *arg, enum ui_open_as as,
				       void *ctx, struct task *task,
				       struct article **out,
				       char err[OPEN_ERR_MAX]);

struct ui_opts {
	int width;              /* reading measure in cells; <= 0: 80 */
	bool mouse;             /* wheel scrolling */
	bool color;             /* false: bold/underline/reverse only */
	struct store *store;    /* history, reading positions, saved list
				 * (store.h); NULL: none, remember nothing */
	/* The a key: subscribe to the feed the page at url advertises (or
	 * is); ctx is open's.  msg gets one line for the status bar.  It
	 * runs on a worker as ui_open_fn does (task: its progress and
	 * cancel).  NULL: no subscribing (main wraps feed_cli_subscribe). */
	int (*subscribe)(const char *url, void *ctx, struct task *task, char msg[256]);
	/* The lead picture: an image_mode (image-render.h; 0, none: no
	 * pictures), fetched with picture_from's user agent, timeout, size
	 * cap and offline setting (NULL: defaults). */
	int images;
	const struct open_opts *picture_from;
	/* m and M in lists: remember a story as read (or unread again);
	 * ctx is open's.  NULL: the marks change on screen only. */
	int (*mark_read)(const char *url, bool read, void *ctx);
	/* Is url marked read (1)?  Going back to a list, its marks are read
	 * again (a story opened from a list above it was read meanwhile).
	 * NULL: they stay as they were. */
	int (*is_read)(const char *url, void *ctx);
	/* F: what the opener opens as the feeds view (a list of the
	 * subscribed feeds with their counts and last errors; main passes
	 * FEEDCLI_FEEDS).  NULL: no feeds view. */
	const char *feeds;
	const struct ui_keymap *keys;   /* NULL: the default keys */
	/* Shown when the pager starts (e.g. the settings file's warnings,
	 * one per line); NULL: none. */
	const char *startup_msg;
};

/* Show `first` (read from `source`, used by reload) until the user quits.
 * Keys come from stdin when it is a terminal, else from /dev/tty (so
 * `folio -` works).  Takes ownership of first.  Returns STATUS_OK, or
 * STATUS_INPUT when no terminal could be opened.
 *
 * first NULL: source is opened first, in the background with its
 * progress on the status line (Esc or ^C cancels: status
 * STATUS_NETWORK); when that fails, the error goes to stderr once the
 * screen is restored and its status is returned. */
enum status_code ui_run(struct article *first, const char *source,
			ui_open_fn open, void *ctx, const struct ui_opts *opts);

/* The pieces of ui_run, for the benchmark: a pager on the curses screen
 * that the caller has set up (initscr/newterm). */
struct ui;
struct ui *ui_new(struct article *first, const char *source,
		  ui_open_fn open, void *ctx, const struct ui_opts *opts);
/* Handle one key (a character, or a UIK_* code of ui-keys.h).
 * Returns false when the user quit. */
bool ui_key(struct ui *u, int key);
void ui_draw(struct ui *u);
void ui_free(struct ui *u);

#endif
