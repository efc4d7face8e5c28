/* util-cues.h - does a text hold one of a list of phrases, ASCII
 * letters folded to lower case?
 *
 * The extraction stages ask it of many short blocks, each time of the
 * same static lists ("subscribe", "all rights reserved", ...).  One
 * strstr() per phrase was a fixed cost of the whole list on every
 * block; here a list is indexed once, at its first use, and a text is
 * read once. */
#ifndef FOLIO_UTIL_CUES_H
#define FOLIO_UTIL_CUES_H

#include <stdbool.h>
#include <stddef.h>

/* Does text[0, len) hold one of cues, a NULL-terminated list of
 * phrases?  The text's ASCII capitals are folded to lower case before
 * the compare, nothing else (a capital outside ASCII stays as it is);
 * the phrases are compared byte for byte, so they are written in lower
 * case.  The list's address is its key in the index: pass a static
 * list, never one built on the stack.  Linear in len; thread-safe. */
bool cues_find(const char *const *cues, const char *text, size_t len);

/* Does text[0, len) hold a phrase of any of lists (a NULL-terminated
 * static array of such lists)?  What cues_find of each would say, in
 * one read of the text. */
bool cues_find_any(const char *const *const *lists, const char *text, size_t len);

#endif
