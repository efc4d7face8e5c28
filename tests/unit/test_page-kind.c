/* test_page-kind.c - article or list (page-kind.h) and the stories of a
 * list page (page-stories.h).
 *
 * - Every page in data/ (NAME.html) is classified as its NAME.expected.json says
 *   ("kind", "article" when absent); for a list page the stories, as
 *   --dump=json prints them, are exactly the expected ones (title, url,
 *   summary, published, section) and none holds a must_not_contain
 *   string (navigation, footer, banner text).
 * - Every page of both shared corpora is an article: the test fails
 *   naming each page classified as a list.  The corpus is
 *   $FOLIO_CORPUS, else $FOLIO_SHARED/corpus, else ../shared/corpus;
 *   the test is skipped when there is none (CI has it).
 * - Small pages for single rules. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <jansson.h>

#include "folio/article.h"
#include "folio/dom.h"
#include "folio/extract.h"
#include "folio/feed-list.h"
#include "folio/page-kind.h"
#include "folio/page-stories.h"
#include "folio/util-buf.h"
#include "folio/util-file.h"

static const char *data_dir(void)
{
	const char *d = getenv("FOLIO_DATA");
	return d && *d ? d : "data";
}

/* The opener's path: page_kind_read, then the list as the pager and
 * --dump get it.  NULL when the page is an article. */
static struct article *read_list(const char *html, size_t len, const char *url,
				  bool *is_list)
{
	struct extract_input in = { .bytes = html, .len = len, .base_url = url };
	struct article *a = NULL, *l = NULL;
	struct feed *list = NULL;
	const char *why = NULL;

	assert_int_equal(page_kind_read(&in, &a, &list, &why), STATUS_OK);
	*is_list = list != NULL;
	if (list) {
		assert_null(a);
		l = feed_list_of(list, list->link, NULL, NULL);
		assert_non_null(l);
		feed_free(list);
	}
	article_free(a);
	return l;
}

static int failures;

static void __attribute__((format(printf, 1, 2))) mismatch(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	failures++;
}

static void check_string(const char *page, size_t i, const char *what, json_t *want,
			 const char *got)
{
	const char *w = json_string_value(want);

	if ((!w && got) || (w && (!got || strcmp(w, got) != 0)))
		mismatch("  %s story %zu %s: expected %s, got %s", page, i + 1, what,
			 w ? w : "null", got ? got : "null");
}

static void check_stories(const char *page, json_t *want, const struct article *a)
{
	size_t n = json_array_size(json_object_get(want, "stories"));
	json_t *bad = json_object_get(want, "must_not_contain");

	if (a->kind != PAGE_LIST)
		mismatch("  %s: the list article is not of kind list", page);
	if (n != a->nitems)
		mismatch("  %s: expected %zu stories, got %zu", page, n, a->nitems);
	for (size_t i = 0; i < a->nitems; i++) {
		const struct list_item *it = &a->items[i];
		json_t *w = json_array_get(json_object_get(want, "stories"), i);
		const char *fields[] = { it->title, it->url, it->summary, it->published, it->section };

		if (w) {
			check_string(page, i, "title", json_object_get(w, "title"), it->title);
			check_string(page, i, "url", json_object_get(w, "url"), it->url);
			check_string(page, i, "summary", json_object_get(w, "summary"), it->summary);
			check_string(page, i, "published", json_object_get(w, "published"), it->published);
			check_string(page, i, "section", json_object_get(w, "section"), it->section);
		} else {
			mismatch("  %s: story %zu not expected: %s <%s>", page, i + 1, it->title, it->url);
		}
		for (size_t b = 0; b < json_array_size(bad); b++)
			for (size_t f = 0; f < 5; f++)
				if (fields[f] && strstr(fields[f], json_string_value(json_array_get(bad, b))))
					mismatch("  %s: story %zu holds \"%s\": %s", page, i + 1,
						 json_string_value(json_array_get(bad, b)), fields[f]);
	}
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);
	return n >= k && strcmp(s + n - k, tail) == 0;
}

