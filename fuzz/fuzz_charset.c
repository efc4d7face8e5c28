/* fuzz_charset.c - libFuzzer target for encoding detection and decoding
 * (charset.c, libuchardet) and the root-element sniffing of page-type.c.
 * Input: an optional declared charset on a first line shorter than 40
 * bytes, then the page bytes.  Run by `make fuzz`; seeds in
 * fuzz/seeds/fuzz_charset/.
 *
 * Checks the contract: names fit CHARSET_NAME_MAX; the UTF-8 made is
 * well-formed, NUL-free and as long as said; as_is only for bytes that
 * are well-formed UTF-8. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "folio/charset.h"
#include "folio/page-type.h"
#include "folio/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *bytes = (const char *)data;
	const char *nl = memchr(bytes, '\n', size < 40 ? size : 40);
	char declared[48] = "", name[CHARSET_NAME_MAX], norm[CHARSET_NAME_MAX];
	size_t bom, out_len;
	bool as_is;

	if (nl) {
		memcpy(declared, bytes, (size_t)(nl - bytes));
		declared[nl - bytes] = '\0';
		size -= (size_t)(nl + 1 - bytes);
		bytes = nl + 1;
	}
	if (charset_normalize(declared, strlen(declared), norm))
		CHECK(strlen(norm) < CHARSET_NAME_MAX && *norm);
	if (charset_from_meta(bytes, size, norm))
		CHECK(strlen(norm) < CHARSET_NAME_MAX && *norm);

	charset_detect_ex(bytes, size, *declared ? declared : NULL, name, &bom, &as_is);
	CHECK(strlen(name) < CHARSET_NAME_MAX && *name && bom <= size);
	if (as_is)
		CHECK(text_is_utf8(bytes + bom, size - bom));

	char *utf8 = charset_to_utf8(bytes, size, *declared ? declared : NULL, &out_len, name);
	if (utf8) {
		CHECK(strlen(utf8) == out_len);
		CHECK(text_is_utf8(utf8, out_len));
		free(utf8);
	}
	enum page_root r = page_type_root(bytes, size);
	CHECK(r >= PAGE_ROOT_NONE && r <= PAGE_ROOT_ELEMENT);
	return 0;
}
