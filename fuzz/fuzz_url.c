/* fuzz_url.c - libFuzzer target for the URL resolver (util-url.c).
 * Input: "BASE\nHREF" (no newline: HREF alone).  Run by `make fuzz`;
 * seeds in fuzz/seeds/fuzz_url/.
 *
 * Checks the contract: a result is valid UTF-8 without controls (C0,
 * C1, bidi); an http(s) result is printable ASCII (everything else
 * percent-encoded) and resolves to itself again (resolution is
 * idempotent). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "folio/text.h"
#include "folio/util-url.h"
#include "fuzz_text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), *href, *base = NULL;
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	href = memchr(s, '\n', size);
	if (href) {
		*href++ = '\0';
		base = s;
	} else {
		href = s;
	}
	char *url = url_resolve(base, href);
	if (url) {
		CHECK(text_is_utf8(url, strlen(url)));
		/* shown on the status line: no C0, DEL, C1 or bidi control */
		size_t len = strlen(url);
		for (size_t i = 0; i < len; i++) {
			unsigned char c = (unsigned char)url[i];
			CHECK(c >= 0x20 && c != 0x7f);
			CHECK(!(c == 0xC2 && i + 1 < len && (unsigned char)url[i + 1] <= 0x9F));
			CHECK(!fuzz_bidi_at((const unsigned char *)url, len, i));
		}
		if (url_is_http(url)) {
			for (const char *p = url; *p; p++)
				CHECK(*p > 0x20 && *p < 0x7f);
			char *again = url_resolve(NULL, url);
			CHECK(again && strcmp(again, url) == 0);
			free(again);
		}
		free(url);
	}
	free(s);
	return 0;
}
