/* test_util-url.c - the URL resolver, as a table: RFC 3986's own
 * examples (section 5.4) and what browsers do with links as they are
 * written in pages (non-ASCII, '|', "%zz", spaces, backslashes, IDN). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "folio/util-url.h"

struct row {
	const char *base, *href, *want;    /* want NULL: no URL */
};

/* url_resolve, and url_resolve_at with the base read once, twice over
 * (a page's links share one: reading it must not change it). */
static char *resolve_by(int how, const char *base, const char *href)
{
	if (how == 0)
		return url_resolve(base, href);
	struct url_base *b = url_base_new(base);
	assert_non_null(b);
	char *got = url_resolve_at(b, href);
	for (int i = 1; i < how; i++) {
		free(got);
		got = url_resolve_at(b, href);
	}
	url_base_free(b);
	return got;
}

static void check_rows(const struct row *rows, size_t n)
{
	int bad = 0;
	for (size_t k = 0; k < 3 * n; k++) {
		size_t i = k / 3;
		char *got = resolve_by((int)(k % 3), rows[i].base, rows[i].href);
		bool same = got && rows[i].want ? strcmp(got, rows[i].want) == 0 :
			    got == rows[i].want;
		if (!same) {
			print_error("base \"%s\" href \"%s\": want %s, got %s\n",
				    rows[i].base ? rows[i].base : "(null)",
				    rows[i].href ? rows[i].href : "(null)",
				    rows[i].want ? rows[i].want : "NULL", got ? got : "NULL");
			bad++;
		}
		free(got);
	}
	assert_int_equal(bad, 0);
}

#define RFC "http://a/b/c/d;p?q"

/* RFC 3986 5.4.1 and 5.4.2 (browsers add the '/' after a bare host). */
static void rfc3986_examples(void **state)
{
	(void)state;
	static const struct row rows[] = {
		{ RFC, "g:h", "g:h" }, { RFC, "g", "http://a/b/c/g" },
		{ RFC, "./g", "http://a/b/c/g" }, { RFC, "g/", "http://a/b/c/g/" },
		{ RFC, "/g", "http://a/g" }, { RFC, "//g", "http://g/" },
		{ RFC, "?y", "http://a/b/c/d;p?y" }, { RFC, "g?y", "http://a/b/c/g?y" },
		{ RFC, "#s", "http://a/b/c/d;p?q#s" }, { RFC, "g#s", "http://a/b/c/g#s" },
		{ RFC, "g?y#s", "http://a/b/c/g?y#s" }, { RFC, ";x", "http://a/b/c/;x" },
		{ RFC, "g;x", "http://a/b/c/g;x" }, { RFC, "g;x?y#s", "http://a/b/c/g;x?y#s" },
		{ RFC, ".", "http://a/b/c/" }, { RFC, "./", "http://a/b/c/" },
		{ RFC, "..", "http://a/b/" }, { RFC, "../", "http://a/b/" },
		{ RFC, "../g", "http://a/b/g" }, { RFC, "../..", "http://a/" },
		{ RFC, "../../", "http://a/" }, { RFC, "../../g", "http://a/g" },
		{ RFC, "../../../g", "http://a/g" }, { RFC, "../../../../g", "http://a/g" },
		{ RFC, "/./g", "http://a/g" }, { RFC, "/../g", "http://a/g" },
		{ RFC, "g.", "http://a/b/c/g." }, { RFC, ".g", "http://a/b/c/.g" },
		{ RFC, "g..", "http://a/b/c/g.." }, { RFC, "..g", "http://a/b/c/..g" },
		{ RFC, "./../g", "http://a/b/g" }, { RFC, "./g/.", "http://a/b/c/g/" },
		{ RFC, "g/./h", "http://a/b/c/g/h" }, { RFC, "g/../h", "http://a/b/c/h" },
		{ RFC, "g;x=1/./y", "http://a/b/c/g;x=1/y" },
		{ RFC, "g;x=1/../y", "http://a/b/c/y" },
		{ RFC, "g?y/./x", "http://a/b/c/g?y/./x" },
		{ RFC, "g?y/../x", "http://a/b/c/g?y/../x" },
		{ RFC, "g#s/./x", "http://a/b/c/g#s/./x" },
		{ RFC, "g#s/../x", "http://a/b/c/g#s/../x" },
		{ RFC, "http:g", "http://a/b/c/g" },     /* as browsers do */
	};
	check_rows(rows, sizeof rows / sizeof *rows);
}

#define PAGE "https://wiki.example/wiki/Pier"

/* Links as pages write them: encoded where a URL may not hold them,
 * kept as written everywhere else. */
