/* Unit tests for feed-store.c: stories and read marks in the store. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "folio/feed-store.h"

struct fx {
	char dir[64], path[128];
	struct store *st;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	char warn[STORE_WARN_MAX];

	snprintf(f->dir, sizeof f->dir, "/tmp/folio-fs-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/folio.db", f->dir);
	f->st = store_open(f->path, warn);
	*state = f;
	return f->st ? 0 : -1;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	char cmd[160];

	store_free(f->st);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		return -1;
	free(f);
	return 0;
}

static struct feed *parse(const char *xml, const char *url)
{
	struct feed *f;
	char err[FEED_ERR_MAX];

	assert_int_equal(feed_parse(xml, strlen(xml), url, NULL, &f, err), 0);
	return f;
}

static const char a1[] =
	"<rss><channel><title>Feed A</title>"
	"<item><title>A new</title><link>http://a/2</link><pubDate>Tue, 02 Jan 2024 00:00:00 GMT</pubDate></item>"
	"<item><title>A old</title><link>http://a/1</link><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate></item>"
	"</channel></rss>";
static const char a2[] =
	"<rss><channel><title>Feed A2</title>"
	"<item><title>A newest</title><link>http://a/3</link><pubDate>Wed, 03 Jan 2024 00:00:00 GMT</pubDate></item>"
	"<item><title>A new (edited)</title><link>http://a/2</link><pubDate>Tue, 02 Jan 2024 00:00:00 GMT</pubDate></item>"
	"</channel></rss>";
static const char b[] =
	"<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Feed B</title>"
	"<entry><title>B mid</title><id>b1</id><link href=\"http://b/1\"/><updated>2024-01-02T12:00:00Z</updated></entry>"
	"</feed>";

static void test_put_list_mark(void **state)
{
	struct fx *fx = *state;
	struct feed *f = parse(a1, "http://a/feed");
	struct story *s;
	size_t n, added;
	char *etag, *lm;
	const char *both[] = { "http://a/feed", "http://b/feed" };

	assert_int_equal(feed_store_put(fx->st, "http://a/feed", f, "\"e1\"", NULL, 100, &added), 0);
	assert_int_equal(added, 2);
	feed_free(f);
	assert_int_equal(feed_store_validators_get(fx->st, "http://a/feed", &etag, &lm), 1);
	assert_string_equal(etag, "\"e1\"");
	assert_null(lm);
	free(etag);

	/* again, changed: one new story, one edited, the etag kept when
	 * none comes */
	f = parse(a2, "http://a/feed");
	assert_int_equal(feed_store_put(fx->st, "http://a/feed", f, NULL, "Mon", 200, &added), 0);
	assert_int_equal(added, 1);
	feed_free(f);
	assert_int_equal(feed_store_validators_get(fx->st, "http://a/feed", &etag, &lm), 1);
	assert_string_equal(etag, "\"e1\"");
	assert_string_equal(lm, "Mon");
	free(etag);
	free(lm);
	/* the feed's new title names its stories */
	assert_int_equal(feed_store_stories(fx->st, both, 1, 10, &s, &n), 0);
	assert_true(n > 0);
	assert_string_equal(s[0].source, "Feed A2");
	stories_free(s, n);

	f = parse(b, "http://b/feed");
	assert_int_equal(feed_store_put(fx->st, "http://b/feed", f, NULL, NULL, 300, NULL), 0);
	feed_free(f);

	assert_int_equal(feed_store_mark_read(fx->st, "http://a/2", 400), 1);
	assert_int_equal(feed_store_mark_read(fx->st, "http://a/2", 401), 0);   /* already */
	assert_int_equal(feed_store_mark_read(fx->st, "http://elsewhere/", 400), 0);
	assert_int_equal(feed_store_is_read(fx->st, "http://a/2"), 1);
	assert_int_equal(feed_store_is_read(fx->st, "http://a/1"), 0);

	assert_int_equal(feed_store_stories(fx->st, both, 2, 100, &s, &n), 0);
	assert_int_equal(n, 4);
	assert_string_equal(s[0].title, "A newest");
	assert_string_equal(s[0].source, "Feed A2");
	assert_string_equal(s[1].title, "B mid");
	assert_string_equal(s[1].url, "http://b/1");
	assert_string_equal(s[2].title, "A new (edited)");
	assert_true(s[2].read);
	assert_false(s[0].read);
	assert_string_equal(s[3].title, "A old");
	assert_int_equal(s[3].time, 1704067200);
	stories_free(s, n);

	assert_int_equal(feed_store_stories(fx->st, both + 1, 1, 100, &s, &n), 0);
	assert_int_equal(n, 1);
	stories_free(s, n);
	assert_int_equal(feed_store_stories(fx->st, NULL, 0, 2, &s, &n), 0);
	assert_int_equal(n, 2);
	stories_free(s, n);
}

