/* feed-parse.c - RSS 2.0, RSS 1.0/RDF and Atom parsing with libxml2.
 *
 * Safety: the XML parser runs with XML_PARSE_NONET and without NOENT,
 * DTDLOAD, DTDATTR or HUGE, and its SAX hooks that would fetch an
 * external subset or entity are replaced by ones that fetch nothing.
 * Text is collected from text nodes only: an entity reference node is
 * never expanded (its declared content could be a billion laughs or an
 * external file); only an HTML entity name (&nbsp;) becomes its
 * character.  No walk recurses per tree level. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include "folio/charset.h"
#include "folio/date.h"
#include "folio/feed-parse.h"
#include "folio/dom.h"
#include "folio/status.h"
#include "folio/text.h"
#include "folio/util-ascii.h"
#include "folio/util-buf.h"
#include "folio/util-url.h"

#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_ATOM "http://www.w3.org/2005/Atom"
#define NS_ATOM03 "http://purl.org/atom/ns#"

/* ---- text out of the XML tree -------------------------------------- */

/* An entity reference that libxml2 kept in the tree: only a name HTML
 * knows (feeds write &nbsp; and &mdash; without declaring them) gives
 * text; a declared entity's content is never looked at. */
static void add_entity(struct buf *b, const xmlChar *name)
{
	const htmlEntityDesc *e = name ? htmlEntityLookup(name) : NULL;
	char u[8];
	int n;

	if (!e)
		return;
	n = xmlCopyCharMultiByte((xmlChar *)u, (int)e->value);
	if (n > 0)
		buf_add(b, u, (size_t)n);
}

/* The raw (uncleaned) text below node, malloc'd, or NULL when empty or
 * on OOM.  Element edges add a space so "<p>a</p><p>b</p>" stays two
 * words (XHTML content). */
