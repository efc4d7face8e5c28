/* fuzz_header.c - libFuzzer target for what folio reads from response
 * headers (fetch.c): Content-Type (media type and charset), validator
 * headers, the status line's reason phrase, and the page-type decision
 * the type feeds (page-type.c).  Run by `make fuzz`; seeds in
 * fuzz/seeds/fuzz_header/.
 *
 * Checks the contract: the type is lower-case without blanks or ';',
 * the charset a token, header values and reasons printable ASCII, all
 * within their buffers. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "folio/fetch.h"
#include "folio/page-type.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

static void printable(const char *s)
{
	for (; *s; s++)
		CHECK(*s >= 0x20 && *s < 0x7f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), type[64], cs[32], reason[64];
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';

	fetch_parse_content_type(s, type, sizeof type, cs, sizeof cs);
	CHECK(strlen(type) < sizeof type && strlen(cs) < sizeof cs);
	for (const char *p = type; *p; p++)
		CHECK(*p != ';' && *p != ' ' && *p != '\t' && !(*p >= 'A' && *p <= 'Z'));
	for (const char *p = cs; *p; p++)
		CHECK((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
		      (*p >= 'A' && *p <= 'Z') || strchr("-_.:+", *p));

	static const char *const names[] = { "etag", "last-modified", "content-encoding" };
	for (int i = 0; i < 3; i++) {
		char *v = fetch_header_value(s, size, names[i]);
		if (v) {
			CHECK(*v && *v != ' ' && v[strlen(v) - 1] != ' ');
			printable(v);
			free(v);
		}
	}
	fetch_status_reason(s, size, reason, sizeof reason);
	CHECK(strlen(reason) < sizeof reason);
	printable(reason);

	/* The type as fetch hands it on, against the same bytes as body. */
	enum page_type t = page_type_of(type, s, size, size & 1);
	CHECK(t == PAGE_TYPE_HTML || t == PAGE_TYPE_FEED || t == PAGE_TYPE_REFUSED);
	(void)page_type_accepts_any(type, NULL);
	free(s);
	return 0;
}
