/* fuzz_text.h - what the targets whose strings reach a terminal check
 * of them beyond "UTF-8 without controls". */
#ifndef FOLIO_FUZZ_TEXT_H
#define FOLIO_FUZZ_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* A bidi control (LRM, RLM, ALM, embeddings, overrides, isolates)
 * starts at s[i]: text_clean drops them all, as they reorder what the
 * terminal shows. */
static inline bool fuzz_bidi_at(const unsigned char *s, size_t len, size_t i)
{
	if (i + 1 < len && s[i] == 0xD8 && s[i + 1] == 0x9C)           /* U+061C */
		return true;
	if (i + 2 >= len || s[i] != 0xE2)
		return false;
	/* U+2000 + the low 12 bits */
	unsigned c = (unsigned)(s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F);
	return c == 0x0E || c == 0x0F || (c >= 0x2A && c <= 0x2E) ||   /* U+200E-F, 202A-E */
	       (c >= 0x66 && c <= 0x69);                                /* U+2066-9 */
}

#endif