static char *node_raw(xmlNodePtr node)
{
	struct buf b = { 0 };

	for (xmlNodePtr n = node->children; n; n = dom_next(n, node, n->type != XML_ELEMENT_NODE)) {
		if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content)
			buf_add(&b, (const char *)n->content, strlen((const char *)n->content));
		else if (n->type == XML_ENTITY_REF_NODE)
			add_entity(&b, n->name);
		else if (n->type == XML_ELEMENT_NODE)
			buf_add(&b, " ", 1);
	}
	if (!b.len) {           /* nothing, or out of memory */
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

/* An attribute's value from its text children (entity refs as above). */
static char *attr_raw(xmlNodePtr node, const char *name)
{
	struct buf b = { 0 };
	xmlAttrPtr a;

	if (!node || node->type != XML_ELEMENT_NODE)
		return NULL;
	for (a = node->properties; a; a = a->next)
		if (a->name && strcmp((const char *)a->name, name) == 0)
			break;
	if (!a)
		return NULL;
	for (xmlNodePtr n = a->children; n; n = n->next) {
		if (n->type == XML_TEXT_NODE && n->content)
			buf_add(&b, (const char *)n->content, strlen((const char *)n->content));
		else if (n->type == XML_ENTITY_REF_NODE)
			add_entity(&b, n->name);
	}
	if (!b.len) {           /* nothing, or out of memory */
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

static char *attr_clean(xmlNodePtr node, const char *name)
{
	char *raw = attr_raw(node, name), *s;

	if (!raw)
		return NULL;
	s = text_clean_dup(raw, strlen(raw));
	free(raw);
	return s;
}

static char *take_clean(char *raw)
{
	char *s;

	if (!raw)
		return NULL;
	s = text_clean_dup(raw, strlen(raw));
	free(raw);
	return s;
}

/* HTML (a summary, an escaped title) -> plain cleaned text. */
static char *html_to_text(char *raw)
{
	size_t len = text_strip_escapes(raw, strlen(raw));
	htmlDocPtr d;
	char *s = NULL;

	if (!memchr(raw, '<', len) && !memchr(raw, '&', len))
		return take_clean(raw);
	d = htmlReadMemory(raw, (int)len, NULL, "UTF-8",
			   HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
			   HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	if (d && xmlDocGetRootElement(d))
		s = dom_text(xmlDocGetRootElement(d));
	xmlFreeDoc(d);
	free(raw);
	if (s && !*s) {
		free(s);
		s = NULL;
	}
	return s;
}

/* Cut a summary to FEED_SUMMARY_MAX bytes at a character boundary. */
static void cap_summary(char *s)
{
	static const char ell[] = "\xe2\x80\xa6";
	size_t cut;

	if (!s || strlen(s) <= FEED_SUMMARY_MAX)
		return;
	cut = text_utf8_floor(s, FEED_SUMMARY_MAX - (sizeof ell - 1));
	while (cut > 0 && s[cut - 1] == ' ')
		cut--;
	memcpy(s + cut, ell, sizeof ell);
}

/* ---- namespaces --------------------------------------------------- */

struct ctx {
	xmlDocPtr doc;
	const char *url;
	const xmlChar *core;   /* the feed vocabulary's namespace, or NULL */
	struct feed *f;
	bool oom;
};

static bool ns_is(xmlNodePtr n, const char *uri)
{
	return n->ns && n->ns->href && strcmp((const char *)n->ns->href, uri) == 0;
}

/* An element of the feed's own vocabulary named name: no namespace, or
 * the namespace of the feed's channel/root. */
static bool is_el(const struct ctx *c, xmlNodePtr n, const char *name)
{
	if (n->type != XML_ELEMENT_NODE || !n->name || strcmp((const char *)n->name, name) != 0)
		return false;
	if (!n->ns)
		return true;
	return c->core && n->ns->href && strcmp((const char *)n->ns->href, (const char *)c->core) == 0;
}

static bool is_ns_el(xmlNodePtr n, const char *uri, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name &&
	       strcmp((const char *)n->name, name) == 0 && ns_is(n, uri);
}

/* ---- items ---------------------------------------------------------- */

static struct feed_item *new_item(struct ctx *c)
{
	struct feed *f = c->f;
	struct feed_item *it;

	if (f->nitems >= FEED_MAX_ITEMS) {
		f->truncated = true;
		return NULL;
	}
	if (f->nitems % 16 == 0) {
		struct feed_item *p = realloc(f->items, (f->nitems + 16) * sizeof *p);
		if (!p) {
			c->oom = true;
			return NULL;
		}
		f->items = p;
	}
	it = &f->items[f->nitems++];
	memset(it, 0, sizeof *it);
	return it;
}

/* Set *field once (the first of several candidates wins). */
static void set_once(char **field, char *value)
{
	if (*field || !value) {
		free(value);
		return;
	}
	*field = value;
}

static char *resolve(const char *base, char *href)
{
	char *u = NULL;

	if (href) {
		u = url_resolve(base, href);
		free(href);
	}
	return u;
}

static void finish_item(struct feed_item *it)
{
	if (!it->id && it->link)
		it->id = strdup(it->link);
	it->time = date_parse_epoch(it->date);
	cap_summary(it->summary);
}

/* RSS 2.0 and RSS 1.0 items share their element names. */
static void parse_rss_item(struct ctx *c, xmlNodePtr item)
{
	struct feed_item *it = new_item(c);
	char *guid_link = NULL;

	if (!it)
		return;
	set_once(&it->id, attr_clean(item, "about"));   /* rdf:about */
	for (xmlNodePtr n = item->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_el(c, n, "title")) {
			char *raw = node_raw(n);
			set_once(&it->title, raw ? html_to_text(raw) : NULL);
		} else if (is_el(c, n, "link")) {
			set_once(&it->link, resolve(c->url, take_clean(node_raw(n))));
		} else if (is_el(c, n, "guid")) {
			char *perma = attr_clean(n, "isPermaLink");
			char *g = take_clean(node_raw(n));
			if (g && (!perma || ascii_casecmp(perma, "false") != 0))
				set_once(&guid_link, resolve(c->url, g ? strdup(g) : NULL));
			free(perma);
			free(it->id);   /* the guid beats rdf:about */
			it->id = g;
		} else if (is_el(c, n, "pubDate") || is_ns_el(n, NS_DC, "date")) {
			set_once(&it->date, take_clean(node_raw(n)));
		} else if (is_el(c, n, "author") || is_ns_el(n, NS_DC, "creator")) {
			set_once(&it->author, take_clean(node_raw(n)));
		} else if (is_el(c, n, "description") || is_ns_el(n, NS_CONTENT, "encoded") ||
			   is_ns_el(n, NS_DC, "description")) {
			char *raw = node_raw(n);
			set_once(&it->summary, raw ? html_to_text(raw) : NULL);
		}
	}
	/* a permalink guid stands in for a missing link */
	if (!it->link && guid_link && strncmp(guid_link, "http", 4) == 0) {
		it->link = guid_link;
		guid_link = NULL;
	}
	free(guid_link);
	finish_item(it);
}

/* ---- Atom ------------------------------------------------------------ */

/* An Atom text construct: type="html" is escaped HTML, "xhtml" is
 * inline markup, anything else plain text. */
static char *atom_text(xmlNodePtr n)
{
	char *type = attr_clean(n, "type"), *s;

	if (type && (strcmp(type, "html") == 0 || strcmp(type, "text/html") == 0)) {
		char *raw = node_raw(n);
		s = raw ? html_to_text(raw) : NULL;
	} else if (type && (strcmp(type, "xhtml") == 0 ||
			    strcmp(type, "application/xhtml+xml") == 0)) {
		s = take_clean(node_raw(n));
	} else {
		s = take_clean(node_raw(n));
	}
	free(type);
	return s;
}

/* href of an alternate link, resolved against xml:base and the feed. */
static char *atom_link(struct ctx *c, xmlNodePtr n)
{
	char *rel = attr_clean(n, "rel"), *href, *u;
	xmlChar *base;

	if (rel && ascii_casecmp(rel, "alternate") != 0) {
		free(rel);
		return NULL;
	}
	free(rel);
	href = take_clean(attr_raw(n, "href"));
	if (!href)
		return NULL;
	base = xmlNodeGetBase(c->doc, n);
	u = url_resolve(base ? (const char *)base : c->url, href);
	xmlFree(base);
	free(href);
	return u;
}

static char *atom_person(struct ctx *c, xmlNodePtr n)
{
	for (xmlNodePtr k = n->children; k; k = k->next)
		if (is_el(c, k, "name"))
			return take_clean(node_raw(k));
	return NULL;
}

static void parse_atom_entry(struct ctx *c, xmlNodePtr entry)
{
	struct feed_item *it = new_item(c);
	char *updated = NULL, *content = NULL;

	if (!it)
		return;
	for (xmlNodePtr n = entry->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_el(c, n, "title"))
			set_once(&it->title, atom_text(n));
		else if (is_el(c, n, "link"))
			set_once(&it->link, atom_link(c, n));
		else if (is_el(c, n, "id"))
			set_once(&it->id, take_clean(node_raw(n)));
		else if (is_el(c, n, "published") || is_el(c, n, "issued"))
			set_once(&it->date, take_clean(node_raw(n)));
		else if (is_el(c, n, "updated") || is_el(c, n, "modified"))
			set_once(&updated, take_clean(node_raw(n)));
		else if (is_el(c, n, "author"))
			set_once(&it->author, atom_person(c, n));
		else if (is_el(c, n, "summary"))
			set_once(&it->summary, atom_text(n));
		else if (is_el(c, n, "content"))
			set_once(&content, atom_text(n));
	}
	set_once(&it->date, updated);
	set_once(&it->summary, content);
	finish_item(it);
}

/* Entries at any depth, as for RSS items. */
static void parse_atom(struct ctx *c, xmlNodePtr root)
{
	c->core = root->ns ? root->ns->href : NULL;
	for (xmlNodePtr n = root->children; n && !c->oom; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_el(c, n, "title"))
			set_once(&c->f->title, atom_text(n));
		else if (is_el(c, n, "link"))
			set_once(&c->f->link, atom_link(c, n));
	}
	for (xmlNodePtr n = root->children; n && !c->oom; n = dom_next(n, root, false))
		if (is_el(c, n, "entry"))
			parse_atom_entry(c, n);
}

/* ---- RSS ------------------------------------------------------------ */

static void parse_channel_meta(struct ctx *c, xmlNodePtr ch)
{
	for (xmlNodePtr n = ch->children; n; n = n->next) {
		if (is_el(c, n, "title")) {
			char *raw = node_raw(n);
			set_once(&c->f->title, raw ? html_to_text(raw) : NULL);
		} else if (is_el(c, n, "link")) {
			set_once(&c->f->link, resolve(c->url, take_clean(node_raw(n))));
		}
	}
}

/* RSS 2.0 keeps items in <channel>; RSS 1.0 beside it under rdf:RDF.
 * Items are looked for at any depth: broken feeds mix the two, and
 * libxml2's recovery nests the items after an unclosed tag inside it. */
static void parse_rss(struct ctx *c, xmlNodePtr root)
{
	xmlNodePtr ch = NULL;

	for (xmlNodePtr n = root->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && n->name &&
		    strcmp((const char *)n->name, "channel") == 0) {
			ch = n;
			break;
		}
	c->core = ch && ch->ns ? ch->ns->href : NULL;
	if (ch)
		parse_channel_meta(c, ch);
	for (xmlNodePtr n = root->children; n && !c->oom; n = dom_next(n, root, false))
		if (is_el(c, n, "item"))
			parse_rss_item(c, n);
}

/* ---- the document ---------------------------------------------------- */

/* The parser must never read anything but the bytes it was given. */
static xmlParserInputPtr no_entity(void *ctx, const xmlChar *pub, const xmlChar *sys)
{
	return NULL;
}

static void no_subset(void *ctx, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
}

/* The '>' that ends the XML prolog (within its first 256 bytes), or
 * NULL when b opens with none. */
static const char *prolog_end(const char *b, size_t len)
{
	if (len < 5 || memcmp(b, "<?xml", 5) != 0)
		return NULL;
	return memchr(b, '>', len < 256 ? len : 256);
}

/* Does the prolog declare an encoding (or is there a BOM)? */
static bool declares_encoding(const char *b, size_t len)
{
	const char *end;

	if (len >= 2 && (((unsigned char)b[0] == 0xfe && (unsigned char)b[1] == 0xff) ||
			 ((unsigned char)b[0] == 0xff && (unsigned char)b[1] == 0xfe)))
		return true;
	if (len >= 3 && memcmp(b, "\xef\xbb\xbf", 3) == 0)
		return true;
	end = prolog_end(b, len);
	return end && memmem(b, (size_t)(end - b), "encoding", 8);
}

/* The name in the prolog's encoding="..." into out; false when there
 * is none (or it does not fit). */
static bool prolog_encoding(const char *b, size_t len, char *out, size_t size)
{
	const char *end, *p, *q;

	if (!(end = prolog_end(b, len)) ||
	    !(p = memmem(b, (size_t)(end - b), "encoding", 8)))
		return false;
	for (p += 8; p < end && (*p == ' ' || *p == '=' || *p == '\t'); p++)
		;
	if (p >= end || (*p != '"' && *p != '\''))
		return false;
	q = memchr(p + 1, *p, (size_t)(end - p - 1));
	if (!q || (size_t)(q - p - 1) >= size)
		return false;
	memcpy(out, p + 1, (size_t)(q - p - 1));
	out[q - p - 1] = '\0';
	return true;
}

static bool utf8_name(const char *name)
{
	return ascii_casecmp(name, "utf-8") == 0 || ascii_casecmp(name, "utf8") == 0;
}

/* The bytes are read as UTF-8 (the prolog's encoding, which libxml2
 * takes first, else the header's charset, else XML's default) but are
 * not UTF-8: old feeds label windows-1252 so.  A BOM is believed. */
static bool mislabelled_utf8(const char *b, size_t len, const char *charset)
{
	char name[64];

	if (len >= 3 && memcmp(b, "\xef\xbb\xbf", 3) == 0)
		return false;
	if (prolog_encoding(b, len, name, sizeof name) ? !utf8_name(name)
	    : charset && *charset && !utf8_name(charset))
		return false;
	return !text_is_utf8(b, len);
}

/* UTF-16 (by BOM, or by "<" as its first character): 1 little-endian,
 * 2 big-endian, 0 not UTF-16.  UTF-32 is left to libxml2 as it is. */
static int utf16_order(const unsigned char *b, size_t len)
{
	if (len >= 4 && ((b[0] == 0xff && b[1] == 0xfe && b[2] == 0 && b[3] == 0) ||
			 (b[0] == 0 && b[1] == 0)))
		return 0;
	if (len >= 2 && b[0] == 0xff && b[1] == 0xfe)
		return 1;
	if (len >= 2 && b[0] == 0xfe && b[1] == 0xff)
		return 2;
	if (len >= 4 && b[0] == '<' && b[1] == 0 && b[2] != 0 && b[3] == 0)
		return 1;
	if (len >= 4 && b[0] == 0 && b[1] == '<' && b[2] == 0 && b[3] != 0)
		return 2;
	return 0;
}

/* UTF-16 -> UTF-8 (BOM dropped, bad surrogates skipped), so that the
 * rewrite below sees every feed in an ASCII-compatible form.
 * malloc'd, NULL on OOM. */
static char *utf16_to_utf8(const unsigned char *b, size_t len, int order, size_t *out_len)
{
	char *o = malloc(len / 2 * 3 + 1);
	size_t n = 0;

	if (!o)
		return NULL;
	for (size_t i = 0; i + 1 < len; i += 2) {
		unsigned long u = order == 1 ? (unsigned long)(b[i] | b[i + 1] << 8) :
					       (unsigned long)(b[i] << 8 | b[i + 1]);
		if (u >= 0xd800 && u <= 0xdbff && i + 3 < len) {
			unsigned long lo = order == 1 ? (unsigned long)(b[i + 2] | b[i + 3] << 8) :
							(unsigned long)(b[i + 2] << 8 | b[i + 3]);
			if (lo >= 0xdc00 && lo <= 0xdfff) {
				u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
				i += 2;
			}
		}
		if ((u >= 0xd800 && u <= 0xdfff) || (i == 0 && u == 0xfeff))
			continue;
		n += (size_t)xmlCopyCharMultiByte((xmlChar *)o + n, (int)u);
	}
	o[n] = '\0';
	*out_len = n;
	return o;
}

/* Where a <!DOCTYPE ...> (with its internal subset) ends, past '>'. */
static size_t doctype_end(const char *s, size_t i, size_t n)
{
	char quote = 0;
	bool subset = false;

	for (i += 9; i < n; i++) {
		char ch = s[i];

		if (quote) {
			if (ch == quote)
				quote = 0;
		} else if (ch == '"' || ch == '\'') {
			quote = ch;
		} else if (subset && ch == '<' && n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
			const char *q = memmem(s + i + 4, n - i - 4, "-->", 3);
			i = q ? (size_t)(q - s) + 2 : n;
		} else if (ch == '[') {
			subset = true;
		} else if (ch == ']') {
			subset = false;
		} else if (ch == '>' && !subset) {
			return i + 1;
		}
	}
	return n;
}

/* Copy s[i..) through the end marker (or to the end). */
static size_t copy_through(struct buf *b, const char *s, size_t i, size_t n,
			   const char *marker)
{
	size_t ml = strlen(marker);
	const char *q = memmem(s + i, n - i, marker, ml);
	size_t j = q ? (size_t)(q - s) + ml : n;

	buf_add(b, s + i, j - i);
	return j;
}

static bool xml_char_ok(unsigned long v)
{
	return v == 0x9 || v == 0xa || v == 0xd || (v >= 0x20 && v <= 0xd7ff) ||
	       (v >= 0xe000 && v <= 0xfffd) || (v >= 0x10000 && v <= 0x10ffff);
}

/* s[i] is '&': copy a reference XML accepts as it is, turn an HTML
 * entity name into a character reference, and escape anything else so
 * that it shows as text (a bare '&' would make the document
 * ill-formed, and libxml2 then drops every later reference). */
static size_t copy_amp(struct buf *b, const char *s, size_t i, size_t n)
{
	static const char *const predefined[] = { "amp", "lt", "gt", "quot", "apos", NULL };
	size_t j = i + 1;
	char name[40];

	if (j < n && s[j] == '#') {
		bool hex = j + 1 < n && (s[j + 1] == 'x' || s[j + 1] == 'X');
		unsigned long v = 0;
		size_t k = j + 1 + hex, d0 = k;

		for (; k < n && k - d0 < 8 && (hex ? ascii_isxdigit((unsigned char)s[k]) : ascii_isdigit((unsigned char)s[k])); k++)
			v = v * (hex ? 16 : 10) + (unsigned long)(ascii_isdigit((unsigned char)s[k]) ?
					s[k] - '0' : (ascii_tolower((unsigned char)s[k]) - 'a' + 10));
		if (k > d0 && k < n && s[k] == ';') {
			if (xml_char_ok(v))
				buf_add(b, s + i, k + 1 - i);
			else
				buf_add(b, " ", 1);
			return k + 1;
		}
	} else {
		size_t k = j;

		while (k < n && k - j < sizeof name - 1 &&
		       (ascii_isalnum((unsigned char)s[k]) || s[k] == '_' || s[k] == '-' || s[k] == '.'))
			k++;
		if (k > j && k < n && s[k] == ';' && ascii_isalpha((unsigned char)s[j])) {
			const htmlEntityDesc *e;

			memcpy(name, s + j, k - j);
			name[k - j] = '\0';
			for (int p = 0; predefined[p]; p++)
				if (strcmp(name, predefined[p]) == 0) {
					buf_add(b, s + i, k + 1 - i);
					return k + 1;
				}
			e = htmlEntityLookup((const xmlChar *)name);
			if (e) {
				char ref[16];
				int l = snprintf(ref, sizeof ref, "&#%u;", e->value);
				buf_add(b, ref, (size_t)l);
				return k + 1;
			}
		}
	}
	buf_add(b, "&amp;", 5);
	return i + 1;
}

/* Rewrite a feed before libxml2 sees it, in a copy:
 * - escape sequences and C0 controls (not XML characters: the parser
 *   would stop at the first) go;
 * - the DOCTYPE goes whole: folio never uses a DTD, and without one no
 *   entity is declared, so neither an entity bomb nor an external
 *   entity (XXE) can exist;
 * - entity references are fixed up as copy_amp says.
 * CDATA sections, comments and processing instructions are copied. */
static char *prepare(const char *body, size_t len, size_t *out_len)
{
	struct buf b = { 0 };
	char *s = malloc(len + 1);
	size_t i = 0, n;

	if (!s)
		return NULL;
	memcpy(s, body, len);
	s[len] = '\0';
	n = text_strip_escapes(s, len);
	for (size_t k = 0; k < n; k++)
		if ((unsigned char)s[k] < 0x20 && s[k] != '\t' && s[k] != '\n' && s[k] != '\r')
			s[k] = ' ';
	/* The control bytes are gone, so no NUL before s[n]: one scan for
	 * either byte (two memchr to the end at every step were quadratic
	 * in a feed with many tags and no '&'). */
	while (i < n && !b.oom) {
		size_t j = i + strcspn(s + i, "<&");

		buf_add(&b, s + i, j - i);
		i = j;
		if (i >= n)
			break;
		if (s[i] == '&')
			i = copy_amp(&b, s, i, n);
		else if (n - i >= 9 && memcmp(s + i, "<![CDATA[", 9) == 0)
			i = copy_through(&b, s, i, n, "]]>");
		else if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0)
			i = copy_through(&b, s, i, n, "-->");
		else if (n - i >= 2 && s[i + 1] == '?')
			i = copy_through(&b, s, i, n, "?>");
		else if (n - i >= 9 && ascii_ncasecmp(s + i, "<!DOCTYPE", 9) == 0)
			i = doctype_end(s, i, n);
		else if (i + 1 < n && (ascii_isalpha((unsigned char)s[i + 1]) || s[i + 1] == '/' ||
				       s[i + 1] == '!' || s[i + 1] == '_' || s[i + 1] == ':' ||
				       (unsigned char)s[i + 1] >= 0x80)) {
			buf_add(&b, "<", 1);
			i++;
		} else {
			/* "a < b": no tag can start here */
			buf_add(&b, "&lt;", 4);
			i++;
		}
	}
	free(s);
	*out_len = b.len;
	return buf_take(&b);
}

