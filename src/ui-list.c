/* ui-list.c - the list view's cursor and row texts (see ui-list.h). */
#include "folio/ui-list.h"

#include <stdio.h>
#include <string.h>

#include "folio/date.h"

void ui_list_clamp(struct ui_list *l, size_t rows)
{
	if (!rows)
		rows = 1;
	if (l->n == 0) {
		l->sel = l->top = 0;
		return;
	}
	if (l->sel >= l->n)
		l->sel = l->n - 1;
	if (l->top > l->sel)
		l->top = l->sel;
	if (l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
	/* No empty rows at the end while there are items above. */
	if (l->top + rows > l->n)
		l->top = l->n > rows ? l->n - rows : 0;
}

void ui_list_move(struct ui_list *l, long delta, size_t rows)
{
	if (delta < 0)
		l->sel = (size_t)-delta > l->sel ? 0 : l->sel - (size_t)-delta;
	else
		l->sel = (size_t)delta > SIZE_MAX - l->sel ? SIZE_MAX : l->sel + (size_t)delta;
	ui_list_clamp(l, rows);
}

void ui_list_goto(struct ui_list *l, size_t i, size_t rows)
{
	l->sel = i;
	ui_list_clamp(l, rows);
}

void ui_list_page(struct ui_list *l, int dir, size_t rows)
{
	size_t step = rows > 1 ? rows - 1 : 1;
	if (dir > 0) {
		l->top += step;
		ui_list_move(l, (long)step, rows);
	} else {
		l->top = l->top > step ? l->top - step : 0;
		ui_list_move(l, -(long)step, rows);
	}
}

size_t ui_list_next_unread(const struct article *a, size_t from, int dir)
{
	size_t n = a->nitems;
	if (dir > 0) {
		for (size_t i = from == SIZE_MAX ? 0 : from + 1; i < n; i++)
			if (!a->items[i].read)
				return i;
		return SIZE_MAX;
	}
	for (size_t i = from == SIZE_MAX || from > n ? n : from; i-- > 0;)
		if (!a->items[i].read)
			return i;
	return SIZE_MAX;
}

/* ---- ages ---- */

void ui_list_age(const char *iso, int64_t now, char *out, size_t sz)
{
	if (!sz)
		return;
	out[0] = '\0';
	int64_t t = iso ? (int64_t)date_parse_epoch(iso) : 0;
	if (t <= 0)
		return;
	int64_t age = now - t;
	if (age < 60)           /* the future too: a clock a little ahead */
		snprintf(out, sz, "now");
	else if (age < 3600)
		snprintf(out, sz, "%lldm", (long long)(age / 60));
	else if (age < 86400)
		snprintf(out, sz, "%lldh", (long long)(age / 3600));
	else if (age < 7 * 86400)
		snprintf(out, sz, "%lldd", (long long)(age / 86400));
	else
		snprintf(out, sz, "%.10s", iso);
}

void ui_list_counts(const struct article *a, bool marks, char *out, size_t sz)
{
	size_t n = a->nitems, unread = 0;
	for (size_t i = 0; i < n; i++)
		unread += !a->items[i].read;
	if (marks)
		snprintf(out, sz, "%zu stor%s, %zu unread", n, n == 1 ? "y" : "ies", unread);
	else
		snprintf(out, sz, "%zu item%s", n, n == 1 ? "" : "s");
}

void ui_list_feed_counts(const struct article *a, char *out, size_t sz)
{
	size_t n = a->nitems, failed = 0;
	for (size_t i = 0; i < n; i++)
		failed += a->items[i].summary != NULL;
	snprintf(out, sz, "%zu feed%s, %zu failed", n, n == 1 ? "" : "s", failed);
}

struct ui_list_cols ui_list_columns(int width, bool has_source, bool has_age)
{
	struct ui_list_cols c = { 0, 0, 0, 0 };
	if (width <= 0)
		return c;
	c.mark = width >= 8 ? 2 : 0;
	int rest = width - c.mark;
	if (has_age && rest >= 30) {
		c.age = 10;
		rest -= c.age + 1;
	}
	if (has_source && rest >= 40) {
		c.source = rest / 4 < 24 ? rest / 4 : 24;
		rest -= c.source + 2;
	}
	c.title = rest;
	return c;
}
