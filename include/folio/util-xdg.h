/* util-xdg.h - where folio's files live, by the XDG base directory
 * rules: settings and subscriptions under $XDG_CONFIG_HOME/folio
 * (~/.config/folio), the database under $XDG_DATA_HOME/folio
 * (~/.local/share/folio). */
#ifndef FOLIO_UTIL_XDG_H
#define FOLIO_UTIL_XDG_H

enum xdg_kind { XDG_CONFIG, XDG_DATA };

/* "$XDG_x_HOME/folio/name", else "$HOME/<default>/folio/name"; name
 * NULL: the folio directory itself.  A relative variable is ignored,
 * as the spec says.  malloc'd; NULL when neither variable is usable or
 * memory ran out.  Nothing is created. */
char *xdg_path(enum xdg_kind kind, const char *name);

#endif
