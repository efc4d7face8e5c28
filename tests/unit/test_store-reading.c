/* Unit tests for store-reading.c: which names the history keeps, read
 * marks, places, the lists, saving from the cache or a file. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "folio/feed-store.h"
#include "folio/store-reading.h"

struct fixture {
	char dir[64];
	struct store *st;
	struct article *a;
};

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb; (void)flag; (void)ftw;
	return remove(path);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	char path[128], warn[STORE_WARN_MAX];

	assert_non_null(f);
	strcpy(f->dir, "/tmp/folio-reading-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(path, sizeof path, "%s/folio.db", f->dir);
	f->st = store_open(path, warn);
	assert_non_null(f->st);
	f->a = article_new();
	assert_non_null(f->a);
	article_set(&f->a->title, "Pier vote");
	article_set(&f->a->site_name, "Harbour News");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	store_free(f->st);
	article_free(f->a);
	nftw(f->dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(f);
	return 0;
}

static size_t count(struct store *st, enum reading_list which)
{
	struct store_entry *e;
	size_t n;
	assert_int_equal(reading_list(st, which, &e, &n), 0);
	store_entries_free(e, n);
	return n;
}

static void test_rememberable(void **state)
{
	(void)state;
	assert_true(reading_rememberable("http://example.org/a"));
	assert_true(reading_rememberable("HTTPS://example.org/a"));
	assert_true(reading_rememberable("/home/me/page.html"));
	assert_true(reading_rememberable("page.html"));
	assert_false(reading_rememberable("folio:feeds"));
	assert_false(reading_rememberable("ftp://example.org/a"));
	assert_false(reading_rememberable("-"));
	assert_false(reading_rememberable(""));
	assert_false(reading_rememberable(NULL));
}

/* The all-feeds list is shown and left: neither its showing nor its
 * place may make a history entry. */
static void test_pseudo_url_never_in_history(void **state)
{
	struct fixture *f = *state;
	long block, off;

	assert_int_equal(reading_shown(f->st, "folio:feeds", f->a, 1000), 0);
	assert_int_equal(reading_place_set(f->st, "folio:feeds", 3, 5), 0);
	assert_int_equal(count(f->st, READING_HISTORY), 0);
	assert_int_equal(reading_place_get(f->st, "folio:feeds", &block, &off), 0);
	assert_int_equal(reading_save(f->st, "folio:feeds", f->a, 1000), -1);
	assert_int_equal(count(f->st, READING_SAVED), 0);
}

