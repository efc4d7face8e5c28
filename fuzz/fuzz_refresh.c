/* fuzz_refresh.c - libFuzzer target for <meta http-equiv="refresh">
 * (meta-refresh.c): the content attribute alone, and whole pages parsed
 * as the opener parses a redirect stub.  Run by `make fuzz`; seeds in
 * fuzz/seeds/fuzz_refresh/.
 *
 * Checks the contract: a delay is 0..100000 with a non-empty target
 * inside the value; a page's refresh target is an http(s) URL. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "folio/extract.h"
#include "folio/meta-refresh.h"
#include "folio/util-url.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	const char *target, *why;
	size_t n;
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	long delay = meta_refresh_parse(s, &target, &n);
	if (delay >= 0) {
		CHECK(delay <= 100000 && n > 0);
		CHECK(target >= s && target + n <= s + strlen(s));
	}
	struct extract_input in = { .bytes = s, .len = size,
				    .base_url = "http://fuzz.example/a/page.html" };
	xmlDocPtr doc = size ? extract_parse(&in, &why) : NULL;
	char *url = meta_refresh(doc, in.base_url, 10);
	if (url)
		CHECK(url_is_http(url));
	free(url);
	xmlFreeDoc(doc);
	free(s);
	return 0;
}
