/* config.h - the user's settings file, $XDG_CONFIG_HOME/folio/config
 * (fallback ~/.config/folio/config).
 *
 * One "key = value" per line; blank lines and lines whose first
 * non-blank character is '#' are ignored ('#' later in a line is part
 * of the value, so a user agent may contain one).  Keys:
 *   width      = N        reading width in columns (1..1000)
 *   color      = on|off   colours (also yes/no, true/false, 1/0)
 *   mouse      = on|off   mouse support
 *   cache_size = N        page cache cap in MB (0..1000000; 0: no cache)
 *   timeout    = N        whole-transfer limit in seconds (1..3600)
 *   user_agent = TEXT     User-Agent header (printable ASCII)
 *   bind       = KEY ACTION   a pager key (ui-keys.h names; may repeat)
 *   images     = MODE     lead pictures: auto, symbols, sixel, kitty,
 *                         iterm or none (image-detect.h)
 * A later line overrides an earlier one.  An unknown key, a line
 * without '=', or a bad value gives one warning "FILE:LINE: cause" and
 * that line only is skipped. */
#ifndef FOLIO_CONFIG_H
#define FOLIO_CONFIG_H

#include <stddef.h>
#include <stdio.h>
#include "folio/ui-keys.h"

/* Fields a file did not set keep these "unset" values, so that the
 * command line and the built-in defaults can fill them in. */
struct config {
	int width;         /* 0: unset */
	int color;         /* -1: unset, 0 off, 1 on */
	int mouse;         /* -1: unset, 0 off, 1 on */
	long cache_mb;     /* -1: unset */
	long timeout_s;    /* 0: unset */
	char *user_agent;  /* NULL: unset; owned */
	char images[8];    /* "": unset */
	/* The pager's keys: the defaults with every "bind = KEY ACTION"
	 * line applied in order ("bind = x none" unbinds x). */
	struct ui_keymap keys;
};

void config_init(struct config *c);
void config_free(struct config *c);

/* Apply the settings in text[0..len) (need not be NUL-terminated) to
 * c.  name is the file name used in warnings, each written to warn as
 * one line "folio: NAME:LINE: cause\n" (warn may be NULL).  Returns the
 * number of warnings, or -1 when out of memory. */
int config_parse(struct config *c, const char *text, size_t len,
		 const char *name, FILE *warn);

/* "$XDG_CONFIG_HOME/folio/config" or "$HOME/.config/folio/config";
 * malloc'd, NULL when neither is usable. */
char *config_default_path(void);

/* Read and apply the file at path; a missing file is not an error (0).
 * An unreadable one gives one warning.  Returns the warning count. */
int config_load(struct config *c, const char *path, FILE *warn);

#endif
