/* fuzz_feed.c - libFuzzer target for the feed parser (feed-parse.c): sniffing,
 * parsing (with and without an HTTP charset), item dates and discovery of
 * feeds in HTML.  Run by `make fuzz`; seeds in fuzz/seeds/fuzz_feed/.
 *
 * Checks the contract: every string valid UTF-8 without control or bidi
 * characters, at most FEED_MAX_ITEMS items, summaries capped, at most
 * FEED_LINKS_MAX feeds discovered. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "folio/date.h"
#include "folio/feed-parse.h"
#include "folio/page-type.h"
#include "folio/text.h"
#include "fuzz_text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

/* Whatever the input, every string handed back must be clean. */
static void check(const char *s)
{
	if (!s)
		return;
	size_t len = strlen(s);
	CHECK(text_is_utf8(s, len));
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		CHECK(*p >= 0x20 && *p != 0x7f);
		CHECK(!(p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f));
		CHECK(!fuzz_bidi_at((const unsigned char *)s, len, (size_t)(p - (const unsigned char *)s)));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *body = (const char *)data;
	struct feed *f = NULL;
	char err[FEED_ERR_MAX];
	struct feed_link *links;
	size_t n;

	(void)page_type_of(size % 3 ? "text/xml" : NULL, body, size, size % 2);
	if (feed_parse(body, size, "http://fuzz.example/feed/", size % 2 ? "iso-8859-1" : NULL,
		       &f, err) == 0) {
		check(f->title);
		check(f->link);
		CHECK(f->nitems <= FEED_MAX_ITEMS);
		for (size_t i = 0; i < f->nitems; i++) {
			check(f->items[i].title);
			check(f->items[i].link);
			check(f->items[i].summary);
			check(f->items[i].author);
			check(f->items[i].date);
			CHECK(!f->items[i].summary ||
			      strlen(f->items[i].summary) <= FEED_SUMMARY_MAX);
		}
		feed_free(f);
	}
	if (size < 256) {
		char *s = malloc(size + 1);
		if (s) {
			memcpy(s, data, size);
			s[size] = '\0';
			(void)date_parse_epoch(s);
			free(s);
		}
	}
	if (feed_discover(body, size, "http://fuzz.example/", &links, &n) == 0) {
		CHECK(n <= FEED_LINKS_MAX);     /* the cap keeps discovery linear */
		for (size_t i = 0; i < n; i++) {
			check(links[i].url);
			check(links[i].title);
		}
		feed_links_free(links, n);
	}
	return 0;
}
