/* Unit tests for dom.c: walking, attributes, text, hints, URLs. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <libxml/HTMLparser.h>

#include "folio/dom.h"
#include "folio/text.h"

static xmlDocPtr parse(const char *html)
{
	xmlDocPtr d = htmlReadMemory(html, (int)strlen(html), "http://example.org/a/b.html", "UTF-8",
				     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
				     HTML_PARSE_NONET | XML_PARSE_HUGE);
	assert_non_null(d);
	return d;
}

static void test_next_preorder(void **state)
{
	(void)state;
	xmlDocPtr d = parse("<body><div id=r><p>a<b>b</b></p><p>c</p></div><p>after</p></body>");
	xmlNodePtr root = dom_find(xmlDocGetRootElement(d), "div");
	char names[128] = "";
	for (xmlNodePtr n = root; n; n = dom_next(n, root, false))
		if (n->type == XML_ELEMENT_NODE) {
			strcat(names, dom_name(n));
			strcat(names, ",");
		}
	assert_string_equal(names, "div,p,b,p,");
	/* skipping children of the first p goes straight to the second */
	xmlNodePtr p1 = dom_find(root, "p");
	xmlNodePtr n = dom_next(p1, root, true);
	assert_true(dom_is(n, "p"));
	assert_ptr_not_equal(n, p1);
	xmlFreeDoc(d);
}

static void test_attr(void **state)
{
	(void)state;
	xmlDocPtr d = parse("<p title=\"  x\x1b[31m &amp;\xc2\xa0y \" data-e=\"\"></p>");
	xmlNodePtr p = dom_find(xmlDocGetRootElement(d), "p");
	char *t = dom_attr(p, "title");
	assert_string_equal(t, "x & y");
	free(t);
	assert_null(dom_attr(p, "data-e"));
	assert_null(dom_attr(p, "missing"));
	assert_non_null(dom_attr_raw(p, "data-e"));
	xmlFreeDoc(d);
}

static void test_text(void **state)
{
	(void)state;
	xmlDocPtr d = parse("<div><p>One <b>bold</b>word.</p><p>Two</p>three<script>var x;</script>"
			    "<style>p{}</style><ul><li>a</li><li>b</li></ul></div>");
	char *t = dom_text(dom_find(xmlDocGetRootElement(d), "div"));
	assert_string_equal(t, "One boldword. Two three a b");
	free(t);
	xmlFreeDoc(d);
}

/* The bound counts collapsed text: white space runs count once, a
 * long text node ends the walk as soon as it passes the bound. */
static void test_text_max(void **state)
{
	(void)state;
	char html[4096];
	snprintf(html, sizeof html, "<div><p>By <b>Jane</b>%*s Roe</p><p>%0*d</p></div>",
		 1000, "", 2000, 7);
	xmlDocPtr d = parse(html);
	xmlNodePtr p = dom_find(xmlDocGetRootElement(d), "p");
	char *t = dom_text_max(p, 11);
	assert_string_equal(t, "By Jane Roe");
	free(t);
	assert_null(dom_text_max(p, 10));
	assert_null(dom_text_max(p->next, 1999));
	t = dom_text_max(p->next, 2000);
	assert_non_null(t);
	assert_int_equal(strlen(t), 2000);
	free(t);
	assert_null(dom_text_max(p->parent, 100));
	xmlFreeDoc(d);
}

/* The head of a long text: cut at the bound, never inside a character,
 * white space collapsed as in dom_text. */
static void test_text_head(void **state)
{
	(void)state;
	xmlDocPtr d = parse("<div><p>See   <b>also</b><br>\xc3\xa9t\xc3\xa9 long</p><p>Two</p></div>");
	xmlNodePtr div = dom_find(xmlDocGetRootElement(d), "div");
	char *t = dom_text_head(div, 9);
	assert_string_equal(t, "See also ");
	free(t);
	t = dom_text_head(div, 10);     /* the next character takes 2 bytes */
	assert_string_equal(t, "See also ");
	free(t);
	t = dom_text_head(div, 11);
	assert_string_equal(t, "See also \xc3\xa9");
	free(t);
	t = dom_text_head(div, 1000);
	assert_string_equal(t, "See also \xc3\xa9t\xc3\xa9 long Two");
	free(t);
	xmlFreeDoc(d);
}

/* A bounded read walks at most 1 024 nodes: a short text spread over
 * more is "too long" for dom_text_max and cut there for dom_text_head
 * (each of a nest of headings and links read the whole nest below it:
 * quadratic).  dom_text reads everything. */
