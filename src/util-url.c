/* util-url.c - the one URL resolver (see util-url.h).
 *
 * A reference is split as RFC 3986 appendix B does, resolved against the
 * base by section 5.2.2 (dot segments removed as in 5.2.4, but a
 * relative base such as a file path keeps its leading ".."), then written
 * out with what a URL may not hold percent-encoded. */
#include <idn2.h>
#include <stdlib.h>
#include <string.h>

#include "folio/text.h"
#include "folio/util-ascii.h"
#include "folio/util-buf.h"
#include "folio/util-url.h"
#include "folio/util-dl.h"

/* libidn2 is loaded at the first host that is not ASCII (util-dl.h);
 * without it such a host cannot be written, as one IDNA refuses. */
#ifndef FOLIO_LIBIDN2_SONAME
#define FOLIO_LIBIDN2_SONAME "libidn2.so.0"
#endif
#define IDN2_FUNCS(X) X(idn2_, to_ascii_8z) X(idn2_, free)
static struct { IDN2_FUNCS(DL_MEMBER) } idn2;
#define IDN2_SYM(p, f) DL_SYM(idn2, p, f)
static const struct dl_sym idn2_syms[] = { IDN2_FUNCS(IDN2_SYM) };
static struct dl_lib idn2_lib = DL_LIB("libidn2", FOLIO_LIBIDN2_SONAME,
				       "FOLIO_LIBIDN2", idn2_syms);

/* One part of a URL reference: on is false when the part is absent
 * (no "?" at all), which differs from present but empty ("?"). */
struct span {
	const char *p;
	size_t n;
	bool on;
};

struct url_ref {
	struct span scheme, auth, path, query, frag;
};

static struct span span_of(const char *p, size_t n)
{
	return (struct span){ p, n, true };
}

/* Length of a leading "scheme:" (without the colon), 0 if none. */
static size_t scheme_len(const char *s, size_t n)
{
	if (n == 0 || !ascii_isalpha((unsigned char)s[0]))
		return 0;
	for (size_t i = 1; i < n; i++) {
		if (s[i] == ':')
			return i;
		if (!ascii_isalnum((unsigned char)s[i]) && s[i] != '+' &&
		    s[i] != '-' && s[i] != '.')
			return 0;
	}
	return 0;
}


/* RFC 3986 appendix B: scheme, authority, path, query, fragment. */
static void parse_ref(const char *s, size_t n, struct url_ref *r)
{
	size_t i = 0, k;
	memset(r, 0, sizeof *r);
	if ((k = scheme_len(s, n))) {
		r->scheme = span_of(s, k);
		i = k + 1;
	}
	if (n - i >= 2 && s[i] == '/' && s[i + 1] == '/') {
		for (k = i + 2; k < n && s[k] != '/' && s[k] != '?' && s[k] != '#'; k++)
			;
		r->auth = span_of(s + i + 2, k - i - 2);
		i = k;
	}
	for (k = i; k < n && s[k] != '?' && s[k] != '#'; k++)
		;
	r->path = span_of(s + i, k - i);
	i = k;
	if (i < n && s[i] == '?') {
		for (k = i + 1; k < n && s[k] != '#'; k++)
			;
		r->query = span_of(s + i + 1, k - i - 1);
		i = k;
	}
	if (i < n && s[i] == '#')
		r->frag = span_of(s + i + 1, n - i - 1);
}

static bool span_is(struct span s, const char *word)
{
	return s.on && s.n == strlen(word) && ascii_ncasecmp(s.p, word, s.n) == 0;
}

static bool is_special(struct span scheme)
{
	return span_is(scheme, "http") || span_is(scheme, "https");
}

/* RFC 3986 5.2.4 by segments.  An absolute path drops ".." at its top;
 * a relative one (a file path as base) keeps it. */
