/* text.h - pure UTF-8 text helpers shared by extraction and output. */
#ifndef FOLIO_TEXT_H
#define FOLIO_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistr.h>

/* Scans of a whole page read it eight bytes at a time (w) and look at
 * single bytes only where these say something is there. */
#define TEXT_BYTES(b) (0x0101010101010101ULL * (uint8_t)(b))
/* Some byte of w is below n (n <= 0x80). */
static inline bool text_word_has_below(uint64_t w, uint8_t n)
{
	return ((w - TEXT_BYTES(n)) & ~w & TEXT_BYTES(0x80)) != 0;
}
/* Some byte of w equals b. */
static inline bool text_word_has(uint64_t w, uint8_t b)
{
	return text_word_has_below(w ^ TEXT_BYTES(b), 1);
}

/* Bytes of w, as their high bits (exact per-byte masks: no sum
 * carries into the next byte). */
static inline uint64_t text_word_spaces(uint64_t w)            /* ' ' */
{
	uint64_t x = w ^ TEXT_BYTES(' ');
	return ~(((x & TEXT_BYTES(0x7F)) + TEXT_BYTES(0x7F)) | x) & TEXT_BYTES(0x80);
}

static inline uint64_t text_word_white(uint64_t w)             /* ' ' \t \n \v \f \r */
{
	const uint64_t hi = TEXT_BYTES(0x80), lo7 = TEXT_BYTES(0x7F);
	uint64_t below0e = ~(((w & lo7) + TEXT_BYTES(0x72)) | w) & hi;
	uint64_t from09 = (((w & lo7) + TEXT_BYTES(0x77)) | w) & hi;
	return text_word_spaces(w) | (below0e & from09);
}

static inline uint64_t text_word_controls(uint64_t w)          /* up to ' ' */
{
	return ~(((w & TEXT_BYTES(0x7F)) + TEXT_BYTES(0x5F)) | w) & TEXT_BYTES(0x80);
}

static inline uint64_t text_word_continuations(uint64_t w)     /* 10xxxxxx */
{
	return w & ~(w << 1) & TEXT_BYTES(0x80);
}

/* How many bytes of a mask of high bits (as above) are set: summed in
 * the top byte by one multiply (no popcount instruction in the x86-64
 * baseline; __builtin_popcountll would be a call). */
static inline size_t text_word_count(uint64_t high_bits)
{
	return (size_t)(((high_bits >> 7) * TEXT_BYTES(1)) >> 56);
}

/* The n (< 8) bytes at s as a word, padded with 'x', which no mask
 * here selects. */
static inline uint64_t text_word_tail(const char *s, size_t n)
{
	unsigned char b[8];
	uint64_t w;

	memset(b, 'x', sizeof b);
	memcpy(b, s, n);
	memcpy(&w, b, sizeof w);
	return w;
}

/* How many bytes of s[0, len) select picks, eight at a time. */
static inline size_t text_count_selected(const char *s, size_t len, uint64_t (*select)(uint64_t))
{
	size_t n = 0, i = 0;

	for (; i + 8 <= len; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		n += text_word_count(select(w));
	}
	if (i < len)
		n += text_word_count(select(text_word_tail(s + i, len - i)));
	return n;
}

static inline uint64_t text_word_not_space_chars(uint64_t w)
{
	return text_word_spaces(w) | text_word_continuations(w);
}

static inline uint64_t text_word_not_white_chars(uint64_t w)
{
	return text_word_white(w) | text_word_continuations(w);
}

static inline uint64_t text_word_not_control_chars(uint64_t w)
{
	return text_word_controls(w) | text_word_continuations(w);
}

/* What text_count_chars leaves out besides UTF-8 continuation bytes. */
enum text_skip {
	TEXT_SKIP_SPACE,        /* ' ' */
	TEXT_SKIP_WHITE,        /* ASCII white space: ' ' \t \n \v \f \r */
	TEXT_SKIP_CONTROL,      /* every byte up to ' ' */
};

/* Characters of s[0, len) (bytes that start a UTF-8 sequence) that are
 * not left out by skip. */
