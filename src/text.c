/* text.c - UTF-8 validation and the cleaning every page string goes
 * through before it reaches an article (and so, later, a terminal). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include "folio/text.h"
#include "folio/util-ascii.h"

bool text_is_utf8(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	uint32_t cp;

	while (i < len) {
		uint64_t w;
		if (i + 8 <= len && (memcpy(&w, u + i, 8), !(w & TEXT_BYTES(0x80)))) {
			i += 8;         /* eight ASCII bytes */
			continue;
		}
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		size_t n = text_utf8_next(u + i, len - i, &cp);
		if (n == 0)
			return false;
		i += n;
	}
	return true;
}

/* Characters that vanish, by their Unicode properties (libunistring):
 * the default-ignorable ones (soft hyphen, zero-width space, word
 * joiner, invisible operators, BOM, Mongolian vowel separator, tag
 * characters U+E0000-E007F, ...), every bidi control (LRM, RLM, ALM,
 * embeddings, overrides, isolates: they reorder what the terminal
 * shows, the "Trojan Source" trick), noncharacters and the other format
 * characters (Cf: interlinear annotation marks, Arabic number signs a
 * terminal cannot join).  ZWJ, ZWNJ and variation selectors stay:
 * Persian, Indic scripts and emoji sequences need them. */
static bool is_invisible(uint32_t c)
{
	/* None in the blocks most text is written in (test_text checks
	 * them against the properties): below U+0600 but U+00AD (soft
	 * hyphen) and U+034F (combining grapheme joiner); dashes, quotes and
	 * the ellipsis (U+2010-2027); per mille to the medium math space;
	 * superscripts to Hangul compatibility jamo, but the Hangul filler
	 * U+3164; CJK and Hangul syllables below the noncharacters at
	 * U+FDD0.  There they take no lookup: each property table touched
	 * maps up to 64 KiB of libunistring into every run (make bench's
	 * RSS). */
	if (c < 0xAD || (c > 0xAD && c < 0x34F) || (c > 0x34F && c < 0x600) ||
	    (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205F) ||
	    (c >= 0x2070 && c < 0x3164) || (c > 0x3164 && c < 0xFDD0))
		return false;
	if (uc_is_property_join_control(c) || uc_is_property_variation_selector(c))
		return false;
	return uc_is_property_default_ignorable_code_point(c) ||
	       uc_is_property_bidi_control(c) || uc_is_property_not_a_character(c) ||
	       uc_is_general_category(c, UC_CATEGORY_Cf);
}

static bool is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v' || c == 0xA0 || c == 0x1680 ||
	       (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
	       c == 0x202F || c == 0x205F || c == 0x3000 || c == 0x85;
}

/* Escape-sequence introducers, whether 7-bit (after ESC) or 8-bit. */
enum seq { SEQ_NONE, SEQ_CSI, SEQ_STRING, SEQ_OTHER };

/* Length of the escape sequence starting at s[0] (ESC or an 8-bit
 * introducer already decoded as cp of n bytes).  A CSI runs to its
 * final byte; a string (OSC, DCS, SOS, PM, APC) to BEL or ST.  When a
 * string has no terminator, only the introducer goes: what follows is
 * printable text and harmless once every control is gone. */
static size_t escape_len(const unsigned char *s, size_t len, size_t n, enum seq kind)
{
	size_t i = n;

	if (kind == SEQ_CSI) {
		while (i < len && s[i] >= 0x20 && s[i] <= 0x3F)
			i++;
		if (i < len && s[i] >= 0x40 && s[i] <= 0x7E)
			return i + 1;
		return i;       /* malformed: drop what was consumed */
	}
	if (kind == SEQ_STRING) {
		for (; i < len; i++) {
			if (s[i] == 0x07)
				return i + 1;
			if (s[i] == 0x1B && i + 1 < len && s[i + 1] == '\\')
				return i + 2;
			if (s[i] == 0xC2 && i + 1 < len && s[i + 1] == 0x9C)
				return i + 2;
		}
		return n;
	}
	/* ESC, intermediates 0x20-0x2F, one final byte 0x30-0x7E. */
	while (i < len && s[i] >= 0x20 && s[i] <= 0x2F)
		i++;
	if (i < len && s[i] >= 0x30 && s[i] <= 0x7E)
		return i + 1;
	return i;
}

