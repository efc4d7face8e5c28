/* ui-list.h - the list view's model, pure (ui.c draws it): a cursor
 * over the items of a list page (struct article of kind PAGE_LIST) and
 * what each row and the header say.
 *
 * One list view serves every list: a feed's stories, all feeds, a
 * site's front page, history, the saved list and a page's links. */
#ifndef FOLIO_UI_LIST_H
#define FOLIO_UI_LIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "folio/article.h"

/* The cursor: item sel is highlighted, items from top are on screen. */
struct ui_list {
	size_t n;               /* items */
	size_t sel;             /* the cursor (0 when n is 0) */
	size_t top;             /* first item shown */
};

/* Keep sel inside [0, n) and on a screen of rows items. */
void ui_list_clamp(struct ui_list *l, size_t rows);
/* Move the cursor by delta items (stops at the ends). */
void ui_list_move(struct ui_list *l, long delta, size_t rows);
/* Put the cursor on item i (clamped). */
void ui_list_goto(struct ui_list *l, size_t i, size_t rows);
/* A screen forward (dir 1) or back (-1): the cursor and the view move
 * together by rows - 1 items, as less moves by a screen. */
void ui_list_page(struct ui_list *l, int dir, size_t rows);

/* The next unread item after `from` (dir 1) or before it (dir -1),
 * SIZE_MAX when none; from SIZE_MAX starts at the first (or last). */
size_t ui_list_next_unread(const struct article *a, size_t from, int dir);

/* How old a time (RFC 3339 as list items hold it; whatever date.h
 * reads) is at now: "now", "5m", "3h", "2d", then the date
 * "2024-09-02".  "" when the time cannot be read. */
void ui_list_age(const char *iso, int64_t now, char *out, size_t sz);

/* The header's counts: "26 stories, 25 unread" (or "N items" for lists
 * without read marks: history, saved, links). */
void ui_list_counts(const struct article *a, bool marks, char *out, size_t sz);

/* The feeds view's header: "5 feeds, 2 failed" (a feed failed when its
 * item has a summary: the failure). */
void ui_list_feed_counts(const struct article *a, char *out, size_t sz);

/* Column widths of a row `width` cells wide: the mark (2), the title,
 * a gap, the source (at most a quarter of the row, at most 24), a gap
 * and the age (10).  Columns that do not fit get 0. */
struct ui_list_cols {
	int mark, title, source, age;
};
struct ui_list_cols ui_list_columns(int width, bool has_source, bool has_age);

#endif
