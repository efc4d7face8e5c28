/* dom-hint.c - class/id word matching by token. */
#include <string.h>

#include "folio/dom.h"
#include "folio/dom-hint.h"
#include "folio/util-ascii.h"

static bool match_tokens(const char *v, const char *const *words, bool exact)
{
	while (v && *v) {
		while (*v && !ascii_isalnum((unsigned char)*v))
			v++;
		const char *e = v;
		while (*e && ascii_isalnum((unsigned char)*e))
			e++;
		int first = ascii_tolower((unsigned char)*v);
		for (int i = 0; words[i] && e > v; i++) {
			if (words[i][0] != first)  /* the words are lower-case */
				continue;
			size_t k = strlen(words[i]);
			size_t len = (size_t)(e - v);
			if ((exact ? len == k : len >= k) && !ascii_ncasecmp(v, words[i], k))
				return true;
		}
		v = e;
	}
	return false;
}

bool hint_token_str(const char *v, const char *const *words)
{
	return match_tokens(v, words, false);
}

bool hint_token(xmlNodePtr n, const char *const *words)
{
	return match_tokens(dom_attr_raw(n, "class"), words, false) ||
	       match_tokens(dom_attr_raw(n, "id"), words, false);
}

bool hint_token_exact(xmlNodePtr n, const char *const *words)
{
	return match_tokens(dom_attr_raw(n, "class"), words, true) ||
	       match_tokens(dom_attr_raw(n, "id"), words, true);
}

/* Is this href the site's home page ("/", "https://host/")? */
bool hint_home_link(const char *href)
{
	if (!href)
		return false;
	const char *p = href;
	if (!ascii_ncasecmp(p, "http://", 7))
		p += 7;
	else if (!ascii_ncasecmp(p, "https://", 8))
		p += 8;
	else if (!strncmp(p, "//", 2))
		p += 2;
	else
		return !strcmp(p, "/") || !strcmp(p, "./") || !*p;
	const char *slash = strchr(p, '/');
	return !slash || !strcmp(slash, "/") || !strncmp(slash, "/?", 2) ||
	       !strncmp(slash, "/#", 2);
}

/* An h1 that is (or wraps) a link to the home page is the site's logo. */
bool hint_logo_heading(xmlNodePtr h1)
{
	for (xmlNodePtr a = h1; a; a = a->parent)
		if (dom_is(a, "a"))
			return hint_home_link(dom_attr_raw(a, "href"));
	for (xmlNodePtr n = h1->children; n; n = dom_next(n, h1, false))
		if (dom_is(n, "a") && hint_home_link(dom_attr_raw(n, "href")))
			return true;
	return false;
}

