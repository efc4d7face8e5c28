/* test_meta-date.c - the article's own date from the page's markup
 * (meta-date.c, through meta_extract on small pages written for these
 * tests): marked elements, comments' and reviews' dates left out; then
 * meta_date_from_body on extracted blocks: the lead's dateline, the
 * date in the URL's path. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <libxml/HTMLparser.h>

#include "meta_page.h"
#include "folio/article.h"
#include "folio/meta-date.h"
#include "folio/meta.h"

/* meta_extract's published on a page with head and body; url may be
 * NULL. */
static char *published_of_page(const char *head, const char *body, const char *url)
{
	char html[4096];
	snprintf(html, sizeof html,
		 "<html><head><title>Storm closes the harbour</title>%s</head><body>%s"
		 "</body></html>", head, body);
	struct article *a = meta_of_page(html, url);
	char *out = a->published ? strdup(a->published) : NULL;
	article_free(a);
	return out;
}

static char *published_of(const char *body, const char *url)
{
	return published_of_page("", body, url);
}

struct date_case {
	const char *body, *url, *want;
};

/* Is got (freed here) want (NULL: no date)?  Says which case is not. */
static bool date_is(size_t i, char *got, const char *want)
{
	bool ok = want ? got && !strcmp(got, want) : !got;
	if (!ok)
		print_error("case %zu: want %s, got %s\n", i, want ? want : "none",
			    got ? got : "none");
	free(got);
	return ok;
}

/* Every case checked, then one failure naming how many were wrong. */
#define EXPECT_ALL(t, got_of_case)                                              \
	do {                                                                    \
		size_t failed_ = 0, n_ = sizeof (t) / sizeof (t)[0];            \
		for (size_t i = 0; i < n_; i++)                                 \
			failed_ += !date_is(i, got_of_case, (t)[i].want);       \
		if (failed_)                                                    \
			fail_msg("%zu of %zu cases wrong", failed_, n_);         \
	} while (0)

#define STORY "<p>The harbour closed on Monday as the storm reached the coast, " \
	"and the ferries stayed in port.</p>"

/* The published date marked on any element: microdata's
 * itemprop=datePublished with a content attribute or as its text,
 * hAtom's <abbr class="published" title=…>; a review's date in a
 * product's microdata is not the page's. */
static void test_marked_elements(void **state)
{
	(void)state;
	static const struct date_case t[] = {
		{ "<h1>Storm</h1><span itemprop=\"datePublished\" "
		  "content=\"2021-04-07T09:05:00.000+02:00\"></span>" STORY, NULL,
		  "2021-04-07T09:05:00+02:00" },
		{ "<div class=\"info\"><div class=\"date\" itemprop=\"datePublished\">"
		  "11.09.2018 08:17</div></div><h1>Storm</h1>" STORY, NULL, "2018-09-11" },
		{ "<h1>Storm</h1><p><span class=\"small\" itemprop=\"datePublished\">"
		  "15. Januar 2023</span></p>" STORY, NULL, "2023-01-15" },
		{ "<h2 class=\"date-header\"><span>Tuesday, March 14, 2017</span></h2>"
		  "<h3>Storm</h3><a href=\"/p\"><abbr class=\"published\" "
		  "title=\"2017-03-14T07:42:00-05:00\">7:42 AM</abbr></a>" STORY, NULL,
		  "2017-03-14T07:42:00-05:00" },
		/* datetime wins over a bare content date on the same element */
		{ "<h1>Storm</h1><time itemprop=\"datePublished\" content=\"2022-05-30\" "
		  "datetime=\"2022-05-30T16:20:00+02:00\">30. Mai 2022</time>" STORY, NULL,
		  "2022-05-30T16:20:00+02:00" },
		/* a customer review's date is no date of the page */
		{ "<h1>Hutch</h1><div itemscope itemtype=\"https://schema.org/Product\">"
		  "<div itemprop=\"review\" itemscope itemtype=\"https://schema.org/Review\">"
		  "<span itemprop=\"datePublished\" content=\"2019-04-02 00:00:00\"></span>"
		  "</div></div>" STORY, NULL, NULL },
	};
	EXPECT_ALL(t, published_of(t[i].body, t[i].url));
}