/* forced: the bytes are UTF-8 whatever the prolog says (converted). */
static xmlDocPtr read_xml(const char *body, size_t len, const char *url,
			  const char *charset, bool forced, char *why, size_t why_sz)
{
	xmlParserCtxtPtr p = xmlNewParserCtxt();
	xmlDocPtr doc;
	const xmlError *e;

	if (!p || !p->sax) {
		snprintf(why, why_sz, "out of memory");
		xmlFreeParserCtxt(p);
		return NULL;
	}
	p->sax->resolveEntity = no_entity;
	p->sax->externalSubset = no_subset;
	doc = xmlCtxtReadMemory(p, body, (int)len, url,
				forced || !declares_encoding(body, len) ? charset : NULL,
				XML_PARSE_NONET | XML_PARSE_RECOVER |
				XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
				(forced ? XML_PARSE_IGNORE_ENC : 0));
	e = xmlCtxtGetLastError(p);
	if (e && e->message) {
		snprintf(why, why_sz, "line %d: %s", e->line, e->message);
		why[strcspn(why, "\n")] = '\0';
	}
	xmlFreeParserCtxt(p);
	return doc;
}

static enum feed_format root_format(xmlNodePtr root)
{
	const char *name;

	if (!root || !root->name)
		return FEED_NONE;
	name = (const char *)root->name;
	if (strcmp(name, "rss") == 0)
		return FEED_RSS;
	if (strcmp(name, "RDF") == 0)
		return FEED_RDF;
	if (strcmp(name, "feed") == 0)
		return FEED_ATOM;
	return FEED_NONE;
}