static void test_text_bounded_walk(void **state)
{
	static const struct {
		int empty;              /* empty elements before the word */
		const char *max, *head; /* dom_text_max(, 100), dom_text_head(, 100) */
	} rows[] = {
		{ 0, "word", "word" },
		{ 1000, "word", "word" },
		{ 1022, "word", "word" },       /* the div, 1 022 <i>, the text: 1 024 */
		{ 1023, NULL, "" },
		{ 5000, NULL, "" },
	};
	(void)state;
	for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
		char *html = malloc((size_t)rows[r].empty * 7 + 64);
		size_t n = (size_t)sprintf(html, "<div>");
		for (int i = 0; i < rows[r].empty; i++)
			n += (size_t)sprintf(html + n, "<i></i>");
		sprintf(html + n, "word</div>");
		xmlDocPtr d = parse(html);
		free(html);
		xmlNodePtr div = dom_find(xmlDocGetRootElement(d), "div");
		char *max = dom_text_max(div, 100), *head = dom_text_head(div, 100),
		     *all = dom_text(div);
		if (rows[r].max)
			assert_string_equal(max, rows[r].max);
		else
			assert_null(max);
		assert_string_equal(head, rows[r].head);
		assert_string_equal(all, "word");
		free(max);
		free(head);
		free(all);
		xmlFreeDoc(d);
	}
}

/* dom_may_have_text against dom_text itself on every element of a few
 * pages: false only where dom_text is "", true on each element with
 * text (and on a no-break space alone, which dom_text cleans away). */
static void test_may_have_text(void **state)
{
	static const char *const pages[] = {
		"<div><svg><g>\n  <path/>\n</g></svg><span>\xc2\xa0</span></div><p> x </p>",
		"<ul>\n <li><a href=x><img src=a></a></li>\n <li>\t\r</li>\n</ul>",
		"<div><script>var x = 1;</script><style>p{}</style><noscript>Hi</noscript></div>",
		"<section><div><div>   </div></div><figure><figcaption>\xc3\xa9</figcaption></figure></section>",
		"<p>\x01\x02 \x1f</p><template>Later</template><b></b>",
	};
	int with_text = 0, without = 0;
	(void)state;
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		xmlDocPtr d = parse(pages[i]);
		xmlNodePtr root = xmlDocGetRootElement(d);
		for (xmlNodePtr n = root; n; n = dom_next(n, root, false)) {
			if (n->type != XML_ELEMENT_NODE)
				continue;
			char *t = dom_text(n);
			assert_non_null(t);
			bool may = dom_may_have_text(n);
			if (!may)
				assert_string_equal(t, "");
			else if (!*t)   /* cleaned away: only the no-break space */
				assert_non_null(dom_find(n, "span"));
			if (*t)
				assert_true(may);
			with_text += *t != '\0';
			without += !may;
			free(t);
		}
		xmlFreeDoc(d);
	}
	assert_true(with_text > 10 && without > 10);
}

static void test_text_deep(void **state)
{
	(void)state;
	/* 100 000 levels: no recursion, so no stack overflow */
	size_t depth = 100000;
	char *html = malloc(depth * 11 + 64);
	size_t n = 0;
	for (size_t i = 0; i < depth; i++)
		n += (size_t)sprintf(html + n, "<div>");
	n += (size_t)sprintf(html + n, "deep text");
	html[n] = '\0';
	xmlDocPtr d = parse(html);
	free(html);
	char *t = dom_text(xmlDocGetRootElement(d));
	assert_string_equal(t, "deep text");
	free(t);
	xmlFreeDoc(d);
}

static void test_base_url(void **state)
{
	(void)state;
	xmlDocPtr d = parse("<html><head><base href='/root/'></head><body></body></html>");
	char *b = dom_base_url(d, "http://e.org/a/b.html");
	assert_string_equal(b, "http://e.org/root/");
	free(b);
	xmlFreeDoc(d);
	d = parse("<html><head></head><body><p>x</p></body></html>");
	b = dom_base_url(d, "http://e.org/a/b.html");
	assert_string_equal(b, "http://e.org/a/b.html");
	free(b);
	assert_null(dom_base_url(d, NULL));
	xmlFreeDoc(d);
}

/* Hidden: the attribute, aria-hidden (any case), a style that hides
 * with any spacing or case; a style that shows, or "none" elsewhere, is
 * not. */
static void test_hidden(void **state)
{
	static const struct { const char *attrs; bool hidden; } cases[] = {
		{ "", false }, { "hidden", true }, { "aria-hidden=\"TRUE\"", true },
		{ "aria-hidden=\"false\"", false }, { "style=\"display:none\"", true },
		{ "style=\"color:red; Display : None\"", true },
		{ "style=\"visibility: hidden\"", true }, { "style=\"display:block\"", false },
		{ "style=\"border:none\"", false },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char html[256];
		snprintf(html, sizeof html, "<html><body><div %s>x</div></body></html>",
			 cases[i].attrs);
		htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
						HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
		xmlNodePtr div = dom_find(xmlDocGetRootElement(doc), "div");
		assert_non_null(div);
		if (dom_hidden(div) != cases[i].hidden)
			fail_msg("<div %s>: expected %s", cases[i].attrs,
				 cases[i].hidden ? "hidden" : "shown");
		xmlFreeDoc(doc);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_next_preorder),
		cmocka_unit_test(test_attr),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_text_max),
		cmocka_unit_test(test_text_head),
		cmocka_unit_test(test_text_bounded_walk),
		cmocka_unit_test(test_may_have_text),
		cmocka_unit_test(test_text_deep),
		cmocka_unit_test(test_base_url),
		cmocka_unit_test(test_hidden),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
