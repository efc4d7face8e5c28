/* Unit tests for status.c: status names and error lines that fit. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "folio/status.h"
#include "folio/text.h"

static void test_short_line_as_is(void **state)
{
	char line[64];

	(void)state;
	status_message(line, sizeof line, "%s: %s", "http://x.example/", "HTTP 404 Not Found");
	assert_string_equal(line, "http://x.example/: HTTP 404 Not Found");
	status_message(line, 38, "%s: %s", "http://x.example/", "HTTP 404 Not Found");
	assert_string_equal(line, "http://x.example/: HTTP 404 Not Found");
}

/* A URL of 2 000 characters pushed the cause off a 512-byte line
 * ("folio: http://...aaaa", no cause): its middle gives way instead. */
static void test_long_name_keeps_cause(void **state)
{
	char url[2100], line[512];

	(void)state;
	strcpy(url, "http://x.example/");
	memset(url + 17, 'a', 2000);
	strcpy(url + 2017, "z");
	status_message(line, sizeof line, "%s: %s", url, "HTTP 404 Not Found");
	assert_int_equal(strlen(line), sizeof line - 1);
	assert_int_equal(strncmp(line, "http://x.example/aaa", 20), 0);
	assert_non_null(strstr(line, "a...a"));
	assert_string_equal(line + strlen(line) - 22, "az: HTTP 404 Not Found");
}

/* The cut falls between characters, never inside one. */
static void test_cut_keeps_utf8(void **state)
{
	char name[3000], line[101];
	size_t n = 0;

	(void)state;
	while (n + 2 < 2990) {
		memcpy(name + n, "\xc3\xa9", 2);        /* é */
		n += 2;
	}
	name[n] = '\0';
	for (size_t size = 8; size <= sizeof line; size++) {
		status_message(line, size, "x%s: cause", name);
		assert_true(strlen(line) < size);
		assert_true(text_is_utf8(line, strlen(line)));
		assert_non_null(strstr(line, "..."));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_short_line_as_is),
		cmocka_unit_test(test_long_name_keeps_cause),
		cmocka_unit_test(test_cut_keeps_utf8),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