/* A reader's comment is not the article: neither the first <time> after
 * the headline nor a dateline counts when it sits in a comment ("comment",
 * "comments-area", "div-comment-7"), but "commentary" is the article. */
static void test_comment_dates(void **state)
{
	(void)state;
	static const struct date_case t[] = {
		{ "<h1>Storm</h1>" STORY "<div id=\"comments\"><div class=\"comment-metadata\">"
		  "<time datetime=\"2018-07-16T21:04:52+02:00\">16. Juli 2018</time></div></div>",
		  NULL, NULL },
		{ "<h1>Storm</h1>" STORY "<ol class=\"commentlist\"><li class=\"comment\">"
		  "<span class=\"datetime\">May 9, 2016 at 18:41</span></li></ol>", NULL, NULL },
		{ "<h1>Storm</h1><div class=\"date\">19.11.2012</div>" STORY
		  "<div class=\"comment_default\"><time datetime=\"2014-11-05T14:25:40+00:00\">"
		  "05.11.2014</time></div>", NULL, "2012-11-19" },
		{ "<div class=\"news commentary\"><h1>Storm</h1>"
		  "<time datetime=\"2020-01-13T18:54:00+01:00\">13. 1. 2020</time>" STORY "</div>",
		  NULL, "2020-01-13T18:54:00+01:00" },
		/* a review article is the article, not a reader's review */
		{ "<article itemscope itemtype=\"https://schema.org/ReviewNewsArticle\"><h1>Storm</h1>"
		  "<time itemprop=\"datePublished\" datetime=\"2021-03-04\">4 March 2021</time>"
		  STORY "</article>", NULL, "2021-03-04" },
	};
	EXPECT_ALL(t, published_of(t[i].body, t[i].url));
}

/* A dateline just above the headline, among the h1's preceding
 * siblings (a kicker line, a blog's date header), when none follows it:
 * a marked one, else a short line of the date alone; not the date in
 * the site's header further up (today's date). */
static void test_dateline_above(void **state)
{
	(void)state;
	static const struct date_case t[] = {
		{ "<article><div class=\"meta-date\">19.11.2021</div><h1>Storm</h1>" STORY
		  "</article>", NULL, "2021-11-19" },
		{ "<div class=\"story-heading\"><div class=\"story-info\">"
		  "<span class=\"news-date\">12.12.2022</span></div><h1>Storm</h1></div>" STORY,
		  NULL, "2022-12-12" },
		{ "<div class=\"top\"><span class=\"date\">Mittwoch, 01. November 2023</span>"
		  "</div><div class=\"main\"><div class=\"head\"><h1>Storm</h1></div>" STORY
		  "</div>", NULL, NULL },
		{ "<div><span class=\"date-updated\">01.01.2020</span><h1>Storm</h1></div>" STORY,
		  NULL, NULL },
		{ "<div><span class=\"date\">01.01.2020</span><h1>Storm</h1>"
		  "<p class=\"date\">02.01.2020</p></div>" STORY, NULL, "2020-01-02" },
		/* unmarked: a short line of the date alone, not an update's */
		{ "<div class=\"head\"><div class=\"detailheader\">14.06.2019 (ch)</div>"
		  "<h1>Storm</h1></div>" STORY, NULL, "2019-06-14" },
		{ "<article><p class=\"category\">24. April 2020 | Pressemitteilung</p>"
		  "<h1>Storm</h1>" STORY "</article>", NULL, "2020-04-24" },
		{ "<div><p>Aktualisiert: 03.05.2021</p><h1>Storm</h1></div>" STORY, NULL, NULL },
		{ "<div><p class=\"kicker\">On 3 May 2021, the lake was warm and the boats "
		  "were out</p><h1>Storm</h1></div>" STORY, NULL, NULL },
	};
	EXPECT_ALL(t, published_of(t[i].body, t[i].url));
}

