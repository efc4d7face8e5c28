/* util-cues.c - does a text hold one of a list of phrases (util-cues.h).
 *
 * A list is indexed at its first use by a hash of its phrases' first
 * two bytes, with a bit set of the byte pairs (as the text has them, in
 * either case) that may start one; a text is then read once, and at
 * each byte only the phrases whose first two bytes hash alike are
 * compared (on most bytes none: the pair starts none).  The indexes
 * live as long as the program, found by the list's address; a list
 * that finds no room (or no memory) is searched phrase by phrase
 * instead, with the same answer. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "folio/util-cues.h"

#define BUCKETS 256
/* Lists indexed; the program has a dozen. */
#define MAX_LISTS 64

struct cue_index {
	const void *key;                /* the caller's static list, or list of lists */
	const char **phrases;           /* every list's phrases */
	size_t *lens;                   /* each phrase's length */
	uint32_t *order;                /* phrases of 2 bytes or more, by bucket */
	uint32_t start[BUCKETS + 1];    /* bucket h is order[start[h], start[h+1]) */
	/* bit (b & 63) of pairs[a]: a phrase may start with bytes a, b as
	 * the text has them (either case of an ASCII letter) */
	uint64_t pairs[256];
	uint64_t singles[4];            /* the one-byte phrases, a set of bytes */
	bool any_single;
	bool any_empty;                 /* "" is in every text */
};

static struct cue_index *indexes[MAX_LISTS];
static atomic_size_t nindexes;
static pthread_mutex_t building = PTHREAD_MUTEX_INITIALIZER;

/* ascii_tolower without a branch: this runs on every byte. */
static unsigned fold(unsigned char ch)
{
	return ch + ((unsigned)((unsigned)(ch - 'A') < 26u) << 5);
}

static bool in_set(const uint64_t *set, unsigned ch)
{
	return set[ch >> 6] >> (ch & 63) & 1;
}

static unsigned bucket(unsigned first, unsigned second)
{
	return (first * 31u + second) % BUCKETS;
}

/* Do the n bytes at t, folded, equal phrase? */
static bool folded_eq(const unsigned char *t, const char *phrase, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (fold(t[k]) != (unsigned char)phrase[k])
			return false;
	return true;
}

/* The phrases of every list of lists (NULL-terminated, as each list). */
static size_t count_phrases(const char *const *const *lists)
{
	size_t n = 0;

	for (size_t l = 0; lists[l]; l++)
		for (size_t i = 0; lists[l][i]; i++)
			n++;
	return n;
}

/* The bytes a text may have where a phrase has c (fold(byte) == c):
 * c, and its capital for a lower-case ASCII letter; none for a capital.
 * Returns how many, in raw[]. */
static int raw_bytes(unsigned char c, unsigned char raw[2])
{
	int n = 0;

	if (c >= 'A' && c <= 'Z')
		return 0;
	raw[n++] = c;
	if (c >= 'a' && c <= 'z')
		raw[n++] = (unsigned char)(c - 'a' + 'A');
	return n;
}

/* Mark in ix->pairs the raw byte pairs that fold to phrase p's first two. */
static void mark_pairs(struct cue_index *ix, const unsigned char *p)
{
	unsigned char a[2], b[2];
	int na = raw_bytes(p[0], a), nb = raw_bytes(p[1], b);

	for (int i = 0; i < na; i++)
		for (int k = 0; k < nb; k++)
			ix->pairs[a[i]] |= 1ull << (b[k] & 63);
}

static struct cue_index *index_build(const void *key, const char *const *const *lists)
{
	size_t n = count_phrases(lists), at = 0;
	struct cue_index *ix;

