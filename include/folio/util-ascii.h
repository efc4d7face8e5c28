/* util-ascii.h - ASCII-only character classes and case-insensitive
 * comparisons for markup, protocols, headers, class and charset names.
 *
 * The pager calls setlocale(LC_ALL, ""), after which <ctype.h> and
 * strcasecmp() follow the user's locale: under tr_TR.UTF-8 'I' does not
 * fold to 'i', so "TITLE" would not match "title".  Page data is never
 * compared with those; these helpers look at ASCII bytes only and leave
 * every other byte (UTF-8 included) as it is, in any locale.
 *
 * The classifiers take an int like <ctype.h> but accept any value: a
 * negative one (a plain char >= 0x80) is simply not in the class.
 */
#ifndef FOLIO_UTIL_ASCII_H
#define FOLIO_UTIL_ASCII_H

#include <stdbool.h>
#include <stddef.h>

static inline int ascii_isupper(int c) { return c >= 'A' && c <= 'Z'; }
static inline int ascii_islower(int c) { return c >= 'a' && c <= 'z'; }
/* One range test: setting bit 5 maps 'A'..'Z' onto 'a'..'z' and
 * nothing else there (the class tests run on every byte of class names). */
static inline int ascii_isalpha(int c) { return (unsigned)(c | 0x20) - 'a' < 26u; }
static inline int ascii_isdigit(int c) { return c >= '0' && c <= '9'; }
static inline int ascii_isalnum(int c) { return ascii_isalpha(c) || ascii_isdigit(c); }

static inline int ascii_isxdigit(int c)
{
	return ascii_isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* The C locale's white space: space, \t \n \v \f \r. */
static inline int ascii_isspace(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Printable, not a letter, digit or space: the C locale's ispunct(). */
static inline int ascii_ispunct(int c)
{
	return c > ' ' && c < 0x7f && !ascii_isalnum(c);
}

static inline int ascii_tolower(int c) { return ascii_isupper(c) ? c + ('a' - 'A') : c; }
static inline int ascii_toupper(int c) { return ascii_islower(c) ? c - ('a' - 'A') : c; }

/* strncasecmp() with ASCII folding: <0, 0 or >0 over at most n bytes. */
static inline int ascii_ncasecmp(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int ca = ascii_tolower((unsigned char)a[i]);
		int cb = ascii_tolower((unsigned char)b[i]);
		if (ca != cb || ca == 0)
			return ca - cb;
	}
	return 0;
}

static inline int ascii_casecmp(const char *a, const char *b)
{
	return ascii_ncasecmp(a, b, (size_t)-1);
}

/* strcasestr() with ASCII folding: the first match of needle in hay.
 * Called on every class attribute and many texts: the needle's first
 * byte, in either case, is looked for before the rest is compared. */
static inline char *ascii_casestr(const char *hay, const char *needle)
{
	size_t n = 0;
	while (needle[n])
		n++;
	if (n == 0)
		return (char *)hay;
	int lo = ascii_tolower((unsigned char)needle[0]);
	int up = ascii_toupper((unsigned char)needle[0]);
	for (; *hay; hay++) {
		int c = (unsigned char)*hay;
		if ((c == lo || c == up) && ascii_ncasecmp(hay + 1, needle + 1, n - 1) == 0)
			return (char *)hay;
	}
	return NULL;
}

/* Is word one of the whitespace-separated tokens of list, ASCII case
 * ignored ("alternate" of rel="Alternate home", "datePublished" of
 * itemprop="name datePublished")?  NULL list: no. */
static inline bool ascii_has_token(const char *list, const char *word)
{
	size_t k = 0;
	while (word[k])
		k++;
	while (list && *list) {
		while (*list == ' ' || *list == '\t' || *list == '\r' || *list == '\n' ||
		       *list == '\f')
			list++;
		size_t n = 0;
		while (list[n] && list[n] != ' ' && list[n] != '\t' && list[n] != '\r' &&
		       list[n] != '\n' && list[n] != '\f')
			n++;
		if (n && n == k && !ascii_ncasecmp(list, word, k))
			return true;
		list += n;
	}
	return false;
}

#endif
