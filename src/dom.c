/* dom.c - iterative helpers over libxml2's HTML tree. */
#include <stdlib.h>
#include <string.h>
#include <libxml/uri.h>
#include "folio/dom.h"
#include "folio/text.h"
#include "folio/util-buf.h"
#include "folio/util-ascii.h"
#include "folio/util-url.h"

const char *dom_name(xmlNodePtr node)
{
	if (!node || node->type != XML_ELEMENT_NODE || !node->name)
		return "";
	return (const char *)node->name;
}

/* An attribute's value: HTML attributes hold one text child (entities
 * decoded); a bare attribute (<p hidden>) reads as "". */
static const char *attr_value(xmlAttrPtr a)
{
	return a->children && a->children->content ? (const char *)a->children->content : "";
}

/* Attribute name a is name, ignoring ASCII case; the first letters are
 * compared before the call. */
static bool attr_named(xmlAttrPtr a, const char *name)
{
	return a->name && (a->name[0] | 0x20) == ((unsigned char)name[0] | 0x20) &&
	       ascii_casecmp((const char *)a->name, name) == 0;
}

const char *dom_attr_raw(xmlNodePtr node, const char *name)
{
	if (!node || node->type != XML_ELEMENT_NODE)
		return NULL;
	for (xmlAttrPtr a = node->properties; a; a = a->next)
		if (attr_named(a, name))
			return attr_value(a);
	return NULL;
}

void dom_attrs(xmlNodePtr node, const char *const *names, const char **values)
{
	size_t n = 0;

	while (names[n])
		values[n++] = NULL;
	if (!node || node->type != XML_ELEMENT_NODE)
		return;
	/* each attribute's first letter folded once, not once per name
	 * (called on every element by the extraction's passes) */
	for (xmlAttrPtr a = node->properties; a; a = a->next) {
		if (!a->name)
			continue;
		int first = a->name[0] | 0x20;
		for (size_t i = 0; i < n; i++)
			if (!values[i] && ((unsigned char)names[i][0] | 0x20) == first &&
			    ascii_casecmp((const char *)a->name, names[i]) == 0)
				values[i] = attr_value(a);
	}
}

char *dom_attr(xmlNodePtr node, const char *name)
{
	const char *v = dom_attr_raw(node, name);

	if (!v)
		return NULL;
	return text_clean_dup(v, strlen(v));
}

bool dom_style_hides(const char *style)
{
	char buf[256];
	size_t k = 0;

	/* the declarations that matter come first; 255 bytes is plenty */
	for (; *style && k < sizeof buf - 1; style++)
		if (!ascii_isspace((unsigned char)*style))
			buf[k++] = (char)ascii_tolower((unsigned char)*style);
	buf[k] = '\0';
	return strstr(buf, "display:none") || strstr(buf, "visibility:hidden");
}

bool dom_hidden(xmlNodePtr n)
{
	const char *aria = dom_attr_raw(n, "aria-hidden");
	const char *style = dom_attr_raw(n, "style");

	return dom_attr_raw(n, "hidden") || (aria && ascii_casecmp(aria, "true") == 0) ||
	       (style && dom_style_hides(style));
}

/* Called for every element of every dom_text, so it looks at the name's
 * length and first letter before comparing. */
bool dom_breaks_line(xmlNodePtr n)
{
	const char *name;
	size_t len;

	if (!n || n->type != XML_ELEMENT_NODE || !n->name)
		return false;
	name = (const char *)n->name;
	len = strlen(name);
	switch (len) {
	case 1:
		return name[0] == 'p';
	case 2:
		return strcmp(name, "br") == 0 || strcmp(name, "li") == 0 ||
		       strcmp(name, "ul") == 0 || strcmp(name, "ol") == 0 ||
		       strcmp(name, "dl") == 0 || strcmp(name, "dt") == 0 ||
		       strcmp(name, "dd") == 0 || strcmp(name, "tr") == 0 ||
		       strcmp(name, "td") == 0 || strcmp(name, "th") == 0 ||
		       strcmp(name, "hr") == 0 ||
		       (name[0] == 'h' && name[1] >= '1' && name[1] <= '6');
	case 3:
		return strcmp(name, "div") == 0 || strcmp(name, "pre") == 0 ||
		       strcmp(name, "nav") == 0;
	default:
		break;
	}
	switch (name[0]) {
	case 'a':
		return strcmp(name, "article") == 0 || strcmp(name, "aside") == 0 ||
		       strcmp(name, "address") == 0;
	case 'b':
		return strcmp(name, "blockquote") == 0;
	case 'f':
		return strcmp(name, "footer") == 0 || strcmp(name, "figure") == 0 ||
		       strcmp(name, "figcaption") == 0;
	case 'h':
		return strcmp(name, "header") == 0;
	case 'm':
		return strcmp(name, "main") == 0;
	case 'o':
		return strcmp(name, "option") == 0;
	case 's':
		return strcmp(name, "section") == 0;
	case 't':
		return strcmp(name, "table") == 0;
	default:
		return false;
	}
}

