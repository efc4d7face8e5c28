/* Unit tests for ui-keys.c: the key table, key names, rebinding, the
 * "bind" lines and count prefixes, as tables. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "folio/ui-keys.h"

static void test_defaults(void **state)
{
	(void)state;
	static const struct { int key; enum ui_action act; } want[] = {
		{ 'j', ACT_DOWN }, { UIK_DOWN, ACT_DOWN }, { UI_CTRL('e'), ACT_DOWN },
		{ 'k', ACT_UP }, { '\r', ACT_OPEN }, { 'l', ACT_OPEN },
		{ 'q', ACT_CLOSE }, { 'Q', ACT_QUIT }, { 'h', ACT_BACK },
		{ UIK_LEFT, ACT_BACK }, { UIK_BACKSPACE, ACT_BACK }, { 127, ACT_BACK },
		{ 'J', ACT_NEXT_UNREAD }, { 'K', ACT_PREV_UNREAD },
		{ UIK_ESC, ACT_CANCEL }, { UI_CTRL('c'), ACT_CANCEL },
		{ 'H', ACT_HELP }, { UIK_F1, ACT_HELP }, { '%', ACT_PERCENT },
		{ 'x', ACT_NONE }, { '5', ACT_NONE },
	};
	struct ui_keymap m;
	ui_keymap_default(&m);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		if (ui_keymap_lookup(&m, want[i].key) != want[i].act)
			fail_msg("key %#x: action %d, wanted %d", want[i].key,
				 ui_keymap_lookup(&m, want[i].key), want[i].act);
}

/* Every action has a name, a help text and at least one key; no key is
 * bound twice in the table (the second binding would hide the first). */
static void test_table_complete(void **state)
{
	(void)state;
	struct ui_keymap m;
	char keys[128];
	ui_keymap_default(&m);
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		const struct ui_action_info *in = ui_action_info((enum ui_action)a);
		assert_non_null(in);
		assert_true(in->name[0] && in->help[0] && in->where);
		assert_int_equal(ui_action_by_name(in->name, strlen(in->name)), a);
		if (!ui_keymap_keys_of(&m, (enum ui_action)a, keys, sizeof keys))
			fail_msg("action %s has no key", in->name);
	}
	size_t total = 0;
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
		for (size_t i = 0; i < m.n; i++)
			total += (int)m.b[i].act == a;
	assert_int_equal(total, m.n);
	for (size_t i = 0; i < m.n; i++)
		for (size_t j = i + 1; j < m.n; j++)
			assert_int_not_equal(m.b[i].key, m.b[j].key);
}

