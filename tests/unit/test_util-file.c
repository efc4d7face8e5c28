/* test_util-file.c - whole files and descriptors into memory. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "folio/util-file.h"

/* A file of n bytes (a pattern, NULs included) in a fresh directory. */
static char dir[64], path[96];

static void write_file(size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	for (size_t i = 0; i < n; i++)
		fputc((int)(i % 251), f);
	assert_int_equal(fclose(f), 0);
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/folio-fileio-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof path, "%s/f", dir);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(path);
	rmdir(dir);
	return 0;
}

/* Sizes around the first buffer (64 KiB) and its doublings. */
static void test_whole_file(void **state)
{
	(void)state;
	const size_t sizes[] = { 0, 1, 65535, 65536, 65537, 300000 };
	for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
		char *data;
		size_t len;
		write_file(sizes[k]);
		assert_int_equal(file_read_path(path, 0, &data, &len), 0);
		assert_int_equal(len, sizes[k]);
		for (size_t i = 0; i < len; i++)
			if ((unsigned char)data[i] != i % 251)
				fail_msg("size %zu: byte %zu wrong", sizes[k], i);
		assert_int_equal(data[len], '\0');
		free(data);
	}
}

static void test_errors(void **state)
{
	(void)state;
	char *data = (char *)1;
	size_t len = 7;
	write_file(1000);
	assert_int_equal(file_read_path(path, 999, &data, &len), EFBIG);
	assert_null(data);
	assert_int_equal(file_read_path(path, 1000, &data, &len), 0);
	assert_int_equal(len, 1000);
	free(data);
	assert_int_equal(file_read_path(dir, 0, &data, &len), EISDIR);
	assert_null(data);
	assert_int_equal(file_read_path("/nonexistent/folio", 0, &data, &len), ENOENT);
	assert_null(data);
	assert_int_equal(len, 0);
}

/* A pipe gives its bytes in pieces; all of them arrive. */
static void test_pipe(void **state)
{
	(void)state;
	int fds[2];
	char *data;
	size_t len;
	assert_int_equal(pipe(fds), 0);
	assert_int_equal(write(fds[1], "one ", 4), 4);
	assert_int_equal(write(fds[1], "two", 3), 3);
	close(fds[1]);
	assert_int_equal(file_read_fd(fds[0], 0, &data, &len), 0);
	close(fds[0]);
	assert_string_equal(data, "one two");
	assert_int_equal(len, 7);
	free(data);
}

/* A device without end stops at the cap (it once grew without bound). */
static void test_endless_device(void **state)
{
	(void)state;
	char *data = (char *)1;
	size_t len = 7;
	assert_int_equal(file_read_path("/dev/zero", 100000, &data, &len), EFBIG);
	assert_null(data);
	assert_int_equal(len, 0);
}

/* A pipe of exactly max bytes is read; one more byte is too many. */
static void test_pipe_at_cap(void **state)
{
	(void)state;
	for (size_t extra = 0; extra < 2; extra++) {
		int fds[2];
		char *data;
		size_t len;
		char bytes[1001];
		memset(bytes, 'x', sizeof bytes);
		assert_int_equal(pipe(fds), 0);
		assert_int_equal(write(fds[1], bytes, 1000 + extra), (ssize_t)(1000 + extra));
		close(fds[1]);
		int rc = file_read_fd(fds[0], 1000, &data, &len);
		close(fds[0]);
		if (extra) {
			assert_int_equal(rc, EFBIG);
			continue;
		}
		assert_int_equal(rc, 0);
		assert_int_equal(len, 1000);
		free(data);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_whole_file),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_pipe),
		cmocka_unit_test(test_endless_device),
		cmocka_unit_test(test_pipe_at_cap),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
