/* meta-refresh.h - <meta http-equiv="refresh"> read from the parsed page
 * (like every other tag, so comments, scripts, quoting and charsets are
 * the parser's business, not a tokenizer's). */
#ifndef FOLIO_META_REFRESH_H
#define FOLIO_META_REFRESH_H

#include <stddef.h>
#include <libxml/tree.h>

/* A refresh's content attribute, "N; url=TARGET", read as the HTML
 * standard's declarative refresh steps do: returns the delay in seconds
 * (capped at 100000) and points *target / *target_len at TARGET inside
 * content, quotes stripped; -1 when the value is not a refresh, or is
 * one to the page itself (no TARGET). */
long meta_refresh_parse(const char *content, const char **target, size_t *target_len);

/* The target of the document's first valid <meta http-equiv="refresh">
 * with a target, resolved (util-url) against the document's base (its
 * <base href>, else doc_url), when its delay is at most max_delay_s and
 * the target is http or https.  malloc'd absolute URL, or NULL. */
char *meta_refresh(xmlDocPtr doc, const char *doc_url, long max_delay_s);

#endif