static char *remove_dots(const char *p, size_t n)
{
	struct span *seg = malloc((n + 2) * sizeof *seg);
	size_t top = 0, i = 0;
	bool abs = n > 0 && p[0] == '/';
	struct buf b = {0};
	if (!seg)
		return NULL;
	if (abs)
		i = 1;
	while (n > 0 && i <= n) {
		size_t k = i;
		while (k < n && p[k] != '/')
			k++;
		struct span s = span_of(p + i, k - i);
		bool last = k >= n;
		bool dot = s.n == 1 && s.p[0] == '.';
		bool dotdot = s.n == 2 && s.p[0] == '.' && s.p[1] == '.';
		if (dotdot && top > 0 && !(seg[top - 1].n == 2 && !memcmp(seg[top - 1].p, "..", 2)))
			top--;
		else if (dotdot && !abs)
			seg[top++] = s;
		else if (!dot && !dotdot)
			seg[top++] = s;
		if (last && (dot || dotdot))
			seg[top++] = span_of(p + k, 0);   /* "a/.." is "a/" ... "/" */
		i = k + 1;
	}
	if (abs)
		buf_char(&b, '/');
	for (size_t j = 0; j < top; j++) {
		if (j)
			buf_char(&b, '/');
		buf_add(&b, seg[j].p, seg[j].n);
	}
	free(seg);
	return buf_take(&b);
}

/* RFC 3986 5.2.3: the reference's path after the base's directory. */
static char *merge_paths(const struct url_ref *base, struct span path)
{
	struct buf b = {0};
	if (base->auth.on && base->path.n == 0) {
		buf_char(&b, '/');
	} else {
		size_t dir = base->path.n;
		while (dir > 0 && base->path.p[dir - 1] != '/')
			dir--;
		buf_add(&b, base->path.p, dir);
	}
	buf_add(&b, path.p, path.n);
	char *merged = buf_take(&b), *out;
	if (!merged)
		return NULL;
	out = remove_dots(merged, strlen(merged));
	free(merged);
	return out;
}

/* RFC 3986 5.2.2: the target's parts; *path is malloc'd. */
static bool resolve_ref(const struct url_ref *base, const struct url_ref *r,
			struct url_ref *t, char **path)
{
	*t = *r;
	if (r->scheme.on || r->auth.on) {
		*path = remove_dots(r->path.p, r->path.n);
		if (!r->scheme.on)
			t->scheme = base->scheme;
		return *path != NULL;
	}
	t->scheme = base->scheme;
	t->auth = base->auth;
	if (r->path.n == 0) {
		/* the base's own path, its dot segments gone as a browser
		 * removes them when it reads the page's URL */
		*path = remove_dots(base->path.p ? base->path.p : "", base->path.n);
		if (!r->query.on)
			t->query = base->query;
	} else if (r->path.p[0] == '/') {
		*path = remove_dots(r->path.p, r->path.n);
	} else {
		*path = merge_paths(base, r->path);
	}
	return *path != NULL;
}

/* Bytes kept as written besides letters and digits: RFC 3986's
 * unreserved and sub-delims ("-._~!$&'()*+,;=:"), and what the part may
 * hold besides: "@/" in a path, and '?' in a query or fragment. */
enum keep { KEEP_USER, KEEP_PATH, KEEP_QUERY };

static bool keeps(unsigned char c, enum keep part)
{
	switch (c) {
	case '-': case '.': case '_': case '~': case '!': case '$': case '&':
	case '\'': case '(': case ')': case '*': case '+': case ',': case ';':
	case '=': case ':':
		return true;
	case '@': case '/':
		return part >= KEEP_PATH;
	case '?':
		return part == KEEP_QUERY;
	default:
		return false;
	}
}

/* s[0..n) with every byte a URL may not hold as %XX; a '%' that does
 * not start an escape becomes "%25" (browsers keep "%zz" that way). */
static void put_encoded(struct buf *b, const char *s, size_t n, enum keep keep)
{
	static const char hex[] = "0123456789ABCDEF";
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '%' && i + 2 < n && ascii_isxdigit((unsigned char)s[i + 1]) &&
		    ascii_isxdigit((unsigned char)s[i + 2])) {
			buf_char(b, '%');
		} else if (ascii_isalnum(c) || keeps(c, keep)) {
			buf_char(b, (char)c);
		} else {
			char e[3] = { '%', hex[c >> 4], hex[c & 15] };
			buf_add(b, e, 3);
		}
	}
}

