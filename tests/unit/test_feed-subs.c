/* Unit tests for feed-subs.c: the subscription file. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "folio/feed-subs.h"

static void test_parse(void **state)
{
	const char *text =
		"# my feeds\n"
		"https://news.example/rss.xml \"Example \\\"News\\\" \\\\ co\" world daily\n"
		"\n"
		"   http://blog.example/atom\r\n"
		"https://tags.example/feed  tech   linux # trailing comment\n"
		"ftp://old.example/feed \"No\"\n"
		"https://bad.example/ \"unclosed\n"
		"https://news.example/rss.xml \"Duplicate\"\n"
		"  # indented comment\n"
		"https://ctl.example/f \"Ti\x1b[31mtle\"";
	struct feed_subs s = { 0 };
	char *buf = NULL;
	size_t blen = 0;
	FILE *warn = open_memstream(&buf, &blen);

	assert_non_null(warn);
	assert_int_equal(feed_subs_parse(&s, text, strlen(text), "feeds", warn), 2);
	fclose(warn);
	assert_non_null(strstr(buf, "folio: feeds:6: not an http or https URL\n"));
	assert_non_null(strstr(buf, "folio: feeds:7: the title's quote is not closed\n"));
	free(buf);

	assert_int_equal(s.n, 4);
	assert_string_equal(s.v[0].url, "https://news.example/rss.xml");
	assert_string_equal(s.v[0].title, "Example \"News\" \\ co");
	assert_int_equal(s.v[0].ntags, 2);
	assert_string_equal(s.v[0].tags[0], "world");
	assert_string_equal(s.v[0].tags[1], "daily");
	assert_string_equal(s.v[1].url, "http://blog.example/atom");
	assert_null(s.v[1].title);
	assert_int_equal(s.v[1].ntags, 0);
	assert_null(s.v[2].title);
	assert_int_equal(s.v[2].ntags, 2);
	assert_string_equal(s.v[2].tags[1], "linux");
	assert_string_equal(s.v[3].title, "Title");
	assert_non_null(feed_subs_find(&s, "http://blog.example/atom"));
	assert_null(feed_subs_find(&s, "http://nope.example/"));
	feed_subs_free(&s);
	assert_int_equal(s.n, 0);
}

static void test_format_roundtrip(void **state)
{
	const char *tags[] = { "a", "b" };
	char *line = feed_subs_format_line("https://x.example/f", "Say \"hi\" \\o/", tags, 2);
	struct feed_subs s = { 0 };

	assert_string_equal(line, "https://x.example/f \"Say \\\"hi\\\" \\\\o/\" a b");
	assert_int_equal(feed_subs_parse(&s, line, strlen(line), "x", NULL), 0);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.v[0].title, "Say \"hi\" \\o/");
	assert_int_equal(s.v[0].ntags, 2);
	feed_subs_free(&s);
	free(line);
}

/* fuzz_subs found these: what cleaning leaves of a tag or URL must read
 * back as itself once the line is written again, else the line is bad
 * (a tag left starting with '"' or '#', a no-break space in a tag or URL). */
static void test_unwritable_words(void **state)
{
	const char *lines[] = {
		"https://x.example/f \"T\"\" tag\n",               /* tag '"' */
		"https://x.example/f \x90\"open\n",                /* tag '"open' */
		"https://x.example/f \x90#not-a-comment\n",
		"https://x.example/f a\xc2\xa0" "b\n",                 /* NBSP in a tag */
		"https://x.example/a\xc2\xa0" "b \"T\"\n",             /* NBSP in the URL */
	};
	(void)state;
	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
		struct feed_subs s = { 0 };
		if (feed_subs_parse(&s, lines[i], strlen(lines[i]), "x", NULL) != 1 || s.n != 0)
			fail_msg("line %zu taken: %s", i, lines[i]);
		feed_subs_free(&s);
	}
}

/* A line whose first word cleaning leaves empty (a no-break space, a
 * form feed, an escape sequence, a NUL) is one bad line: it once read
 * as out of memory (-1), and the whole list was lost. */
