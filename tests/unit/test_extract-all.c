/* test_extract-all.c - a page's whole text (extract-all.h): every text
 * in order as plain paragraphs, what extraction drops kept, scripts and
 * styles out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "folio/extract.h"
#include "folio/extract-all.h"

/* The page's whole text: its paragraphs joined with " | ". */
static char *whole(const char *html, enum status_code *rc, struct article **keep)
{
	struct extract_input in = { .bytes = html, .len = strlen(html),
				    .base_url = "http://example.org/a" };
	const char *why = NULL;
	xmlDocPtr doc = extract_parse(&in, &why);
	struct article *a = NULL;
	assert_non_null(doc);
	*rc = extract_all_text(doc, in.base_url, &a, &why);
	xmlFreeDoc(doc);
	if (*rc != STATUS_OK) {
		assert_null(a);
		assert_non_null(why);
		return NULL;
	}
	size_t len = 1;
	for (size_t i = 0; i < a->nblocks; i++)
		len += a->blocks[i].len + 3;
	char *s = calloc(1, len);
	assert_non_null(s);
	for (size_t i = 0; i < a->nblocks; i++) {
		assert_int_equal(a->blocks[i].type, BLOCK_P);
		assert_int_equal(a->blocks[i].nlinks, 0);
		if (i)
			strcat(s, " | ");
		strcat(s, a->blocks[i].text);
	}
	if (keep)
		*keep = a;
	else
		article_free(a);
	return s;
}

static void test_every_text_in_order(void **state)
{
	(void)state;
	enum status_code rc;
	struct article *a;
	char *s = whole("<html><head><title>Pier &amp; ferry</title>"
			"<style>p{color:red}</style><script>var x = 1;</script></head>"
			"<body><nav><a href=/>Home</a> <a href=/n>News</a></nav>"
			"<div class=cookie>We use cookies</div>"
			"<article><h1>The pier</h1><p>First <b>bold</b>word and "
			"<a href=x>a link</a>.</p><p>Second<br>line two</p>"
			"<ul><li>one</li><li>two</li></ul>"
			"<table><tr><td>cell a</td><td>cell b</td></tr></table></article>"
			"<noscript>enable js</noscript>"
			"<footer>\xc2\xa9 2024 Harbour   Gazette</footer>"
			"<p hidden>hidden text</p></body></html>", &rc, &a);
	assert_int_equal(rc, STATUS_OK);
	assert_string_equal(s, "Home News | We use cookies | The pier | First boldword and "
			    "a link. | Second | line two | one | two | cell a | cell b | "
			    "\xc2\xa9 2024 Harbour Gazette | hidden text");
	assert_string_equal(a->title, "Pier & ferry");
	assert_string_equal(a->url, "http://example.org/a");
	assert_int_equal(a->kind, PAGE_ARTICLE);
	article_free(a);
	free(s);
}

/* Terminal escapes never reach the text; white space collapses. */
static void test_text_cleaned(void **state)
{
	(void)state;
	enum status_code rc;
	char *s = whole("<p>just \x1b[2Jtext here, an escape inside</p><div>and\tmore</div>", &rc, NULL);
	assert_int_equal(rc, STATUS_OK);
	assert_string_equal(s, "just text here, an escape inside | and more");
	free(s);
}

static void test_no_text(void **state)
{
	(void)state;
	enum status_code rc;
	assert_null(whole("<html><body><script>x()</script><div> </div></body></html>",
			  &rc, NULL));
	assert_int_equal(rc, STATUS_NO_ARTICLE);
}

/* Deep nesting: no recursion per level. */
static void test_deep(void **state)
{
	(void)state;
	enum { DEPTH = 100000 };
	size_t cap = DEPTH * 11 + 64;
	char *html = malloc(cap), *p = html;
	assert_non_null(html);
	for (int i = 0; i < DEPTH; i++)
		p += sprintf(p, "<div>");
	p += sprintf(p, "deep");
	for (int i = 0; i < DEPTH; i++)
		p += sprintf(p, "</div>");
	enum status_code rc;
	char *s = whole(html, &rc, NULL);
	assert_int_equal(rc, STATUS_OK);
	assert_string_equal(s, "deep");
	free(s);
	free(html);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_text_in_order),
		cmocka_unit_test(test_text_cleaned),
		cmocka_unit_test(test_no_text),
		cmocka_unit_test(test_deep),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
