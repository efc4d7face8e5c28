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

/* Most entries a table may have. */
#define NAME_INDEX_MAX 512

struct name_index {
	uint16_t start[257];            /* names starting with byte b: order[start[b], start[b+1]) */
	uint16_t order[NAME_INDEX_MAX]; /* table positions */
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
		ix->order[fill[(unsigned char)name[0]]++] = (uint16_t)i;
	}
}

#endif
