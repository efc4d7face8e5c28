/* charset.h - decide a page's character encoding and convert it to UTF-8
 * before libxml2 sees it (libxml2 without an encoding falls back to
 * Latin-1 and garbles undeclared UTF-8; with one it still obeys a later
 * <meta>, so folio parses its own UTF-8 with HTML_PARSE_IGNORE_ENC). */
#ifndef FOLIO_CHARSET_H
#define FOLIO_CHARSET_H

#include <stdbool.h>
#include <stddef.h>

#define CHARSET_NAME_MAX 48

/* Canonical iconv name for a label from a page or header ("gb2312" ->
 * "GB18030", "latin1" -> "WINDOWS-1252", as browsers treat them), written
 * to out.  False when the label is empty or not a usable encoding. */
bool charset_normalize(const char *label, size_t len, char out[CHARSET_NAME_MAX]);

/* The charset named by a <meta charset> or http-equiv Content-Type in the
 * first 4 KB of the bytes (normalised); false when there is none. */
bool charset_from_meta(const char *bytes, size_t len, char out[CHARSET_NAME_MAX]);

/* "UTF-16LE" or "UTF-16BE" when the bytes are UTF-16: by their BOM
 * (*bom_len 2) or, without one, by the zero bytes around their first
 * two ASCII characters (XML 1.0 appendix F; *bom_len 0), which markup
 * in an ASCII-based charset never has.  NULL otherwise. */
const char *charset_utf16(const char *bytes, size_t len, size_t *bom_len);

/* Decide the encoding, in this order: a BOM or UTF-16's zero bytes
 * (charset_utf16); the caller's declaration
 * (HTTP header, may be NULL); the page's <meta>; sniffing (UTF-8 when the
 * bytes are UTF-8, else windows-1252).  A declaration the bytes contradict
 * loses: multi-byte UTF-8 with (almost) no invalid sequences is UTF-8
 * whatever it says.  Writes the name to out; *bom_len is the BOM size. */
void charset_detect(const char *bytes, size_t len, const char *declared,
		    char out[CHARSET_NAME_MAX], size_t *bom_len);

/* charset_detect, also telling whether the bytes (after bom_len) are
 * already what the parser should get: well-formed UTF-8 without NUL,
 * ESC or C1 controls, so no converted copy is needed. */
void charset_detect_ex(const char *bytes, size_t len, const char *declared,
		       char out[CHARSET_NAME_MAX], size_t *bom_len, bool *as_is);

/* The bytes as UTF-8: malloc'd, NUL-terminated, always well-formed,
 * without NUL bytes (invalid input sequences are skipped).  *out_len is
 * its length; name (may be NULL) receives the source encoding.  NULL on
 * OOM only. */
char *charset_to_utf8(const char *bytes, size_t len, const char *declared,
		      size_t *out_len, char name[CHARSET_NAME_MAX]);

/* The second half of charset_to_utf8: bytes (after the BOM) known to be
 * in enc (charset_detect's answer) as UTF-8, as charset_to_utf8 gives
 * them.  For a caller that has detected the encoding already. */
char *charset_decode(const char *bytes, size_t len, const char *enc, size_t *out_len);

#endif