static void test_shown_enters_history_and_keeps_place(void **state)
{
	struct fixture *f = *state;
	const char *u = "http://example.org/pier";
	struct store_entry *e;
	size_t n;
	long block = -1, off = -1;

	assert_int_equal(reading_shown(f->st, u, f->a, 1000), 0);
	assert_int_equal(reading_place_set(f->st, u, 4, 17), 0);
	assert_int_equal(reading_shown(f->st, u, f->a, 2000), 0);
	assert_int_equal(reading_place_get(f->st, u, &block, &off), 1);
	assert_int_equal(block, 4);
	assert_int_equal(off, 17);
	assert_int_equal(reading_list(f->st, READING_HISTORY, &e, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(e[0].url, u);
	assert_string_equal(e[0].title, "Pier vote");
	assert_string_equal(e[0].site, "Harbour News");
	assert_int_equal(e[0].when, 2000);
	store_entries_free(e, n);
}

/* A story opened (printed or shown) is read; printing records no
 * history. */
static void test_opened_marks_story_read(void **state)
{
	struct fixture *f = *state;
	struct feed_item items[] = {
		{ .title = "Pier vote", .link = "http://example.org/pier" },
		{ .title = "Ferry", .link = "http://example.org/ferry" },
	};
	struct feed feed = { .title = "Harbour", .items = items, .nitems = 2 };

	assert_int_equal(feed_store_put(f->st, "http://example.org/rss", &feed, NULL, NULL,
					1000, NULL), 0);
	assert_int_equal(reading_opened(f->st, "http://example.org/pier", 1100), 0);
	assert_int_equal(feed_store_is_read(f->st, "http://example.org/pier"), 1);
	assert_int_equal(feed_store_is_read(f->st, "http://example.org/ferry"), 0);
	assert_int_equal(count(f->st, READING_HISTORY), 0);
	assert_int_equal(reading_shown(f->st, "http://example.org/ferry", f->a, 1200), 0);
	assert_int_equal(feed_store_is_read(f->st, "http://example.org/ferry"), 1);
	assert_int_equal(count(f->st, READING_HISTORY), 1);
	/* The pager's m: unread again, then read again. */
	assert_int_equal(reading_mark(f->st, "http://example.org/ferry", false, 1300), 0);
	assert_int_equal(feed_store_is_read(f->st, "http://example.org/ferry"), 0);
	assert_int_equal(feed_store_is_read(f->st, "http://example.org/pier"), 1);
	assert_int_equal(reading_mark(f->st, "http://example.org/ferry", true, 1400), 0);
	assert_int_equal(feed_store_is_read(f->st, "http://example.org/ferry"), 1);
	/* Opening a page that is no stored story marks nothing; m marks
	 * its URL all the same (a front page's story not stored). */
	assert_int_equal(reading_opened(f->st, "http://example.org/none", 1400), 0);
	assert_int_equal(feed_store_is_read(f->st, "http://example.org/none"), 0);
	assert_int_equal(reading_mark(f->st, "http://example.org/none", true, 1400), 0);
	assert_int_equal(feed_store_is_read(f->st, "http://example.org/none"), 1);
	assert_int_equal(reading_mark(f->st, "http://example.org/none", false, 1500), 0);
	assert_int_equal(feed_store_is_read(f->st, "http://example.org/none"), 0);
}

static void test_save_from_cache_or_file(void **state)
{
	struct fixture *f = *state;
	const char *u = "http://example.org/pier";
	struct store_cache_entry ce = { .url = (char *)u, .body = "<p>cached</p>", .len = 13,
					.fetched = 900 };
	struct store_saved sv;
	char path[128];
	FILE *fp;

	/* not cached: nothing saved */
	assert_int_equal(reading_save(f->st, u, f->a, 1000), 0);
	assert_int_equal(store_cache_put(f->st, &ce), 0);
	assert_int_equal(reading_save(f->st, u, f->a, 1000), 1);
	assert_int_equal(store_saved_get(f->st, u, &sv), 1);
	assert_string_equal(sv.html, "<p>cached</p>");
	store_saved_free(&sv);

	snprintf(path, sizeof path, "%s/page.html", f->dir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs("<p>from the file</p>", fp);
	fclose(fp);
	assert_int_equal(reading_save(f->st, path, f->a, 2000), 1);
	assert_int_equal(store_saved_get(f->st, path, &sv), 1);
	assert_string_equal(sv.html, "<p>from the file</p>");
	store_saved_free(&sv);

	struct store_entry *e;
	size_t n;
	assert_int_equal(reading_list(f->st, READING_SAVED, &e, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(e[0].url, path);   /* last saved first */
	assert_int_equal(e[0].when, 2000);
	store_entries_free(e, n);

	assert_int_equal(reading_unsave(f->st, u), 1);
	assert_int_equal(reading_unsave(f->st, u), 0);
	assert_int_equal(count(f->st, READING_SAVED), 1);
}

static void test_no_store(void **state)
{
	struct fixture *f = *state;
	struct store_entry *e = (void *)1;
	size_t n = 1;

	assert_int_equal(reading_opened(NULL, "http://example.org/a", 1), -1);
	assert_int_equal(reading_shown(NULL, "http://example.org/a", f->a, 1), -1);
	assert_int_equal(reading_list(NULL, READING_HISTORY, &e, &n), -1);
	assert_null(e);
	assert_int_equal(n, 0);
	assert_int_equal(reading_save(NULL, "http://example.org/a", f->a, 1), -1);
}

/* A file shown with a document URL (--url) keeps it; shown again
 * without one, it is forgotten; a URL has none. */
static void test_file_keeps_its_url(void **state)
{
	struct fixture *f = *state;
	char *base = NULL;

	assert_int_equal(reading_base(f->st, "/tmp/pier.html", &base), 0);
	assert_int_equal(article_set(&f->a->url, "https://news.example/pier"), 0);
	assert_int_equal(reading_shown(f->st, "/tmp/pier.html", f->a, 1000), 0);
	assert_int_equal(reading_base(f->st, "/tmp/pier.html", &base), 1);
	assert_string_equal(base, "https://news.example/pier");
	free(base);
	assert_int_equal(reading_shown(f->st, "https://news.example/pier", f->a, 1100), 0);
	assert_int_equal(reading_base(f->st, "https://news.example/pier", &base), 0);
	assert_null(base);
	assert_int_equal(article_set(&f->a->url, NULL), 0);
	assert_int_equal(reading_shown(f->st, "/tmp/pier.html", f->a, 1200), 0);
	assert_int_equal(reading_base(f->st, "/tmp/pier.html", &base), 0);
	assert_null(base);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rememberable),
		cmocka_unit_test_setup_teardown(test_pseudo_url_never_in_history, setup, teardown),
		cmocka_unit_test_setup_teardown(test_shown_enters_history_and_keeps_place,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_opened_marks_story_read, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_from_cache_or_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_store, setup, teardown),
		cmocka_unit_test_setup_teardown(test_file_keeps_its_url, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
