/* Unit tests for feed-parse.c: RSS 2.0, RDF, Atom, malformed feeds, entity
 * attacks, the item cap, dates and feed discovery in HTML. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "folio/feed-parse.h"
#include "folio/text.h"
#include "folio/util-buf.h"

static struct feed *parse_ok(const char *xml, const char *url)
{
	struct feed *f = NULL;
	char err[FEED_ERR_MAX];
	enum status_code st = feed_parse(xml, strlen(xml), url, NULL, &f, err);

	if (st != STATUS_OK)
		fail_msg("feed_parse: %d %s", st, err);
	assert_non_null(f);
	return f;
}

/* Every string of a feed is clean: valid UTF-8, no controls. */
static void assert_clean(const char *s)
{
	if (!s)
		return;
	assert_true(text_is_utf8(s, strlen(s)));
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		assert_true(*p >= 0x20 && *p != 0x7f);
}

static void assert_feed_clean(const struct feed *f)
{
	assert_clean(f->title);
	assert_clean(f->link);
	for (size_t i = 0; i < f->nitems; i++) {
		const struct feed_item *it = &f->items[i];
		assert_clean(it->title);
		assert_clean(it->link);
		assert_clean(it->id);
		assert_clean(it->date);
		assert_clean(it->author);
		assert_clean(it->summary);
	}
}

