/* util-buf.c - the growable string (util-buf.h). */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "folio/util-buf.h"

#define BUF_FIRST 64

bool buf_grow(struct buf *b, size_t more)
{
	size_t need, cap = b->cap ? b->cap : BUF_FIRST;
	char *p;

	if (b->oom || more > SIZE_MAX - 1 - b->len || (b->max && more > b->max - b->len)) {
		b->oom = true;
		return false;
	}
	need = b->len + more + 1;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	if (b->max && cap > b->max + 1)
		cap = b->max + 1;       /* need fits: checked above */
	p = realloc(b->data, cap);
	if (!p) {
		b->oom = true;
		return false;
	}
	b->data = p;
	b->cap = cap;
	return true;
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->oom = true;
		return;
	}
	if (!buf_reserve(b, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *buf_take(struct buf *b)
{
	char *s = b->data;

	if (b->oom) {
		buf_free(b);
		return NULL;
	}
	if (!s)
		s = calloc(1, 1);
	*b = (struct buf){ 0 };
	return s;
}

void buf_free(struct buf *b)
{
	free(b->data);
	*b = (struct buf){ 0 };
}

bool buf_grow_array(void **items, size_t *cap, size_t need, size_t size,
		    size_t first)
{
	if (need <= *cap)
		return true;
	size_t n = *cap ? *cap : (first ? first : 1);
	while (n < need) {
		if (n > SIZE_MAX / 2)
			return false;
		n *= 2;
	}
	void *grown = reallocarray(*items, n, size);
	if (!grown)
		return false;
	*items = grown;
	*cap = n;
	return true;
}
