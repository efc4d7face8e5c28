/* lead-credit.h - pure helpers that tell a photo credit from a caption.
 *
 * Pages show a lead photo's caption and its credit in many shapes:
 * separate elements, or one run-together string ("… Paris. Photograph:
 * X", "… (AP Photo/X)", "… | Foto: X").  These functions work on plain
 * UTF-8 strings only, so they can be table-tested. */
#ifndef FOLIO_LEAD_CREDIT_H
#define FOLIO_LEAD_CREDIT_H

#include <stdbool.h>
#include <stddef.h>

/* Split text into caption and credit.  *caption and *credit are set to
 * malloc'd strings, or NULL when that part is absent.  Labels that are
 * part of the credit ("©", "Photo:", "Credit:") are kept; brackets that
 * only set the credit apart are dropped.  Returns 0, -1 on OOM. */
int credit_split(const char *text, char **caption, char **credit);

/* Does text, standing alone, read as a photo credit?  (It starts with a
 * credit label, carries "©", names a photo agency, or is a short
 * "Name/Agency" line.) */
bool credit_is_credit(const char *text);

/* Does text start with a credit label ("Photo:", "©", "Credit:"...)? */
bool credit_has_label(const char *text);

/* Is text a credit label alone ("Credit", "Image credit:", "Foto")? */
bool credit_is_label(const char *text);

/* A copy of text without brackets around the whole of it and without
 * leading/trailing separators: "(AP Photo/X)" -> "AP Photo/X".
 * malloc'd; NULL when empty or on OOM. */
char *credit_tidy(const char *text);

#endif