/* Is s[i] the start of an escape sequence?  Sets *n to its length.
 * *no_term (SIZE_MAX at first) remembers the offset from which no string
 * terminator follows: a page of unterminated OSC introducers would
 * otherwise be scanned to its end once per introducer (quadratic). */
static bool at_escape(const unsigned char *s, size_t len, size_t i, uint32_t cp,
		      size_t cplen, size_t *n, size_t *no_term)
{
	enum seq kind = SEQ_NONE;
	size_t intro = cplen;

	if (cp == 0x1B) {
		unsigned char next = i + 1 < len ? s[i + 1] : 0;
		intro = 2;
		if (next == '[')
			kind = SEQ_CSI;
		else if (next == ']' || next == 'P' || next == 'X' || next == '^' || next == '_')
			kind = SEQ_STRING;
		else {
			kind = SEQ_OTHER;
			intro = 1;
		}
	} else if (cp == 0x9B) {
		kind = SEQ_CSI;
	} else if (cp == 0x9D || cp == 0x90 || cp == 0x98 || cp == 0x9E || cp == 0x9F) {
		kind = SEQ_STRING;
	}
	if (kind == SEQ_NONE)
		return false;
	if (intro > len - i)
		intro = len - i;
	if (kind == SEQ_STRING && i + intro >= *no_term) {
		*n = intro;
		return true;
	}
	*n = escape_len(s + i, len - i, intro, kind);
	if (kind == SEQ_STRING && *n == intro)
		*no_term = i + intro;
	return true;
}

/* The one cleaning loop, in place (the output never outgrows the input:
 * every space or newline written stands for at least one byte consumed).
 * keep_lines: '\n' survives (at most one blank line in a row), spaces
 * inside a line are kept one for one (indentation matters in pre), a
 * tab becomes one space, and spaces before a newline go. */
static size_t clean(char *str, size_t len, bool keep_lines)
{
	unsigned char *s = (unsigned char *)str;
	size_t r = 0, w = 0, spaces = 0, no_term = SIZE_MAX;
	int pending_nl = 0;

	while (r < len) {
		uint32_t cp;
		size_t n, esc;
		unsigned char ch = s[r];

		/* Fast paths: a run of printable ASCII (a word; its first
		 * letter writes the one space before it), and ASCII white
		 * space. */
		if (ch > 0x20 && ch < 0x7F) {
			if (pending_nl || (spaces && keep_lines))
				goto slow;
			if (spaces) {
				s[w++] = ' ';
				spaces = 0;
			}
			do
				s[w++] = s[r++];
			while (r < len && s[r] > 0x20 && s[r] < 0x7F);
			continue;
		}
		if (!keep_lines && (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r')) {
			if (w > 0)
				spaces++;
			r++;
			continue;
		}
slow:
		n = text_utf8_next(s + r, len - r, &cp);
		if (n == 0) {           /* invalid byte: drop it */
			r++;
			continue;
		}
		r += n;
		if ((cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) &&
		    at_escape(s, len, r - n, cp, n, &esc, &no_term)) {
			r += (esc > n ? esc : n) - n;
			continue;
		}
		if (keep_lines && (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029)) {
			if (cp == '\r' && r < len && s[r] == '\n')
				r++;
			if (w > 0)
				pending_nl++;
			spaces = 0;
			continue;
		}
		if (is_space(cp)) {
			if (keep_lines || w > 0)
				spaces++;
			continue;
		}
		if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || is_invisible(cp))
			continue;
		if (pending_nl) {
			int lines = pending_nl > 2 ? 2 : pending_nl;
			while (lines--)
				s[w++] = '\n';
			pending_nl = 0;
		}
		if (spaces && !keep_lines)
			spaces = 1;
		while (spaces) {
			s[w++] = ' ';
			spaces--;
		}
		/* at most 4 bytes, and w <= r - n: a forward copy is safe */
		for (size_t i = 0; i < n; i++)
			s[w++] = s[r - n + i];
	}
	return w;
}

