/* Unit tests for util-xdg.c: the XDG base directory rules. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>

#include "folio/util-xdg.h"

static void expect_path(enum xdg_kind kind, const char *name, const char *want)
{
	char *p = xdg_path(kind, name);
	if (!want) {
		assert_null(p);
		return;
	}
	assert_non_null(p);
	assert_string_equal(p, want);
	free(p);
}

static void test_variable_wins(void **state)
{
	(void)state;
	setenv("HOME", "/home/me", 1);
	setenv("XDG_CONFIG_HOME", "/cfg", 1);
	setenv("XDG_DATA_HOME", "/data", 1);
	expect_path(XDG_CONFIG, "feeds", "/cfg/folio/feeds");
	expect_path(XDG_DATA, NULL, "/data/folio");
}

static void test_home_defaults(void **state)
{
	(void)state;
	setenv("HOME", "/home/me", 1);
	unsetenv("XDG_CONFIG_HOME");
	setenv("XDG_DATA_HOME", "", 1);
	expect_path(XDG_CONFIG, "config", "/home/me/.config/folio/config");
	expect_path(XDG_DATA, NULL, "/home/me/.local/share/folio");
	expect_path(XDG_DATA, "folio.db", "/home/me/.local/share/folio/folio.db");
}

/* The spec: a relative value is invalid and ignored. */
static void test_relative_ignored(void **state)
{
	(void)state;
	setenv("HOME", "/home/me", 1);
	setenv("XDG_CONFIG_HOME", "cfg", 1);
	expect_path(XDG_CONFIG, "feeds", "/home/me/.config/folio/feeds");
	setenv("HOME", "relative", 1);
	expect_path(XDG_CONFIG, "feeds", NULL);
	unsetenv("HOME");
	unsetenv("XDG_DATA_HOME");
	expect_path(XDG_DATA, NULL, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_variable_wins),
		cmocka_unit_test(test_home_defaults),
		cmocka_unit_test(test_relative_ignored),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