/* A host as a URL holds it: lower-cased ASCII, IDNA for any other
 * letters; false when it cannot be a host.  IDNA's mapping can make
 * the URL's own delimiters ("\u2049" becomes "!?"): such a host is
 * none, or the URL would read differently a second time. */
static bool put_host(struct buf *b, const char *h, size_t n)
{
	char *copy = strndup(h, n), *ascii = NULL;
	bool ok = copy != NULL;
	const char *src = copy;
	for (size_t i = 0; ok && i < n; i++)
		if ((unsigned char)copy[i] >= 0x80) {
			ok = dl_load(&idn2_lib) &&
			     idn2.to_ascii_8z(copy, &ascii, IDN2_NONTRANSITIONAL |
					      IDN2_NFC_INPUT) == IDN2_OK;
			src = ascii;
			break;
		}
	for (const char *p = src; ok && *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c <= ' ' || c >= 0x7f || strchr("\"<>\\^`{|}[]#/:?@", c))
			ok = false;
		else
			buf_char(b, (char)ascii_tolower(c));
	}
	free(copy);
	if (ascii)
		idn2.free(ascii);
	return ok;
}

/* userinfo@host:port; an IPv6 literal ("[::1]") is kept as written. */
static bool put_authority(struct buf *b, struct span a)
{
	const char *at = NULL, *end = a.p + a.n, *host, *colon = NULL;
	for (const char *p = a.p; p < end; p++)
		if (*p == '@')
			at = p;
	if (at) {
		put_encoded(b, a.p, (size_t)(at - a.p), KEEP_USER);
		buf_char(b, '@');
	}
	host = at ? at + 1 : a.p;
	if (host < end && *host == '[') {
		const char *close = memchr(host, ']', (size_t)(end - host));
		if (!close)
			return false;
		for (const char *p = host + 1; p < close; p++)
			if (!ascii_isxdigit((unsigned char)*p) && *p != ':' && *p != '.')
				return false;
		buf_add(b, host, (size_t)(close + 1 - host));
		host = close + 1;
		if (host < end && *host != ':')
			return false;
		colon = host < end ? host : NULL;
	} else {
		colon = memrchr(host, ':', (size_t)(end - host));
		if (!put_host(b, host, (size_t)((colon ? colon : end) - host)))
			return false;
	}
	if (colon) {
		for (const char *p = colon + 1; p < end; p++)
			if (!ascii_isdigit((unsigned char)*p))
				return false;
		buf_add(b, colon, (size_t)(end - colon));
	}
	return true;
}

/* The target as a string: encoded when it is a URL (has a scheme); a
 * relative result (a file path) is kept as cleaned. */
static bool first_segment_has_colon(const char *path)
{
	size_t n = strcspn(path, "/");
	return memchr(path, ':', n) != NULL;
}

static char *write_url(const struct url_ref *t, const char *path)
{
	struct buf b = {0};
	bool url = t->scheme.on;
	if (url) {
		for (size_t i = 0; i < t->scheme.n; i++)
			buf_char(&b, (char)ascii_tolower((unsigned char)t->scheme.p[i]));
		buf_char(&b, ':');
	}
	if (t->auth.on) {
		buf_add(&b, "//", 2);
		if (!url)
			buf_add(&b, t->auth.p, t->auth.n);
		else if (!put_authority(&b, t->auth)) {
			buf_free(&b);
			return NULL;
		}
	}
	if (url && t->auth.on && !*path && is_special(t->scheme))
		buf_char(&b, '/');
	/* A path starting "//" without an authority would read back as
	 * one: "/." before it keeps it a path (RFC 3986 5.3, WHATWG). */
	if (!t->auth.on && path[0] == '/' && path[1] == '/')
		buf_add(&b, "/.", 2);
	/* Nor may a relative result's first segment hold a ':' (it would
	 * read back as a scheme): "./" before it (RFC 3986 4.2).  The same
	 * for a first '-': handed to a program (the pager's $BROWSER), a
	 * page's "--remote=..." would read as an option. */
	if (!url && !t->auth.on && (first_segment_has_colon(path) || path[0] == '-'))
		buf_add(&b, "./", 2);
	if (url)
		put_encoded(&b, path, strlen(path), KEEP_PATH);
	else
		buf_add(&b, path, strlen(path));
	if (t->query.on) {
		buf_char(&b, '?');
		if (url)
			put_encoded(&b, t->query.p, t->query.n, KEEP_QUERY);
		else
			buf_add(&b, t->query.p, t->query.n);
	}
	if (t->frag.on) {
		buf_char(&b, '#');
		if (url)
			put_encoded(&b, t->frag.p, t->frag.n, KEEP_QUERY);
		else
			buf_add(&b, t->frag.p, t->frag.n);
	}
	return buf_take(&b);
}