/* Undated stories: the feed's order stands (first item first). */
static void test_undated_order(void **state)
{
	struct fx *fx = *state;
	const char *xml = "<rss><channel><item><title>top</title><link>http://u/1</link></item>"
			  "<item><title>second</title><link>http://u/2</link></item>"
			  "<item><title>third</title><link>http://u/3</link></item></channel></rss>";
	struct feed *f = parse(xml, "http://u/feed");
	const char *u = "http://u/feed";
	struct story *s;
	size_t n;

	assert_int_equal(feed_store_put(fx->st, u, f, NULL, NULL, 500, NULL), 0);
	feed_free(f);
	assert_int_equal(feed_store_stories(fx->st, &u, 1, 10, &s, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(s[0].title, "top");
	assert_string_equal(s[2].title, "third");
	assert_string_equal(s[0].source, "u");   /* no title: the host */
	stories_free(s, n);
}

/* At most FEEDSTORE_KEEP stories per feed. */
static void test_prune(void **state)
{
	struct fx *fx = *state;
	const char *u = "http://p/feed";
	struct story *s;
	size_t n;

	for (int round = 0; round < 2; round++) {
		size_t cap = 700 * 90 + 100, len = 0;
		char *xml = malloc(cap);
		struct feed *f;

		len += (size_t)snprintf(xml, cap, "<rss><channel>");
		for (int i = 0; i < 700; i++)
			len += (size_t)snprintf(xml + len, cap - len,
						"<item><title>r%d-%d</title><link>http://p/%d/%d</link></item>",
						round, i, round, i);
		snprintf(xml + len, cap - len, "</channel></rss>");
		f = parse(xml, u);
		assert_int_equal(feed_store_put(fx->st, u, f, NULL, NULL, 600 + round, NULL), 0);
		feed_free(f);
		free(xml);
	}
	assert_int_equal(feed_store_stories(fx->st, &u, 1, 5000, &s, &n), 0);
	assert_int_equal(n, FEEDSTORE_KEEP);
	assert_string_equal(s[0].title, "r1-0");   /* the newest round stays */
	stories_free(s, n);
}

static void test_null_store(void **state)
{
	struct story *s = (struct story *)1;
	size_t n = 5;
	char *e, *l;

	assert_int_equal(feed_store_put(NULL, "u", NULL, NULL, NULL, 0, NULL), -1);
	assert_int_equal(feed_store_stories(NULL, NULL, 0, 10, &s, &n), -1);
	assert_null(s);
	assert_int_equal(n, 0);
	assert_int_equal(feed_store_mark_read(NULL, "u", 0), -1);
	assert_int_equal(feed_store_is_read(NULL, "u"), -1);
	assert_int_equal(feed_store_validators_get(NULL, "u", &e, &l), -1);
	assert_int_equal(feed_store_touch(NULL, "u", 0), -1);
}

/* The feeds view's state: counts, and the last error until a fetch
 * comes again; a feed that never came has its error too. */
static void test_state_and_errors(void **state)
{
	struct fx *fx = *state;
	struct feed *f = parse(a1, "http://a/feed");
	struct feed_state s;

	assert_int_equal(feed_store_state(fx->st, "http://a/feed", &s), 0);
	assert_int_equal(s.stories, 0);
	assert_null(s.error);
	assert_int_equal(feed_store_put(fx->st, "http://a/feed", f, NULL, NULL, 100, NULL), 0);
	assert_int_equal(feed_store_mark_read(fx->st, "http://a/2", 110), 1);
	assert_int_equal(feed_store_state(fx->st, "http://a/feed", &s), 1);
	assert_string_equal(s.title, "Feed A");
	assert_int_equal(s.stories, 2);
	assert_int_equal(s.unread, 1);
	assert_int_equal(s.fetched, 100);
	assert_null(s.error);
	feed_state_free(&s);

	assert_int_equal(feed_store_set_error(fx->st, "http://a/feed", "HTTP 404 Not Found", 200), 0);
	assert_int_equal(feed_store_state(fx->st, "http://a/feed", &s), 1);
	assert_string_equal(s.error, "HTTP 404 Not Found");
	assert_int_equal(s.error_at, 200);
	assert_int_equal(s.stories, 2);         /* the stories stay */
	feed_state_free(&s);
	assert_int_equal(feed_store_set_error(fx->st, "http://a/feed", NULL, 300), 0);
	assert_int_equal(feed_store_state(fx->st, "http://a/feed", &s), 1);
	assert_null(s.error);
	feed_state_free(&s);

	assert_int_equal(feed_store_set_error(fx->st, "http://never/feed", "DNS lookup failed", 400), 0);
	assert_int_equal(feed_store_state(fx->st, "http://never/feed", &s), 1);
	assert_string_equal(s.error, "DNS lookup failed");
	assert_int_equal(s.fetched, 0);
	assert_null(s.title);
	feed_state_free(&s);
	feed_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_put_list_mark, setup, teardown),
		cmocka_unit_test_setup_teardown(test_undated_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_prune, setup, teardown),
		cmocka_unit_test_setup_teardown(test_state_and_errors, setup, teardown),
		cmocka_unit_test(test_null_store),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