static void browser_encoding(void **state)
{
	(void)state;
	static const struct row rows[] = {
		{ PAGE, "/wiki/Harbour", "https://wiki.example/wiki/Harbour" },
		{ PAGE, "/wiki/Caf\xc3\xa9", "https://wiki.example/wiki/Caf%C3%A9" },
		{ PAGE, "/search?q=tide|wind", "https://wiki.example/search?q=tide%7Cwind" },
		{ PAGE, "/wiki/100%zz", "https://wiki.example/wiki/100%25zz" },
		{ PAGE, "/wiki/100%", "https://wiki.example/wiki/100%25" },
		{ PAGE, "/wiki/100%4", "https://wiki.example/wiki/100%254" },
		{ PAGE, "/wiki/%41%c3%A9", "https://wiki.example/wiki/%41%c3%A9" },
		{ PAGE, "/a b", "https://wiki.example/a%20b" },
		{ PAGE, "  /x?y=1  ", "https://wiki.example/x?y=1" },
		{ PAGE, "/a\n\tb\r", "https://wiki.example/ab" },
		{ PAGE, "/x?a=<b>&c=\"d\"", "https://wiki.example/x?a=%3Cb%3E&c=%22d%22" },
		{ PAGE, "/x?a^b`c{d}", "https://wiki.example/x?a%5Eb%60c%7Bd%7D" },
		{ PAGE, "/x?q=a/b?c", "https://wiki.example/x?q=a/b?c" },
		{ PAGE, "/p;a=1,b=2!$&'()*+~@:", "https://wiki.example/p;a=1,b=2!$&'()*+~@:" },
		{ PAGE, "#a b", "https://wiki.example/wiki/Pier#a%20b" },
		{ PAGE, "/\xc3\xbc?\xc3\xbc#\xc3\xbc", "https://wiki.example/%C3%BC?%C3%BC#%C3%BC" },
		{ PAGE, "\\\\other.example\\x\\y?a\\b", "https://other.example/x/y?a%5Cb" },
		{ PAGE, "//Other.EXAMPLE/Path", "https://other.example/Path" },
		{ PAGE, "HTTP://A.Example/P", "http://a.example/P" },
		{ PAGE, "https://b\xc3\xbc" "cher.example/", "https://xn--bcher-kva.example/" },
		{ PAGE, "http://[::1]:8080/x", "http://[::1]:8080/x" },
		{ PAGE, "http://user:pw@host.example:81/", "http://user:pw@host.example:81/" },
		{ PAGE, "https:page2", "https://wiki.example/wiki/page2" },
		{ PAGE, "mailto:desk@wiki.example", "mailto:desk@wiki.example" },
		/* fuzz_url: a base's own dot segments go, even for "?q" */
		{ "https://a.example/b/../c/./d", "?q", "https://a.example/c/d?q" },
		/* fuzz_url: dot segments leaving "//" with no authority */
		{ NULL, "http:/w/..//@?0s", "http:/.//@?0s" },
		{ PAGE, "//cdn.example/i.png", "https://cdn.example/i.png" },
		/* An escaped host stays escaped: no control or bad byte appears. */
		{ "http://a%ff%1b%fe.example/dir/", "page", "http://a%ff%1b%fe.example/dir/page" },
		{ PAGE, "/a\x1b[31mb", "https://wiki.example/ab" },   /* escapes go */
		/* fuzz_url: IDNA maps "\u2049" to "!?": a host with a '?' is none */
		{ PAGE, "http://x\xe2\x81\x89y.example/", NULL },
		/* Not URLs: dangerous schemes, hosts that cannot be, empty. */
		{ PAGE, "javascript:alert(1)", NULL },
		{ PAGE, " JavaScript:alert(1)", NULL },
		{ PAGE, "java\nscript:alert(1)", NULL },
		{ PAGE, "data:text/html,<b>x</b>", NULL },
		{ PAGE, "vbscript:x", NULL },
		{ PAGE, "http://a b.example/", NULL },
		{ PAGE, "http://host.example:80a/", NULL },
		{ PAGE, "http://[::1/", NULL },
		{ PAGE, "", NULL },
		{ PAGE, " \t\n", NULL },
		{ PAGE, NULL, NULL },
	};
	check_rows(rows, sizeof rows / sizeof *rows);
}

/* A file's links (no <base>): paths relative to the file, kept as
 * written so they open as files. */
static void file_bases(void **state)
{
	(void)state;
	static const struct row rows[] = {
		{ "long.html", "links-b.html", "links-b.html" },
		{ "tests/ui/long.html", "links-b.html", "tests/ui/links-b.html" },
		{ "a/b/c.html", "../../../x.html", "../x.html" },
		{ "a/b/c.html", "./d/../e.html#top", "a/b/e.html#top" },
		{ "/srv/www/a.html", "b c.html", "/srv/www/b c.html" },
		{ "/srv/www/a.html", "/etc/x.html", "/etc/x.html" },
		{ "/srv/www/a.html", "https://x.example", "https://x.example/" },
		{ NULL, "x.html", "x.html" },
		{ NULL, "https://x.example/a|b", "https://x.example/a%7Cb" },
		{ "", "x.html", "x.html" },
		/* fuzz_url: a file name that is not UTF-8 comes out cleaned. */
		{ "a\xf3\xf3/b/c.html", "../", "a/" },
		/* ... and a first segment with ':' is no scheme */
		{ ".mml", "4./../.$/../http://x.h", "./http://x.h" },
		/* nor does a relative result start with '-': handed to a
		 * program ($BROWSER), it would be read as an option */
		{ "long.html", "--remote=x", "./--remote=x" },
		{ NULL, "-e", "./-e" },
		{ "./a.html", "./-e", "./-e" },
		{ "a/b.html", "-e", "a/-e" },
		{ "/srv/a.html", "-e", "/srv/-e" },
		{ NULL, "./-e", "./-e" },
	};
	check_rows(rows, sizeof rows / sizeof *rows);
}

static void is_http(void **state)
{
	(void)state;
	assert_true(url_is_http("http://a.example/"));
	assert_true(url_is_http("HTTPS://a.example"));
	assert_false(url_is_http("https:///x"));
	assert_false(url_is_http("https://"));
	assert_false(url_is_http("ftp://a.example/"));
	assert_false(url_is_http("mailto:x@a.example"));
	assert_false(url_is_http("/local/path.html"));
	assert_false(url_is_http(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rfc3986_examples),
		cmocka_unit_test(browser_encoding),
		cmocka_unit_test(file_bases),
		cmocka_unit_test(is_http),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
