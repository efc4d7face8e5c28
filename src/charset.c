/* charset.c - which encoding a page is in, and its bytes as UTF-8. */
#include <errno.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <uchardet.h>
#include "folio/charset.h"
#include "folio/text.h"
#include "folio/util-ascii.h"
#include "folio/util-buf.h"
#include "folio/util-dl.h"

/* libuchardet (and the libstdc++ it needs) is loaded at the first
 * undeclared page that is not UTF-8 (util-dl.h): most pages say what
 * they are.  $FOLIO_LIBUCHARDET names another. */
#ifndef FOLIO_LIBUCHARDET_SONAME
#define FOLIO_LIBUCHARDET_SONAME "libuchardet.so.0"
#endif
#define UCHARDET_FUNCS(X) \
	X(uchardet_, new) X(uchardet_, handle_data) X(uchardet_, data_end) \
	X(uchardet_, get_charset) X(uchardet_, delete)
static struct { UCHARDET_FUNCS(DL_MEMBER) } uchardet;
#define UCHARDET_SYM(p, f) DL_SYM(uchardet, p, f)
static const struct dl_sym uchardet_syms[] = { UCHARDET_FUNCS(UCHARDET_SYM) };
static struct dl_lib uchardet_lib = DL_LIB("libuchardet",
					   FOLIO_LIBUCHARDET_SONAME,
					   "FOLIO_LIBUCHARDET", uchardet_syms);

/* Labels browsers map to a wider encoding than the name says (the
 * WHATWG Encoding Standard): pages labelled latin1 are really
 * windows-1252, gb2312 pages use GBK/GB18030 characters, and so on. */
static const struct { const char *label, *name; } aliases[] = {
	{ "utf8", "UTF-8" }, { "unicode-1-1-utf-8", "UTF-8" },
	{ "iso-8859-1", "WINDOWS-1252" }, { "iso8859-1", "WINDOWS-1252" },
	{ "latin1", "WINDOWS-1252" }, { "l1", "WINDOWS-1252" },
	{ "us-ascii", "WINDOWS-1252" }, { "ascii", "WINDOWS-1252" },
	{ "iso_8859-1", "WINDOWS-1252" }, { "cp819", "WINDOWS-1252" },
	{ "iso-8859-9", "WINDOWS-1254" }, { "latin5", "WINDOWS-1254" },
	{ "iso-8859-11", "CP874" }, { "tis-620", "CP874" },
	{ "windows-874", "CP874" },
	{ "gb2312", "GB18030" }, { "gbk", "GB18030" }, { "x-gbk", "GB18030" },
	{ "gb_2312-80", "GB18030" }, { "chinese", "GB18030" },
	{ "euc-cn", "GB18030" }, { "cp936", "GB18030" },
	{ "shift_jis", "CP932" }, { "shift-jis", "CP932" }, { "sjis", "CP932" },
	{ "x-sjis", "CP932" }, { "ms_kanji", "CP932" }, { "windows-31j", "CP932" },
	{ "euc-kr", "CP949" }, { "ks_c_5601-1987", "CP949" },
	{ "big5", "BIG5-HKSCS" }, { "x-x-big5", "BIG5-HKSCS" },
	{ "x-mac-cyrillic", "MAC-CYRILLIC" }, { "x-mac-roman", "MACINTOSH" },
};

bool charset_normalize(const char *label, size_t len, char out[CHARSET_NAME_MAX])
{
	char low[CHARSET_NAME_MAX];
	size_t n = 0;
	iconv_t cd;

	while (len > 0 && (*label == ' ' || *label == '"' || *label == '\''))
		label++, len--;
	while (len > 0 && (label[len - 1] == ' ' || label[len - 1] == '"' ||
			   label[len - 1] == '\''))
		len--;
	if (len == 0 || len >= CHARSET_NAME_MAX)
		return false;
	for (; n < len; n++) {
		char c = label[n];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		      c == '.' || c == ':'))
			return false;
		low[n] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
	}
	low[n] = '\0';
	if (strcmp(low, "x-user-defined") == 0)
		return false;
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
		if (strcmp(low, aliases[i].label) == 0) {
			strcpy(out, aliases[i].name);
			return true;
		}
	}
	if (strcmp(low, "utf-8") == 0) {
		strcpy(out, "UTF-8");
		return true;
	}
	for (size_t i = 0; i <= n; i++)
		out[i] = (low[i] >= 'a' && low[i] <= 'z') ? low[i] - 32 : low[i];
	cd = iconv_open("UTF-8", out);
	if (cd == (iconv_t)-1)
		return false;
	iconv_close(cd);
	return true;
}

