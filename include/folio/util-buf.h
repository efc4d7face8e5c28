/* util-buf.h - the growable string: bytes appended at the end, always
 * NUL-terminated once anything was added, doubling as it grows.
 *
 *     struct buf b = { 0 };
 *     buf_str(&b, "a");
 *     buf_printf(&b, " %d", 2);
 *     char *s = buf_take(&b);    // "a 2", or NULL if memory ran out
 *
 * A failed allocation sets oom; every later add does nothing, so a
 * builder checks once at the end (buf_take returns NULL). */
#ifndef FOLIO_UTIL_BUF_H
#define FOLIO_UTIL_BUF_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

struct buf {
	char *data;     /* NULL until the first add */
	size_t len;     /* bytes held, not counting the NUL */
	size_t cap;     /* bytes allocated */
	bool oom;       /* an allocation failed: adds are ignored */
	size_t max;     /* 0, or the most bytes it may hold: it never
			 * allocates more than max + 1, and a need past
			 * that fails like an allocation */
};

/* Make room for more bytes plus the NUL (the slow path of
 * buf_reserve).  False (and oom set) when memory ran out or max would
 * be passed. */
bool buf_grow(struct buf *b, size_t more);

/* Room for more bytes after len, and the NUL. */
static inline bool buf_reserve(struct buf *b, size_t more)
{
	if (b->oom)
		return false;
	if (more < b->cap - b->len)     /* cap > len whenever data is set */
		return true;
	return buf_grow(b, more);
}

static inline void buf_add(struct buf *b, const void *s, size_t n)
{
	if (!buf_reserve(b, n))
		return;
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static inline void buf_str(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

static inline void buf_char(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

/* printf onto the end. */
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The string built (the caller frees it; "" when nothing was added),
 * or NULL after a failed allocation.  b is empty again either way. */
char *buf_take(struct buf *b);

/* Release the bytes; b is empty again. */
void buf_free(struct buf *b);

/* The one growable array: room for need elements of size bytes in
 * *items, whose capacity *cap doubles (from first) until it holds them.
 * False, and nothing changed, when memory ran out or the size would
 * overflow.  BUF_GROW_ARRAY takes the array and its capacity as they are
 * named:
 *
 *     if (!BUF_GROW_ARRAY(a->blocks, a->blocks_cap, a->nblocks + 1, 16))
 *             return NULL;
 *     a->blocks[a->nblocks++] = ...; */
bool buf_grow_array(void **items, size_t *cap, size_t need, size_t size,
		    size_t first);
#define BUF_GROW_ARRAY(items, cap, need, first) \
	buf_grow_array((void **)&(items), &(cap), (need), sizeof *(items), (first))

#endif
