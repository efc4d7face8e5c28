/* fuzz_extract.c - libFuzzer target: extract_article on HTML bytes with
 * a declared charset (as from an HTTP header).
 *
 * Input: if a '\n' occurs in the first 40 bytes, the bytes before it are
 * the declared charset label (empty: none) and the rest is the page;
 * otherwise the whole input is the page and nothing is declared.
 *
 * Checks the article contract too: every string valid UTF-8 with no
 * control characters (pre and table text may hold '\n') and no bidi
 * controls, block lengths right, links inside their text; and the JSON
 * and text forms build. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "folio/article.h"
#include "folio/extract.h"
#include "folio/text.h"
#include "fuzz_text.h"

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

static void check_clean(const char *s, size_t len, bool lines)
{
	if (!s)
		return;
	CHECK(text_is_utf8(s, len));
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		CHECK(!((c < 0x20 && !(lines && c == '\n')) || c == 0x7f));
		CHECK(!(c == 0xC2 && i + 1 < len &&
			(unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9F));
		CHECK(!fuzz_bidi_at((const unsigned char *)s, len, i));
	}
}

static void check_str(const char *s)
{
	if (s)
		check_clean(s, strlen(s), false);
}

static void check_article(const struct article *a)
{
	check_str(a->url);
	check_str(a->title);
	check_str(a->byline);
	check_str(a->site_name);
	check_str(a->published);
	if (a->lead_image) {
		check_str(a->lead_image->url);
		check_str(a->lead_image->caption);
		check_str(a->lead_image->credit);
	}
	for (size_t i = 0; i < a->nblocks; i++) {
		const struct block *b = &a->blocks[i];
		CHECK((unsigned)b->type < BLOCK_TYPE_COUNT);
		CHECK(strlen(b->text) == b->len);
		check_clean(b->text, b->len, b->type == BLOCK_PRE || b->type == BLOCK_TABLE);
		for (size_t k = 0; k < b->nlinks; k++) {
			CHECK(b->links[k].start <= b->links[k].end && b->links[k].end <= b->len);
			check_str(b->links[k].url);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char charset[41];
	const char *declared = NULL;
	const uint8_t *nl = memchr(data, '\n', size < 40 ? size : 40);
	if (nl) {
		size_t n = (size_t)(nl - data);
		memcpy(charset, data, n);
		charset[n] = '\0';
		declared = n ? charset : NULL;
		size -= n + 1;
		data = nl + 1;
	}
	/* A private copy of exactly the page's bytes, so ASan sees any read
	 * past its end. */
	char *page = malloc(size ? size : 1);
	if (!page)
		return 0;
	memcpy(page, data, size);
	struct extract_input in = {
		.bytes = page, .len = size,
		.base_url = "https://news.example.org/2026/world/story.html",
		.charset = declared,
	};
	struct article *a = NULL;
	const char *why = NULL;
	enum status_code st = extract_article(&in, &a, &why);
	if (st == STATUS_OK) {
		CHECK(a);
		check_article(a);
		free(article_to_json(a));
		free(article_to_text(a));
		article_free(a);
	} else {
		CHECK(!a);
	}
	free(page);
	return 0;
}