/* Last of the visible datelines: a short line of the date alone among
 * the first lines under the headline, unmarked; not an update's line,
 * not a sentence, not a line further down the story. */
static void test_date_line_below(void **state)
{
	(void)state;
	static const struct date_case t[] = {
		{ "<h1>Storm</h1><p>10. September 2017</p>" STORY, NULL, "2017-09-10" },
		{ "<h1>Storm</h1><div class=\"left\">26 Mai, 2008 | <a href=\"/u\">Sea_Dog</a>"
		  "</div>" STORY, NULL, "2008-05-26" },
		{ "<h1>Storm</h1><p class=\"page-head__sub\">Rowing Club "
		  "\xe2\x80\xa2 02.02.2022</p>" STORY, NULL, "2022-02-02" },
		{ "<h1>Storm</h1><p>Aktualisiert: 03.05.2021</p>" STORY, NULL, NULL },
		{ "<h1>Storm</h1><p>Am 8. November 2021 findet der Tag der Erinnerung statt, "
		  "wie jedes Jahr.</p>" STORY, NULL, NULL },
		{ "<h1>Storm</h1>" STORY "<p>Eins.</p><p>Zwei.</p><p>Drei.</p><p>Vier.</p>"
		  "<p>F\xc3\xbcnf.</p><p>12.05.2021</p>", NULL, NULL },
	};
	EXPECT_ALL(t, published_of(t[i].body, t[i].url));
}

/* The weaker <meta> dates (an issue date, publication_date, a bare
 * "date") when the page shows no date of its own; a shown dateline
 * wins over "date", which some CMSs fill with the last edit. */
static void test_weak_metas(void **state)
{
	(void)state;
	static const struct { const char *head, *body, *want; } t[] = {
		{"<meta name=\"DC.Date.Issued\" content=\"2014-12-15\">",
		 "<h1>Storm</h1>" STORY, "2014-12-15"},
		{"<meta name=\"date\" content=\"2022-02-07\">", "<h1>Storm</h1>" STORY,
		 "2022-02-07"},
		{"<meta name=\"publication_date\" content=\"2022-02-08T14:00:00\">",
		 "<h1>Storm</h1>" STORY, "2022-02-08"},
		{"<meta name=\"published_time\" content=\"2023-10-31T10:19:00+0100\">",
		 "<h1>Storm</h1>" STORY, "2023-10-31T10:19:00+01:00"},
		{"<meta name=\"date\" content=\"2021-12-20T11:02:44+01:00\">",
		 "<h1>Storm</h1><span class=\"date\">27.01.2022</span>" STORY, "2022-01-27"},
	};
	EXPECT_ALL(t, published_of_page(t[i].head, t[i].body, NULL));
}

/* The date in the URL's path, the last resort: year, month and day
 * one after the other, each a path segment or a dash-joined part. */
static void test_url_dates(void **state)
{
	(void)state;
	static const struct { const char *url, *want; } t[] = {
		{"https://example.org/2019/02/10/the-bag/", "2019-02-10"},
		{"http://example.org/blog/letters/2010-10-26-18", "2010-10-26"},
		{"http://example.org/local/2020-02/19/story_4471.htm", "2020-02-19"},
		{"https://example.org/harbour/2022/5/3/ferry-5521.html", "2022-05-03"},
		{"https://web.archive.org/web/20080731095558/http://example.org/2008/07/29/ferry/",
		 "2008-07-29"},
		{"https://example.org/news/2021-22/transfers/coach/", NULL},
		{"https://example.org/news/2022/cup-preview/", NULL},
		{"https://example.org/2019/13/40/slug", NULL},
		{"https://example.org/2019/02/101/slug", NULL},
		{"https://example.org/20190210/slug", NULL},
		{"https://example.org/list?from=2019/02/10", NULL},
		{"https://example.org/2019/02/10x/slug", NULL},
		{"2019/02/10/not-a-url", NULL},
		{"file:///home/jo/notes/2019/02/10/page.html", NULL},   /* a folder's name */
		{NULL, NULL},
	};
	EXPECT_ALL(t, meta_date_from_url(t[i].url));
}

