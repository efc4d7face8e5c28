/* all_strings.h - every short string over a small alphabet, for the
 * tests that compare a fast lookup with the plain loop it replaces on
 * all inputs up to a length (test_util-ascii, test_util-index,
 * test_dom-hint). */
#ifndef FOLIO_TEST_ALL_STRINGS_H
#define FOLIO_TEST_ALL_STRINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* Every string of up to max bytes over alpha (no NUL in it), one per
 * index: the empty one first, then those of 1 byte, 2 bytes... false
 * past the last.  out holds max + 1 bytes. */
static inline bool nth_string(const char *alpha, size_t idx, size_t max, char *out)
{
	size_t nalpha = strlen(alpha), len = 0, count = 1;
	while (idx >= count) {
		idx -= count;
		count *= nalpha;
		if (++len > max)
			return false;
	}
	for (size_t i = 0; i < len; i++, idx /= nalpha)
		out[i] = alpha[idx % nalpha];
	out[len] = '\0';
	return true;
}

#endif
