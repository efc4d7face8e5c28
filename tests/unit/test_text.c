/* Unit tests for text.c: UTF-8 validation and cleaning. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include "folio/text.h"
#include "folio/util-ascii.h"

struct clean_case {
	const char *in, *out;
};

static const struct clean_case clean_cases[] = {
	{ "", "" },
	{ "   ", "" },
	{ "plain", "plain" },
	{ "  a \t\n b  ", "a b" },
	/* ESC sequences: CSI with parameters, OSC to BEL and to ST, 2-byte */
	{ "a\x1b[31;1mred\x1b[0m", "ared" },
	{ "x\x1b]0;title\x07y", "xy" },
	{ "x\x1b]8;;http://e\x1b\\link\x1b]8;;\x1b\\y", "xlinky" },
	{ "x\x1b" "cy", "xy" },
	{ "bell\x07!", "bell!" },
	/* 8-bit CSI U+009B and OSC U+009D ... ST U+009C */
	{ "a\xc2\x9b" "2Jb", "ab" },
	{ "a\xc2\x9d" "0;evil\xc2\x9c" "b", "ab" },
	/* C1 controls alone */
	{ "a\xc2\x85" "b\xc2\x80" "c", "a bc" },
	/* soft hyphen, zero-width space, BOM, word joiner, RLO */
	{ "co\xc2\xad" "op\xe2\x80\x8b" "er\xef\xbb\xbf" "at\xe2\x81\xa0" "ion\xe2\x80\xae", "cooperation" },
	/* Bidi controls (issue 14): LRE RLE PDF LRO RLO, LRI RLI FSI PDI,
	 * Arabic letter mark, LRM RLM; the "Trojan Source" reordering */
	{ "a\xe2\x80\xaa" "b\xe2\x80\xab" "c\xe2\x80\xac" "d\xe2\x80\xad" "e\xe2\x80\xae" "f", "abcdef" },
	{ "a\xe2\x81\xa6" "b\xe2\x81\xa7" "c\xe2\x81\xa8" "d\xe2\x81\xa9" "e", "abcde" },
	{ "\xd8\xb9\xd8\x9c\xd8\xb1" "x\xe2\x80\x8e" "y\xe2\x80\x8f", "\xd8\xb9\xd8\xb1" "xy" },
	/* Tag characters U+E0000-E007F (text hidden inside a line) */
	{ "pay\xf3\xa0\x80\x81\xf3\xa0\x81\xa9\xf3\xa0\x81\xa7\xf3\xa0\x81\xbf" "now\xf3\xa0\x80\x80", "paynow" },
	/* Variation selectors stay (emoji presentation: U+2764 U+FE0F) */
	{ "\xe2\x9d\xa4\xef\xb8\x8f", "\xe2\x9d\xa4\xef\xb8\x8f" },
	/* ZWJ stays (emoji sequences) */
	{ "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb", "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb" },
	/* NBSP, narrow NBSP, ideographic space, em space become spaces */
	{ "a\xc2\xa0\xc2\xa0" "b\xe2\x80\xaf" "c\xe3\x80\x80" "d\xe2\x80\x83" "e", "a b c d e" },
	/* invalid UTF-8: lone continuation, overlong, surrogate, truncated */
	{ "a\x80" "b\xc0\xaf" "c\xed\xa0\x80" "d\xe2\x82", "abcd" },
	{ "\xff\xfe" "ok", "ok" },
	/* NUL inside (explicit length) handled by the NUL case test */
	{ "Привет,\tмир", "Привет, мир" },
	{ "中文  文本", "中文 文本" },
	/* long printable runs (copied eight bytes at a time) meeting white
	 * space, controls, escapes and UTF-8 at every offset */
	{ "  abcdefghijklmnop  qrstuvwxyz0123456789\n\tend ", "abcdefghijklmnop qrstuvwxyz0123456789 end" },
	{ "abcdefg\x1b[2Jhijklmnopq\x7fRSTUVWXYZ\xc3\xa9tail", "abcdefghijklmnopqRSTUVWXYZ\xc3\xa9tail" },
	{ "0123456 89abcdef\x01ghijklmn\xc2\x9b" "31mopq", "0123456 89abcdefghijklmnopq" },
};

static void test_clean_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof clean_cases / sizeof clean_cases[0]; i++) {
		char buf[256];
		size_t n = strlen(clean_cases[i].in);
		memcpy(buf, clean_cases[i].in, n + 1);
		size_t r = text_clean(buf, n);
		if (strcmp(buf, clean_cases[i].out) != 0)
			fail_msg("case %zu: got '%s' want '%s'", i, buf, clean_cases[i].out);
		assert_int_equal(r, strlen(clean_cases[i].out));
		assert_true(text_is_utf8(buf, r));
	}
}

