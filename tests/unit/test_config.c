/* Unit tests for config.c: the key = value settings file. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "folio/config.h"

/* Parse text, collecting the warnings into *warnings (malloc'd). */
static int parse(struct config *c, const char *text, char **warnings)
{
	size_t len;
	FILE *w = open_memstream(warnings, &len);
	assert_non_null(w);
	int n = config_parse(c, text, strlen(text), "cfg", w);
	fclose(w);
	return n;
}

static int count_lines(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

static void test_defaults_are_unset(void **state)
{
	(void)state;
	struct config c;
	char *w;
	config_init(&c);
	assert_int_equal(parse(&c, "", &w), 0);
	assert_string_equal(w, "");
	free(w);
	assert_int_equal(c.width, 0);
	assert_int_equal(c.color, -1);
	assert_int_equal(c.mouse, -1);
	assert_int_equal(c.cache_mb, -1);
	assert_int_equal(c.timeout_s, 0);
	assert_null(c.user_agent);
	config_free(&c);
}

static void test_every_key(void **state)
{
	(void)state;
	struct config c;
	char *w;
	config_init(&c);
	assert_int_equal(parse(&c,
		"# folio settings\n"
		"\n"
		"width = 72\n"
		"  color=off\r\n"
		"mouse =\ton\n"
		"cache_size = 50\n"
		"timeout = 12\n"
		"user_agent = Mozilla/5.0 (X11; #1) folio\n"
		"   # indented comment = ignored\n", &w), 0);
	assert_string_equal(w, "");
	free(w);
	assert_int_equal(c.width, 72);
	assert_int_equal(c.color, 0);
	assert_int_equal(c.mouse, 1);
	assert_int_equal(c.cache_mb, 50);
	assert_int_equal(c.timeout_s, 12);
	assert_string_equal(c.user_agent, "Mozilla/5.0 (X11; #1) folio");
	config_free(&c);
}

static void test_switch_spellings(void **state)
{
	(void)state;
	struct config c;
	char *w;
	config_init(&c);
	assert_int_equal(parse(&c, "color = yes\nmouse = false\n", &w), 0);
	free(w);
	assert_int_equal(c.color, 1);
	assert_int_equal(c.mouse, 0);
	assert_int_equal(parse(&c, "color = 0\nmouse = true", &w), 0);
	free(w);
	assert_int_equal(c.color, 0);
	assert_int_equal(c.mouse, 1);
	config_free(&c);
}

static void test_bad_lines_warn_and_rest_applies(void **state)
{
	(void)state;
	struct config c;
	char *w;
	config_init(&c);
	assert_int_equal(parse(&c,
		"width = 80\n"
		"colour = on\n"          /* 2: unknown key */
		"timeout = soon\n"       /* 3: bad number */
		"just some words\n"      /* 4: no '=' */
		"mouse = maybe\n"        /* 5: bad switch */
		"cache_size = -5\n"      /* 6: out of range */
		"width = 0\n"            /* 7: out of range, 80 stays */
		"user_agent =\n"         /* 8: empty */
		"timeout = 9\n", &w), 7);
	assert_int_equal(count_lines(w), 7);
	assert_non_null(strstr(w, "folio: cfg:2: unknown key 'colour'"));
	assert_non_null(strstr(w, "folio: cfg:3: timeout: bad value 'soon'"));
	assert_non_null(strstr(w, "folio: cfg:4: expected 'key = value'"));
	assert_non_null(strstr(w, "folio: cfg:5: mouse: bad value 'maybe' (on or off)"));
	assert_non_null(strstr(w, "folio: cfg:6: cache_size: bad value '-5'"));
	assert_non_null(strstr(w, "folio: cfg:7: width: bad value '0'"));
	assert_non_null(strstr(w, "folio: cfg:8: user_agent: bad value ''"));
	free(w);
	assert_int_equal(c.width, 80);
	assert_int_equal(c.timeout_s, 9);
	assert_int_equal(c.mouse, -1);
	assert_int_equal(c.cache_mb, -1);
	assert_null(c.user_agent);
	config_free(&c);
}

static void test_numbers_are_strict(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"width = 80x\n", "width = \n", "width = +80\n", "width = 8 0\n",
		"width = 99999999999999999999999\n", "timeout = 0\n",
		"timeout = 3601\n", "cache_size = 1000001\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct config c;
		char *w;
		config_init(&c);
		assert_int_equal(parse(&c, bad[i], &w), 1);
		assert_int_equal(count_lines(w), 1);
		free(w);
		assert_int_equal(c.width, 0);
		assert_int_equal(c.timeout_s, 0);
		assert_int_equal(c.cache_mb, -1);
		config_free(&c);
	}
	struct config c;
	char *w;
	config_init(&c);
	assert_int_equal(parse(&c, "cache_size = 0\ntimeout = 3600\nwidth = 1000", &w), 0);
	free(w);
	assert_int_equal(c.cache_mb, 0);
	assert_int_equal(c.timeout_s, 3600);
	assert_int_equal(c.width, 1000);
	config_free(&c);
}

static void test_later_line_wins_and_ua_replaced(void **state)
{
	(void)state;
	struct config c;
	char *w;
	config_init(&c);
	assert_int_equal(parse(&c, "user_agent = one\nuser_agent = two\nwidth=60\nwidth=70", &w), 0);
	free(w);
	assert_string_equal(c.user_agent, "two");
	assert_int_equal(c.width, 70);
	config_free(&c);
	assert_null(c.user_agent);
}

