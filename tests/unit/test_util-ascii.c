/* test_util-ascii.c - ASCII-only classes and comparisons, in any locale.
 *
 * Each check runs twice: in the C locale, and under tr_TR.UTF-8 where
 * <ctype.h> and strcasecmp() do not fold 'I' to 'i' (skipped, with a
 * message, only if that locale is not installed; scripts/install-deps.sh
 * generates it). */
#include <ctype.h>
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "all_strings.h"

#include "folio/util-ascii.h"

/* Every byte value (and EOF) classified as the C locale's <ctype.h> does. */
static void classes_match_c_locale(void **state)
{
	(void)state;
	assert_non_null(setlocale(LC_ALL, "C"));
	for (int c = -1; c < 256; c++) {
		assert_int_equal(!!ascii_isalpha(c), !!isalpha(c));
		assert_int_equal(!!ascii_isdigit(c), !!isdigit(c));
		assert_int_equal(!!ascii_isalnum(c), !!isalnum(c));
		assert_int_equal(!!ascii_isspace(c), !!isspace(c));
		assert_int_equal(!!ascii_isupper(c), !!isupper(c));
		assert_int_equal(!!ascii_islower(c), !!islower(c));
		assert_int_equal(!!ascii_isxdigit(c), !!isxdigit(c));
		assert_int_equal(!!ascii_ispunct(c), !!ispunct(c));
		assert_int_equal(ascii_tolower(c), tolower(c));
		assert_int_equal(ascii_toupper(c), toupper(c));
	}
	/* A plain (signed) char above 0x7f is in no class. */
	assert_false(ascii_isalpha((char)0xc3));
	assert_false(ascii_isspace((char)0xa0));
}

/* The comparisons folio makes on markup, headers and labels. */
static void check_folding(void)
{
	assert_int_equal(ascii_tolower('I'), 'i');
	assert_int_equal(ascii_toupper('i'), 'I');
	assert_int_equal(ascii_casecmp("TITLE", "title"), 0);
	assert_int_equal(ascii_casecmp("ISO-8859-1", "iso-8859-1"), 0);
	assert_int_equal(ascii_ncasecmp("IMAGE CREDIT: Mira", "image credit", 12), 0);
	assert_true(ascii_casecmp("abc", "abd") < 0);
	assert_true(ascii_casecmp("abd", "ABC") > 0);
	assert_true(ascii_casecmp("ab", "abc") < 0);
	assert_int_equal(ascii_ncasecmp("Link", "LIST", 2), 0);
	assert_true(ascii_ncasecmp("Link", "LIST", 3) < 0);
	/* Bytes >= 0x80 compare as themselves: no Latin-1 folding. */
	assert_true(ascii_casecmp("\xc9", "\xe9") != 0);
	const char *cap = "A view of the bay. IMAGE CREDIT: Mira Holt";
	assert_ptr_equal(ascii_casestr(cap, "image credit"), cap + 19);
	assert_ptr_equal(ascii_casestr(cap, "Credit:"), cap + 25);
	assert_null(ascii_casestr(cap, "credits"));
	assert_ptr_equal(ascii_casestr(cap, ""), cap);
	assert_null(ascii_casestr("", "x"));
	assert_null(ascii_casestr("sr-onl", "sr-only"));      /* needle runs past */
	const char *rep = "aaab";       /* a false start inside the match */
	assert_ptr_equal(ascii_casestr(rep, "aab"), rep + 1);
	assert_non_null(ascii_casestr("caf\xc3\xa9 display:none", "DISPLAY:NONE"));
	assert_true(ascii_isalpha('I') && ascii_isupper('I') && ascii_islower('i'));
}

/* The plain loop ascii_casestr was: every position compared whole. */
static const char *casestr_plain(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++)
		if (ascii_ncasecmp(hay, needle, n) == 0)
			return hay;
	return n == 0 ? hay : NULL;
}

static const char alpha[] = "aAb-\xc3I";

/* ascii_casestr looks for the needle's first byte before comparing the
 * rest: the same answer as the plain loop on every pair of short
 * strings over an alphabet with both cases, bytes above 0x7f and
 * punctuation (all strings of up to 4 bytes against all needles of up
 * to 3). */
static void casestr_matches_plain_loop(void **state)
{
	char hay[8], needle[8];
	(void)state;
	for (size_t h = 0; nth_string(alpha, h, 4, hay); h++)
		for (size_t m = 0; nth_string(alpha, m, 3, needle); m++)
			assert_ptr_equal(ascii_casestr(hay, needle), casestr_plain(hay, needle));
}

static void folding_in_c_locale(void **state)
{
	(void)state;
	assert_non_null(setlocale(LC_ALL, "C"));
	check_folding();
}

static void folding_in_turkish_locale(void **state)
{
	(void)state;
	if (!setlocale(LC_ALL, "tr_TR.UTF-8")) {
		print_message("tr_TR.UTF-8 not installed (scripts/install-deps.sh "
			      "generates it); skipping\n");
		skip();
	}
	/* The locale is the one that breaks <ctype.h> (and so glibc's
	 * strcasecmp): otherwise this test would prove nothing.  tolower,
	 * not strcasecmp, is asked: the sanitizers replace strcasecmp with
	 * an ASCII one of their own. */
	assert_true(tolower('I') != 'i');
	check_folding();
	setlocale(LC_ALL, "C");
}

/* Whole whitespace-separated tokens only, ASCII case ignored. */
static void has_token_whole_tokens(void **state)
{
	(void)state;
	assert_true(ascii_has_token("alternate", "alternate"));
	assert_true(ascii_has_token("home  Alternate", "alternate"));
	assert_true(ascii_has_token("name\tdatePublished\n", "datepublished"));
	assert_false(ascii_has_token("alternates", "alternate"));
	assert_false(ascii_has_token("nonalternate", "alternate"));
	assert_false(ascii_has_token("", "alternate"));
	assert_false(ascii_has_token(NULL, "alternate"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(classes_match_c_locale),
		cmocka_unit_test(folding_in_c_locale),
		cmocka_unit_test(folding_in_turkish_locale),
		cmocka_unit_test(casestr_matches_plain_loop),
		cmocka_unit_test(has_token_whole_tokens),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
