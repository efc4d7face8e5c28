/* Unit tests for util-buf.c: the growable string. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "folio/util-buf.h"

static void test_build_and_take(void **state)
{
	struct buf b = { 0 };
	(void)state;

	buf_str(&b, "one");
	buf_char(&b, ' ');
	buf_add(&b, "two three", 3);
	buf_printf(&b, " %d/%s", 3, "four");
	assert_int_equal(b.len, strlen("one two 3/four"));
	assert_string_equal(b.data, "one two 3/four");
	char *s = buf_take(&b);
	assert_string_equal(s, "one two 3/four");
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	free(s);
}

static void test_empty_take_is_empty_string(void **state)
{
	struct buf b = { 0 };
	(void)state;

	buf_add(&b, "", 0);
	char *s = buf_take(&b);
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);
}

/* Many small adds: the bytes stay in order and NUL-terminated, and the
 * capacity grows by doubling (a few dozen reallocations, not one per
 * add). */
static void test_grows_in_order(void **state)
{
	struct buf b = { 0 };
	size_t grows = 0, cap = 0;
	(void)state;

	for (int i = 0; i < 100000; i++) {
		buf_char(&b, (char)('a' + i % 26));
		if (b.cap != cap) {
			grows++;
			cap = b.cap;
		}
		assert_int_equal(b.data[b.len], '\0');
	}
	assert_int_equal(b.len, 100000);
	assert_true(grows < 20);
	for (size_t i = 0; i < b.len; i++)
		assert_int_equal(b.data[i], 'a' + (int)(i % 26));
	buf_free(&b);
	assert_null(b.data);
}

/* Bytes are bytes: a NUL inside is kept and counted. */
static void test_binary(void **state)
{
	struct buf b = { 0 };
	(void)state;

	buf_add(&b, "a\0b", 3);
	assert_int_equal(b.len, 3);
	assert_memory_equal(b.data, "a\0b", 4);
	buf_free(&b);
}

/* A size that cannot be met marks the buffer failed: later adds do
 * nothing and take hands back NULL, freeing what was there. */
static void test_oom_sticks(void **state)
{
	struct buf b = { 0 };
	(void)state;

	buf_str(&b, "kept so far");
	assert_false(buf_reserve(&b, SIZE_MAX - 4));
	assert_true(b.oom);
	buf_str(&b, "more");
	assert_int_equal(b.len, strlen("kept so far"));
	assert_null(buf_take(&b));
	assert_false(b.oom);
	assert_null(b.data);
}

/* A bounded buffer never allocates past max + 1 and refuses more. */
static void test_max(void **state)
{
	struct buf b = { .max = 100 };
	char chunk[30];
	(void)state;

	memset(chunk, 'x', sizeof chunk);
	for (int i = 0; i < 3; i++)
		buf_add(&b, chunk, sizeof chunk);
	buf_add(&b, chunk, 10);
	assert_false(b.oom);
	assert_int_equal(b.len, 100);
	assert_true(b.cap <= 101);
	buf_char(&b, 'y');
	assert_true(b.oom);
	assert_null(buf_take(&b));
}

/* The growable array: doubles from first until need fits; an
 * impossible size fails with nothing changed. */
static void test_grow_array(void **state)
{
	(void)state;
	int *v = NULL;
	size_t cap = 0;

	assert_true(BUF_GROW_ARRAY(v, cap, 1, 4));
	assert_non_null(v);
	assert_int_equal(cap, 4);
	v[3] = 7;
	assert_true(BUF_GROW_ARRAY(v, cap, 4, 4));      /* fits: unchanged */
	assert_int_equal(cap, 4);
	assert_true(BUF_GROW_ARRAY(v, cap, 5, 4));
	assert_int_equal(cap, 8);
	assert_int_equal(v[3], 7);                      /* kept */
	assert_true(BUF_GROW_ARRAY(v, cap, 33, 4));     /* 8 -> 64 */
	assert_int_equal(cap, 64);
	int *before = v;
	assert_false(BUF_GROW_ARRAY(v, cap, SIZE_MAX / 2 + 2, 4));
	assert_ptr_equal(v, before);
	assert_int_equal(cap, 64);
	free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_build_and_take),
		cmocka_unit_test(test_grow_array),
		cmocka_unit_test(test_empty_take_is_empty_string),
		cmocka_unit_test(test_grows_in_order),
		cmocka_unit_test(test_binary),
		cmocka_unit_test(test_oom_sticks),
		cmocka_unit_test(test_max),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
