/* image-detect.h - which way of drawing pictures a terminal takes.
 *
 * Pure: decided from the environment given (never the process's own,
 * so that it is tested with tables) and the colour count curses reports.
 * Under tmux or screen, symbols: graphics protocols do not survive a
 * multiplexer's redraws.  Otherwise libchafa's terminal database reads
 * TERM, COLORTERM, TERM_PROGRAM, VTE_VERSION, ... and says which of the
 * kitty, iTerm2 and sixel protocols the terminal speaks (in that order
 * of preference); KITTY_WINDOW_ID and Ghostty are recognised here too.
 * Anything else gets symbols. */
#ifndef FOLIO_IMAGE_DETECT_H
#define FOLIO_IMAGE_DETECT_H

#include <stddef.h>
#include "folio/image-render.h"

/* The mode for a setting ("auto", "symbols", "sixel", "kitty", "iterm",
 * "none"; NULL is "auto") in a terminal with environment envp (a
 * NULL-terminated "NAME=value" list).  -1 for an unknown setting. */
int image_detect(const char *setting, char *const *envp);

/* Whether to ask the terminal itself (image-query.h) before settling on
 * what image_detect said: setting auto, no multiplexer, and nothing in
 * the environment told a graphics protocol (so image_detect said
 * symbols).  Asking costs a round trip at start-up. */
int image_detect_ask(const char *setting, char *const *envp);

/* The query to write: a kitty graphics query (a 1x1 picture, asked not
 * to be shown), then primary device attributes (DA1), which every
 * terminal answers, so that its answer ends the wait. */
extern const char image_query[];

/* What the answers in bytes[0..len) say: IMAGE_MODE_KITTY when the kitty
 * query was answered OK, IMAGE_MODE_SIXEL when the device attributes
 * include 4 (sixel graphics), else IMAGE_MODE_SYMBOLS; -1 while the
 * device attributes' answer is not complete. */
int image_detect_replies(const char *bytes, size_t len);

/* True when setting is one of the names image_detect takes. */
int image_setting_valid(const char *setting);

/* The symbols palette for a terminal of `colors` colours (curses's
 * COLORS; 0 when colour is off). */
enum image_palette image_palette_for(int colors);

#endif