static void test_data_pages(void **state)
{
	DIR *d = opendir(data_dir());
	struct dirent *e;
	size_t lists = 0, articles = 0;

	(void)state;
	assert_non_null(d);
	failures = 0;
	while ((e = readdir(d))) {
		char path[8192], *html = NULL, name[256];
		size_t len = 0;
		json_t *want;
		bool is_list;
		struct article *l;

		if (!ends_with(e->d_name, ".html") || strlen(e->d_name) >= sizeof name)
			continue;
		snprintf(name, sizeof name, "%.*s", (int)(strlen(e->d_name) - 5), e->d_name);
		snprintf(path, sizeof path, "%s/%s.expected.json", data_dir(), name);
		want = json_load_file(path, 0, NULL);
		if (!want)
			fail_msg("%s: cannot load", path);
		snprintf(path, sizeof path, "%s/%s.html", data_dir(), name);
		assert_int_equal(file_read_path(path, 0, &html, &len), 0);
		const char *kind = json_string_value(json_object_get(want, "kind"));
		bool want_list = kind && strcmp(kind, "list") == 0;
		l = read_list(html, len, json_string_value(json_object_get(want, "url")), &is_list);
		if (is_list != want_list)
			mismatch("  %s: expected %s, classified %s", name, want_list ? "list" : "article",
				 is_list ? "list" : "article");
		else if (l)
			check_stories(name, want, l);
		lists += want_list;
		articles += !want_list;
		article_free(l);
		free(html);
		json_decref(want);
	}
	closedir(d);
	fprintf(stderr, "data/: %zu list pages, %zu articles\n", lists, articles);
	assert_true(lists >= 8);
	assert_true(articles >= 10);
	if (failures)
		fail_msg("%d mismatch(es) in data/ (listed above)", failures);
}

/* ---- the corpora: no article may be read as a list ---------------- */

static char *corpus_url(const char *dir)
{
	static const char *const files[] = { "expected.json", "labels.json" };

	for (size_t i = 0; i < 2; i++) {
		char *path;
		json_t *j;
		const char *u;
		char *copy = NULL;

		assert_true(asprintf(&path, "%s/%s", dir, files[i]) > 0);
		j = json_load_file(path, 0, NULL);
		free(path);
		if (!j)
			continue;
		u = json_string_value(json_object_get(j, "url"));
		if (u && (strncmp(u, "http://", 7) == 0 || strncmp(u, "https://", 8) == 0))
			copy = strdup(u);
		json_decref(j);
		if (copy)
			return copy;
	}
	return strdup("http://fakehost/test/page.html");
}

static bool classified_list(const char *dir, struct page_signals *sig)
{
	char *path, *html = NULL, *url = corpus_url(dir), *base;
	size_t len = 0;
	struct extract_input in;
	struct page_stories s;
	const char *why;
	xmlDocPtr doc;
	bool list = false;

	assert_true(asprintf(&path, "%s/source.html", dir) > 0);
	if (file_read_path(path, 0, &html, &len) != 0) {
		free(path);
		free(url);
		return false;
	}
	free(path);
	in = (struct extract_input){ .bytes = html, .len = len, .base_url = url };
	doc = extract_parse(&in, &why);
	base = doc ? dom_base_url(doc, url) : NULL;
	if (doc && page_stories_find(doc, base, &s) == 0) {
		list = page_kind_decide(doc, &s, sig) == PAGE_LIST;
		page_stories_free(&s);
	}
	if (doc)
		xmlFreeDoc(doc);
	free(base);
	free(url);
	free(html);
	return list;
}

static size_t sweep(const char *corpus, const char *set, size_t *pages)
{
	char dir[4096];
	DIR *d;
	struct dirent *e;
	size_t lists = 0;

	snprintf(dir, sizeof dir, "%s/%s", corpus, set);
	if (!(d = opendir(dir)))
		return 0;
	while ((e = readdir(d))) {
		char page[8192];
		struct page_signals sig;

		if (e->d_name[0] == '.')
			continue;
		snprintf(page, sizeof page, "%s/%s", dir, e->d_name);
		(*pages)++;
		if (classified_list(page, &sig)) {
			fprintf(stderr, "  %s/%s: an article classified as a list (%s; %zu stories,"
				" prose %zu letters)\n", set, e->d_name, sig.why, sig.stories,
				sig.prose_letters);
			lists++;
		}
	}
	closedir(d);
	return lists;
}