	if (n > UINT32_MAX - 1 || !(ix = calloc(1, sizeof *ix)))
		return NULL;
	ix->key = key;
	ix->phrases = malloc((n + 1) * sizeof *ix->phrases);
	ix->lens = malloc((n + 1) * sizeof *ix->lens);
	ix->order = malloc((n + 1) * sizeof *ix->order);
	if (!ix->phrases || !ix->lens || !ix->order) {
		free(ix->phrases);
		free(ix->lens);
		free(ix->order);
		free(ix);
		return NULL;
	}
	for (size_t l = 0; lists[l]; l++)
		for (size_t i = 0; lists[l][i]; i++)
			ix->phrases[at++] = lists[l][i];
	for (size_t i = 0; i < n; i++) {
		const unsigned char *p = (const unsigned char *)ix->phrases[i];
		ix->lens[i] = strlen(ix->phrases[i]);
		if (ix->lens[i] == 0)
			ix->any_empty = true;
		else if (ix->lens[i] == 1)
			ix->singles[p[0] >> 6] |= 1ull << (p[0] & 63);
		else {
			mark_pairs(ix, p);
			ix->start[bucket(p[0], p[1]) + 1]++;
		}
	}
	ix->any_single = ix->singles[0] | ix->singles[1] | ix->singles[2] | ix->singles[3];
	for (size_t h = 0; h < BUCKETS; h++)
		ix->start[h + 1] += ix->start[h];
	uint32_t fill[BUCKETS];
	memcpy(fill, ix->start, sizeof fill);
	for (size_t i = 0; i < n; i++) {
		const unsigned char *p = (const unsigned char *)ix->phrases[i];
		if (ix->lens[i] >= 2)
			ix->order[fill[bucket(p[0], p[1])]++] = (uint32_t)i;
	}
	return ix;
}

/* The index of the phrases of lists, found by key, built at its first
 * use; NULL when there is no room or memory for it. */
static const struct cue_index *index_of(const void *key, const char *const *const *lists)
{
	size_t n = atomic_load_explicit(&nindexes, memory_order_acquire);
	struct cue_index *ix = NULL;

	for (size_t i = 0; i < n; i++)
		if (indexes[i]->key == key)
			return indexes[i];
	pthread_mutex_lock(&building);
	n = atomic_load_explicit(&nindexes, memory_order_relaxed);
	for (size_t i = 0; i < n && !ix; i++)
		if (indexes[i]->key == key)
			ix = indexes[i];
	if (!ix && n < MAX_LISTS && (ix = index_build(key, lists))) {
		indexes[n] = ix;
		atomic_store_explicit(&nindexes, n + 1, memory_order_release);
	}
	pthread_mutex_unlock(&building);
	return ix;
}

static bool find_indexed(const struct cue_index *ix, const unsigned char *t, size_t len)
{
	if (ix->any_empty)
		return true;
	if (ix->any_single)
		for (size_t i = 0; i < len; i++)
			if (in_set(ix->singles, fold(t[i])))
				return true;
	for (size_t i = 0; i + 1 < len; i++) {
		if (!(ix->pairs[t[i]] >> (t[i + 1] & 63) & 1))
			continue;       /* most bytes: no phrase starts so */
		unsigned h = bucket(fold(t[i]), fold(t[i + 1]));
		for (uint32_t k = ix->start[h]; k < ix->start[h + 1]; k++) {
			uint32_t c = ix->order[k];
			if (ix->lens[c] <= len - i && folded_eq(t + i, ix->phrases[c], ix->lens[c]))
				return true;
		}
	}
	return false;
}

/* Without an index: phrase by phrase (linear in len too: the phrases
 * are short). */
static bool find_each(const char *const *const *lists, const unsigned char *t, size_t len)
{
	for (size_t l = 0; lists[l]; l++)
		for (size_t c = 0; lists[l][c]; c++) {
			size_t n = strlen(lists[l][c]);
			for (size_t i = 0; i <= len && n <= len - i; i++)
				if (folded_eq(t + i, lists[l][c], n))
					return true;
		}
	return false;
}

static bool find(const void *key, const char *const *const *lists, const char *text, size_t len)
{
	const struct cue_index *ix = index_of(key, lists);
	const unsigned char *t = (const unsigned char *)text;

	return ix ? find_indexed(ix, t, len) : find_each(lists, t, len);
}

bool cues_find(const char *const *cues, const char *text, size_t len)
{
	const char *const *lists[] = { cues, NULL };

	return find(cues, lists, text, len);
}

bool cues_find_any(const char *const *const *lists, const char *text, size_t len)
{
	return find(lists, lists, text, len);
}
