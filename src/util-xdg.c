/* util-xdg.c - folio's file locations (util-xdg.h). */
#include <stdio.h>
#include <stdlib.h>

#include "folio/util-xdg.h"

char *xdg_path(enum xdg_kind kind, const char *name)
{
	const char *xdg = getenv(kind == XDG_CONFIG ? "XDG_CONFIG_HOME" : "XDG_DATA_HOME");
	const char *home = getenv("HOME");
	const char *under = kind == XDG_CONFIG ? "/.config" : "/.local/share";
	char *path = NULL;
	int rc;

	if (xdg && xdg[0] == '/')
		under = "", home = xdg;
	else if (!home || home[0] != '/')
		return NULL;
	rc = asprintf(&path, "%s%s/folio%s%s", home, under, name ? "/" : "", name ? name : "");
	return rc < 0 ? NULL : path;
}
