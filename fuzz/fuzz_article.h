/* fuzz_article.h - build a struct article out of fuzzer bytes, for the
 * output and layout targets.  Included by one fuzz target each, so the
 * functions are static.
 *
 * Input format (scripts/fuzz.sh writes seeds in it from data/ samples):
 * fields separated by NUL bytes:
 *   url, title, byline, site_name, published, lead url, caption, credit,
 *   then blocks: a header field [type, depth, ordinal, nlinks] followed
 *   by the text field, then nlinks link fields [start_hi, start_lo,
 *   end_hi, end_lo, url...].
 * Missing fields are NULL.  Every string goes through text_clean (and
 * pre/table text through text_clean_keep_lines), because the article
 * contract promises clean UTF-8 and extraction guarantees it; link
 * offsets are snapped to character boundaries for the same reason. */
#ifndef FOLIO_FUZZ_ARTICLE_H
#define FOLIO_FUZZ_ARTICLE_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "folio/article.h"
#include "folio/text.h"

struct fuzz_reader {
	const uint8_t *p;
	size_t n, pos;
};

/* The next NUL-terminated field; false at the end of the input. */
static bool fuzz_field(struct fuzz_reader *r, const char **s, size_t *len)
{
	if (r->pos >= r->n)
		return false;
	const uint8_t *start = r->p + r->pos;
	const uint8_t *nul = memchr(start, 0, r->n - r->pos);
	*s = (const char *)start;
	*len = nul ? (size_t)(nul - start) : r->n - r->pos;
	r->pos += *len + 1;
	return true;
}

/* Next field, cleaned into *field (NULL when absent or empty). */
static void fuzz_set(struct fuzz_reader *r, char **field)
{
	const char *s;
	size_t len;
	if (fuzz_field(r, &s, &len)) {
		free(*field);
		*field = text_clean_dup(s, len);
	}
}

static size_t fuzz_snap(const char *text, size_t len, size_t off)
{
	if (off > len)
		off = len;
	while (off > 0 && off < len && ((unsigned char)text[off] & 0xC0) == 0x80)
		off--;
	return off;
}

static void fuzz_add_links(struct fuzz_reader *r, struct block *b, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		const char *s;
		size_t len;
		if (!fuzz_field(r, &s, &len) || len < 4)
			return;
		const uint8_t *u = (const uint8_t *)s;
		size_t start = fuzz_snap(b->text, b->len, ((size_t)u[0] << 8 | u[1]) % (b->len + 1));
		size_t end = fuzz_snap(b->text, b->len, ((size_t)u[2] << 8 | u[3]) % (b->len + 1));
		if (start > end) {
			size_t t = start;
			start = end;
			end = t;
		}
		char *url = text_clean_dup(s + 4, len - 4);
		block_add_link(b, start, end, url ? url : "");
		free(url);
	}
}

static bool fuzz_add_block(struct fuzz_reader *r, struct article *a)
{
	const char *hdr, *s;
	size_t hlen, len;
	if (!fuzz_field(r, &hdr, &hlen) || !fuzz_field(r, &s, &len))
		return false;
	uint8_t h[4] = { 0 };
	memcpy(h, hdr, hlen < 4 ? hlen : 4);
	enum block_type type = (enum block_type)(h[0] % BLOCK_TYPE_COUNT);
	char *text = malloc(len + 1);
	if (!text)
		return false;
	memcpy(text, s, len);
	bool lines = type == BLOCK_PRE || type == BLOCK_TABLE;
	size_t n = lines ? text_clean_keep_lines(text, len) : text_clean(text, len);
	struct block *b = article_add_block(a, type, text, n);
	free(text);
	if (!b)
		return false;
	if (type == BLOCK_LI) {
		b->depth = 1 + h[1] % 12;
		b->ordinal = h[2] % 2 ? h[2] * 1000 : 0;
	}
	fuzz_add_links(r, b, h[3] % 16);
	return true;
}

/* NULL only on OOM. */
static struct article *fuzz_article(const uint8_t *data, size_t size)
{
	struct fuzz_reader r = { data, size, 0 };
	struct article *a = article_new();
	if (!a)
		return NULL;
	fuzz_set(&r, &a->url);
	fuzz_set(&r, &a->title);
	fuzz_set(&r, &a->byline);
	fuzz_set(&r, &a->site_name);
	fuzz_set(&r, &a->published);
	char *img[3] = { NULL, NULL, NULL };
	for (int i = 0; i < 3; i++)
		fuzz_set(&r, &img[i]);
	if (img[0] || img[1] || img[2]) {
		struct lead_image *li = article_lead_image(a);
		if (li) {
			li->url = img[0];
			li->caption = img[1];
			li->credit = img[2];
		} else {
			free(img[0]), free(img[1]), free(img[2]);
		}
	}
	while (fuzz_add_block(&r, a))
		;
	return a;
}

#endif
