/* page-type.c - HTML, feed or refused (see page-type.h). */
#include <stdlib.h>
#include <string.h>

#include "folio/page-type.h"
#include "folio/util-ascii.h"

#define SNIFF_MAX 65536

/* The first bytes as ASCII: UTF-16 and UTF-32 (by their BOM, or by the
 * zero bytes around a first ASCII character, as XML 1.0 appendix F
 * reads them) are taken one code unit at a time; every character above
 * ASCII becomes 0x80, which no markup contains.  Returns the length. */
static size_t ascii_view(const unsigned char *b, size_t len, unsigned char *out)
{
	size_t unit = 1, i = 0, n = 0;
	bool big = false;
	unsigned char b0 = len > 0 ? b[0] : 1, b1 = len > 1 ? b[1] : 1,
		      b2 = len > 2 ? b[2] : 1, b3 = len > 3 ? b[3] : 1;
	if (!b0 && !b1 && b2 == 0xfe && b3 == 0xff)
		unit = 4, big = true, i = 4;            /* UTF-32BE BOM */
	else if (b0 == 0xff && b1 == 0xfe && !b2 && !b3)
		unit = 4, i = 4;                        /* UTF-32LE BOM */
	else if (!b0 && !b1 && !b2 && b3)
		unit = 4, big = true;                   /* 00 00 00 3C */
	else if (b0 && !b1 && !b2 && !b3)
		unit = 4;                               /* 3C 00 00 00 */
	else if (b0 == 0xff && b1 == 0xfe)
		unit = 2, i = 2;                        /* UTF-16LE BOM */
	else if (b0 == 0xfe && b1 == 0xff)
		unit = 2, big = true, i = 2;            /* UTF-16BE BOM */
	else if (b0 && !b1 && b2 && !b3)
		unit = 2;                               /* 3C 00 3F 00 */
	else if (!b0 && b1 && !b2 && b3)
		unit = 2, big = true;                   /* 00 3C 00 3F */
	else if (b0 == 0xef && b1 == 0xbb && b2 == 0xbf)
		i = 3;                                  /* UTF-8 BOM */
	for (; i + unit <= len && n < SNIFF_MAX; i += unit) {
		unsigned long v = 0;
		for (size_t k = 0; k < unit; k++)
			v = v << 8 | b[i + (big ? k : unit - 1 - k)];
		out[n++] = v < 0x80 ? (unsigned char)v : 0x80;
	}
	return n;
}

static bool starts(const unsigned char *p, const unsigned char *end, const char *s)
{
	size_t n = strlen(s);
	return (size_t)(end - p) >= n && ascii_ncasecmp((const char *)p, s, n) == 0;
}

/* Past "<!DOCTYPE ... >", whose internal subset ([...]) and quoted
 * strings may hold '>'; NULL when it does not end. */
static const unsigned char *doctype_end(const unsigned char *p, const unsigned char *end)
{
	int depth = 0;
	unsigned char quote = 0;
	for (p += 9; p < end; p++) {
		if (quote)
			quote = *p == quote ? 0 : quote;
		else if (*p == '"' || *p == '\'')
			quote = *p;
		else if (*p == '[')
			depth++;
		else if (*p == ']' && depth > 0)
			depth--;
		else if (*p == '>' && depth == 0)
			return p + 1;
	}
	return NULL;
}

static const unsigned char *past(const unsigned char *p, const unsigned char *end,
				 const char *close)
{
	size_t n = strlen(close);
	const unsigned char *q = memmem(p, (size_t)(end - p), close, n);
	return q ? q + n : NULL;
}

static bool is_name_char(unsigned char c)
{
	return ascii_isalnum(c) || c == '_' || c == '-' || c == '.' || c == ':' || c >= 0x80;
}

/* Is the element name [p, p+n) the local name want (any prefix)? */
static bool local_name_is(const unsigned char *p, size_t n, const char *want, bool fold)
{
	const unsigned char *colon = memchr(p, ':', n);
	size_t k = strlen(want);
	if (colon) {
		n -= (size_t)(colon + 1 - p);
		p = colon + 1;
	}
	return n == k && (fold ? ascii_ncasecmp((const char *)p, want, k) :
			  memcmp(p, want, k)) == 0;
}

