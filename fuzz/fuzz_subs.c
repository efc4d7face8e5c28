/* fuzz_subs.c - libFuzzer target for the subscription file
 * (feed-subs.c).  Run by `make fuzz`; seeds in fuzz/seeds/fuzz_subs/.
 *
 * Checks the contract: every entry's URL is http(s) without blanks, no
 * URL twice; each entry written back as a line (feed_subs_format_line)
 * reads back as the same URL, title and tags. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "folio/feed-subs.h"
#include "folio/util-ascii.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

static int same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static void round_trip(const struct feed_sub *e)
{
	char *line = feed_subs_format_line(e->url, e->title, (const char *const *)e->tags,
					   e->ntags);
	struct feed_subs back = { 0 };
	if (!line)
		return;
	CHECK(feed_subs_parse(&back, line, strlen(line), "line", NULL) == 0);
	CHECK(back.n == 1 && same(back.v[0].url, e->url) && same(back.v[0].title, e->title));
	CHECK(back.v[0].ntags == e->ntags);
	for (size_t t = 0; t < e->ntags; t++)
		CHECK(same(back.v[0].tags[t], e->tags[t]));
	feed_subs_free(&back);
	free(line);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct feed_subs s = { 0 };
	if (feed_subs_parse(&s, (const char *)data, size, "fuzz", NULL) < 0) {
		feed_subs_free(&s);
		return 0;
	}
	for (size_t i = 0; i < s.n; i++) {
		const char *u = s.v[i].url;
		CHECK(ascii_ncasecmp(u, "http://", 7) == 0 || ascii_ncasecmp(u, "https://", 8) == 0);
		CHECK(!strpbrk(u, " \t\r\n"));
		for (size_t j = 0; j < i; j++)
			CHECK(strcmp(s.v[j].url, u) != 0);
		round_trip(&s.v[i]);
	}
	feed_subs_free(&s);
	return 0;
}
