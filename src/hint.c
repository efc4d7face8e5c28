/* hint.c - class/id word matching by token. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "folio/dom.h"
#include "folio/hint.h"

bool hint_token_str(const char *v, const char *const *words)
{
	while (v && *v) {
		while (*v && !isalnum((unsigned char)*v))
			v++;
		const char *e = v;
		while (*e && isalnum((unsigned char)*e))
			e++;
		for (int i = 0; words[i] && e > v; i++) {
			size_t k = strlen(words[i]);
			if ((size_t)(e - v) >= k && !strncasecmp(v, words[i], k))
				return true;
		}
		v = e;
	}
	return false;
}

bool hint_token(xmlNodePtr n, const char *const *words)
{
	return hint_token_str(dom_attr_raw(n, "class"), words) ||
	       hint_token_str(dom_attr_raw(n, "id"), words);
}