/* Case-insensitive search for needle in s[0..len); needle[0] is '<' or
 * a letter, found first with memchr (both cases for a letter). */
static const char *find_ci(const char *s, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	char lo = needle[0], up = (char)((lo >= 'a' && lo <= 'z') ? lo - 32 : lo);
	const char *end = s + len;

	while ((size_t)(end - s) >= n) {
		const char *a = memchr(s, lo, (size_t)(end - s));
		const char *b = up != lo ? memchr(s, up, (size_t)(end - s)) : NULL;
		const char *p = !a ? b : !b ? a : a < b ? a : b;
		if (!p || (size_t)(end - p) < n)
			return NULL;
		if (ascii_ncasecmp(p, needle, n) == 0)
			return p;
		s = p + 1;
	}
	return NULL;
}

bool charset_from_meta(const char *bytes, size_t len, char out[CHARSET_NAME_MAX])
{
	const char *p = bytes, *end = bytes + (len < 4096 ? len : 4096);

	/* Each <meta ...> tag in the prefix: a "charset" inside it, as an
	 * attribute or in a content="text/html; charset=x" value. */
	while ((p = find_ci(p, (size_t)(end - p), "<meta")) != NULL) {
		const char *close = memchr(p, '>', (size_t)(end - p));
		const char *cs, *v;
		size_t n = 0;

		if (!close)
			close = end;
		cs = find_ci(p, (size_t)(close - p), "charset");
		if (cs) {
			v = cs + 7;
			while (v < close && (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r'))
				v++;
			if (v < close && *v == '=') {
				v++;
				while (v < close && (*v == ' ' || *v == '"' || *v == '\''))
					v++;
				while (v + n < close && v[n] != '"' && v[n] != '\'' &&
				       v[n] != ' ' && v[n] != ';' && v[n] != '/' && v[n] != '>')
					n++;
				if (charset_normalize(v, n, out)) {
					/* A page cannot be UTF-16 if its meta was read
					 * as ASCII: browsers take UTF-8 then. */
					if (strncmp(out, "UTF-16", 6) == 0 ||
					    strncmp(out, "UTF-32", 6) == 0)
						strcpy(out, "UTF-8");
					return true;
				}
			}
		}
		p = close;
	}
	return false;
}

struct utf8_stats { size_t multi, invalid, controls; };


#ifdef __SSE2__
/* How many of the sixteen bytes at p, from the first, are ASCII without
 * NUL or ESC (16: all).  (SSE2 is part of x86-64: the scan of a whole
 * page goes twice as fast as word by word; and a page with a high byte
 * in every word skips the plain bytes before it at once.) */
static inline unsigned plain16(const unsigned char *p)
{
	__m128i v = _mm_loadu_si128((const __m128i *)p);
	__m128i bad = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_setzero_si128()),
				   _mm_cmpeq_epi8(v, _mm_set1_epi8(0x1B)));
	unsigned mask = (unsigned)_mm_movemask_epi8(_mm_or_si128(v, bad));
	return mask ? (unsigned)__builtin_ctz(mask) : 16;
}
#endif

/* One pass over the page: well-formed multi-byte sequences, invalid
 * bytes, and the bytes that need a cleaning copy before parsing (NUL,
 * ESC, C1 controls; a BEL alone is harmless, the parser drops it and
 * text_clean too). ASCII runs go 16 or 8 bytes at a time. */
static struct utf8_stats utf8_scan(const char *bytes, size_t len)
{
	const unsigned char *s = (const unsigned char *)bytes;
	struct utf8_stats st = { 0, 0, 0 };
	size_t i = 0;

	while (i < len) {
#ifdef __SSE2__
		if (i + 16 <= len) {
			unsigned plain = plain16(s + i);
			i += plain;
			if (plain == 16)
				continue;
		} else
#endif
		if (i + 8 <= len) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (!(w & TEXT_BYTES(0x80)) && !text_word_has(w, 0) &&
			    !text_word_has(w, 0x1B)) {
				i += 8;
				continue;
			}
		}
		if (s[i] < 0x80) {
			if (s[i] == 0 || s[i] == 0x1B)
				st.controls++;
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = text_utf8_next(s + i, len - i, &cp);
		if (n) {
			if (cp <= 0x9F)         /* C1 controls */
				st.controls++;
			st.multi++;
			i += n;
		} else {
			st.invalid++;
			i++;
		}
	}
	return st;
}