static const char rss2[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n"
	" xmlns:media=\"http://search.yahoo.com/mrss/\">\n"
	"<channel><title>The Daily Example</title><link>https://news.example/</link>\n"
	"<item><title>First &amp; foremost</title><link>/2024/first</link>\n"
	" <media:title>not this one</media:title>\n"
	" <guid isPermaLink=\"false\">tag:news.example,2024:1</guid>\n"
	" <pubDate>Mon, 02 Sep 2024 10:30:00 +0200</pubDate>\n"
	" <dc:creator>Ann Writer</dc:creator>\n"
	" <description>&lt;p&gt;Hello &lt;b&gt;bold&lt;/b&gt; world&lt;/p&gt;&lt;p&gt;Second&lt;/p&gt;</description>\n"
	"</item>\n"
	"<item><title><![CDATA[CDATA <i>title</i>]]></title>\n"
	" <guid>https://news.example/2024/second</guid>\n"
	" <author>ed@news.example (Ed Itor)</author>\n"
	" <content:encoded><![CDATA[<div>Full <em>text</em></div>]]></content:encoded>\n"
	"</item>\n"
	"</channel></rss>\n";

static void test_rss2(void **state)
{
	struct feed *f = parse_ok(rss2, "https://news.example/feeds/main.xml");

	assert_int_equal(f->format, FEED_RSS);
	assert_string_equal(f->title, "The Daily Example");
	assert_string_equal(f->link, "https://news.example/");
	assert_int_equal(f->nitems, 2);
	assert_false(f->truncated);

	assert_string_equal(f->items[0].title, "First & foremost");
	assert_string_equal(f->items[0].link, "https://news.example/2024/first");
	assert_string_equal(f->items[0].id, "tag:news.example,2024:1");
	assert_string_equal(f->items[0].date, "Mon, 02 Sep 2024 10:30:00 +0200");
	assert_int_equal(f->items[0].time, 1725265800);   /* 08:30 UTC */
	assert_string_equal(f->items[0].author, "Ann Writer");
	assert_string_equal(f->items[0].summary, "Hello bold world Second");

	/* a permalink guid stands in for the link; content:encoded for the
	 * description; HTML in a CDATA title becomes text */
	assert_string_equal(f->items[1].title, "CDATA title");
	assert_string_equal(f->items[1].link, "https://news.example/2024/second");
	assert_string_equal(f->items[1].author, "ed@news.example (Ed Itor)");
	assert_string_equal(f->items[1].summary, "Full text");
	assert_int_equal(f->items[1].time, 0);
	assert_feed_clean(f);
	feed_free(f);
}

static const char rdf[] =
	"<?xml version=\"1.0\"?>\n"
	"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"\n"
	" xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
	"<channel rdf:about=\"http://rdf.example/\"><title>RDF Site</title>\n"
	" <link>http://rdf.example/</link></channel>\n"
	"<item rdf:about=\"http://rdf.example/a\"><title>Story A</title>\n"
	" <link>http://rdf.example/a</link><dc:date>2003-12-13T18:30:02Z</dc:date>\n"
	" <dc:creator>Bo</dc:creator><description>Plain summary</description></item>\n"
	"<item rdf:about=\"http://rdf.example/b\"><title>Story B</title><link>b.html</link></item>\n"
	"</rdf:RDF>\n";

static void test_rdf(void **state)
{
	struct feed *f = parse_ok(rdf, "http://rdf.example/index.rdf");

	assert_int_equal(f->format, FEED_RDF);
	assert_string_equal(f->title, "RDF Site");
	assert_int_equal(f->nitems, 2);
	assert_string_equal(f->items[0].title, "Story A");
	assert_string_equal(f->items[0].link, "http://rdf.example/a");
	assert_string_equal(f->items[0].id, "http://rdf.example/a");
	assert_int_equal(f->items[0].time, 1071340202);
	assert_string_equal(f->items[0].author, "Bo");
	assert_string_equal(f->items[0].summary, "Plain summary");
	assert_string_equal(f->items[1].link, "http://rdf.example/b.html");
	feed_free(f);
}

static const char atom[] =
	"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	"<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"https://atom.example/blog/\">\n"
	"<title type=\"text\">Atom Blog</title>\n"
	"<link rel=\"self\" href=\"https://atom.example/feed.atom\"/>\n"
	"<link href=\"https://atom.example/\"/>\n"
	"<entry><title type=\"html\">Tom &amp;amp; &lt;em&gt;Jerry&lt;/em&gt;</title>\n"
	" <link rel=\"enclosure\" href=\"https://cdn.example/a.mp3\"/>\n"
	" <link rel=\"alternate\" type=\"text/html\" href=\"posts/1\"/>\n"
	" <id>urn:uuid:1</id><updated>2024-01-02T03:04:05Z</updated>\n"
	" <published>2024-01-01T12:00:00.5+01:00</published>\n"
	" <author><name>Cy Author</name><email>cy@atom.example</email></author>\n"
	" <summary type=\"html\">&lt;p&gt;Short&lt;/p&gt;</summary>\n"
	" <content type=\"html\">&lt;p&gt;Long&lt;/p&gt;</content></entry>\n"
	"<entry xml:base=\"/other/\"><title>Second</title><link href=\"two\"/>\n"
	" <id>urn:uuid:2</id><updated>2024-01-03T00:00:00Z</updated>\n"
	" <content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>X one</p><p>X two</p></div></content>\n"
	"</entry></feed>\n";

static void test_atom(void **state)
{
	struct feed *f = parse_ok(atom, "https://atom.example/feed.atom");

	assert_int_equal(f->format, FEED_ATOM);
	assert_string_equal(f->title, "Atom Blog");
	assert_string_equal(f->link, "https://atom.example/");
	assert_int_equal(f->nitems, 2);
	assert_string_equal(f->items[0].title, "Tom & Jerry");
	assert_string_equal(f->items[0].link, "https://atom.example/blog/posts/1");
	assert_string_equal(f->items[0].id, "urn:uuid:1");
	assert_string_equal(f->items[0].date, "2024-01-01T12:00:00.5+01:00");
	assert_int_equal(f->items[0].time, 1704106800);   /* 11:00 UTC */
	assert_string_equal(f->items[0].author, "Cy Author");
	assert_string_equal(f->items[0].summary, "Short");
	/* xml:base on the entry; updated when nothing is published; xhtml */
	assert_string_equal(f->items[1].link, "https://atom.example/other/two");
	assert_int_equal(f->items[1].time, 1704240000);
	assert_string_equal(f->items[1].summary, "X one X two");
	assert_feed_clean(f);
	feed_free(f);
}

/* libxml2 unescapes %xx in a base's host name: the resolved link is
 * cleaned again (found by fuzz_feed). */
static void test_atom_escaped_base(void **state)
{
	const char *xml =
		"<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"http://s%ed%80.example/b/\">"
		"<link href=\"x\"/><entry><title>T</title><link href=\"y\"/></entry></feed>";
	struct feed *f = parse_ok(xml, "http://feed.example/");

	assert_feed_clean(f);
	feed_free(f);
}

/* Undeclared HTML entities, bare ampersands, unclosed tags, control
 * characters and escape sequences: recovered, cleaned. */
static void test_malformed(void **state)
{
	const char *xml =
		"<rss><channel><title>Bad &nbsp;feed &mdash; AT&T\x1b[2J</title>\n"
		"<item><title>One &hellip; \x07ring</title><link>http://m.example/1</link>\n"
		"<description>a < b & c <p>unclosed</description></item>\n"
		"<item><title>Two\xc2\x9b""31m</title><link>http://m.example/2</link></item>\n"
		"<item><title>Three</title><link>http://m.example/3</link>\n";
	struct feed *f = parse_ok(xml, "http://m.example/rss");

	assert_string_equal(f->title, "Bad feed \xe2\x80\x94 AT&T");
	assert_true(f->nitems >= 2);
	assert_string_equal(f->items[0].title, "One \xe2\x80\xa6 ring");
	assert_string_equal(f->items[0].link, "http://m.example/1");
	assert_string_equal(f->items[1].title, "Two");
	assert_feed_clean(f);
	feed_free(f);
}

static void test_not_a_feed(void **state)
{
	struct feed *f = (struct feed *)1;
	char err[FEED_ERR_MAX];
	const char *html = "<html><head><title>x</title></head><body><p>hi</p></body></html>";

	assert_int_equal(feed_parse(html, strlen(html), "http://h.example/", NULL, &f, err),
			 STATUS_NO_ARTICLE);
	assert_null(f);
	assert_non_null(strstr(err, "http://h.example/: not an RSS or Atom feed"));
	assert_non_null(strstr(err, "<html>"));

	assert_int_equal(feed_parse("just text", 9, "http://t.example/", NULL, &f, err),
			 STATUS_INPUT);
	assert_null(f);
	assert_non_null(strstr(err, "not readable as XML"));

	assert_int_equal(feed_parse("", 0, "u", NULL, &f, err), STATUS_NO_ARTICLE);
	assert_null(f);
}

static char *billion_laughs(const char *root_open, const char *root_close)
{
	char *s = malloc(8192);
	int n;

	assert_non_null(s);
	n = snprintf(s, 8192, "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n"
		     " <!ENTITY lol \"lol\">\n <!ENTITY lol0 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
	for (int i = 1; i < 10; i++) {
		n += snprintf(s + n, 8192 - (size_t)n, " <!ENTITY lol%d \"", i);
		for (int k = 0; k < 10; k++)
			n += snprintf(s + n, 8192 - (size_t)n, "&lol%d;", i - 1);
		n += snprintf(s + n, 8192 - (size_t)n, "\">\n");
	}
	snprintf(s + n, 8192 - (size_t)n,
		 "]>\n%s<title a=\"&lol9;\">Bomb &lol9;</title>"
		 "<item><title>Safe &lol9;</title><link>http://b.example/1</link>"
		 "<description>&lol9;&lol9;</description></item>%s\n",
		 root_open, root_close);
	return s;
}

/* A billion laughs expands nowhere: the parse is quick and small, the
 * items survive, and no field holds the expansion. */
static void test_billion_laughs(void **state)
{
	char *xml = billion_laughs("<rss><channel>", "</channel></rss>");
	struct feed *f = parse_ok(xml, "http://b.example/rss");

	assert_int_equal(f->nitems, 1);
	assert_string_equal(f->items[0].link, "http://b.example/1");
	assert_null(strstr(f->title, "lollol"));
	assert_null(strstr(f->items[0].title, "lollol"));
	assert_true(strlen(f->items[0].summary) < 100);
	feed_free(f);
	free(xml);

	xml = billion_laughs("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>",
			     "</entry></feed>");
	f = parse_ok(xml, "http://b.example/atom");
	assert_null(strstr(f->title ? f->title : "", "lollol"));
	feed_free(f);
	free(xml);
}

/* The same bomb in UTF-16 (little-endian with a BOM, big-endian
 * without): converted first, so it is defused the same way. */
static void test_billion_laughs_utf16(void **state)
{
	char *xml = billion_laughs("<rss><channel>", "</channel></rss>");
	size_t n = strlen(xml);
	char *wide = malloc(2 * n + 2);

	assert_non_null(wide);
	for (int be = 0; be < 2; be++) {
		struct feed *f = NULL;
		char err[FEED_ERR_MAX];
		size_t off = be ? 0 : 2;

		wide[0] = (char)0xff;
		wide[1] = (char)0xfe;
		for (size_t i = 0; i < n; i++) {
			wide[off + 2 * i + be] = xml[i];
			wide[off + 2 * i + !be] = 0;
		}
		assert_int_equal(feed_parse(wide, off + 2 * n, "http://b.example/", NULL, &f, err),
				 STATUS_OK);
		assert_int_equal(f->nitems, 1);
		assert_string_equal(f->items[0].link, "http://b.example/1");
		assert_null(strstr(f->items[0].title, "lollol"));
		feed_free(f);
	}
	free(wide);
	free(xml);
}

/* Odd wide inputs (found by fuzz_feed: a UTF-16 BOM before NULs leaked
 * the converted copy; make test SAN=1 sees the leak). */
static void test_odd_wide(void **state)
{
	static const unsigned char in[] = { 0xfe, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0x3b, 0x76 };
	struct feed *f = NULL;
	char err[FEED_ERR_MAX];

	if (feed_parse((const char *)in, sizeof in, NULL, NULL, &f, err) == STATUS_OK)
		feed_free(f);
	assert_int_equal(feed_parse("\0<\0r", 4, NULL, NULL, &f, err) == STATUS_OK, f != NULL);
	feed_free(f);
}

/* An external entity naming a local file is never read. */
static void test_xxe(void **state)
{
	char path[] = "/tmp/folio-xxe-XXXXXX";
	int fd = mkstemp(path);
	char xml[2048];
	struct feed *f;

	assert_true(fd >= 0);
	assert_int_equal(write(fd, "TOPSECRET", 9), 9);
	close(fd);
	snprintf(xml, sizeof xml,
		 "<?xml version=\"1.0\"?>\n"
		 "<!DOCTYPE rss [ <!ENTITY xxe SYSTEM \"file://%s\">\n"
		 "  <!ENTITY %% pe SYSTEM \"file://%s\"> %%pe; ]>\n"
		 "<rss><channel><title>T &xxe;</title><item><title>&xxe;</title>"
		 "<link>http://x.example/&xxe;</link><description>&xxe;</description>"
		 "<author a=\"&xxe;\">&xxe;</author></item></channel></rss>\n", path, path);
	f = parse_ok(xml, "http://x.example/");
	assert_int_equal(f->nitems, 1);
	assert_null(strstr(f->title, "TOPSECRET"));
	assert_null(strstr(f->items[0].title, "TOPSECRET"));
	assert_null(strstr(f->items[0].link, "TOPSECRET"));
	assert_null(strstr(f->items[0].summary, "TOPSECRET"));
	assert_null(strstr(f->items[0].author, "TOPSECRET"));
	feed_free(f);
	unlink(path);
}

static void test_item_cap(void **state)
{
	size_t cap = 1500 * 80 + 200, n = 0;
	char *xml = malloc(cap);
	struct feed *f;

	assert_non_null(xml);
	n += (size_t)snprintf(xml + n, cap - n, "<rss><channel><title>Many</title>");
	for (int i = 0; i < 1500; i++)
		n += (size_t)snprintf(xml + n, cap - n,
				      "<item><title>T%d</title><link>/s/%d</link></item>", i, i);
	snprintf(xml + n, cap - n, "</channel></rss>");
	f = parse_ok(xml, "http://many.example/feed");
	assert_int_equal(f->nitems, FEED_MAX_ITEMS);
	assert_true(f->truncated);
	assert_string_equal(f->items[999].title, "T999");
	assert_string_equal(f->items[999].link, "http://many.example/s/999");
	feed_free(f);
	free(xml);
}

/* One guid for different links (a feed that reuses it) names several
 * stories: their ids differ, so the store keeps each.  The same guid
 * and link twice is one story. */
static void test_same_guid_other_links(void **state)
{
	struct feed *f = parse_ok(
		"<rss><channel><title>G</title>"
		"<item><title>A</title><link>/a</link><guid>same</guid></item>"
		"<item><title>B</title><link>/b</link><guid>same</guid></item>"
		"<item><title>A again</title><link>/a</link><guid>same</guid></item>"
		"<item><title>C</title><link>/c</link><guid>other</guid></item>"
		"</channel></rss>", "http://g.example/feed");
	(void)state;
	assert_int_equal(f->nitems, 4);
	assert_string_equal(f->items[0].id, "same");
	assert_string_not_equal(f->items[1].id, f->items[0].id);
	assert_string_equal(f->items[2].id, f->items[0].id);
	assert_string_equal(f->items[3].id, "other");
	feed_free(f);
}

static void test_summary_cap(void **state)
{
	size_t n = 0, cap = 20000;
	char *xml = malloc(cap);
	struct feed *f;

	assert_non_null(xml);
	n += (size_t)snprintf(xml, cap, "<rss><channel><item><title>L</title><description>");
	for (int i = 0; i < 3000; i++)
		n += (size_t)snprintf(xml + n, cap - n, "\xc3\xa9 ");
	snprintf(xml + n, cap - n, "</description></item></channel></rss>");
	f = parse_ok(xml, NULL);
	assert_true(strlen(f->items[0].summary) <= FEED_SUMMARY_MAX);
	assert_true(strlen(f->items[0].summary) > FEED_SUMMARY_MAX - 8);
	assert_feed_clean(f);
	feed_free(f);
	free(xml);
}

/* A Latin-1 feed: declared in the prolog, or only in the HTTP header. */
static void test_charset(void **state)
{
	const char *decl = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
			   "<rss><channel><title>Caf\xe9</title></channel></rss>";
	const char *bare = "<rss><channel><title>Caf\xe9</title></channel></rss>";
	struct feed *f = NULL;
	char err[FEED_ERR_MAX];

	f = parse_ok(decl, NULL);
	assert_string_equal(f->title, "Caf\xc3\xa9");
	feed_free(f);
	assert_int_equal(feed_parse(bare, strlen(bare), NULL, "iso-8859-1", &f, err), STATUS_OK);
	assert_string_equal(f->title, "Caf\xc3\xa9");
	feed_free(f);
}

static void test_discover(void **state)
{
	const char *html =
		"<html><head><base href=\"https://site.example/news/\">"
		"<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Main \x1b[31mRSS\" href=\"rss.xml\">"
		"<link rel=\"Alternate nofollow\" type=\"application/atom+xml\" href=\"/atom\">"
		"<link rel=\"alternate\" type=\"application/rss+xml\" href=\"rss.xml\">"
		"<link rel=\"alternate\" type=\"text/html\" hreflang=\"fr\" href=\"/fr/\">"
		"<link rel=\"stylesheet\" type=\"application/rss+xml\" href=\"/no\">"
		"<link rel=\"alternate\" type=\"application/rss+xml\" href=\"javascript:alert(1)\">"
		"</head><body><p>x</p></body></html>";
	struct feed_link *l;
	size_t n;

	assert_int_equal(feed_discover(html, strlen(html), "https://site.example/a/page", &l, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(l[0].url, "https://site.example/news/rss.xml");
	assert_string_equal(l[0].title, "Main RSS");
	assert_int_equal(l[0].format, FEED_RSS);
	assert_string_equal(l[1].url, "https://site.example/atom");
	assert_null(l[1].title);
	assert_int_equal(l[1].format, FEED_ATOM);
	feed_links_free(l, n);

	assert_int_equal(feed_discover("<p>none</p>", 11, "http://x/", &l, &n), 0);
	assert_int_equal(n, 0);
	assert_null(l);
}

/* A page may advertise any number of feeds: discovery keeps the first
 * FEED_LINKS_MAX distinct ones (each new link was compared with every
 * one kept: 40 000 links took 1.7 s, a 32 MB page minutes).  Duplicates
 * of kept links do not count against the cap. */
static void test_discover_capped(void **state)
{
	static const size_t counts[] = { FEED_LINKS_MAX - 1, FEED_LINKS_MAX, FEED_LINKS_MAX + 1,
					 10 * FEED_LINKS_MAX };
	(void)state;
	for (size_t r = 0; r < sizeof counts / sizeof counts[0]; r++) {
		struct buf html = { 0 };
		buf_add(&html, "<html><head>", 12);
		for (size_t i = 0; i < counts[r]; i++)
			buf_printf(&html, "<link rel=alternate type=application/rss+xml href=/f%zu>"
				   "<link rel=alternate type=application/rss+xml href=/f0>", i);
		buf_add(&html, "</head></html>", 14);
		struct feed_link *l;
		size_t n, want = counts[r] < FEED_LINKS_MAX ? counts[r] : FEED_LINKS_MAX;
		assert_int_equal(feed_discover(html.data, html.len, "http://x.example/", &l, &n), 0);
		assert_int_equal(n, want);
		assert_string_equal(l[0].url, "http://x.example/f0");
		char last[64];
		snprintf(last, sizeof last, "http://x.example/f%zu", want - 1);
		assert_string_equal(l[n - 1].url, last);
		feed_links_free(l, n);
		buf_free(&html);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rss2),
		cmocka_unit_test(test_rdf),
		cmocka_unit_test(test_atom),
		cmocka_unit_test(test_atom_escaped_base),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_not_a_feed),
		cmocka_unit_test(test_billion_laughs),
		cmocka_unit_test(test_billion_laughs_utf16),
		cmocka_unit_test(test_odd_wide),
		cmocka_unit_test(test_xxe),
		cmocka_unit_test(test_item_cap),
		cmocka_unit_test(test_same_guid_other_links),
		cmocka_unit_test(test_summary_cap),
		cmocka_unit_test(test_charset),
		cmocka_unit_test(test_discover),
		cmocka_unit_test(test_discover_capped),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