static inline size_t text_count_chars(const char *s, size_t len, enum text_skip skip)
{
	return len - text_count_selected(s, len, skip == TEXT_SKIP_SPACE ? text_word_not_space_chars :
						 skip == TEXT_SKIP_WHITE ? text_word_not_white_chars :
						 text_word_not_control_chars);
}

/* ASCII white-space bytes of s[0, len). */
static inline size_t text_count_white(const char *s, size_t len)
{
	return text_count_selected(s, len, text_word_white);
}

/* Bytes of s[0, len) up to ' ': white space and control bytes. */
static inline size_t text_count_controls(const char *s, size_t len)
{
	return text_count_selected(s, len, text_word_controls);
}

/* folio's one UTF-8 decoder (libunistring's; ASCII and the two-byte
 * sequences of Latin, Greek, Cyrillic... inline): the well-formed
 * sequence at s[0..len), len >= 1: its length and code point, or 0 when
 * the bytes are not well-formed (overlong, surrogate, beyond U+10FFFF,
 * truncated). */
static inline size_t text_utf8_next(const unsigned char *s, size_t len, uint32_t *cp)
{
	ucs4_t c;
	int n;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] < 0xC2 || s[0] > 0xF4)         /* no sequence starts so */
		return 0;
	if (s[0] <= 0xDF && len >= 2 && (s[1] & 0xC0) == 0x80) {
		*cp = (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
		return 2;
	}
	n = u8_mbtoucr(&c, s, len);
	if (n <= 0)
		return 0;
	*cp = c;
	return (size_t)n;
}

/* The last character boundary at or before byte n of UTF-8 s (where a
 * string may be cut without splitting a character). */
static inline size_t text_utf8_floor(const char *s, size_t n)
{
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/* True when s[0..len) is well-formed UTF-8. */
bool text_is_utf8(const char *s, size_t len);

/* Clean text taken from a page, in place; returns the new length.
 * Removes C0/C1 controls and whole escape sequences (ESC [ ... final,
 * ESC ] ... BEL/ST, CSI U+009B, OSC U+009D ...), soft hyphens and
 * zero-width characters; turns no-break and other Unicode spaces into
 * ' '; collapses whitespace runs to one space and trims both ends.
 * Invalid UTF-8 bytes are dropped, so the output is always valid UTF-8
 * (and never longer than the input).  ZWJ/ZWNJ stay (scripts and emoji
 * need them); directional marks and embeddings go. */
size_t text_clean(char *s, size_t len);

/* Like text_clean but for pre: keeps '\n' (at most one blank line in a
 * row, none at either end), keeps spaces inside a line one for one so
 * indentation survives, turns a tab into one space and drops spaces
 * that end a line. */
size_t text_clean_keep_lines(char *s, size_t len);

/* text_clean for one piece of a longer text (a DOM text node): also
 * tells whether the raw piece began / ended with white space, so the
 * caller knows where word boundaries fall between pieces. */
size_t text_clean_inner(char *s, size_t len, bool *lead_space, bool *trail_space);

/* Remove only whole escape sequences (ESC..., CSI, OSC, DCS... as in
 * text_clean) from a document before it is parsed: the HTML parser drops
 * a bare ESC but keeps the "[2J" after it.  Everything else, invalid
 * bytes included, is left alone.  In place; returns the new length. */
size_t text_strip_escapes(char *s, size_t len);

/* Words in s[0..len): runs of bytes that are not ASCII white space. */
size_t text_count_words(const char *s, size_t len);

/* malloc'd cleaned copy (NULL on OOM or when the result is empty). */
char *text_clean_dup(const char *s, size_t len);

/* s[0..len) lower-cased in any script, no locale (u8_tolower's rules),
 * in buf when its *out_len bytes hold it, else malloc'd (free it when it
 * is not buf; buf may be NULL); *out_len is then its length.  NULL when s is not UTF-8 or
 * on OOM.  ASCII text is folded here: libunistring's case tables, each
 * touched, map up to 64 KiB more into the run (make bench's RSS). */
char *text_lower(const char *s, size_t len, char *buf, size_t *out_len);

#endif