/* meta_date_from_body on an article whose first block is a paragraph
 * lead, at address url, dated before by the markup or not (had). */
static char *body_date(const char *lead, const char *url, const char *had)
{
	struct article *a = article_new();
	assert_non_null(a);
	article_set(&a->url, url);
	article_set(&a->published, had);
	assert_non_null(article_add_block(a, BLOCK_P, lead, strlen(lead)));
	assert_non_null(article_add_block(a, BLOCK_P, "The ferries stayed in port.", 27));
	meta_date_from_body(a);
	char *out = a->published ? strdup(a->published) : NULL;
	article_free(a);
	return out;
}

/* The dateline a wire story or press release opens with: the date
 * alone or after a place and a comma, then a dash, colon, full stop,
 * bracket or the end; not a sentence that names a date.  Else the
 * URL's date; never over a date the markup gave. */
static void test_lead_dateline(void **state)
{
	(void)state;
	static const struct { const char *lead, *url, *had, *want; } t[] = {
		{"Bern, 17.08.2007 - Rede von Jo Berg beim St\xc3\xa4" "dtegipfel", NULL, NULL,
		 "2007-08-17"},
		{"Feb. 23, 2015 -- Peanut allergies have been on the rise.", NULL, NULL,
		 "2015-02-23"},
		{"Hafenstadt, (12.11.2021). Die F\xc3\xa4hre f\xc3\xa4hrt wieder.", NULL, NULL,
		 "2021-11-12"},
		{"NEW YORK, Nov. 19, 2019 /PRNewswire/ -- Acme today announced", NULL, NULL,
		 "2019-11-19"},
		{"Hamburg, den 02. Dezember 2022 \xe2\x80\x93 Die Werft meldet", NULL, NULL,
		 "2022-12-02"},
		{"Z\xc3\xbcrich, 3. Mai 2021: Der See ist warm.", NULL, NULL, "2021-05-03"},
		{"Freitag, 5. Juni 2015", NULL, NULL, "2015-06-05"},
		/* sentences that name a date are no dateline */
		{"Am 8. November 2021 findet der Tag der Erinnerung statt.", NULL, NULL, NULL},
		{"Seit 4. August 2014 f\xc3\xa4hrt die F\xc3\xa4hre auch sonntags.", NULL, NULL, NULL},
		{"29 marca 2020 roku prom p\xc5\x82yn\xc4\x85\xc5\x82 d\xc5\x82u\xc5\xbc" "ej.", NULL, NULL, NULL},
		{"On 3 May 2021, the lake was warm.", NULL, NULL, NULL},
		{"Bern, the capital, 17.08.2007 - Rede", NULL, NULL, NULL},
		/* the URL's date, when the lead has none; the markup's first */
		{"The harbour closed on Monday.", "https://example.org/2019/02/10/storm/", NULL,
		 "2019-02-10"},
		{"Bern, 17.08.2007 - Rede", "https://example.org/2019/02/10/storm/", NULL,
		 "2007-08-17"},
		{"Bern, 17.08.2007 - Rede", "https://example.org/2019/02/10/storm/",
		 "2019-02-11T08:00:00+01:00", "2019-02-11T08:00:00+01:00"},
	};
	EXPECT_ALL(t, body_date(t[i].lead, t[i].url, t[i].had));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_marked_elements),
		cmocka_unit_test(test_comment_dates),
		cmocka_unit_test(test_dateline_above),
		cmocka_unit_test(test_date_line_below),
		cmocka_unit_test(test_weak_metas),
		cmocka_unit_test(test_url_dates),
		cmocka_unit_test(test_lead_dateline),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