static void test_corpus_articles(void **state)
{
	const char *corpus = getenv("FOLIO_CORPUS");
	size_t pages = 0, lists;
	DIR *d;

	(void)state;
	char shared[4096];

	if ((!corpus || !*corpus) && getenv("FOLIO_SHARED") && *getenv("FOLIO_SHARED")) {
		snprintf(shared, sizeof shared, "%.4000s/corpus", getenv("FOLIO_SHARED"));
		corpus = shared;
	}
	if (!corpus || !*corpus)
		corpus = "../shared/corpus";
	if (!(d = opendir(corpus))) {
		fprintf(stderr, "skip: no corpus at %s\n", corpus);
		skip();
	}
	closedir(d);
	lists = sweep(corpus, "readability-dev", &pages);
	lists += sweep(corpus, "trafilatura-dev", &pages);
	fprintf(stderr, "corpus: %zu pages, %zu classified list\n", pages, lists);
	assert_true(pages > 0);
	assert_int_equal(lists, 0);
}

/* ---- single rules on small pages ------------------------------------ */

static char *page(const char *head, const char *body)
{
	char *p = NULL;
	assert_true(asprintf(&p, "<html><head>%s</head><body>%s</body></html>", head, body) > 0);
	return p;
}

/* six cards with heading links, teasers and one "Read more" each */
static char *grid(void)
{
	char *g = strdup(""), *next;

	for (int i = 1; i <= 6; i++) {
		assert_true(asprintf(&next, "%s<div class=\"card\"><a href=\"/s/%d\">"
				     "<img src=\"%d.jpg\" alt=\"Photo of the story number %d\"></a>"
				     "<h3><a href=\"/s/%d\">Story number %d makes the headlines today</a></h3>"
				     "<p>The teaser of story %d says what happened in a sentence.</p>"
				     "<a href=\"/s/%d\">Read more</a></div>",
				     g, i, i, i, i, i, i, i) > 0);
		free(g);
		g = next;
	}
	return g;
}

static struct article *list_of_page(const char *html, bool *is_list)
{
	return read_list(html, strlen(html), "https://site.example/", is_list);
}

static void test_grid_is_list(void **state)
{
	char *cards = grid(), *body, *html;
	bool is_list;
	struct article *a;

	(void)state;
	assert_true(asprintf(&body, "<nav><a href=\"/world\">World news from everywhere today</a></nav>"
			     "<div class=\"cookie-banner\"><a href=\"/cookies\">How we use cookies on"
			     " this site and why</a></div><div class=\"grid\">%s</div>"
			     "<footer><a href=\"/about\">About this site and the people behind it</a>"
			     "</footer>", cards) > 0);
	html = page("<title>Site</title>", body);
	a = list_of_page(html, &is_list);
	assert_true(is_list);
	assert_int_equal(a->nitems, 6);
	for (size_t i = 0; i < a->nitems; i++) {
		char want[64];
		snprintf(want, sizeof want, "https://site.example/s/%zu", i + 1);
		assert_string_equal(a->items[i].url, want);      /* absolute, once */
		assert_non_null(strstr(a->items[i].title, "makes the headlines"));  /* not alt, not Read more */
		assert_non_null(a->items[i].summary);
	}
	article_free(a);
	free(html);
	free(body);
	free(cards);
}

/* The same cards on a page that says it is one article: an article. */
static void test_declared_article_wins(void **state)
{
	static const char *const heads[] = {
		"<meta property=\"og:type\" content=\"article\">",
		"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"x\"}</script>",
		"<meta property=\"og:type\" content=\"video.other\">",
	};
	char *cards = grid();

	(void)state;
	for (size_t i = 0; i < 3; i++) {
		char *html = page(heads[i], cards);
		bool is_list = true;
		struct article *a = list_of_page(html, &is_list);
		assert_false(is_list);
		assert_null(a);
		free(html);
	}
	{
		char *body;
		bool is_list = true;
		assert_true(asprintf(&body, "<div class=\"x\">%s</div>", cards) > 0);
		char *html = page("", body);
		char *single;
		assert_true(asprintf(&single, "<html><head></head><body class=\"single single-post"
				     " postid-7\">%s</body></html>", body) > 0);
		assert_null(list_of_page(single, &is_list));
		assert_false(is_list);
		free(single);
		free(html);
		free(body);
	}
	free(cards);
}

