/* page-type.h - what a response or file is: an HTML page, a feed, or
 * something folio does not read.  The opener's one decision, from the
 * content type AND the document's root element (sniffed after any BOM,
 * XML declaration, processing instructions, comments and DOCTYPE, in
 * UTF-8, any ASCII-based charset, UTF-16 or UTF-32).  An HTML page then
 * goes on to page-kind.h (an article or a list of stories). */
#ifndef FOLIO_PAGE_TYPE_H
#define FOLIO_PAGE_TYPE_H

#include <stdbool.h>
#include <stddef.h>

enum page_type {
	PAGE_TYPE_HTML,         /* read by extraction (page-kind.h) */
	PAGE_TYPE_FEED,         /* RSS, Atom or RDF: feed-parse.h */
	PAGE_TYPE_REFUSED,      /* "not HTML" (STATUS_NOT_HTML) */
};

/* What the document's first element says. */
enum page_root {
	PAGE_ROOT_NONE,         /* no element: text, binary, empty */
	PAGE_ROOT_HTML,         /* <html> or a DOCTYPE html */
	PAGE_ROOT_FEED,         /* <rss>, <feed>, <rdf:RDF> (any prefix) */
	PAGE_ROOT_XML,          /* another element after an XML declaration */
	PAGE_ROOT_ELEMENT,      /* another element, no XML declaration: HTML's
				 * way (pages that omit <html>) */
};

/* The root element of body (at most its first 64 KiB are read). */
enum page_root page_type_root(const char *body, size_t len);

/* The decision.  content_type: lower-case media type without parameters
 * (fetch.h's), NULL or "" when there is none (a file, stdin, a server
 * that sent none).  Without a type the root decides; strict (a network
 * response) refuses bytes that look neither like HTML nor like a feed,
 * where a file would be read as HTML (it may be plain text).  An HTML
 * type holding a feed is a feed; a feed type holding <html> is HTML;
 * XML types are what their root is, and refused when neither. */
enum page_type page_type_of(const char *content_type, const char *body, size_t len,
			    bool strict);

/* Whether a response of this media type can be anything but refused,
 * known before its body is read (so fetch.h can stop the transfer):
 * HTML types, and with feeds the feed and XML types.  fetch_opts'
 * accept_type takes page_type_accepts_html or page_type_accepts_any. */
bool page_type_accepts_html(const char *content_type, void *unused);
bool page_type_accepts_any(const char *content_type, void *unused);

#endif