size_t text_clean(char *s, size_t len)
{
	if (!s)
		return 0;
	len = clean(s, len, false);
	s[len] = '\0';
	return len;
}

size_t text_clean_keep_lines(char *s, size_t len)
{
	if (!s)
		return 0;
	len = clean(s, len, true);
	s[len] = '\0';
	return len;
}

char *text_clean_dup(const char *s, size_t len)
{
	char *d;

	if (!s)
		return NULL;
	d = malloc(len + 1);
	if (!d)
		return NULL;
	memcpy(d, s, len);
	len = text_clean(d, len);
	if (len == 0) {
		free(d);
		return NULL;
	}
	return d;
}

size_t text_clean_inner(char *s, size_t len, bool *lead_space, bool *trail_space)
{
	unsigned char *u = (unsigned char *)s;
	size_t i = 0;
	uint32_t cp;
	size_t n;

	*lead_space = false;
	*trail_space = false;
	if (len == 0)
		return 0;
	/* Whether the raw text starts or ends in white space decides if a
	 * word boundary exists at the joins with the neighbours. */
	n = text_utf8_next(u, len, &cp);
	if (n && is_space(cp))
		*lead_space = true;
	i = len;
	while (i > 0 && (u[i - 1] & 0xC0) == 0x80)
		i--;
	if (i > 0)
		i--;
	n = text_utf8_next(u + i, len - i, &cp);
	if (n && is_space(cp))
		*trail_space = true;
	len = clean(s, len, false);
	s[len] = '\0';
	return len;
}

/* Bytes from s that no escape sequence starts with: not a C0 control,
 * DEL, or 0xC2 (the first byte of a C1 control), eight at a time. */
static size_t no_escape_run(const unsigned char *s, size_t len)
{
	size_t i = 0;
	uint64_t w;

	while (i + 8 <= len) {
		memcpy(&w, s + i, 8);
		if (text_word_has_below(w, 0x20) || text_word_has(w, 0x7F) ||
		    text_word_has(w, 0xC2))
			break;
		i += 8;
	}
	while (i < len && s[i] >= 0x20 && s[i] != 0x7F && s[i] != 0xC2)
		i++;
	return i;
}

size_t text_strip_escapes(char *str, size_t len)
{
	unsigned char *s = (unsigned char *)str;
	size_t r = 0, w = 0, no_term = SIZE_MAX;

	while (r < len) {
		uint32_t cp;
		size_t n = no_escape_run(s + r, len - r), esc;

		if (n) {                /* the common case, fast */
			if (w != r)
				memmove(s + w, s + r, n);
			w += n;
			r += n;
			continue;
		}
		n = text_utf8_next(s + r, len - r, &cp);
		if (n == 0) {
			s[w++] = s[r++];
			continue;
		}
		if ((cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) &&
		    at_escape(s, len, r, cp, n, &esc, &no_term)) {
			r += esc > n ? esc : n;
			continue;
		}
		memmove(s + w, s + r, n);
		w += n;
		r += n;
	}
	if (w < len)
		s[w] = '\0';
	return w;
}

size_t text_count_words(const char *s, size_t len)
{
	size_t n = 0;
	bool in = false;

	for (size_t i = 0; i < len; i++) {
		bool sp = ascii_isspace((unsigned char)s[i]);
		n += !sp && !in;
		in = !sp;
	}
	return n;
}

char *text_lower(const char *s, size_t len, char *buf, size_t *out_len)
{
	size_t i = 0;
	while (i < len && (unsigned char)s[i] < 0x80)
		i++;
	if (i < len)
		return (char *)u8_tolower((const uint8_t *)s, len, NULL, NULL,
					  (uint8_t *)buf, out_len);
	char *out = buf && len <= *out_len ? buf : malloc(len ? len : 1);
	if (!out)
		return NULL;
	for (i = 0; i < len; i++)
		out[i] = (char)ascii_tolower((unsigned char)s[i]);
	*out_len = len;
	return out;
}