/* Adds to *len the length s would have once white space runs are
 * collapsed; stops early, returning false, once *len passes limit, so a
 * short-line test never reads a long text node through. */
static bool collapsed_len_within(const char *s, size_t *len, size_t limit, bool *in_space)
{
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		bool sp = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f';
		if (!sp || !*in_space) {
			if (++*len > limit)
				return false;
		}
		*in_space = sp;
	}
	return true;
}

/* Nodes a bounded read walks at most: a short text is never spread
 * over more elements, and a nest of elements asked each for its text
 * (headings in links in headings...) read the whole nest below each
 * one: quadratic. */
#define TEXT_NODES_MAX 1024

/* The text below node; with a bound, past max bytes (cleaned) or
 * TEXT_NODES_MAX nodes either refused (NULL) or, when cut, stopped
 * (and cut to its first max bytes at a character's start). */
static char *text_below(xmlNodePtr node, size_t max, bool cut)
{
	struct buf b = { 0 };
	size_t approx = 0, nodes = 0;
	bool in_space = true, bounded = max != (size_t)-1, full = false;

	if (!node)
		return NULL;
	for (xmlNodePtr n = node; n && !b.oom && !full; ) {
		if (bounded && ++nodes > TEXT_NODES_MAX) {
			if (!cut) {
				buf_free(&b);
				return NULL;
			}
			break;
		}
		bool skip = n != node && dom_invisible(n);
		const char *content = NULL;

		if (!skip && (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
		    n->content)
			content = (const char *)n->content;
		/* a block's start and its end (= the next sibling's start) */
		bool gap = n != node && (dom_breaks_line(n) || dom_breaks_line(n->prev));
		if (gap) {
			if (!in_space)
				approx++;
			in_space = true;
		}
		if (bounded && content &&
		    !collapsed_len_within(content, &approx, max + 1, &in_space)) {
			if (!cut) {
				buf_free(&b);
				return NULL;
			}
			full = true;
		}
		if (gap)
			buf_char(&b, ' ');
		if (content && full)    /* enough: a long node's head */
			buf_add(&b, content, strnlen(content, 4 * max + 64));
		else if (content)
			buf_str(&b, content);
		n = dom_next(n, node, skip || n->type != XML_ELEMENT_NODE);
	}
	char *text = buf_take(&b);
	size_t len = text ? text_clean(text, strlen(text)) : 0;
	if (text && len > max) {
		if (!cut) {
			free(text);
			return NULL;
		}
		while (max > 0 && ((unsigned char)text[max] & 0xC0) == 0x80)
			max--;
		text[max] = '\0';
	}
	return text;
}

char *dom_text_max(xmlNodePtr node, size_t max)
{
	return text_below(node, max, false);
}

char *dom_text_head(xmlNodePtr node, size_t max)
{
	return text_below(node, max, true);
}

/* Does s hold a byte above ' ' (a UTF-8 lead or continuation byte is)? */
static bool has_printing_byte(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s > ' ')
			return true;
	return false;
}

/* text_below's walk, no text kept: its cleaned text is "" when every
 * byte it would read is white space or a control (text_clean keeps
 * none of them, nor the spaces put between blocks). */
bool dom_may_have_text(xmlNodePtr node)
{
	for (xmlNodePtr n = node; n; ) {
		bool skip = n != node && dom_invisible(n);
		if (!skip && (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
		    n->content && has_printing_byte((const char *)n->content))
			return true;
		n = dom_next(n, node, skip || n->type != XML_ELEMENT_NODE);
	}
	return false;
}

char *dom_text(xmlNodePtr node)
{
	if (!node)
		return strdup("");
	return dom_text_max(node, (size_t)-1);
}

xmlNodePtr dom_find(xmlNodePtr root, const char *name)
{
	for (xmlNodePtr n = root; n; n = dom_next(n, root, false))
		if (dom_is(n, name))
			return n;
	return NULL;
}

char *dom_base_url(xmlDocPtr doc, const char *doc_url)
{
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;

	for (xmlNodePtr n = root; n; n = dom_next(n, root, false)) {
		if (dom_is(n, "base")) {
			const char *href = dom_attr_raw(n, "href");
			if (href && *href) {
				char *r = url_resolve(doc_url, href);
				if (r)
					return r;
			}
			break;
		}
		if (dom_is(n, "body"))
			break;
	}
	if (!doc_url || !*doc_url)
		return NULL;
	return strdup(doc_url);
}