/* images = a picture mode; anything else warns and keeps the last good. */
static void test_images(void **state)
{
	(void)state;
	struct config c;
	char *w;
	config_init(&c);
	assert_string_equal(c.images, "");
	assert_int_equal(parse(&c, "images = sixel\nimages = none\n", &w), 0);
	free(w);
	assert_string_equal(c.images, "none");
	assert_int_equal(parse(&c, "images = off\nimages = symbolsymbols\n"
			       "images =\nimages = Kitty\n", &w), 4);
	assert_non_null(strstr(w, "folio: cfg:1: images: bad value 'off' "
			       "(auto, symbols, sixel, kitty, iterm or none)"));
	free(w);
	assert_string_equal(c.images, "none");
	assert_int_equal(parse(&c, "images=auto", &w), 0);
	free(w);
	assert_string_equal(c.images, "auto");
	config_free(&c);
}

/* bind lines change the pager's keys, in order; bad ones warn. */
static void test_bind(void **state)
{
	(void)state;
	struct config c;
	char *w;
	config_init(&c);
	assert_int_equal(ui_keymap_lookup(&c.keys, 'q'), ACT_CLOSE);
	assert_int_equal(parse(&c, "bind = x quit\nbind = q none\n"
			       "bind = ^G back\nbind = x down\n", &w), 0);
	free(w);
	assert_int_equal(ui_keymap_lookup(&c.keys, 'x'), ACT_DOWN);
	assert_int_equal(ui_keymap_lookup(&c.keys, 'q'), ACT_NONE);
	assert_int_equal(ui_keymap_lookup(&c.keys, 7), ACT_BACK);
	assert_int_equal(ui_keymap_lookup(&c.keys, 'j'), ACT_DOWN);  /* untouched */
	assert_int_equal(parse(&c, "bind = y\nbind = zz quit\nbind = z leave\n", &w), 3);
	assert_non_null(strstr(w, "folio: cfg:1: bind: bad value 'y' (KEY ACTION"));
	assert_non_null(strstr(w, "folio: cfg:2: bind: bad value 'zz quit' (unknown key name"));
	assert_non_null(strstr(w, "folio: cfg:3: bind: bad value 'z leave' (unknown action"));
	free(w);
	assert_int_equal(ui_keymap_lookup(&c.keys, 'z'), ACT_NONE);
	config_free(&c);
}

static void test_warnings_do_not_echo_control_bytes(void **state)
{
	(void)state;
	struct config c;
	char *w;
	config_init(&c);
	assert_int_equal(parse(&c, "\x1b[2Jkey = 1\nuser_agent = a\x1b" "b\n", &w), 2);
	assert_null(strchr(w, '\x1b'));
	assert_int_equal(count_lines(w), 2);
	assert_null(c.user_agent);
	free(w);
	/* A very long bad value is cut short in the warning. */
	char line[600];
	memset(line, 'z', sizeof line);
	memcpy(line, "width = ", 8);
	line[sizeof line - 1] = '\0';
	assert_int_equal(parse(&c, line, &w), 1);
	assert_true(strlen(w) < 200);
	free(w);
	config_free(&c);
}

static void test_nul_inside_text(void **state)
{
	(void)state;
	struct config c;
	static const char text[] = "width = 7\0002\ntimeout = 5\n";
	config_init(&c);
	assert_int_equal(config_parse(&c, text, sizeof text - 1, "cfg", NULL), 1);
	assert_int_equal(c.width, 0);
	assert_int_equal(c.timeout_s, 5);
	config_free(&c);
}

static void test_load_file_and_default_path(void **state)
{
	(void)state;
	char dir[] = "/tmp/folio-config-XXXXXX";
	assert_non_null(mkdtemp(dir));
	setenv("XDG_CONFIG_HOME", dir, 1);
	char *path = config_default_path();
	char want[128];
	snprintf(want, sizeof want, "%s/folio/config", dir);
	assert_string_equal(path, want);

	struct config c;
	config_init(&c);
	/* Missing file: silently nothing. */
	assert_int_equal(config_load(&c, path, stderr), 0);

	char sub[128];
	snprintf(sub, sizeof sub, "%s/folio", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("width = 66\nbogus = 1\n", f);
	fclose(f);
	char *w;
	size_t len;
	FILE *mem = open_memstream(&w, &len);
	assert_int_equal(config_load(&c, path, mem), 1);
	fclose(mem);
	assert_int_equal(c.width, 66);
	char expect[200];
	snprintf(expect, sizeof expect, "folio: %s:2: unknown key 'bogus'", path);
	assert_non_null(strstr(w, expect));
	free(w);
	config_free(&c);

	/* A directory where the file should be: one warning. */
	unlink(path);
	assert_int_equal(mkdir(path, 0700), 0);
	config_init(&c);
	mem = open_memstream(&w, &len);
	assert_int_equal(config_load(&c, path, mem), 1);
	fclose(mem);
	assert_int_equal(count_lines(w), 1);
	free(w);
	rmdir(path);
	rmdir(sub);
	rmdir(dir);
	free(path);

	setenv("XDG_CONFIG_HOME", "not/absolute", 1);
	setenv("HOME", "/home/x", 1);
	path = config_default_path();
	assert_string_equal(path, "/home/x/.config/folio/config");
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults_are_unset),
		cmocka_unit_test(test_every_key),
		cmocka_unit_test(test_switch_spellings),
		cmocka_unit_test(test_bad_lines_warn_and_rest_applies),
		cmocka_unit_test(test_numbers_are_strict),
		cmocka_unit_test(test_later_line_wins_and_ua_replaced),
		cmocka_unit_test(test_images),
		cmocka_unit_test(test_bind),
		cmocka_unit_test(test_warnings_do_not_echo_control_bytes),
		cmocka_unit_test(test_nul_inside_text),
		cmocka_unit_test(test_load_file_and_default_path),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