static void item_free(struct feed_item *it)
{
	free(it->title);
	free(it->link);
	free(it->id);
	free(it->date);
	free(it->author);
	free(it->summary);
	free(it->section);
}

void feed_free(struct feed *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->nitems; i++)
		item_free(&f->items[i]);
	free(f->items);
	free(f->title);
	free(f->link);
	free(f);
}

static int by_id(const void *a, const void *b)
{
	const struct feed_item *x = *(const struct feed_item *const *)a;
	const struct feed_item *y = *(const struct feed_item *const *)b;
	int c = strcmp(x->id, y->id);
	return c ? c : x < y ? -1 : x > y;   /* document order within an id */
}

static bool same_link(const struct feed_item *a, const struct feed_item *b)
{
	return a->link && b->link ? strcmp(a->link, b->link) == 0 : a->link == b->link;
}

/* Items that share an id but not a link are different stories (feeds
 * that reuse one guid exist): each such later item's id gets its link
 * appended, so the store (keyed by feed and id) keeps them apart.  The
 * same id and link twice stays one story.  Sorted, not compared
 * pairwise: n log n.  0, or -1 when memory ran out. */
static int distinct_ids(struct feed *f)
{
	size_t n = 0;
	struct feed_item **by = malloc(f->nitems * sizeof *by + 1);
	if (!by)
		return -1;
	for (size_t i = 0; i < f->nitems; i++)
		if (f->items[i].id)
			by[n++] = &f->items[i];
	qsort(by, n, sizeof *by, by_id);
	int rc = 0;
	for (size_t i = 1, first = 0; i < n && rc == 0; i++) {
		if (strcmp(by[i]->id, by[first]->id) != 0) {
			first = i;
			continue;
		}
		if (!by[i]->link || same_link(by[i], by[first]))
			continue;
		char *id = NULL;
		if (asprintf(&id, "%s %s", by[i]->id, by[i]->link) < 0) {
			rc = -1;
			continue;
		}
		free(by[i]->id);
		by[i]->id = id;
	}
	free(by);
	return rc;
}

