/* hint.c - class/id word matching by token. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "folio/dom.h"
#include "folio/hint.h"

static bool match_tokens(const char *v, const char *const *words, bool exact)
{
	while (v && *v) {
		while (*v && !isalnum((unsigned char)*v))
			v++;
		const char *e = v;
		while (*e && isalnum((unsigned char)*e))
			e++;
		for (int i = 0; words[i] && e > v; i++) {
			size_t k = strlen(words[i]);
			size_t len = (size_t)(e - v);
			if ((exact ? len == k : len >= k) && !strncasecmp(v, words[i], k))
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
