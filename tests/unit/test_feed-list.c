/* Unit tests for feed-list.c: stories from a feed, order, the list article. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "folio/feed-list.h"

static const char rss[] =
	"<rss><channel><title>Daily</title>"
	"<item><title>Old</title><link>/old</link><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate></item>"
	"<item><title>Undated A</title><link>/ua</link></item>"
	"<item><title>New</title><link>/new</link><pubDate>Tue, 02 Jan 2024 00:00:00 GMT</pubDate></item>"
	"<item><link>/nt</link><description>No title here, only words</description></item>"
	"<item><title>Undated B</title><link>/ub</link></item>"
	"</channel></rss>";

static void load(struct story **s, size_t *n)
{
	struct feed *f;
	char err[FEED_ERR_MAX];

	assert_int_equal(feed_parse(rss, strlen(rss), "http://www.d.example/feed", NULL, &f, err), 0);
	assert_int_equal(stories_from_feed(f, "http://www.d.example/feed", s, n), 0);
	feed_free(f);
	assert_int_equal(*n, 5);
}

static void test_from_feed_and_sort(void **state)
{
	struct story *s;
	size_t n;

	load(&s, &n);
	assert_string_equal(s[0].feed_url, "http://www.d.example/feed");
	assert_string_equal(s[0].source, "Daily");
	assert_string_equal(s[0].url, "http://www.d.example/old");
	assert_int_equal(s[0].time, 1704067200);
	assert_false(s[0].read);
	stories_sort(s, n);
	/* newest first; undated ones after, in feed order */
	assert_string_equal(s[0].title, "New");
	assert_string_equal(s[1].title, "Old");
	assert_string_equal(s[2].title, "Undated A");
	assert_null(s[3].title);
	assert_string_equal(s[4].title, "Undated B");
	stories_free(s, n);
}

static void test_host(void **state)
{
	char *h = feed_list_host("https://user@www.news.example:8080/x?y");
	assert_string_equal(h, "news.example:8080");
	free(h);
	assert_null(feed_list_host("no url"));
	assert_null(feed_list_host("http:///path"));
}

static void test_article(void **state)
{
	struct story *s;
	size_t n;
	struct article *a;

	setenv("TZ", "UTC", 1);
	load(&s, &n);
	stories_sort(s, n);
	s[1].read = true;
	a = feed_list_article("Daily", "http://www.d.example/feed", s, n);
	assert_non_null(a);
	assert_string_equal(a->title, "Daily");
	assert_string_equal(a->url, "http://www.d.example/feed");
	assert_string_equal(a->site_name, "5 stories, 4 new");
	assert_int_equal(a->nblocks, 5);
	assert_int_equal(a->blocks[0].type, BLOCK_LI);
	assert_int_equal(a->blocks[0].ordinal, 1);
	assert_string_equal(a->blocks[0].text, "New \xc2\xb7 Daily \xc2\xb7 2024-01-02 00:00 \xc2\xb7 new");
	assert_int_equal(a->blocks[0].nlinks, 1);
	assert_int_equal(a->blocks[0].links[0].start, 0);
	assert_int_equal(a->blocks[0].links[0].end, 3);
	assert_string_equal(a->blocks[0].links[0].url, "http://www.d.example/new");
	/* read: no mark */
	assert_string_equal(a->blocks[1].text, "Old \xc2\xb7 Daily \xc2\xb7 2024-01-01 00:00");
	/* no title: the summary stands in, and is the link */
	assert_string_equal(a->blocks[3].text, "No title here, only words \xc2\xb7 Daily \xc2\xb7 new");
	assert_int_equal(a->blocks[3].links[0].end, strlen("No title here, only words"));
	article_free(a);
	stories_free(s, n);

	a = feed_list_article(NULL, NULL, NULL, 0);
	assert_string_equal(a->title, "Feeds");
	assert_string_equal(a->site_name, "0 stories, 0 new");
	assert_int_equal(a->nblocks, 1);
	article_free(a);
}

static void test_long_label(void **state)
{
	struct story st = { 0 };
	char sum[1200];
	struct article *a;

	for (size_t i = 0; i < sizeof sum - 1; i++)
		sum[i] = i % 2 ? '\xa9' : '\xc3';
	sum[sizeof sum - 1] = '\0';
	st.summary = sum;
	st.url = "http://x.example/";
	st.read = true;
	a = feed_list_article("T", NULL, &st, 1);
	assert_non_null(a);
	assert_true(a->blocks[0].len < 320);
	assert_int_equal(a->blocks[0].links[0].end, a->blocks[0].len);
	article_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_from_feed_and_sort),
		cmocka_unit_test(test_host),
		cmocka_unit_test(test_article),
		cmocka_unit_test(test_long_label),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
