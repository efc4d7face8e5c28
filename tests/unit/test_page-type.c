/* test_page-type.c - HTML, feed or refused: the content type and the
 * root element (past BOM, XML declaration, comments, processing
 * instructions and DOCTYPE, in UTF-8, UTF-16 and UTF-32). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "folio/page-type.h"

static enum page_root root(const char *s)
{
	return page_type_root(s, strlen(s));
}

/* s (ASCII) as UTF-16 or UTF-32 code units, with or without a BOM. */
static char *widen(const char *s, size_t unit, bool big, bool bom, size_t *len)
{
	size_t n = strlen(s), o = 0, skip = bom ? 1 : 0;
	char *w = calloc(n + 1, unit);
	assert_non_null(w);
	for (size_t i = 0; i < n + skip; i++) {
		unsigned long v = bom && i == 0 ? 0xfeff : (unsigned char)s[i - skip];
		for (size_t k = 0; k < unit; k++)
			w[o + (big ? unit - 1 - k : k)] = (char)((v >> (8 * k)) & 0xff);
		o += unit;
	}
	*len = o;
	return w;
}

static void roots(void **state)
{
	(void)state;
	assert_int_equal(root("<rss version=\"2.0\">"), PAGE_ROOT_FEED);
	assert_int_equal(root("\xef\xbb\xbf<?xml version=\"1.0\"?>\n<!-- c -->\n<rss>"), PAGE_ROOT_FEED);
	assert_int_equal(root("<feed xmlns=\"http://www.w3.org/2005/Atom\">"), PAGE_ROOT_FEED);
	assert_int_equal(root("<atom:feed xmlns:atom=\"x\">"), PAGE_ROOT_FEED);
	assert_int_equal(root("<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\">"), PAGE_ROOT_FEED);
	assert_int_equal(root("<RDF>"), PAGE_ROOT_FEED);
	assert_int_equal(root("<rdf>"), PAGE_ROOT_ELEMENT);     /* XML names keep case */
	assert_int_equal(root("<feedback>"), PAGE_ROOT_ELEMENT);
	assert_int_equal(root("<?xml version=\"1.0\"?><feedx/>"), PAGE_ROOT_XML);
	assert_int_equal(root("<!DOCTYPE html><p>"), PAGE_ROOT_HTML);
	assert_int_equal(root("\xef\xbb\xbf\n  <HTML>"), PAGE_ROOT_HTML);
	assert_int_equal(root("<!doctype HTML>"), PAGE_ROOT_HTML);
	assert_int_equal(root("<!-- <rss> --><html>"), PAGE_ROOT_HTML);
	assert_int_equal(root("<head><title>x</title>"), PAGE_ROOT_ELEMENT);
	assert_int_equal(root("<?xml-stylesheet href=\"a.xsl\"?><rss>"), PAGE_ROOT_FEED);
	assert_int_equal(root("%PDF-1.4"), PAGE_ROOT_NONE);
	assert_int_equal(root("{\"a\":1}"), PAGE_ROOT_NONE);
	assert_int_equal(root(""), PAGE_ROOT_NONE);
	assert_int_equal(root("<!-- never closed <rss>"), PAGE_ROOT_NONE);
	assert_int_equal(root("< rss>"), PAGE_ROOT_NONE);
	assert_int_equal(page_type_root(NULL, 0), PAGE_ROOT_NONE);
	/* A DOCTYPE whose internal subset and strings hold '>' and '['. */
	assert_int_equal(root("<!DOCTYPE rss [ <!ENTITY a \"<b>]>\"> <!ENTITY c 'd>'> ]>\n<rss>"),
			 PAGE_ROOT_FEED);
	assert_int_equal(root("<!DOCTYPE x [ <!ENTITY a \">\">"), PAGE_ROOT_NONE);
}

static void wide_roots(void **state)
{
	(void)state;
	const char *doc = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!-- c -->\n<rss version=\"2.0\">";
	for (size_t unit = 2; unit <= 4; unit += 2)
		for (int big = 0; big < 2; big++)
			for (int bom = 0; bom < 2; bom++) {
				size_t n;
				char *w = widen(doc, unit, big, bom, &n);
				if (page_type_root(w, n) != PAGE_ROOT_FEED)
					fail_msg("UTF-%zu%s%s: not a feed", unit * 8,
						 big ? "BE" : "LE", bom ? " with BOM" : "");
				free(w);
			}
	size_t n;
	char *w = widen("<!DOCTYPE html><html>", 2, false, true, &n);
	assert_int_equal(page_type_root(w, n), PAGE_ROOT_HTML);
	free(w);
}

