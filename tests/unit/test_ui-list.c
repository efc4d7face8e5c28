/* Unit tests for ui-list.c: the list cursor, next/previous unread, ages,
 * counts and columns, as tables. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "folio/ui-list.h"

/* op: 'm' move by arg, 'g' goto arg, 'p' page by arg (1/-1). */
static void test_cursor(void **state)
{
	(void)state;
	static const struct {
		size_t n, rows, sel, top;
		char op;
		long arg;
		size_t want_sel, want_top;
	} t[] = {
		{ 10, 5, 0, 0, 'm', 1, 1, 0 },
		{ 10, 5, 4, 0, 'm', 1, 5, 1 },          /* scrolls by one */
		{ 10, 5, 9, 5, 'm', 1, 9, 5 },          /* stops at the end */
		{ 10, 5, 0, 0, 'm', -1, 0, 0 },         /* and at the start */
		{ 10, 5, 5, 5, 'm', -1, 4, 4 },
		{ 10, 5, 0, 0, 'm', 1000, 9, 5 },
		{ 10, 5, 9, 5, 'm', -1000, 0, 0 },
		{ 10, 5, 0, 0, 'g', 7, 7, 3 },          /* scrolls as little as it can */
		{ 10, 5, 0, 0, 'g', 99, 9, 5 },
		{ 3, 5, 0, 0, 'g', 2, 2, 0 },           /* all on one screen */
		{ 0, 5, 0, 0, 'm', 1, 0, 0 },           /* an empty list */
		{ 30, 5, 0, 0, 'p', 1, 4, 4 },          /* a screen is rows - 1 */
		{ 30, 5, 6, 4, 'p', 1, 10, 8 },
		{ 30, 5, 10, 8, 'p', -1, 6, 4 },
		{ 30, 5, 2, 0, 'p', -1, 0, 0 },
		{ 30, 5, 29, 25, 'p', 1, 29, 25 },
		{ 10, 1, 3, 0, 'm', 1, 4, 4 },          /* a one-row window */
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct ui_list l = { t[i].n, t[i].sel, t[i].top };
		if (t[i].op == 'm')
			ui_list_move(&l, t[i].arg, t[i].rows);
		else if (t[i].op == 'g')
			ui_list_goto(&l, (size_t)t[i].arg, t[i].rows);
		else
			ui_list_page(&l, (int)t[i].arg, t[i].rows);
		if (l.sel != t[i].want_sel || l.top != t[i].want_top)
			fail_msg("case %zu: sel %zu top %zu, wanted %zu %zu", i, l.sel,
				 l.top, t[i].want_sel, t[i].want_top);
	}
}

static struct article *list_of(const char *marks)
{
	struct article *a = article_new();
	for (const char *m = marks; *m; m++) {
		struct list_item *it = article_add_item(a, "T", "http://x.test/");
		assert_non_null(it);
		it->read = *m == 'r';
	}
	return a;
}

static void test_next_unread(void **state)
{
	(void)state;
	static const struct {
		const char *marks;      /* r read, u unread */
		size_t from;
		int dir;
		size_t want;
	} t[] = {
		{ "ruru", 0, 1, 1 },
		{ "ruru", 1, 1, 3 },
		{ "ruru", 3, 1, SIZE_MAX },
		{ "ruru", 3, -1, 1 },
		{ "ruru", 1, -1, SIZE_MAX },
		{ "urrr", SIZE_MAX, 1, 0 },
		{ "rrru", SIZE_MAX, -1, 3 },
		{ "rrrr", SIZE_MAX, 1, SIZE_MAX },
		{ "", SIZE_MAX, 1, SIZE_MAX },
		{ "uu", 9, -1, 1 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct article *a = list_of(t[i].marks);
		size_t got = ui_list_next_unread(a, t[i].from, t[i].dir);
		article_free(a);
		if (got != t[i].want)
			fail_msg("case %zu: %zu, wanted %zu", i, got, t[i].want);
	}
}

static void test_age(void **state)
{
	(void)state;
	/* 2024-09-02T10:00:00Z */
	const int64_t now = 1725271200;
	static const struct { const char *iso; const char *want; } t[] = {
		{ "2024-09-02T10:00:00Z", "now" },
		{ "2024-09-02T09:59:30Z", "now" },
		{ "2024-09-02T10:05:00Z", "now" },      /* a little ahead */
		{ "2024-09-02T09:55:00Z", "5m" },
		{ "2024-09-02T07:00:00Z", "3h" },
		{ "2024-09-02T09:00:00+02:00", "3h" },  /* 07:00Z */
		{ "2024-09-02T05:00:00-02:00", "3h" },  /* 07:00Z */
		{ "2024-08-31T10:00:00Z", "2d" },
		{ "2024-08-31", "2d" },
		{ "2024-08-01T10:00:00.123Z", "2024-08-01" },
		{ "yesterday", "" },
		{ "2024-13-01", "" },
		{ "2024-09-02T25:00", "" },
		{ "", "" },
	};
	char out[32];
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		ui_list_age(t[i].iso, now, out, sizeof out);
		if (strcmp(out, t[i].want) != 0)
			fail_msg("'%s': '%s', wanted '%s'", t[i].iso, out, t[i].want);
	}
	ui_list_age(NULL, now, out, sizeof out);
	assert_string_equal(out, "");
}

static void test_counts(void **state)
{
	(void)state;
	char s[64];
	struct article *a = list_of("rru");
	ui_list_counts(a, true, s, sizeof s);
	assert_string_equal(s, "3 stories, 1 unread");
	ui_list_counts(a, false, s, sizeof s);
	assert_string_equal(s, "3 items");
	article_free(a);
	a = list_of("u");
	ui_list_counts(a, true, s, sizeof s);
	assert_string_equal(s, "1 story, 1 unread");
	ui_list_feed_counts(a, s, sizeof s);
	assert_string_equal(s, "1 feed, 0 failed");
	article_free(a);
	/* the feeds view: a feed failed when its item has a summary */
	a = list_of("rru");
	assert_int_equal(article_set(&a->items[1].summary, "x: the last fetch failed: 404"), 0);
	ui_list_feed_counts(a, s, sizeof s);
	assert_string_equal(s, "3 feeds, 1 failed");
	article_free(a);
}

static void test_columns(void **state)
{
	(void)state;
	struct ui_list_cols c = ui_list_columns(80, true, true);
	assert_int_equal(c.mark + c.title + 2 + c.source + 1 + c.age, 80);
	assert_true(c.title >= 40 && c.source > 0 && c.age == 10);
	c = ui_list_columns(80, false, false);
	assert_int_equal(c.mark + c.title, 80);
	assert_int_equal(c.source + c.age, 0);
	c = ui_list_columns(20, true, true);     /* narrow: the title only */
	assert_int_equal(c.source + c.age, 0);
	assert_int_equal(c.mark + c.title, 20);
	c = ui_list_columns(0, true, true);
	assert_int_equal(c.title, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cursor),
		cmocka_unit_test(test_next_unread),
		cmocka_unit_test(test_age),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_columns),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
