/* dom-hint.h - folio's one class/id matcher: does an element's class
 * or id carry one of a list of words (lower case, NULL-terminated;
 * ASCII case is ignored)?  Three ways to meet a word:
 *
 *   hint_token        an alphanumeric token starts with it: "nav"
 *                     meets "navbar", "main-nav", not "canvas"
 *   hint_token_exact  a token is it: "ad" meets "top-ad", not "address"
 *   hint_inside       a class name (split at white space) holds it
 *                     anywhere, for words long enough to be safe:
 *                     "sr-only" meets "js-sr-only" */
#ifndef FOLIO_DOM_HINT_H
#define FOLIO_DOM_HINT_H

#include <stdbool.h>
#include <libxml/tree.h>

#include <stddef.h>
#include "folio/util-ascii.h"
#include "folio/util-index.h"

/* The tokenizer behind hint_token: the next run of ASCII letters and
 * digits at or after v (*len bytes long), or NULL at the end. */
static inline const char *hint_next_token(const char *v, size_t *len)
{
	while (*v && !ascii_isalnum((unsigned char)*v))
		v++;
	const char *e = v;
	while (ascii_isalnum((unsigned char)*e))
		e++;
	*len = (size_t)(e - v);
	return e > v ? v : NULL;
}

/* Does a class/id token of n start with one of words? */
bool hint_token(xmlNodePtr n, const char *const *words);

/* hint_token, and also a camelCase part of a token starts with one of
 * words: "time" meets "pubTime", "date" meets "entryWithDate". */
bool hint_token_part(xmlNodePtr n, const char *const *words);

/* An element's class and id, read once for a walk that asks several
 * word lists of every element (the dateline's after the headline). */
struct hint_attrs {
	const char *cls, *id;
};

void hint_attrs_read(xmlNodePtr n, struct hint_attrs *ha);

/* hint_token and hint_token_part on attributes already read. */
bool hint_attrs_token(const struct hint_attrs *ha, const char *const *words);
bool hint_attrs_token_part(const struct hint_attrs *ha, const char *const *words);

/* Several word lists asked of the same tokens (the byline scan asks
 * five of every element's class and id): the words of all the lists
 * indexed by first letter, so a token is compared with the few words
 * that start as it does, once for all the lists. */
#define HINT_MARKS_MAX 128

struct hint_marks {
	struct {
		const char *word;
		unsigned bit;   /* 1 << its list's position */
	} words[HINT_MARKS_MAX];
	struct name_index ix;
};

/* Index lists (NULL-terminated, of NULL-terminated lists of lower-case
 * words; at most 32 lists and HINT_MARKS_MAX words in all). */
void hint_marks_build(struct hint_marks *m, const char *const *const *lists);

/* The bits of the lists one of whose words token t[0..len) starts
 * with: bit i set when hint_token_str would find list i in the token. */
unsigned hint_marks_token(const struct hint_marks *m, const char *t, size_t len);

/* Whole tokens only: "ad" matches "ad" and "top-ad", not "address". */
bool hint_token_exact(xmlNodePtr n, const char *const *words);

/* The same test on a plain string of tokens (e.g. an image URL). */
bool hint_token_str(const char *value, const char *const *words);

/* Does a class name or the id of n hold one of want and, when avoid is
 * given, none of avoid (in that same name)? */
bool hint_inside(xmlNodePtr n, const char *const *want, const char *const *avoid);

/* Is href the site's home page ("/", "https://host/")? */
bool hint_home_link(const char *href);

/* A heading that is (or wraps) a link to the home page: the site's
 * logo, not the article's headline. */
bool hint_logo_heading(xmlNodePtr h);

#endif