/* Do the bytes read as UTF-8?  A stray invalid byte in a long UTF-8
 * page (a truncated copy, one mis-pasted character) does not make it
 * legacy; a legacy page with a handful of accidental valid pairs (e.g.
 * windows-1251 "Б»") is full of invalid ones. */
static bool looks_utf8(struct utf8_stats st)
{
	if (st.invalid == 0)
		return true;
	return st.multi > 0 && st.invalid * 20 <= st.multi;
}

/* 7-bit encodings: ASCII-only bytes are not ASCII text in these. */
static bool seven_bit(const char *name)
{
	return strncmp(name, "ISO-2022", 8) == 0 || strcmp(name, "HZ-GB-2312") == 0 ||
	       strcmp(name, "UTF-7") == 0 || strcmp(name, "HZ") == 0;
}

/* Bytes handed to the detector at most: from the first non-ASCII one
 * (the ASCII before it, markup and scripts, tells nothing). */
#define DETECT_MAX (256 * 1024)

/* An undeclared page that is not UTF-8: libuchardet's guess, as a
 * usable encoding name (charset_normalize: GB2312 reads as GB18030,
 * ISO-8859-1 as windows-1252, as browsers do), else windows-1252 (also
 * when libuchardet cannot be loaded: the page is still read). */
static void detect_legacy(const char *bytes, size_t len, char out[CHARSET_NAME_MAX])
{
	const char *hi = bytes;
	while (hi < bytes + len && (unsigned char)*hi < 0x80)
		hi++;
	/* Some ASCII before it, so the data never starts with a BOM
	 * look-alike (FF FE is no BOM in the middle of a page). */
	if (hi < bytes + len)
		hi = hi - bytes > 256 ? hi - 256 : bytes;
	size_t n = (size_t)(bytes + len - hi);
	uchardet_t ud = n && dl_load(&uchardet_lib) ? uchardet.new() : NULL;
	strcpy(out, "WINDOWS-1252");
	if (!ud)
		return;
	if (uchardet.handle_data(ud, hi, n < DETECT_MAX ? n : DETECT_MAX) == 0) {
		uchardet.data_end(ud);
		const char *guess = uchardet.get_charset(ud);
		char name[CHARSET_NAME_MAX];
		/* Not UTF-8 (the bytes were not), nor UTF-16/32 without a BOM
		 * (the markup is ASCII bytes), nor a 7-bit encoding. */
		if (guess && *guess && charset_normalize(guess, strlen(guess), name) &&
		    strncmp(name, "UTF-", 4) != 0 && !seven_bit(name))
			strcpy(out, name);
	}
	uchardet.delete(ud);
}

const char *charset_utf16(const char *bytes, size_t len, size_t *bom_len)
{
	const unsigned char *u = (const unsigned char *)bytes;

	*bom_len = 0;
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		*bom_len = 2;
		return u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
	}
	if (len >= 4 && u[0] && !u[1] && u[2] && !u[3])
		return "UTF-16LE";
	if (len >= 4 && !u[0] && u[1] && !u[2] && u[3])
		return "UTF-16BE";
	return NULL;
}

void charset_detect(const char *bytes, size_t len, const char *declared,
		    char out[CHARSET_NAME_MAX], size_t *bom_len)
{
	charset_detect_ex(bytes, len, declared, out, bom_len, NULL);
}


void charset_detect_ex(const char *bytes, size_t len, const char *declared,
		       char out[CHARSET_NAME_MAX], size_t *bom_len, bool *as_is)
{
	const unsigned char *u = (const unsigned char *)bytes;
	struct utf8_stats st;
	bool have;

	*bom_len = 0;
	if (as_is)
		*as_is = false;
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		*bom_len = 3;
		strcpy(out, "UTF-8");
		return;
	}
	/* UTF-16 outranks any label: a header's "utf-16le" on a page
	 * without a BOM was outranked by the UTF-8 scan below (as ASCII),
	 * and its NULs made it no readable document. */
	const char *wide = charset_utf16(bytes, len, bom_len);
	if (wide) {
		strcpy(out, wide);
		return;
	}
	st = utf8_scan(bytes, len);
	have = declared && charset_normalize(declared, strlen(declared), out);
	if (!have)
		have = charset_from_meta(bytes, len, out);
	if (have) {
		bool is_utf8 = strcmp(out, "UTF-8") == 0;
		/* The bytes outrank the label, both ways round.  Pure ASCII
		 * reads the same in every ASCII-based charset: UTF-8 then
		 * (numeric references do not depend on the charset). */
		if (!is_utf8 && looks_utf8(st) &&
		    (st.multi > 0 || (st.invalid == 0 && !seven_bit(out))))
			strcpy(out, "UTF-8");
		else if (is_utf8 && !looks_utf8(st))
			strcpy(out, "WINDOWS-1252");
	} else if (looks_utf8(st)) {
		strcpy(out, "UTF-8");
	} else {
		detect_legacy(bytes, len, out);
	}
	if (as_is)
		*as_is = strcmp(out, "UTF-8") == 0 && st.invalid == 0 && st.controls == 0;
}