/* href as a browser reads it: tabs and newlines inside dropped, then
 * cleaned as all page text is (controls, escape sequences, invalid
 * UTF-8 and invisible characters removed, ends trimmed). */
static char *read_href(const char *href, bool *oom)
{
	size_t n = strlen(href), k = 0;
	char *s = malloc(n + 1);
	*oom = !s;
	if (!s)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (href[i] != '\t' && href[i] != '\n' && href[i] != '\r')
			s[k++] = href[i];
	k = text_clean(s, k);
	s[k] = '\0';
	if (k == 0) {
		free(s);
		return NULL;
	}
	return s;
}

/* '\' is '/' before any query in an http(s) URL, as browsers read it. */
static void backslashes_to_slashes(char *s)
{
	for (; *s && *s != '?' && *s != '#'; s++)
		if (*s == '\\')
			*s = '/';
}

struct url_base {
	char *clean;            /* NULL: no base */
	struct url_ref ref;     /* its parts, pointing into clean */
};

struct url_base *url_base_new(const char *base)
{
	struct url_base *b = calloc(1, sizeof *b);
	bool oom;
	if (!b)
		return NULL;
	/* The base cleaned like the href: a relative result keeps its
	 * bytes, and a file name need not be UTF-8. */
	if (base && *base && !(b->clean = read_href(base, &oom)) && oom) {
		free(b);
		return NULL;
	}
	if (b->clean)
		parse_ref(b->clean, strlen(b->clean), &b->ref);
	return b;
}

void url_base_free(struct url_base *b)
{
	if (b)
		free(b->clean);
	free(b);
}

char *url_resolve(const char *base, const char *href)
{
	struct url_base *b;
	char *out;
	if (!href || !*href)
		return NULL;
	if (!(b = url_base_new(base)))
		return NULL;
	out = url_resolve_at(b, href);
	url_base_free(b);
	return out;
}

char *url_resolve_at(const struct url_base *base, const char *href)
{
	struct url_ref b = base->ref, r, t;
	char *h, *path = NULL, *out = NULL;
	bool oom;
	if (!href || !(h = read_href(href, &oom)))
		return NULL;
	parse_ref(h, strlen(h), &r);
	if (span_is(r.scheme, "javascript") || span_is(r.scheme, "data") ||
	    span_is(r.scheme, "vbscript"))
		goto done;
	if (is_special(r.scheme.on ? r.scheme : b.scheme)) {
		backslashes_to_slashes(h);
		parse_ref(h, strlen(h), &r);
	}
	/* "http:page.html" on an http page is relative (WHATWG). */
	if (r.scheme.on && !r.auth.on && is_special(r.scheme) && b.scheme.on &&
	    r.scheme.n == b.scheme.n && !ascii_ncasecmp(r.scheme.p, b.scheme.p, b.scheme.n))
		r.scheme.on = false;
	if (resolve_ref(&b, &r, &t, &path))
		out = write_url(&t, path);

done:
	free(path);
	free(h);
	return out;
}

bool url_is_http(const char *url)
{
	size_t k = 0;
	if (!url)
		return false;
	if (ascii_ncasecmp(url, "http://", 7) == 0)
		k = 7;
	else if (ascii_ncasecmp(url, "https://", 8) == 0)
		k = 8;
	return k && url[k] && url[k] != '/' && url[k] != '?' && url[k] != '#';
}
