/* dom-hint.c - class/id word matching by token. */
#include <string.h>

#include "folio/dom.h"
#include "folio/dom-hint.h"
#include "folio/util-ascii.h"

/* Does token t[0..len) start with (exact: equal) one of words? */
static bool token_matches(const char *t, size_t len, const char *const *words, bool exact)
{
	int first = ascii_tolower((unsigned char)*t);

	for (int i = 0; words[i]; i++) {
		if (words[i][0] != first)  /* the words are lower-case */
			continue;
		size_t k = strlen(words[i]);
		if ((exact ? len == k : len >= k) && !ascii_ncasecmp(t, words[i], k))
			return true;
	}
	return false;
}

static bool match_tokens(const char *v, const char *const *words, bool exact)
{
	size_t len;

	for (const char *t; v && (t = hint_next_token(v, &len)); v = t + len)
		if (token_matches(t, len, words, exact))
			return true;
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

/* Does a part of token t[0..len) that starts at a case change
 * ("pub|Time") start with one of words? */
static bool part_matches(const char *t, size_t len, const char *const *words)
{
	for (size_t at = 1; at < len; at++) {
		if (!ascii_isupper((unsigned char)t[at]) ||
		    !ascii_islower((unsigned char)t[at - 1]))
			continue;
		for (int i = 0; words[i]; i++) {
			size_t k = strlen(words[i]);
			if (len - at >= k && !ascii_ncasecmp(t + at, words[i], k))
				return true;
		}
	}
	return false;
}

/* A token, or a camelCase part of one, starts with one of words. */
static bool match_tokens_parts(const char *v, const char *const *words)
{
	size_t len;

	for (const char *t; v && (t = hint_next_token(v, &len)); v = t + len)
		if (token_matches(t, len, words, false) || part_matches(t, len, words))
			return true;
	return false;
}

/* The attributes read once and each token looked at once (the dateline
 * walk asks this of every element after the headline). */
bool hint_token_part(xmlNodePtr n, const char *const *words)
{
	static const char *const names[] = {"class", "id", NULL};
	const char *v[2];

	dom_attrs(n, names, v);
	return match_tokens_parts(v[0], words) || match_tokens_parts(v[1], words);
}

void hint_attrs_read(xmlNodePtr n, struct hint_attrs *ha)
{
	static const char *const names[] = {"class", "id", NULL};
	const char *v[2];

	dom_attrs(n, names, v);
	ha->cls = v[0];
	ha->id = v[1];
}

bool hint_attrs_token(const struct hint_attrs *ha, const char *const *words)
{
	return match_tokens(ha->cls, words, false) || match_tokens(ha->id, words, false);
}

bool hint_attrs_token_part(const struct hint_attrs *ha, const char *const *words)
{
	return match_tokens_parts(ha->cls, words) || match_tokens_parts(ha->id, words);
}

void hint_marks_build(struct hint_marks *m, const char *const *const *lists)
{
	size_t n = 0;
	for (unsigned l = 0; lists[l] && l < 32; l++)
		for (size_t i = 0; lists[l][i] && n < HINT_MARKS_MAX; i++) {
			m->words[n].word = lists[l][i];
			m->words[n++].bit = 1u << l;
		}
	name_index_build(&m->ix, m->words, n, sizeof m->words[0]);
}

unsigned hint_marks_token(const struct hint_marks *m, const char *t, size_t len)
{
	unsigned marks = 0;
	int first = ascii_tolower((unsigned char)*t);
	for (int k = m->ix.start[first]; len && k < m->ix.start[first + 1]; k++) {
		size_t wl = m->ix.len[k];
		if (wl <= len && !ascii_ncasecmp(t, m->words[m->ix.order[k]].word, wl))
			marks |= m->words[m->ix.order[k]].bit;
	}
	return marks;
}

bool hint_token_exact(xmlNodePtr n, const char *const *words)
{
	return match_tokens(dom_attr_raw(n, "class"), words, true) ||
	       match_tokens(dom_attr_raw(n, "id"), words, true);
}

/* One of words anywhere in name[0..len)? */
static bool name_holds(const char *name, size_t len, const char *const *words)
{
	for (int i = 0; words && words[i]; i++) {
		size_t k = strlen(words[i]);
		for (size_t at = 0; k && at + k <= len; at++)
			if (!ascii_ncasecmp(name + at, words[i], k))
				return true;
	}
	return false;
}

/* A class name longer than this is no hint, and is not searched (a
 * page's 10 MB attribute costs one pass). */
#define NAME_MAX_LEN 128

static bool names_hold(const char *v, const char *const *want, const char *const *avoid)
{
	while (v && *v) {
		v += strspn(v, " \t\n\r\f");
		size_t len = strcspn(v, " \t\n\r\f");
		if (len && len < NAME_MAX_LEN && name_holds(v, len, want) &&
		    !name_holds(v, len, avoid))
			return true;
		v += len;
	}
	return false;
}

bool hint_inside(xmlNodePtr n, const char *const *want, const char *const *avoid)
{
	return names_hold(dom_attr_raw(n, "class"), want, avoid) ||
	       names_hold(dom_attr_raw(n, "id"), want, avoid);
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

