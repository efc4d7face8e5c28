/* Unit tests for dom-hint.c: the one class/id matcher, its three ways
 * to meet a word, and its tokenizer. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>
#include <libxml/HTMLparser.h>

#include "folio/dom.h"
#include "folio/dom-hint.h"
#include "all_strings.h"

static xmlDocPtr parse(const char *html)
{
	xmlDocPtr d = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
				     HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	assert_non_null(d);
	return d;
}

/* The first <tag> of the page. */
static xmlNodePtr el(xmlDocPtr d, const char *tag)
{
	return dom_find(xmlDocGetRootElement(d), tag);
}

static void test_tokens(void **state)
{
	static const char *const nav[] = { "nav", NULL };
	static const char *const ad[] = { "ad", NULL };
	(void)state;
	xmlDocPtr d = parse("<div class='Main-NAVBAR x'></div><p class='canvas'></p>"
			    "<span id='top-ad'></span><b class='address'></b>");
	assert_true(hint_token(el(d, "div"), nav));          /* a token starts so */
	assert_false(hint_token(el(d, "p"), nav));           /* inside a token: no */
	assert_true(hint_token_exact(el(d, "span"), ad));    /* the id's token */
	assert_false(hint_token_exact(el(d, "b"), ad));
	assert_true(hint_token(el(d, "b"), ad));             /* "address" starts "ad" */
	assert_true(hint_token_str("https://x.org/img/ad_300x250.png", ad));
	assert_false(hint_token_str(NULL, ad));
	xmlFreeDoc(d);
}

/* camelCase names are words too: "pubTime", "topAttributionWithDate" */
static void test_token_parts(void **state)
{
	static const char *const date[] = { "date", "time", NULL };
	(void)state;
	xmlDocPtr d = parse("<div id='pubTime'></div><p class='topAttributionWithDate'></p>"
			    "<span class='candidate runtimes'></span><b class='DATELINE'></b>"
			    "<i class='pubtime'></i>");
	assert_true(hint_token_part(el(d, "div"), date));
	assert_true(hint_token_part(el(d, "p"), date));
	assert_false(hint_token_part(el(d, "span"), date));  /* inside a word */
	assert_true(hint_token_part(el(d, "b"), date));      /* a token's start */
	assert_false(hint_token_part(el(d, "i"), date));     /* no case change */
	assert_false(hint_token(el(d, "div"), date));
	xmlFreeDoc(d);
}

static void test_inside(void **state)
{
	static const char *const words[] = { "share", "comment", NULL };
	static const char *const caption[] = { "caption", NULL };
	static const char *const credit[] = { "credit", NULL };
	(void)state;
	xmlDocPtr d = parse("<div class='Social-SHARE bar'></div><span id='comments'></span>"
			    "<p class='x'></p><i class='caption-credit caption-text'></i>"
			    "<u class='caption-credit'></u>");
	assert_true(hint_inside(el(d, "div"), words, NULL));
	assert_true(hint_inside(el(d, "span"), words, NULL));
	assert_false(hint_inside(el(d, "p"), words, NULL));
	/* avoid goes by name: one name without "credit" is enough */
	assert_true(hint_inside(el(d, "i"), caption, credit));
	assert_false(hint_inside(el(d, "u"), caption, credit));
	xmlFreeDoc(d);
}

/* A name of 128 bytes or more is no hint (and is not searched). */
static void test_inside_long_name(void **state)
{
	static const char *const words[] = { "hidden", NULL };
	char html[400];
	(void)state;
	snprintf(html, sizeof html, "<div class='%0*d-hidden'></div><p class='x-hidden'></p>",
		 140, 0);
	xmlDocPtr d = parse(html);
	assert_false(hint_inside(el(d, "div"), words, NULL));
	assert_true(hint_inside(el(d, "p"), words, NULL));
	xmlFreeDoc(d);
}

/* hint_attrs_token(_part) on class and id read once answer what
 * hint_token(_part) answer on the element, for every element of a page
 * whose names meet the words in the class, in the id, in both, in a
 * camelCase part, by case alone, or not at all. */
static void test_attrs_read_once(void **state)
{
	static const char *const date[] = { "date", "time", NULL };
	static const char *const author[] = { "author", NULL };
	static const char *const *const lists[] = { date, author };
	(void)state;
	xmlDocPtr d = parse("<div><p class='post-date'></p><p id='pubTime'></p>"
			    "<p class='x' id='AUTHOR-box'></p><p class='authorName' id='dateline'></p>"
			    "<p class='candidate' id='coauthor'></p><p title='date'></p><p></p>"
			    "<p class='entryWithDate by-Author'></p></div>");
	size_t seen = 0;
	for (xmlNodePtr n = el(d, "p"); n; n = n->next, seen++) {
		struct hint_attrs ha = {0};
		if (n->properties)
			hint_attrs_read(n, &ha);
		for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
			assert_int_equal(hint_attrs_token(&ha, lists[i]), hint_token(n, lists[i]));
			assert_int_equal(hint_attrs_token_part(&ha, lists[i]),
					 hint_token_part(n, lists[i]));
		}
	}
	assert_int_equal(seen, 8);
	xmlFreeDoc(d);
}

static const char letters[] = "aAbBc";

/* hint_marks_token sets list i's bit exactly when hint_token_str finds
 * a word of list i in the token: lists sharing words and first letters,
 * words that are prefixes of each other, every token of up to 4
 * letters in both cases. */
static void test_marks_match_each_list(void **state)
{
	static const char *const one[] = { "ab", "b", "cab", NULL };
	static const char *const two[] = { "ab", "abc", "ca", NULL };
	static const char *const three[] = { "bb", "a", NULL };
	static const char *const *const lists[] = { one, two, three, NULL };
	static struct hint_marks m;
	char tok[8];
	unsigned seen = 0;
	(void)state;
	hint_marks_build(&m, lists);
	for (size_t idx = 1; nth_string(letters, idx, 4, tok); idx++) {   /* 1: not "" */
		unsigned marks = hint_marks_token(&m, tok, strlen(tok));
		for (unsigned l = 0; lists[l]; l++)
			assert_int_equal(!!(marks & 1u << l), hint_token_str(tok, lists[l]));
		seen |= marks;
	}
	assert_int_equal(seen, 7);      /* every list met somewhere */
	/* t[0..len) only: "cabx" cut to "ca" is no "cab" */
	assert_int_equal(hint_marks_token(&m, "cabx", 2), 2);
}

static void test_next_token(void **state)
{
	const char *v = "  Main-nav__item2 ,x";
	const char *want[] = { "Main", "nav", "item2", "x" };
	size_t len, k = 0;
	(void)state;
	for (const char *t; (t = hint_next_token(v, &len)); v = t + len, k++) {
		assert_true(k < 4);
		assert_int_equal(len, strlen(want[k]));
		assert_memory_equal(t, want[k], len);
	}
	assert_int_equal(k, 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_token_parts),
		cmocka_unit_test(test_inside),
		cmocka_unit_test(test_inside_long_name),
		cmocka_unit_test(test_attrs_read_once),
		cmocka_unit_test(test_marks_match_each_list),
		cmocka_unit_test(test_next_token),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