static void test_clean_nul(void **state)
{
	(void)state;
	char buf[] = "a\0b\0\0c";
	size_t r = text_clean(buf, sizeof buf - 1);
	assert_string_equal(buf, "abc");
	assert_int_equal(r, 3);
}

static void test_clean_unterminated_string_seq(void **state)
{
	(void)state;
	/* An OSC that never ends: only the introducer goes; the rest is
	 * printable and stays, so a stray ESC ] cannot eat an article. */
	char buf[] = "x\x1b]not closed";
	text_clean(buf, strlen(buf));
	assert_string_equal(buf, "xnot closed");
}

static void test_is_utf8(void **state)
{
	(void)state;
	assert_true(text_is_utf8("", 0));
	assert_true(text_is_utf8("abc", 3));
	assert_true(text_is_utf8("\xe2\x82\xac", 3));
	assert_true(text_is_utf8("\xf4\x8f\xbf\xbf", 4));
	assert_false(text_is_utf8("\xf4\x90\x80\x80", 4));      /* > U+10FFFF */
	assert_false(text_is_utf8("\xe0\x80\xaf", 3));          /* overlong */
	assert_false(text_is_utf8("\xed\xa0\x80", 3));          /* surrogate */
	assert_false(text_is_utf8("\xe2\x82", 2));              /* truncated */
	assert_false(text_is_utf8("\x80", 1));
}

static void test_keep_lines(void **state)
{
	(void)state;
	char buf[] = "\n\n  if (x)\r\n\t\ty();   \n\n\n\n}\x1b[2J\n\n";
	size_t r = text_clean_keep_lines(buf, strlen(buf));
	assert_string_equal(buf, "  if (x)\n  y();\n\n}");
	assert_int_equal(r, strlen(buf));
}

static void test_clean_dup(void **state)
{
	(void)state;
	char *s = text_clean_dup("  a\xc2\xa0 b ", 8);
	assert_non_null(s);
	assert_string_equal(s, "a b");
	free(s);
	assert_null(text_clean_dup("  \x1b[0m ", 7));
	assert_null(text_clean_dup(NULL, 0));
}

static void test_clean_inner(void **state)
{
	(void)state;
	bool lead, trail;
	char a[] = " word\xc2\xa0";
	size_t r = text_clean_inner(a, strlen(a), &lead, &trail);
	assert_string_equal(a, "word");
	assert_int_equal(r, 4);
	assert_true(lead);
	assert_true(trail);
	char b[] = "glued";
	text_clean_inner(b, strlen(b), &lead, &trail);
	assert_false(lead);
	assert_false(trail);
}

/* Every byte value in every lane: the word tests agree with a plain
 * byte-by-byte look. */
static void test_word_scan(void **state)
{
	(void)state;
	for (unsigned lane = 0; lane < 8; lane++) {
		for (unsigned b = 0; b < 256; b++) {
			uint64_t w = TEXT_BYTES('a');
			w &= ~((uint64_t)0xff << (8 * lane));
			w |= (uint64_t)b << (8 * lane);
			assert_int_equal(text_word_has_below(w, 0x20), b < 0x20);
			assert_int_equal(text_word_has(w, 0x7F), b == 0x7F);
			assert_int_equal(text_word_has(w, 0), b == 0);
			assert_int_equal(text_word_has(w, 0x1B), b == 0x1B);
		}
	}
	/* several hits in one word, and high bytes that are no hit */
	assert_true(text_word_has_below(0x0A41410A00414141ULL, 0x20));
	assert_false(text_word_has_below(0xFFC3A9E2809C8080ULL, 0x20));
}

