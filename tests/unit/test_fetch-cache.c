/* Unit tests for fetch-cache.c without a server: offline reads from the
 * cache and the saved list, and the hint when the network fails.  The
 * conditional GET itself is tested against tests/server.py in
 * tests/sh/test_store.sh. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "folio/fetch-cache.h"

struct fixture {
	char dir[64];
	struct store *st;
};

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb; (void)flag; (void)ftw;
	return remove(path);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	char warn[STORE_WARN_MAX];
	assert_non_null(f);
	strcpy(f->dir, "/tmp/folio-cache-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	setenv("XDG_DATA_HOME", f->dir, 1);
	unsetenv("FOLIO_NO_STORE");
	setenv("no_proxy", "*", 1);   /* loopback only, never a proxy */
	f->st = store_open_default(warn);
	assert_non_null(f->st);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	store_free(f->st);
	nftw(f->dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(f);
	return 0;
}

/* Nothing listens on port 1 of the loopback: refused at once. */
#define DEAD_URL "http://127.0.0.1:1/story"

static void put(struct store *st, const char *url, const char *body)
{
	struct store_cache_entry e = {
		.url = (char *)url, .body = (char *)body, .len = strlen(body),
		.final_url = "http://127.0.0.1:1/story/", .content_type = "text/html",
		.charset = "windows-1251", .etag = "\"x\"", .fetched = 1,
	};
	assert_int_equal(store_cache_put(st, &e), 0);
}

static void test_offline_from_cache(void **state)
{
	struct fixture *f = *state;
	struct fetch_result res;
	enum fetch_origin origin = ORIGIN_NETWORK;
	put(f->st, DEAD_URL, "<p>cached</p>");
	assert_int_equal(fetch_cached(f->st, true, DEAD_URL, NULL, &res, &origin), STATUS_OK);
	assert_int_equal(origin, ORIGIN_CACHE);
	assert_string_equal(res.body, "<p>cached</p>");
	assert_int_equal(res.len, 13);
	assert_string_equal(res.final_url, "http://127.0.0.1:1/story/");
	assert_string_equal(res.charset, "windows-1251");
	assert_string_equal(res.content_type, "text/html");
	fetch_result_free(&res);
}

static void test_offline_from_saved(void **state)
{
	struct fixture *f = *state;
	struct fetch_result res;
	enum fetch_origin origin = ORIGIN_NETWORK;
	assert_int_equal(store_save(f->st, DEAD_URL, "T", NULL, "<p>saved</p>", 12, 5), 0);
	assert_int_equal(fetch_cached(f->st, true, DEAD_URL, NULL, &res, &origin), STATUS_OK);
	assert_int_equal(origin, ORIGIN_SAVED);
	assert_string_equal(res.body, "<p>saved</p>");
	assert_string_equal(res.final_url, DEAD_URL);
	fetch_result_free(&res);
}

static void test_offline_absent(void **state)
{
	struct fixture *f = *state;
	struct fetch_result res;
	assert_int_equal(fetch_cached(f->st, true, DEAD_URL, NULL, &res, NULL), STATUS_INPUT);
	assert_string_equal(res.err, DEAD_URL ": not in the cache (offline)");
	assert_null(res.body);
	fetch_result_free(&res);
	assert_int_equal(fetch_cached(NULL, true, DEAD_URL, NULL, &res, NULL), STATUS_INPUT);
	assert_non_null(strstr(res.err, "not available offline"));
	fetch_result_free(&res);
}

static void test_network_failure_mentions_copy(void **state)
{
	struct fixture *f = *state;
	struct fetch_result res;
	struct fetch_opts fo = { .timeout_s = 5 };
	assert_int_equal(fetch_cached(f->st, false, DEAD_URL, &fo, &res, NULL), STATUS_NETWORK);
	assert_null(strstr(res.err, "--offline"));
	fetch_result_free(&res);
	put(f->st, DEAD_URL, "<p>cached</p>");
	assert_int_equal(fetch_cached(f->st, false, DEAD_URL, &fo, &res, NULL), STATUS_NETWORK);
	assert_non_null(strstr(res.err, "(a cached copy can be read with --offline)"));
	assert_null(res.body);
	fetch_result_free(&res);
	/* The failed fetch left the copy alone. */
	struct store_cache_entry e;
	assert_int_equal(store_cache_get(f->st, DEAD_URL, &e), 1);
	assert_string_equal(e.body, "<p>cached</p>");
	store_cache_entry_free(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_offline_from_cache, setup, teardown),
		cmocka_unit_test_setup_teardown(test_offline_from_saved, setup, teardown),
		cmocka_unit_test_setup_teardown(test_offline_absent, setup, teardown),
		cmocka_unit_test_setup_teardown(test_network_failure_mentions_copy, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