/* A short article with a big "more stories" grid under it: article. */
static void test_headline_and_prose(void **state)
{
	char *cards = grid(), *body, *html;
	bool is_list = true;

	(void)state;
	assert_true(asprintf(&body, "<h1>Council votes to rebuild the old pier</h1>"
			     "<p>The council voted on Tuesday to rebuild the pier, after forty years"
			     " of argument about who should pay for it and how.</p><p>Work starts in"
			     " the spring and will close the ferry landing for one winter.</p>"
			     "<div class=\"more\">%s</div>", cards) > 0);
	html = page("", body);
	assert_null(list_of_page(html, &is_list));
	assert_false(is_list);
	free(html);
	free(body);
	free(cards);
}

/* Links in sentences and menus are no stories; too few cards: article. */
static void test_few_cards(void **state)
{
	bool is_list = true;
	char *html = page("", "<ul><li><a href=\"/a\">One story with a long enough headline</a></li>"
			  "<li><a href=\"/b\">Two stories with long enough headlines</a></li></ul>"
			  "<p>See <a href=\"/c\">the full report of the harbour committee</a> for the"
			  " figures, which the council published on Monday after a long wait.</p>");

	(void)state;
	assert_null(list_of_page(html, &is_list));
	assert_false(is_list);
	free(html);
}

/* A short article with one "Read also" link: the link's card is no
 * bigger than its box, and the paragraphs count as prose. */
static void test_short_article_prose(void **state)
{
	static const char para[] = "<p>The market reopened on Saturday after eighteen months"
				   " of work, with forty traders back under the new roof.</p>";
	char *body, *html;
	struct extract_input in;
	struct page_stories s;
	const char *why;
	xmlDocPtr doc;

	(void)state;
	assert_true(asprintf(&body, "<div class=\"wrapper\"><div class=\"body\">%s%s<div class="
			     "\"also\"><a href=\"/other\">The spring fair breaks its attendance"
			     " record</a></div>%s</div></div>", para, para, para) > 0);
	html = page("", body);
	in = (struct extract_input){ .bytes = html, .len = strlen(html),
				     .base_url = "https://site.example/a" };
	doc = extract_parse(&in, &why);
	assert_non_null(doc);
	assert_int_equal(page_stories_find(doc, in.base_url, &s), 0);
	assert_int_equal(s.n, 0);               /* a lone link is no story */
	assert_true(s.prose_letters >= 3 * 85);   /* 89 letters each */
	page_stories_free(&s);
	xmlFreeDoc(doc);
	free(html);
	free(body);
}

/* A headline link holds a heading, an image, a few spans: one that
 * holds more than 1 000 nodes is none.  Links nested in links (the
 * parser keeps them) were each read to the bottom of the nest:
 * 10 000 of them took 3.7 s, quadratic. */
static void test_big_link_no_headline(void **state)
{
	static const struct {
		int spans;
		size_t stories;
	} rows[] = { { 10, 6 }, { 900, 6 }, { 1100, 0 } };

	(void)state;
	for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
		struct buf body = { 0 };
		for (int i = 1; i <= 6; i++) {
			buf_printf(&body, "<div class=\"card\"><a href=\"/s/%d\"><h3>Story number %d"
				   " makes the headlines today</h3>", i, i);
			for (int k = 0; k < rows[r].spans; k++)
				buf_add(&body, "<i></i>", 7);
			buf_printf(&body, "</a><p>The teaser of story %d says what happened.</p></div>", i);
		}
		char *html = page("", body.data);
		struct extract_input in = { .bytes = html, .len = strlen(html),
					    .base_url = "https://site.example/" };
		struct page_stories s;
		const char *why;
		xmlDocPtr doc = extract_parse(&in, &why);
		assert_non_null(doc);
		assert_int_equal(page_stories_find(doc, in.base_url, &s), 0);
		if (s.n != rows[r].stories)
			fail_msg("%d spans in each link: %zu stories, want %zu", rows[r].spans, s.n,
				 rows[r].stories);
		page_stories_free(&s);
		xmlFreeDoc(doc);
		free(html);
		buf_free(&body);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_data_pages),
		cmocka_unit_test(test_corpus_articles),
		cmocka_unit_test(test_grid_is_list),
		cmocka_unit_test(test_declared_article_wins),
		cmocka_unit_test(test_headline_and_prose),
		cmocka_unit_test(test_few_cards),
		cmocka_unit_test(test_short_article_prose),
		cmocka_unit_test(test_big_link_no_headline),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