/* Bytes of s[0..len) that are ASCII without NUL, from the start, eight
 * at a time (most of a page: copied in one memcpy, not byte by byte). */
static size_t plain_ascii_run(const unsigned char *s, size_t len)
{
	size_t i = 0;
	uint64_t w;

	while (i + 8 <= len) {
		memcpy(&w, s + i, 8);
		if ((w & TEXT_BYTES(0x80)) || text_word_has(w, 0))
			break;
		i += 8;
	}
	while (i < len && s[i] && s[i] < 0x80)
		i++;
	return i;
}

/* The well-formed sequences of src[0..len), without NULs, written to
 * dst (which may be src itself: the bytes only ever move down); the
 * length kept. */
static size_t keep_well_formed(char *dst, const char *src, size_t len)
{
	const unsigned char *s = (const unsigned char *)src;
	size_t kept = 0;

	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = plain_ascii_run(s + i, len - i);
		if (!n) {
			n = text_utf8_next(s + i, len - i, &cp);
			if (n == 0 || cp == 0) {
				i++;
				continue;
			}
		}
		if (dst + kept != src + i)
			memmove(dst + kept, src + i, n);
		kept += n;
		i += n;
	}
	return kept;
}

/* Copy UTF-8 input keeping only well-formed sequences and no NULs. */
static bool copy_utf8(struct buf *b, const char *bytes, size_t len)
{
	if (!buf_reserve(b, len))
		return false;
	b->len += keep_well_formed(b->data + b->len, bytes, len);
	return true;
}

/* iconv to UTF-8; an input byte the charset cannot decode is skipped. */
static bool convert(struct buf *b, const char *bytes, size_t len, const char *from)
{
	iconv_t cd = iconv_open("UTF-8", from);
	char *in = (char *)bytes;
	size_t left = len;
	bool ok = true;

	if (cd == (iconv_t)-1)
		return copy_utf8(b, bytes, len);
	if (!buf_reserve(b, len + len / 2 + 16)) {
		iconv_close(cd);
		return false;
	}
	while (left > 0) {
		char *outp = b->data + b->len;
		size_t room = b->cap - b->len - 1;
		size_t r = iconv(cd, &in, &left, &outp, &room);

		b->len = (size_t)(outp - b->data);
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG) {
			if (!buf_reserve(b, b->cap)) {
				ok = false;
				break;
			}
		} else if (errno == EILSEQ) {
			in++;
			left--;
			iconv(cd, NULL, NULL, NULL, NULL);
		} else {
			break;  /* EINVAL: truncated sequence at the end */
		}
	}
	iconv_close(cd);
	/* Sanitise anyway, in place: no NULs, and nothing a converter let
	 * through. */
	if (ok)
		b->len = keep_well_formed(b->data, b->data, b->len);
	return ok;
}

char *charset_decode(const char *bytes, size_t len, const char *enc, size_t *out_len)
{
	struct buf b = { 0 };
	bool ok;

	if (strcmp(enc, "UTF-8") == 0)
		ok = copy_utf8(&b, bytes, len);
	else
		ok = convert(&b, bytes, len, enc);
	if (ok)
		ok = buf_reserve(&b, 0);
	if (!ok) {
		free(b.data);
		return NULL;
	}
	b.data[b.len] = '\0';
	*out_len = b.len;
	return b.data;
}

char *charset_to_utf8(const char *bytes, size_t len, const char *declared,
		      size_t *out_len, char name[CHARSET_NAME_MAX])
{
	char enc[CHARSET_NAME_MAX];
	size_t bom;

	charset_detect(bytes, len, declared, enc, &bom);
	if (name)
		strcpy(name, enc);
	return charset_decode(bytes + bom, len - bom, enc, out_len);
}