/* The one decoder: well-formed sequences only. */
static void test_utf8_next(void **state)
{
	static const struct { const char *s; size_t n; uint32_t cp; } cases[] = {
		{ "A", 1, 'A' },
		{ "\xc3\xa9", 2, 0xE9 },
		{ "\xe2\x82\xac", 3, 0x20AC },
		{ "\xf0\x9f\x98\x80", 4, 0x1F600 },
		{ "\xc2\x85", 2, 0x85 },              /* C1: well-formed */
		{ "\xc0\x80", 0, 0 },                 /* overlong NUL */
		{ "\xe0\x80\xaf", 0, 0 },             /* overlong '/' */
		{ "\xed\xa0\x80", 0, 0 },             /* surrogate */
		{ "\xf4\x90\x80\x80", 0, 0 },         /* beyond U+10FFFF */
		{ "\xe2\x82", 0, 0 },                 /* truncated */
		{ "\x80", 0, 0 },                      /* a lone continuation */
		{ "\xff", 0, 0 },
		{ "\xc1\xbf", 0, 0 },                 /* overlong two bytes */
		{ "\xdf\xbf", 2, 0x7FF },
		{ "\xc3", 0, 0 },                     /* truncated pair */
		{ "\xc3" "A", 0, 0 },
		{ "\xf5\x80\x80\x80", 0, 0 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		uint32_t cp = 0xDEAD;
		size_t n = text_utf8_next((const unsigned char *)cases[i].s,
					  strlen(cases[i].s), &cp);
		assert_int_equal(n, cases[i].n);
		if (n)
			assert_int_equal(cp, cases[i].cp);
	}
}

/* The decoder's inline paths agree with libunistring's on every lead
 * byte followed by every second byte. */
static void test_utf8_next_agrees(void **state)
{
	(void)state;
	for (unsigned lead = 0x80; lead <= 0xFF; lead++)
		for (unsigned next = 0; next <= 0xFF; next++) {
			const unsigned char s[4] = { (unsigned char)lead, (unsigned char)next,
						     0x80, 0x80 };
			ucs4_t want = 0;
			int wn = u8_mbtoucr(&want, s, sizeof s);
			uint32_t cp = 0;
			size_t n = text_utf8_next(s, sizeof s, &cp);
			assert_int_equal(n, wn > 0 ? (size_t)wn : 0);
			if (n)
				assert_int_equal(cp, want);
		}
}

/* What text_clean drops in the basic plane is what the Unicode
 * properties say vanishes (its shortcuts for Latin, Greek, Cyrillic,
 * punctuation, CJK... text skip the lookups there).  The spaces,
 * which text_clean turns into ' ', are left out. */
static void test_clean_invisible_range(void **state)
{
	(void)state;
	for (ucs4_t c = 0xA1; c < 0x10000; c++) {
		if ((c >= 0xD800 && c < 0xE000) || c == 0x1680 ||
		    (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
		    c == 0x202F || c == 0x205F || c == 0x3000)
			continue;
		char s[8] = "x";
		int n = u8_uctomb((uint8_t *)s + 1, c, 4);
		assert_true(n > 0);
		s[1 + n] = 'y';
		s[2 + n] = '\0';
		bool gone = !uc_is_property_join_control(c) &&
			    !uc_is_property_variation_selector(c) &&
			    (uc_is_property_default_ignorable_code_point(c) ||
			     uc_is_property_bidi_control(c) || uc_is_property_not_a_character(c) ||
			     uc_is_general_category(c, UC_CATEGORY_Cf));
		size_t len = text_clean(s, strlen(s));
		assert_int_equal(len, gone ? 2 : (size_t)n + 2);
	}
}

/* text_lower: ASCII folded in place of libunistring's, the same result;
 * into the buffer when it fits, else a malloc'd copy. */
static void test_lower(void **state)
{
	(void)state;
	const char *cases[] = { "Read MORE: Harbour", "", "\xc3\x89" "COLE Fran\xc3\xa7" "aise",
				"\xd0\xa7\xd0\x98\xd0\xa2\xd0\x90\xd0\x99\xd0\xa2\xd0\x95", "A" };
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		for (size_t room = 0; room <= 64; room += 64) {
			char buf[64], want_buf[64];
			size_t got_len = room, want_len = room, n = strlen(cases[i]);
			char *got = text_lower(cases[i], n, buf, &got_len);
			uint8_t *want = u8_tolower((const uint8_t *)cases[i], n, NULL, NULL,
						   (uint8_t *)want_buf, &want_len);
			assert_non_null(got);
			assert_non_null(want);
			assert_int_equal(got_len, want_len);
			assert_memory_equal(got, want, got_len);
			if (n > 0)      /* in buf exactly when it fits */
				assert_true((got == buf) == (got_len <= room));
			if (got != buf)
				free(got);
			if (want != (uint8_t *)want_buf)
				free(want);
		}
	}
	char small[4];
	size_t len = sizeof small;
	char *got = text_lower("ABC", 3, small, &len);
	assert_ptr_equal(got, small);
	assert_int_equal(len, 3);
	assert_memory_equal(got, "abc", 3);
}

static void test_utf8_floor(void **state)
{
	const char *s = "a\xe2\x82\xac" "b";  /* a, euro sign, b */
	(void)state;
	assert_int_equal(text_utf8_floor(s, 0), 0);
	assert_int_equal(text_utf8_floor(s, 1), 1);
	assert_int_equal(text_utf8_floor(s, 2), 1);
	assert_int_equal(text_utf8_floor(s, 3), 1);
	assert_int_equal(text_utf8_floor(s, 4), 4);
}

/* Words: runs of anything but ASCII white space (so "Jean-Luc" and
 * "滨江日报" are one each; an NBSP is no separator, text_clean makes it
 * a space first). */
static void test_count_words(void **state)
{
	static const struct { const char *s; size_t words; } cases[] = {
		{ "", 0 }, { "   ", 0 }, { "one", 1 }, { " one  two\tthree\n", 3 },
		{ "Jean-Luc Picard", 2 }, { "\xe6\xbb\xa8\xe6\xb1\x9f \xe6\x97\xa5\xe6\x8a\xa5", 2 },
		{ "a\xc2\xa0" "b", 1 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(text_count_words(cases[i].s, strlen(cases[i].s)), cases[i].words);
	assert_int_equal(text_count_words("one two three", 7), 2);   /* only len bytes */
}

/* Characters but the skipped ones, white-space bytes and bytes up to
 * ' ', eight bytes at a time: the same as byte by byte, for every kind of skip, at every
 * byte value, position and length. */
static size_t chars_bytewise(const unsigned char *s, size_t len, enum text_skip skip)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		bool out = (s[i] & 0xC0) == 0x80;
		if (skip == TEXT_SKIP_SPACE)
			out = out || s[i] == ' ';
		else if (skip == TEXT_SKIP_WHITE)
			out = out || ascii_isspace(s[i]);
		else
			out = out || s[i] <= ' ';
		n += !out;
	}
	return n;
}

static size_t white_bytewise(const unsigned char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += ascii_isspace(s[i]) != 0;
	return n;
}

static size_t controls_bytewise(const unsigned char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += s[i] <= ' ';
	return n;
}

static void test_count_chars(void **state)
{
	static const enum text_skip skips[] = { TEXT_SKIP_SPACE, TEXT_SKIP_WHITE, TEXT_SKIP_CONTROL };
	static const char mixed[] = " a\tb\x01\xc3\xa9 \xe6\xbb\xa8!";
	unsigned char buf[64];
	(void)state;
	assert_int_equal(text_count_chars("", 0, TEXT_SKIP_CONTROL), 0);
	assert_int_equal(text_count_chars(mixed, sizeof mixed - 1, TEXT_SKIP_SPACE), 7);
	assert_int_equal(text_count_chars(mixed, sizeof mixed - 1, TEXT_SKIP_WHITE), 6);
	assert_int_equal(text_count_chars(mixed, sizeof mixed - 1, TEXT_SKIP_CONTROL), 5);
	for (size_t k = 0; k < sizeof skips / sizeof skips[0]; k++) {
		for (int c = 0; c < 256; c++) {
			memset(buf, 'x', sizeof buf);
			for (size_t at = 0; at < 17; at++) {
				buf[at] = (unsigned char)c;
				for (size_t len = at + 1; len <= 24; len++) {
					assert_int_equal(text_count_chars((const char *)buf, len, skips[k]),
							 chars_bytewise(buf, len, skips[k]));
					assert_int_equal(text_count_white((const char *)buf, len),
							 white_bytewise(buf, len));
					assert_int_equal(text_count_controls((const char *)buf, len),
							 controls_bytewise(buf, len));
				}
				buf[at] = 'x';
			}
		}
		srand(8);
		for (int round = 0; round < 50000; round++) {
			size_t len = (size_t)(rand() % (int)sizeof buf);
			for (size_t i = 0; i < len; i++)
				buf[i] = (unsigned char)rand();
			assert_int_equal(text_count_chars((const char *)buf, len, skips[k]),
					 chars_bytewise(buf, len, skips[k]));
			assert_int_equal(text_count_white((const char *)buf, len), white_bytewise(buf, len));
			assert_int_equal(text_count_controls((const char *)buf, len),
					 controls_bytewise(buf, len));
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clean_table),
		cmocka_unit_test(test_utf8_next),
		cmocka_unit_test(test_utf8_floor),
		cmocka_unit_test(test_clean_nul),
		cmocka_unit_test(test_clean_unterminated_string_seq),
		cmocka_unit_test(test_is_utf8),
		cmocka_unit_test(test_keep_lines),
		cmocka_unit_test(test_clean_dup),
		cmocka_unit_test(test_clean_inner),
		cmocka_unit_test(test_word_scan),
		cmocka_unit_test(test_count_words),
		cmocka_unit_test(test_count_chars),
		cmocka_unit_test(test_utf8_next_agrees),
		cmocka_unit_test(test_clean_invisible_range),
		cmocka_unit_test(test_lower),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
