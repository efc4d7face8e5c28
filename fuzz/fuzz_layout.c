/* fuzz_layout.c - libFuzzer target: layout_new on a random article
 * (fuzz_article.h) at a width taken from the first two input bytes.
 * Seeds: the data/ samples (scripts/fuzz.sh) and fuzz/seeds/fuzz_layout/
 * (inputs that once broke a promise below).
 *
 * Checks the layout's promises as well: lines and spans inside the pool,
 * no control or bidi character in a line,
 * every line no wider than the column (except a single character wider
 * than the whole column, with its marks of width 0), link numbers in
 * range, layout_find and layout_to_text on the result. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_article.h"
#include "folio/layout.h"
#include "folio/text.h"
#include "fuzz_text.h"

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

static void check_line(const struct layout *l, size_t i)
{
	const struct lline *ln = &l->lines[i];
	CHECK(ln->text <= l->pool_len && ln->len <= l->pool_len - ln->text);
	CHECK(ln->span0 <= l->nspans && ln->nspans <= l->nspans - ln->span0);
	CHECK(ln->prefix <= ln->len);
	const char *s = layout_text(l, i);
	CHECK(text_is_utf8(s, ln->len));
	/* what the pager draws: no control of any kind (a pre or table
	 * row's '\n' and tabs are the layout's to turn into rows and
	 * spaces), no bidi control */
	for (size_t k = 0; k < ln->len; k++) {
		unsigned char c = (unsigned char)s[k];
		CHECK(c >= 0x20 && c != 0x7f);
		CHECK(!(c == 0xC2 && k + 1 < ln->len && (unsigned char)s[k + 1] <= 0x9F));
		CHECK(!fuzz_bidi_at((const unsigned char *)s, ln->len, k));
	}
	int w = ln->indent + layout_width(s, ln->len);
	/* Over-wide only when one character (with any marks of width 0
	 * after it) is all the line holds after its decoration. */
	if (w > l->width) {
		size_t wide = 0;
		for (size_t k = ln->prefix; k < ln->len;) {
			size_t n = 1;
			while (k + n < ln->len &&
			       ((unsigned char)s[k + n] & 0xC0) == 0x80)
				n++;
			wide += layout_width(s + k, n) > 0;
			k += n;
		}
		CHECK(wide <= 1);
	}
	for (uint32_t k = 0; k < ln->nspans; k++) {
		const struct lspan *sp = &l->spans[ln->span0 + k];
		CHECK(sp->start <= ln->len && sp->len <= ln->len - sp->start);
		CHECK(sp->style < LS_COUNT);
		CHECK(sp->link <= l->nlinks);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	/* Mostly terminal-like widths, sometimes 0 or negative. */
	int width = (int)(((unsigned)data[0] << 8 | data[1]) % 400) - 8;
	struct article *a = fuzz_article(data + 2, size - 2);
	if (!a)
		return 0;
	struct layout *l = layout_new(a, width);
	if (l) {
		CHECK(l->width >= 1);
		CHECK(l->nlinks == article_link_count(a));
		for (size_t i = 0; i < l->nlines; i++)
			check_line(l, i);
		for (size_t i = 0; i < l->nlinks; i++)
			CHECK(l->links[i].line < l->nlines || l->nlines == 0);
		if (l->nlines) {
			const struct lline *last = &l->lines[l->nlines - 1];
			CHECK(layout_find(l, last->para, last->para_off) < l->nlines);
			CHECK(layout_find(l, UINT32_MAX, UINT32_MAX) < l->nlines);
		}
		char *txt = layout_to_text(l);
		if (txt) {
			CHECK(text_is_utf8(txt, strlen(txt)));
			free(txt);
		}
		layout_free(l);
	}
	article_free(a);
	return 0;
}
