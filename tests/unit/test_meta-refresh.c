/* test_meta-refresh.c - <meta http-equiv="refresh"> read from the parsed
 * page: what the parser sees as a tag counts, whatever the bytes look
 * like (comments, scripts, odd quoting, entities, UTF-16, <base>). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "folio/extract.h"
#include "folio/meta-refresh.h"

/* page (len bytes) as open.c reads a stub: parsed, then the refresh. */
static void expect_bytes(const char *page, size_t len, const char *base, long max,
			 const char *want)
{
	struct extract_input in = { .bytes = page, .len = len, .base_url = base };
	const char *why;
	xmlDocPtr doc = extract_parse(&in, &why);
	char *got = meta_refresh(doc, base, max);
	xmlFreeDoc(doc);
	if (!want && got)
		fail_msg("'%s' gave '%s', wanted none", page, got);
	if (want && (!got || strcmp(got, want) != 0))
		fail_msg("'%s' gave '%s', wanted '%s'", page, got ? got : "none", want);
	free(got);
}

static void expect(const char *page, const char *base, long max, const char *want)
{
	expect_bytes(page, strlen(page), base, max, want);
}

#define B "http://news.example/a/page.html"

static void refresh_forms(void **state)
{
	(void)state;
	expect("<meta http-equiv=\"refresh\" content=\"0; url=next\">", B, 10,
	       "http://news.example/a/next");
	expect("<META HTTP-EQUIV=Refresh CONTENT='5;URL=/top'>", B, 10,
	       "http://news.example/top");
	expect("<meta content=\"3, url='https://x.example/s?a=1&amp;b=2'\""
	       " http-equiv=\"refresh\"/>", B, 10, "https://x.example/s?a=1&b=2");
	expect("<meta http-equiv=refresh content=\"0;/rel\">", B, 10,
	       "http://news.example/rel");
	expect("<meta http-equiv=refresh content=0;url=/bare>", B, 10,
	       "http://news.example/bare");
	expect("<meta http-equiv=refresh content=\"0 ; URL = &#x2F;ent\">", B, 10,
	       "http://news.example/ent");
	expect("<meta data-x=\"a>b\" http-equiv=\"refresh\" content=\"1;url=/gt\">", B, 10,
	       "http://news.example/gt");
	expect("<meta http-equiv=\"refresh\"content=\"0;url=/tight\">", B, 10,
	       "http://news.example/tight");
	expect("<meta http-equiv=refresh content=\".5; url=/half\">", B, 10,
	       "http://news.example/half");
	expect("<meta http-equiv=refresh content='0; url=\"/a b\"'>", B, 10,
	       "http://news.example/a%20b");
	/* In the body, as some redirect pages have it. */
	expect("<html><body><p>Moved.</p><meta http-equiv=refresh content=\"0;url=/b\"></body></html>",
	       B, 10, "http://news.example/b");
}

/* What only looks like a tag in the bytes is no refresh. */
static void not_tags(void **state)
{
	(void)state;
	expect("<script>var s = '<meta http-equiv=\"refresh\" content=\"0; url=/evil\">';"
	       "</script><p>Hello</p>", B, 10, NULL);
	expect("<style>/* <meta http-equiv=refresh content=\"0;url=/evil\"> */</style><p>x</p>",
	       B, 10, NULL);
	expect("<!-- <meta http-equiv=refresh content=\"0; url=/x\"> --><p>", B, 10, NULL);
	expect("<p title='<meta http-equiv=refresh content=\"0;url=/evil\">'>x</p>", B, 10, NULL);
	expect("<meta name=description content=\"0; url=/x\">", B, 10, NULL);
	expect("<metadata><meta charset=utf-8>", B, 10, NULL);
}

/* Too slow, no target, other schemes: none; the first refresh decides. */
static void refused(void **state)
{
	(void)state;
	expect("<meta http-equiv=refresh content=\"30; url=/x\">", B, 10, NULL);
	expect("<meta http-equiv=refresh content=\"5\">", B, 10, NULL);
	expect("<meta http-equiv=refresh content=\"soon; url=/x\">", B, 10, NULL);
	expect("<meta http-equiv=refresh content=\"0; url=file:///etc/passwd\">", B, 10, NULL);
	expect("<meta http-equiv=refresh content=\"0; url=javascript:alert(1)\">", B, 10, NULL);
	expect("<meta http-equiv=refresh content=\"0; url=/x\">", NULL, 10, NULL);
	expect("<meta http-equiv=refresh content=\"60; url=/slow\">"
	       "<meta http-equiv=refresh content=\"0; url=/fast\">", B, 10, NULL);
	expect("<meta http-equiv=refresh content=\"99999999999999999999; url=/x\">", B,
	       10, NULL);
}

/* The page's <base> is the base, as for links. */
static void base_element(void **state)
{
	(void)state;
	expect("<head><base href=\"https://other.example/dir/\">"
	       "<meta http-equiv=refresh content=\"0; url=next.html\"></head>", B, 10,
	       "https://other.example/dir/next.html");
}

/* A UTF-16 page: the bytes hold no "<meta" at all, the DOM does. */
static void utf16(void **state)
{
	(void)state;
	const char *ascii = "<html><head><meta http-equiv=\"refresh\" content=\"0; url=/u16\">"
			    "</head><body><p>Moved</p></body></html>";
	size_t n = strlen(ascii);
	char *page = malloc(2 * n + 2);
	assert_non_null(page);
	page[0] = (char)0xff;
	page[1] = (char)0xfe;
	for (size_t i = 0; i < n; i++) {
		page[2 + 2 * i] = ascii[i];
		page[3 + 2 * i] = 0;
	}
	expect_bytes(page, 2 * n + 2, B, 10, "http://news.example/u16");
	free(page);
}

static void parse_content(void **state)
{
	(void)state;
	const char *t;
	size_t n;
	assert_int_equal(meta_refresh_parse("7;url='/x' trailing", &t, &n), 7);
	assert_int_equal(n, 2);
	assert_memory_equal(t, "/x", 2);
	assert_int_equal(meta_refresh_parse("  2  ,  /y  ", &t, &n), 2);
	assert_int_equal(n, 2);
	assert_int_equal(meta_refresh_parse("99999999999999999999;url=/x", &t, &n), 100000);
	assert_int_equal(meta_refresh_parse("3", &t, &n), -1);
	assert_int_equal(meta_refresh_parse("3;", &t, &n), -1);
	assert_int_equal(meta_refresh_parse("3x;url=/z", &t, &n), -1);
	assert_int_equal(meta_refresh_parse("", &t, &n), -1);
	assert_int_equal(meta_refresh_parse(NULL, &t, &n), -1);
	assert_int_equal(meta_refresh_parse("1; url=\"\"", &t, &n), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(refresh_forms),
		cmocka_unit_test(not_tags),
		cmocka_unit_test(refused),
		cmocka_unit_test(base_element),
		cmocka_unit_test(utf16),
		cmocka_unit_test(parse_content),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
