/* Unit tests for util-cues.c: does a text hold one of a list's phrases.
 * The answer is checked against the plain way (fold the text's ASCII
 * capitals, memmem() each phrase) on chosen and on random texts. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "folio/util-ascii.h"
#include "folio/util-cues.h"

/* The plain way: every phrase looked for in the folded text. */
static bool plain_find(const char *const *cues, const char *text, size_t len)
{
	char *low = malloc(len + 1);
	bool found = false;

	assert_non_null(low);
	for (size_t i = 0; i < len; i++)
		low[i] = (char)ascii_tolower((unsigned char)text[i]);
	for (size_t c = 0; cues[c] && !found; c++)
		found = memmem(low, len, cues[c], strlen(cues[c])) != NULL;
	free(low);
	return found;
}

static const char *const words[] = {
	"subscribe", "sign up for our", "log in", "rss", "©", "реклама", "广告",
	"all rights reserved", "su", "s'abonner", NULL
};

static bool find(const char *text)
{
	return cues_find(words, text, strlen(text));
}

static void test_chosen_texts(void **state)
{
	(void)state;
	assert_true(find("Please SUBSCRIBE today"));
	assert_true(find("Log In"));
	assert_true(find("Feed: RSS"));                 /* at the very end */
	assert_true(find("rss at the start"));
	assert_true(find("\xc2\xa9 2024 Example"));      /* © */
	assert_true(find("Купить: реклама"));
	assert_true(find("这是广告"));
	assert_true(find("Su"));                         /* a two-byte phrase, whole text */
	assert_false(find("S"));
	assert_false(find(""));
	assert_false(find("log-in, R.S.S., all rights"));
	/* A capital outside ASCII is not folded. */
	assert_false(find("РЕКЛАМА"));
	/* The length counts, not a NUL. */
	assert_false(cues_find(words, "log in", 5));
	assert_true(cues_find(words, "x\0log in", 8));
}

/* One-byte and empty phrases, as strstr() reads them. */
static void test_short_phrases(void **state)
{
	static const char *const one[] = { "q", "xyz", NULL };
	static const char *const empty[] = { "abc", "", NULL };
	static const char *const none[] = { NULL };
	(void)state;
	assert_true(cues_find(one, "a Q", 3));
	assert_true(cues_find(one, "q", 1));
	assert_false(cues_find(one, "xy", 2));
	assert_true(cues_find(empty, "", 0));
	assert_true(cues_find(empty, "zzz", 3));
	assert_false(cues_find(none, "anything", 8));
}

/* Random texts over a small alphabet that the phrases share, so that
 * matches, near misses and cut phrases at the end all happen. */
static void test_random_texts(void **state)
{
	static const char *const pool[] = {
		"ab", "aba", "bab", "Ba", "cab", "[z", "@`", "{", "a", "abc\xc3\xa9", "\xc3\xa9",
		"\xc3\x89", NULL
	};
	/* ASCII letters, their neighbours in the code table, UTF-8 bytes */
	static const char alphabet[] = "abcABCzZ@[`{sU \xc3\xa9\x89";
	static const char *const *const both[] = { pool + 9, words, NULL };
	char text[40];
	(void)state;

	srand(15);
	for (int round = 0; round < 200000; round++) {
		size_t len = (size_t)(rand() % (int)sizeof text);
		for (size_t i = 0; i < len; i++)
			text[i] = alphabet[rand() % (int)(sizeof alphabet - 1)];
		/* two lists: the whole pool, and its tail without one-byte phrases */
		assert_int_equal(cues_find(pool, text, len), plain_find(pool, text, len));
		assert_int_equal(cues_find(pool + 9, text, len), plain_find(pool + 9, text, len));
		assert_int_equal(cues_find(words, text, len), plain_find(words, text, len));
		/* lists together: either's answer, in one read */
		assert_int_equal(cues_find_any(both, text, len),
				 plain_find(pool + 9, text, len) || plain_find(words, text, len));
	}
}

/* Every byte value: only ASCII capitals fold. */
static void test_every_byte(void **state)
{
	static const char *const lower[] = {
		"a!", "b!", "c!", "d!", "e!", "f!", "g!", "h!", "i!", "j!", "k!", "l!", "m!",
		"n!", "o!", "p!", "q!", "r!", "s!", "t!", "u!", "v!", "w!", "x!", "y!", "z!", NULL
	};
	(void)state;
	for (int c = 0; c < 256; c++) {
		char text[2] = { (char)c, '!' };
		assert_int_equal(cues_find(lower, text, 2), ascii_isalpha(c));
	}
}

/* More lists than the index keeps: the rest are searched phrase by
 * phrase, with the same answers. */
static void test_many_lists(void **state)
{
	enum { LISTS = 100 };
	static const char *lists[LISTS][2];
	static char phrases[LISTS][8];
	(void)state;

	for (int i = 0; i < LISTS; i++) {
		memcpy(phrases[i], "cue", 3);
		phrases[i][3] = (char)('a' + i / 26);
		phrases[i][4] = (char)('a' + i % 26);
		phrases[i][5] = '\0';
		lists[i][0] = phrases[i];
		lists[i][1] = NULL;
	}
	for (int round = 0; round < 2; round++)
		for (int i = 0; i < LISTS; i++) {
			assert_false(cues_find(lists[i], "a CUE", 5));   /* cut */
			assert_true(cues_find(lists[i], phrases[i], 5));
			assert_false(cues_find(lists[i], phrases[(i + 1) % LISTS], 5));
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chosen_texts),
		cmocka_unit_test(test_short_phrases),
		cmocka_unit_test(test_random_texts),
		cmocka_unit_test(test_every_byte),
		cmocka_unit_test(test_many_lists),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