static enum page_root root_of(const unsigned char *p, const unsigned char *end)
{
	bool html_doctype = false, xml_decl = false;
	while (p && p < end) {
		while (p < end && ascii_isspace(*p))
			p++;
		if (p >= end || *p != '<')
			break;
		if (starts(p, end, "<!--")) {
			p = past(p + 4, end, "-->");
		} else if (starts(p, end, "<?")) {
			xml_decl |= starts(p, end, "<?xml") && p + 5 < end && !is_name_char(p[5]);
			p = past(p + 2, end, ">");
		} else if (starts(p, end, "<!doctype")) {
			const unsigned char *q = p + 9;
			while (q < end && ascii_isspace(*q))
				q++;
			html_doctype = starts(q, end, "html") && (q + 4 == end || !is_name_char(q[4]));
			p = doctype_end(p, end);
		} else {
			const unsigned char *name = ++p;
			while (p < end && is_name_char(*p))
				p++;
			size_t n = (size_t)(p - name);
			if (n == 0)
				break;
			if (local_name_is(name, n, "rss", false) || local_name_is(name, n, "feed", false) ||
			    local_name_is(name, n, "RDF", false))
				return PAGE_ROOT_FEED;
			if (html_doctype || local_name_is(name, n, "html", true))
				return PAGE_ROOT_HTML;
			return xml_decl ? PAGE_ROOT_XML : PAGE_ROOT_ELEMENT;
		}
	}
	return html_doctype ? PAGE_ROOT_HTML : PAGE_ROOT_NONE;
}

enum page_root page_type_root(const char *body, size_t len)
{
	/* On the heap, as long as the page at most: a static thread-local
	 * buffer was 64 KiB zeroed at every start and in every thread
	 * (make bench's start-up and RSS), for pages mostly far shorter. */
	unsigned char *view;
	if (!body || len == 0 || !(view = malloc(len < SNIFF_MAX ? len : SNIFF_MAX)))
		return PAGE_ROOT_NONE;
	size_t n = ascii_view((const unsigned char *)body, len, view);
	enum page_root root = root_of(view, view + n);
	free(view);
	return root;
}

static bool type_in(const char *type, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (strcmp(type, list[i]) == 0)
			return true;
	return false;
}

static const char *const html_types[] = { "text/html", "application/xhtml+xml", NULL };
static const char *const feed_types[] = {
	"application/rss+xml", "application/x-rss+xml", "application/rss",
	"application/atom+xml", "application/x-atom+xml",
	"application/rdf+xml", "application/x-rdf+xml", "text/rss", NULL
};

/* XML of any kind: text/xml, application/xml, and every "+xml" type. */
static bool is_xml_type(const char *type)
{
	size_t n = strlen(type);
	return strcmp(type, "text/xml") == 0 || strcmp(type, "application/xml") == 0 ||
	       (n > 4 && strcmp(type + n - 4, "+xml") == 0);
}

enum page_type page_type_of(const char *content_type, const char *body, size_t len,
			    bool strict)
{
	enum page_root root = page_type_root(body, len);
	if (!content_type || !*content_type) {
		if (root == PAGE_ROOT_FEED)
			return PAGE_TYPE_FEED;
		return root == PAGE_ROOT_HTML || root == PAGE_ROOT_ELEMENT || !strict ?
		       PAGE_TYPE_HTML : PAGE_TYPE_REFUSED;
	}
	if (type_in(content_type, html_types))
		return root == PAGE_ROOT_FEED ? PAGE_TYPE_FEED : PAGE_TYPE_HTML;
	if (type_in(content_type, feed_types))
		return root == PAGE_ROOT_HTML ? PAGE_TYPE_HTML : PAGE_TYPE_FEED;
	if (is_xml_type(content_type))
		return root == PAGE_ROOT_FEED ? PAGE_TYPE_FEED :
		       root == PAGE_ROOT_HTML ? PAGE_TYPE_HTML : PAGE_TYPE_REFUSED;
	return PAGE_TYPE_REFUSED;
}

bool page_type_accepts_html(const char *content_type, void *unused)
{
	(void)unused;
	return !content_type || !*content_type || type_in(content_type, html_types) ||
	       is_xml_type(content_type);      /* XHTML under an XML type */
}

bool page_type_accepts_any(const char *content_type, void *unused)
{
	return page_type_accepts_html(content_type, unused) ||
	       type_in(content_type, feed_types);
}