static void test_key_names(void **state)
{
	(void)state;
	static const struct { const char *name; int key; } t[] = {
		{ "j", 'j' }, { "%", '%' }, { "^E", 5 }, { "^e", 5 },
		{ "Space", ' ' }, { "Tab", '\t' }, { "S-Tab", UIK_BTAB },
		{ "Enter", '\r' }, { "Esc", 27 }, { "Backspace", UIK_BACKSPACE },
		{ "Down", UIK_DOWN }, { "PgDn", UIK_PGDN }, { "F1", UIK_F1 },
		{ "F12", UIK_F12 }, { "\xc3\xa9", 0xe9 },
		{ "F13", -1 }, { "F1x", -1 }, { "jj", -1 }, { "", -1 },
		{ "down", -1 }, { "\x01", -1 }, { "^", '^' }, { "\xc2\x85", -1 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int k = ui_key_parse(t[i].name, strlen(t[i].name));
		if (k != t[i].key)
			fail_msg("'%s': %#x, wanted %#x", t[i].name, k, t[i].key);
		if (k < 0)
			continue;
		/* The name reads back as the same key. */
		char back[16];
		ui_key_name(k, back, sizeof back);
		assert_int_equal(ui_key_parse(back, strlen(back)), k);
	}
}

static void test_keys_of(void **state)
{
	(void)state;
	struct ui_keymap m;
	char s[64];
	ui_keymap_default(&m);
	assert_int_equal(ui_keymap_keys_of(&m, ACT_DOWN, s, sizeof s), 4);
	assert_string_equal(s, "j  Down  ^E  ^N");
	/* Enter's two codes are one key to the reader. */
	ui_keymap_keys_of(&m, ACT_OPEN, s, sizeof s);
	assert_string_equal(s, "Enter  ^J  l  Right");
	ui_keymap_keys_of(&m, ACT_BACK, s, sizeof s);
	assert_string_equal(s, "Backspace  ^H  h  Left");
}

static void test_rebind(void **state)
{
	(void)state;
	struct ui_keymap m;
	ui_keymap_default(&m);
	size_t n = m.n;
	assert_int_equal(ui_keymap_bind(&m, 'x', ACT_QUIT), 0);
	assert_int_equal(ui_keymap_lookup(&m, 'x'), ACT_QUIT);
	assert_int_equal(m.n, n + 1);
	assert_int_equal(ui_keymap_bind(&m, 'j', ACT_UP), 0);   /* rebinds */
	assert_int_equal(ui_keymap_lookup(&m, 'j'), ACT_UP);
	assert_int_equal(m.n, n + 1);
	assert_int_equal(ui_keymap_bind(&m, 'Q', ACT_NONE), 0); /* unbinds */
	assert_int_equal(ui_keymap_lookup(&m, 'Q'), ACT_NONE);
	assert_int_equal(m.n, n);
	/* A full map refuses a new key but still rebinds. */
	for (int k = 0x4e00; m.n < UI_KEYMAP_MAX; k++)
		assert_int_equal(ui_keymap_bind(&m, k, ACT_DOWN), 0);
	assert_int_equal(ui_keymap_bind(&m, 0x9fff, ACT_DOWN), -1);
	assert_int_equal(ui_keymap_bind(&m, 'k', ACT_QUIT), 0);
}

static void test_parse_bind(void **state)
{
	(void)state;
	static const struct {
		const char *value;
		int key;
		int act;        /* -1: refused */
		const char *why;
	} t[] = {
		{ "x quit", 'x', ACT_QUIT, NULL },
		{ "  ^G \t back  ", 7, ACT_BACK, NULL },
		{ "PgDn page-down", UIK_PGDN, ACT_PAGE_DOWN, NULL },
		{ "q none", 'q', ACT_NONE, NULL },
		{ "x", 0, -1, "KEY ACTION" },
		{ "x quit now", 0, -1, "KEY ACTION" },
		{ "", 0, -1, "KEY ACTION" },
		{ "xx quit", 0, -1, "unknown key" },
		{ "x leave", 0, -1, "unknown action" },
		{ "x QUIT", 0, -1, "unknown action" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int key = 0;
		enum ui_action act = ACT_COUNT;
		const char *why = NULL;
		int r = ui_keymap_parse_bind(t[i].value, strlen(t[i].value), &key, &act, &why);
		if (t[i].act < 0) {
			assert_int_equal(r, -1);
			if (!why || !strstr(why, t[i].why))
				fail_msg("'%s': why '%s'", t[i].value, why ? why : "(none)");
		} else {
			assert_int_equal(r, 0);
			assert_int_equal(key, t[i].key);
			assert_int_equal(act, t[i].act);
		}
	}
}

/* Keys typed one after the other -> the commands that come out. */
static void test_counts(void **state)
{
	(void)state;
	static const struct {
		const char *keys;
		int act;        /* of the last key */
		long count;
		int ready;      /* commands ready in all */
	} t[] = {
		{ "j", ACT_DOWN, 0, 1 },
		{ "5j", ACT_DOWN, 5, 1 },
		{ "50%", ACT_PERCENT, 50, 1 },
		{ "12G", ACT_BOTTOM, 12, 1 },
		{ "0j", ACT_DOWN, 0, 2 },       /* a lone 0 is a key of its own */
		{ "10j", ACT_DOWN, 10, 1 },
		{ "3x", ACT_NONE, 3, 1 },
		{ "99999999999j", ACT_DOWN, UI_COUNT_MAX, 1 },
		{ "5jk", ACT_UP, 0, 2 },        /* the count is used once */
	};
	struct ui_keymap m;
	ui_keymap_default(&m);
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct ui_keyseq s = { 0 };
		struct ui_cmd c = { ACT_COUNT, -1, 0 };
		int ready = 0;
		for (const char *k = t[i].keys; *k; k++)
			ready += ui_keyseq_feed(&s, &m, *k, &c);
		if (ready != t[i].ready || (int)c.act != t[i].act || c.count != t[i].count)
			fail_msg("'%s': %d ready, act %d count %ld", t[i].keys, ready,
				 c.act, c.count);
	}
	/* A bound digit is a key, not a count. */
	ui_keymap_bind(&m, '1', ACT_HELP);
	struct ui_keyseq s = { 0 };
	struct ui_cmd c;
	assert_int_equal(ui_keyseq_feed(&s, &m, '1', &c), 1);
	assert_int_equal(c.act, ACT_HELP);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_table_complete),
		cmocka_unit_test(test_key_names),
		cmocka_unit_test(test_keys_of),
		cmocka_unit_test(test_rebind),
		cmocka_unit_test(test_parse_bind),
		cmocka_unit_test(test_counts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
