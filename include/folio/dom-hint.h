/* dom-hint.h - class/id word matching by token, not substring.
 *
 * dom_hint() matches substrings, which is right for boilerplate words
 * but wrong for short ones: "ad-" is inside "head-", "nav" inside
 * "canvas", "author" inside "authorization".  hint_token() splits the
 * class and id values at non-alphanumerics and asks whether a token
 * starts with one of the words. */
#ifndef FOLIO_DOM_HINT_H
#define FOLIO_DOM_HINT_H

#include <stdbool.h>
#include <libxml/tree.h>

/* Does a class/id token of n start with one of words (NULL-terminated,
 * lower case)?  ASCII case is ignored. */
bool hint_token(xmlNodePtr n, const char *const *words);

/* Whole tokens only: "ad" matches "ad" and "top-ad", not "address". */
bool hint_token_exact(xmlNodePtr n, const char *const *words);

/* The same test on a plain string of tokens (e.g. an image URL). */
bool hint_token_str(const char *value, const char *const *words);

/* Is href the site's home page ("/", "https://host/")? */
bool hint_home_link(const char *href);

/* A heading that is (or wraps) a link to the home page: the site's
 * logo, not the article's headline. */
bool hint_logo_heading(xmlNodePtr h);

#endif
