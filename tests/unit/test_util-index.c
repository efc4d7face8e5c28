/* Unit tests for util-index.h: a lookup through the first-byte index
 * finds what a walk of the whole table finds, in the same order. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "folio/util-index.h"
#include "all_strings.h"

struct entry {
	const char *name;
	int payload;    /* a second member: the index walks entries of any size */
};

/* Lower-case names as the tables hold them: shared first bytes, a name
 * twice (the first one counts), prefixes of each other, a byte above
 * 0x7f first and inside. */
static const struct entry table[] = {
	{"ab", 1}, {"a", 2}, {"b-", 3}, {"ab", 4}, {"\xc3" "a", 5}, {"ba", 6},
	{"aab", 7}, {"i", 8}, {"a\xc3", 9}, {"-", 10}, {"bab", 11},
};
#define NTABLE (sizeof table / sizeof table[0])

/* The walk the index replaces: every entry, in order, its length
 * first, then its bytes with ASCII case folded. */
static int find_plain(const char *w, size_t n)
{
	for (size_t i = 0; i < NTABLE; i++)
		if (strlen(table[i].name) == n && !ascii_ncasecmp(w, table[i].name, n))
			return (int)i;
	return -1;
}

static const char alpha[] = "aAb-\xc3I";

/* Every string of up to 4 bytes over an alphabet of both cases, a byte
 * above 0x7f and punctuation: the same entry as the plain walk (and
 * some are found at all). */
static void find_folded_matches_plain_walk(void **state)
{
	struct name_index ix;
	char w[8];
	size_t found = 0;
	(void)state;
	name_index_build(&ix, table, NTABLE, sizeof table[0]);
	for (size_t s = 0; nth_string(alpha, s, 4, w); s++) {
		int i = name_index_find_folded(&ix, table, sizeof table[0], w, strlen(w));
		assert_int_equal(i, find_plain(w, strlen(w)));
		found += i >= 0;
	}
	assert_true(found >= NTABLE);
	/* w[0..n) only: the bytes after n are not part of the word */
	assert_int_equal(name_index_find_folded(&ix, table, sizeof table[0], "Abx", 2), 0);
	assert_int_equal(name_index_find_folded(&ix, table, sizeof table[0], "I", 1), 7);
}

/* Every entry s starts with, in table order, by the plain walk: their
 * positions into out, their count returned. */
static size_t prefixes_plain(const char *s, int *out)
{
	size_t k = 0;
	for (size_t i = 0; i < NTABLE; i++)
		if (!ascii_ncasecmp(s, table[i].name, strlen(table[i].name)))
			out[k++] = (int)i;
	return k;
}

/* name_index_next_prefix meets the same entries as the plain walk, in
 * the same order, with their lengths, for every string of up to 4
 * bytes over the alphabet ("aab" starts with "a" and "aab", "Ab-" with
 * "ab" twice and "a"). */
static void next_prefix_matches_plain_walk(void **state)
{
	struct name_index ix;
	char s[8];
	int want[NTABLE];
	size_t met = 0;
	(void)state;
	name_index_build(&ix, table, NTABLE, sizeof table[0]);
	for (size_t idx = 0; nth_string(alpha, idx, 4, s); idx++) {
		size_t nwant = prefixes_plain(s, want), k = 0, len = 0;
		int at = 0;
		for (int i; (i = name_index_next_prefix(&ix, table, sizeof table[0], s, &at, &len)) >= 0; k++) {
			assert_true(k < nwant);
			assert_int_equal(i, want[k]);
			assert_int_equal(len, strlen(table[i].name));
		}
		assert_int_equal(k, nwant);
		met += k > 1;
	}
	assert_true(met > 0);   /* strings that start with several entries */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(find_folded_matches_plain_walk),
		cmocka_unit_test(next_prefix_matches_plain_walk),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