struct row {
	const char *type, *body;
	bool strict;
	enum page_type want;
};

static void decisions(void **state)
{
	(void)state;
	const char *rss = "<?xml version=\"1.0\"?><rss><channel>";
	const char *html = "<!DOCTYPE html><html><body><p>x";
	const char *xml = "<?xml version=\"1.0\"?><catalog/>";
	const struct row rows[] = {
		{ "application/x-rss+xml", rss, true, PAGE_TYPE_FEED },
		{ "application/rss+xml", rss, true, PAGE_TYPE_FEED },
		{ "application/rss+xml", "", true, PAGE_TYPE_FEED },   /* the parser says why */
		{ "application/rdf+xml", rss, true, PAGE_TYPE_FEED },
		{ "application/atom+xml", xml, true, PAGE_TYPE_FEED },
		{ "application/x-atom+xml", rss, true, PAGE_TYPE_FEED },
		{ "application/xml", rss, true, PAGE_TYPE_FEED },
		{ "text/xml", rss, true, PAGE_TYPE_FEED },
		{ "application/xml", xml, true, PAGE_TYPE_REFUSED },
		{ "text/xml", "", true, PAGE_TYPE_REFUSED },
		{ "application/xml", html, true, PAGE_TYPE_HTML },
		{ "application/rss+xml", html, true, PAGE_TYPE_HTML },
		{ "text/html", html, true, PAGE_TYPE_HTML },
		{ "text/html", rss, true, PAGE_TYPE_FEED },
		{ "text/html", "plain words", true, PAGE_TYPE_HTML },
		{ "application/xhtml+xml", html, true, PAGE_TYPE_HTML },
		{ "image/svg+xml", "<svg>", true, PAGE_TYPE_REFUSED },
		{ "application/pdf", "%PDF", true, PAGE_TYPE_REFUSED },
		{ "application/octet-stream", rss, true, PAGE_TYPE_REFUSED },
		{ "application/json", "{}", false, PAGE_TYPE_REFUSED },
		{ NULL, rss, true, PAGE_TYPE_FEED },
		{ "", html, true, PAGE_TYPE_HTML },
		{ NULL, "<head><title>t</title>", true, PAGE_TYPE_HTML },
		{ NULL, "%PDF-1.4", true, PAGE_TYPE_REFUSED },
		{ NULL, "%PDF-1.4", false, PAGE_TYPE_HTML },    /* a file: read as text */
		{ NULL, xml, true, PAGE_TYPE_REFUSED },
		{ NULL, "just text", false, PAGE_TYPE_HTML },
	};
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		enum page_type got = page_type_of(rows[i].type, rows[i].body, strlen(rows[i].body),
						  rows[i].strict);
		if (got != rows[i].want)
			fail_msg("row %zu (%s, \"%s\"): %d, wanted %d", i,
				 rows[i].type ? rows[i].type : "no type", rows[i].body, got, rows[i].want);
	}
}

static void accepts(void **state)
{
	(void)state;
	assert_true(page_type_accepts_html("text/html", NULL));
	assert_true(page_type_accepts_html("application/xhtml+xml", NULL));
	assert_true(page_type_accepts_html("", NULL));
	assert_false(page_type_accepts_html("application/x-rss+xml", NULL) &&
		     !page_type_accepts_any("application/x-rss+xml", NULL));
	assert_true(page_type_accepts_any("application/x-rss+xml", NULL));
	assert_true(page_type_accepts_any("application/rss", NULL));
	assert_true(page_type_accepts_any("text/xml", NULL));
	assert_false(page_type_accepts_any("image/png", NULL));
	assert_false(page_type_accepts_any("application/pdf", NULL));
	assert_false(page_type_accepts_html("application/json", NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(roots),
		cmocka_unit_test(wide_roots),
		cmocka_unit_test(decisions),
		cmocka_unit_test(accepts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
