/* util-url.h - the one URL resolver: a link's href against its page.
 *
 * Resolves as a browser does (RFC 3986 section 5.2, with the WHATWG URL
 * standard's leniency): surrounding white space and C0 controls are
 * trimmed, tabs and newlines inside dropped, '\' is '/' in http(s)
 * URLs; what may not stand in a URL is percent-encoded (non-ASCII as
 * its UTF-8 bytes, space, '|', '"', '<', '>', '^', '`', '{', '}', a '%'
 * that starts no %XX escape) and everything else is kept as written.
 * Scheme and host are lower-cased; a non-ASCII host becomes its IDNA
 * (punycode) form.  Pure: no network, no libcurl.
 */
#ifndef FOLIO_UTIL_URL_H
#define FOLIO_UTIL_URL_H

#include <stdbool.h>

/* Absolute URL for href relative to base (a URL, a file path, or NULL:
 * then href is only cleaned and encoded; a relative base gives a
 * relative result, never starting with '-': "./-e").  malloc'd; NULL for an empty href, a javascript:,
 * data: or vbscript: one, a host that cannot be one (e.g. with a space,
 * or refused by IDNA), or on OOM. */
char *url_resolve(const char *base, const char *href);

/* The same for many hrefs against one base (a page's links): the base
 * is cleaned and split once.  url_base_new(NULL or "") is no base;
 * NULL only on OOM. */
struct url_base;
struct url_base *url_base_new(const char *base);
char *url_resolve_at(const struct url_base *base, const char *href);
void url_base_free(struct url_base *base);

/* Whether url is an absolute http: or https: URL with a host. */
bool url_is_http(const char *url);

#endif