static enum status_code fail(char err[FEED_ERR_MAX], const char *url,
			     enum status_code st, const char *cause, const char *why)
{
	bool paren = why && *why;
	status_message(err, FEED_ERR_MAX, "%s: %s%s%s%s", url ? url : "feed", cause,
		       paren ? " (" : "", paren ? why : "", paren ? ")" : "");
	text_clean(err, strlen(err));
	return st;
}

enum status_code feed_parse(const char *body, size_t len, const char *url,
			    const char *charset, struct feed **out,
			    char err[FEED_ERR_MAX])
{
	char why[256] = "", *copy = NULL, *wide = NULL;
	bool forced;
	size_t clen = len;
	int order;
	xmlDocPtr doc;
	xmlNodePtr root;
	struct ctx c = { 0 };

	*out = NULL;
	err[0] = '\0';
	if (!body || len == 0)
		return fail(err, url, STATUS_NO_ARTICLE, "empty feed", NULL);
	if (len > (size_t)0x7fffffff)
		return fail(err, url, STATUS_NOT_HTML, "feed too large", NULL);
	order = utf16_order((const unsigned char *)body, len);
	if (order) {
		wide = utf16_to_utf8((const unsigned char *)body, len, order, &len);
		if (!wide)
			return fail(err, url, STATUS_INPUT, "out of memory", NULL);
		body = wide;
	} else if (mislabelled_utf8(body, len, charset)) {
		/* as a page's bytes outrank their label (charset.h) */
		wide = charset_decode(body, len, "WINDOWS-1252", &len);
		if (!wide)
			return fail(err, url, STATUS_INPUT, "out of memory", NULL);
		body = wide;
	}
	forced = wide != NULL;
	if (!(len >= 4 && body[0] == 0 && body[1] == 0)) {   /* not UTF-32 */
		copy = prepare(body, len, &clen);
		if (!copy) {
			free(wide);
			return fail(err, url, STATUS_INPUT, "out of memory", NULL);
		}
		body = copy;
	}
	doc = read_xml(body, clen, url, forced ? "UTF-8" : charset, forced, why, sizeof why);
	if (!forced && (!doc || !xmlDocGetRootElement(doc))) {
		/* an encoding libxml2 does not know ("x-bogus" in the
		 * prolog): the bytes as UTF-8, as a page's with an unknown
		 * charset; a feed that fails that way too keeps why */
		char again[sizeof why];
		xmlFreeDoc(doc);
		doc = read_xml(body, clen, url, "UTF-8", true, again, sizeof again);
	}
	free(copy);
	free(wide);
	if (!doc)
		return fail(err, url, STATUS_INPUT, "not readable as XML", why);
	root = xmlDocGetRootElement(doc);
	if (!root) {
		xmlFreeDoc(doc);
		return fail(err, url, STATUS_INPUT, "not readable as XML", why);
	}
	c.doc = doc;
	c.url = url;
	c.f = calloc(1, sizeof *c.f);
	if (!c.f) {
		xmlFreeDoc(doc);
		return fail(err, url, STATUS_INPUT, "out of memory", NULL);
	}
	c.f->format = root_format(root);
	if (c.f->format == FEED_NONE) {
		char what[64];
		snprintf(what, sizeof what, "root element <%.40s>",
			 root && root->name ? (const char *)root->name : "none");
		xmlFreeDoc(doc);
		feed_free(c.f);
		return fail(err, url, STATUS_NO_ARTICLE, "not an RSS or Atom feed", what);
	}
	if (c.f->format == FEED_ATOM)
		parse_atom(&c, root);
	else
		parse_rss(&c, root);
	xmlFreeDoc(doc);
	if (!c.oom && distinct_ids(c.f) != 0)
		c.oom = true;
	if (c.oom) {
		feed_free(c.f);
		return fail(err, url, STATUS_INPUT, "out of memory", NULL);
	}
	*out = c.f;
	return STATUS_OK;
}

