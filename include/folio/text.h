/* text.h - pure UTF-8 text helpers shared by extraction and output. */
#ifndef FOLIO_TEXT_H
#define FOLIO_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..len) is well-formed UTF-8. */
bool text_is_utf8(const char *s, size_t len);

/* Clean text taken from a page, in place; returns the new length.
 * Removes C0/C1 controls and whole escape sequences (ESC [ ... final,
 * ESC ] ... BEL/ST, CSI U+009B, OSC U+009D ...), soft hyphens and
 * zero-width characters; turns no-break and other Unicode spaces into
 * ' '; collapses whitespace runs to one space and trims both ends.
 * Invalid UTF-8 bytes become U+FFFD?  No: they are dropped, so output
 * is always valid UTF-8 (the result never grows). */
size_t text_clean(char *s, size_t len);

/* Like text_clean but keeps '\n' (and turns tabs into spaces), for pre. */
size_t text_clean_keep_lines(char *s, size_t len);

/* malloc'd cleaned copy (NULL on OOM or when the result is empty). */
char *text_clean_dup(const char *s, size_t len);

#endif
