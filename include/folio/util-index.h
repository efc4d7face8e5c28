/* util-index.h - a table of names looked up by first byte.
 *
 * The tag and class-word tables of extraction and the byline labels are
 * looked up for every element or word: their entries are indexed by
 * their name's first byte (a counting sort of the table, built once),
 * so a lookup compares the handful of names that start alike, not all.
 * Within a first byte the entries keep their table order: a lookup that
 * takes the first fit finds what a walk of the whole table would. */
#ifndef FOLIO_UTIL_INDEX_H
#define FOLIO_UTIL_INDEX_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "folio/util-ascii.h"

/* Most entries a table may have. */
#define NAME_INDEX_MAX 512

struct name_index {
	uint16_t start[257];            /* names starting with byte b: order[start[b], start[b+1]) */
	uint16_t order[NAME_INDEX_MAX]; /* table positions */
	uint16_t len[NAME_INDEX_MAX];   /* their names' lengths: a lookup's first test, not a strlen */
};

/* Index the n entries of table, stride bytes apart, whose first member
 * is their name (const char *, at least one byte long); n at most
 * NAME_INDEX_MAX. */
static inline void name_index_build(struct name_index *ix, const void *table, size_t n,
				    size_t stride)
{
	uint16_t fill[256];

	memset(ix->start, 0, sizeof ix->start);
	for (size_t i = 0; i < n; i++) {
		const char *name = *(const char *const *)((const char *)table + i * stride);
		ix->start[(unsigned char)name[0] + 1]++;
	}
	for (int b = 0; b < 256; b++)
		ix->start[b + 1] = (uint16_t)(ix->start[b + 1] + ix->start[b]);
	memcpy(fill, ix->start, sizeof fill);
	for (size_t i = 0; i < n; i++) {
		const char *name = *(const char *const *)((const char *)table + i * stride);
		uint16_t k = fill[(unsigned char)name[0]]++;
		ix->order[k] = (uint16_t)i;
		ix->len[k] = (uint16_t)strlen(name);
	}
}

/* The first entry, in table order, whose name (lower case) is w[0..n)
 * with its ASCII letters folded; -1 when none. */
static inline int name_index_find_folded(const struct name_index *ix, const void *table,
					 size_t stride, const char *w, size_t n)
{
	int first = n ? ascii_tolower((unsigned char)w[0]) : 0;
	for (int k = ix->start[first]; n && k < ix->start[first + 1]; k++) {
		const char *name = *(const char *const *)((const char *)table + ix->order[k] * stride);
		if (ix->len[k] == n && !ascii_ncasecmp(w, name, n))
			return ix->order[k];
	}
	return -1;
}

/* The next entry, from index position *at on, whose name (lower case)
 * s starts with, ASCII letters folded: its table position, *len its
 * name's length and *at past it; -1 when none is left.  The entries
 * come in table order, as a walk of the whole table meets them. */
static inline int name_index_next_prefix(const struct name_index *ix, const void *table,
					 size_t stride, const char *s, int *at, size_t *len)
{
	int first = ascii_tolower((unsigned char)*s);
	if (*at < ix->start[first])
		*at = ix->start[first];
	for (; *at < ix->start[first + 1]; (*at)++) {
		const char *name = *(const char *const *)((const char *)table +
							  ix->order[*at] * stride);
		if (!ascii_ncasecmp(s, name, ix->len[*at])) {
			*len = ix->len[*at];
			return ix->order[(*at)++];
		}
	}
	return -1;
}

#endif