/* ---- discovery in HTML --------------------------------------------------- */

static enum feed_format link_format(const char *type)
{
	if (!type)
		return FEED_NONE;
	if (ascii_casecmp(type, "application/rss+xml") == 0)
		return FEED_RSS;
	if (ascii_casecmp(type, "application/atom+xml") == 0)
		return FEED_ATOM;
	return FEED_NONE;
}

void feed_links_free(struct feed_link *l, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(l[i].url);
		free(l[i].title);
	}
	free(l);
}

static int add_link(struct feed_link **out, size_t *n, char *url, char *title,
		    enum feed_format fmt)
{
	struct feed_link *p;

	for (size_t i = 0; i < *n; i++)
		if (strcmp((*out)[i].url, url) == 0) {
			free(url);
			free(title);
			return 0;
		}
	p = realloc(*out, (*n + 1) * sizeof *p);
	if (!p) {
		free(url);
		free(title);
		return -1;
	}
	*out = p;
	p[*n] = (struct feed_link){ url, title, fmt };
	(*n)++;
	return 0;
}

int feed_discover_doc(xmlDocPtr doc, const char *url, struct feed_link **out, size_t *n)
{
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	char *base;
	int rc = 0;

	*out = NULL;
	*n = 0;
	if (!root)
		return 0;
	base = dom_base_url(doc, url);
	for (xmlNodePtr e = root; e && rc == 0 && *n < FEED_LINKS_MAX; e = dom_next(e, root, false)) {
		char *rel, *type, *href;
		enum feed_format fmt;

		if (!dom_is(e, "link"))
			continue;
		rel = dom_attr(e, "rel");
		type = dom_attr(e, "type");
		fmt = link_format(type);
		href = fmt != FEED_NONE && ascii_has_token(rel, "alternate") ?
		       url_resolve(base ? base : url, dom_attr_raw(e, "href")) : NULL;
		if (href)
			rc = add_link(out, n, href, dom_attr(e, "title"), fmt);
		free(rel);
		free(type);
	}
	free(base);
	if (rc) {
		feed_links_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

int feed_discover(const char *html, size_t len, const char *url,
		  struct feed_link **out, size_t *n)
{
	htmlDocPtr d;
	int rc;

	*out = NULL;
	*n = 0;
	if (!html || len == 0 || len > (size_t)0x7fffffff)
		return 0;
	d = htmlReadMemory(html, (int)len, url, "UTF-8",
			   HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
			   HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	if (!d)
		return 0;
	rc = feed_discover_doc(d, url, out, n);
	xmlFreeDoc(d);
	return rc;
}