static void test_invisible_first_word(void **state)
{
	static const char text[] =
		"https://a.example/f\n"
		"\xc2\xa0\n"
		"\f\n"
		"\x1b[0m https://hidden.example/f\n"
		"\0\n"
		"https://b.example/f\n";
	struct feed_subs s = { 0 };
	char *buf = NULL;
	size_t blen = 0;
	FILE *warn = open_memstream(&buf, &blen);

	(void)state;
	assert_non_null(warn);
	assert_int_equal(feed_subs_parse(&s, text, sizeof text - 1, "feeds", warn), 4);
	fclose(warn);
	assert_non_null(strstr(buf, "folio: feeds:2: not an http or https URL\n"));
	assert_non_null(strstr(buf, "folio: feeds:5: not an http or https URL\n"));
	free(buf);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.v[0].url, "https://a.example/f");
	assert_string_equal(s.v[1].url, "https://b.example/f");
	feed_subs_free(&s);
}

/* Each line is checked against those before it for a repeat: past
 * FEED_SUBS_MAX feeds the rest is skipped with one warning (100 000
 * lines took 12 s). */
static void test_many_feeds(void **state)
{
	size_t n = FEED_SUBS_MAX + 50, cap = n * 40, len = 0;
	char *text = malloc(cap), *buf = NULL, want[128];
	struct feed_subs s = { 0 };
	size_t blen = 0;
	FILE *warn = open_memstream(&buf, &blen);

	(void)state;
	assert_non_null(text);
	for (size_t i = 0; i < n; i++)
		len += (size_t)snprintf(text + len, cap - len, "https://f.example/%zu\n", i);
	assert_int_equal(feed_subs_parse(&s, text, len, "feeds", warn), 1);
	fclose(warn);
	snprintf(want, sizeof want, "folio: feeds:%d: more than %d feeds: the rest are skipped\n",
		 FEED_SUBS_MAX + 1, FEED_SUBS_MAX);
	assert_string_equal(buf, want);
	assert_int_equal(s.n, FEED_SUBS_MAX);
	assert_string_equal(s.v[FEED_SUBS_MAX - 1].url, "https://f.example/9999");
	feed_subs_free(&s);
	free(buf);
	free(text);
}

static void test_default_path(void **state)
{
	char *p;

	setenv("XDG_CONFIG_HOME", "/xdg", 1);
	p = feed_subs_default_path();
	assert_string_equal(p, "/xdg/folio/feeds");
	free(p);
	setenv("XDG_CONFIG_HOME", "relative", 1);
	setenv("HOME", "/home/u", 1);
	p = feed_subs_default_path();
	assert_string_equal(p, "/home/u/.config/folio/feeds");
	free(p);
}

/* Subscribing creates the directory and file, appends once, keeps the
 * lines already there, and mends a last line without a newline. */
static void test_append(void **state)
{
	char dir[] = "/tmp/folio-feeds-XXXXXX", path[256], err[FEEDS_ERR_MAX];
	struct feed_subs s = { 0 };
	struct stat st;
	FILE *f;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/cfg/folio/feeds", dir);
	assert_int_equal(feed_subs_load(&s, path, stderr), 0);   /* missing: empty */
	assert_int_equal(s.n, 0);

	assert_int_equal(feed_subs_append(path, "https://a.example/rss", "A \"quoted\" one", err), 1);
	assert_int_equal(feed_subs_append(path, "https://a.example/rss", "again", err), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);

	f = fopen(path, "a");
	fputs("# mine\nhttps://b.example/atom \"B\" x", f);    /* no newline */
	fclose(f);
	assert_int_equal(feed_subs_append(path, "https://c.example/feed", NULL, err), 1);
	assert_int_equal(feed_subs_append(path, "javascript:alert(1)", NULL, err), -1);
	assert_non_null(strstr(err, "not an http or https URL"));
	assert_int_equal(feed_subs_append(path, "https://sp.example/a b", NULL, err), -1);

	assert_int_equal(feed_subs_load(&s, path, stderr), 0);
	assert_int_equal(s.n, 3);
	assert_string_equal(s.v[0].title, "A \"quoted\" one");
	assert_string_equal(s.v[1].url, "https://b.example/atom");
	assert_string_equal(s.v[1].tags[0], "x");
	assert_string_equal(s.v[2].url, "https://c.example/feed");
	feed_subs_free(&s);

	unlink(path);
	snprintf(path, sizeof path, "%s/cfg/folio", dir);
	rmdir(path);
	snprintf(path, sizeof path, "%s/cfg", dir);
	rmdir(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_format_roundtrip),
		cmocka_unit_test(test_unwritable_words),
		cmocka_unit_test(test_invisible_first_word),
		cmocka_unit_test(test_many_feeds),
		cmocka_unit_test(test_default_path),
		cmocka_unit_test(test_append),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
