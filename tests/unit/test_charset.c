/* Unit tests for charset.c: which encoding, and the UTF-8 it yields. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "folio/charset.h"
#include "folio/text.h"

static char *conv(const char *bytes, size_t len, const char *declared, char name[CHARSET_NAME_MAX])
{
	size_t out_len = 0;
	char *s = charset_to_utf8(bytes, len, declared, &out_len, name);
	assert_non_null(s);
	assert_int_equal(strlen(s), out_len);
	assert_true(text_is_utf8(s, out_len));
	return s;
}

static void test_windows1251_meta_only(void **state)
{
	(void)state;
	/* "Привет" in windows-1251, declared only by <meta> */
	const char page[] = "<html><head><meta http-equiv=\"Content-Type\" "
			    "content=\"text/html; charset=windows-1251\"></head>"
			    "<body><p>\xcf\xf0\xe8\xe2\xe5\xf2</p></body></html>";
	char name[CHARSET_NAME_MAX];
	char *s = conv(page, sizeof page - 1, NULL, name);
	assert_string_equal(name, "WINDOWS-1251");
	assert_non_null(strstr(s, "<p>Привет</p>"));
	free(s);
}

static void test_meta_charset_attribute(void **state)
{
	(void)state;
	char name[CHARSET_NAME_MAX];
	assert_true(charset_from_meta("<meta charset='KOI8-R'>", 23, name));
	assert_string_equal(name, "KOI8-R");
	assert_true(charset_from_meta("<META CHARSET = \"gb2312\" />", 27, name));
	assert_string_equal(name, "GB18030");
	assert_false(charset_from_meta("<meta name=x content=y>", 23, name));
	/* UTF-16 named in a meta that was read as ASCII means UTF-8 */
	assert_true(charset_from_meta("<meta charset=utf-16>", 21, name));
	assert_string_equal(name, "UTF-8");
}

static void test_gb2312_declared_but_utf8(void **state)
{
	(void)state;
	const char page[] = "<meta charset=\"gb2312\"><p>中文新闻正文</p>";
	char name[CHARSET_NAME_MAX];
	char *s = conv(page, sizeof page - 1, NULL, name);
	assert_string_equal(name, "UTF-8");
	assert_non_null(strstr(s, "中文新闻正文"));
	free(s);
}

static void test_gbk_really(void **state)
{
	(void)state;
	/* "中文" in GBK: D6 D0 CE C4 */
	const char page[] = "<meta charset=gb2312><p>\xd6\xd0\xce\xc4</p>";
	char name[CHARSET_NAME_MAX];
	char *s = conv(page, sizeof page - 1, NULL, name);
	assert_string_equal(name, "GB18030");
	assert_non_null(strstr(s, "中文"));
	free(s);
}

static void test_undeclared_utf8(void **state)
{
	(void)state;
	const char page[] = "<p>Ünïcödé — “quoted”</p>";
	char name[CHARSET_NAME_MAX];
	char *s = conv(page, sizeof page - 1, NULL, name);
	assert_string_equal(name, "UTF-8");
	assert_string_equal(s, page);
	free(s);
}

static void test_undeclared_latin(void **state)
{
	(void)state;
	/* windows-1252: "café" and curly quotes 0x93/0x94 */
	const char page[] = "<p>caf\xe9 \x93q\x94</p>";
	char name[CHARSET_NAME_MAX];
	char *s = conv(page, sizeof page - 1, NULL, name);
	assert_string_equal(name, "WINDOWS-1252");
	assert_string_equal(s, "<p>café “q”</p>");
	free(s);
}

/* BOM > header > meta > detection (libuchardet) > windows-1252, on the
 * same KOI8-R bytes ("Портовый совет одобрил строительство нового
 * причала" and more, as a Russian page would have). */
static void test_detection_order(void **state)
{
	(void)state;
	const char *koi8 = "<p>\xf0\xcf\xd2\xd4\xcf\xd7\xd9\xca \xd3\xcf\xd7\xc5\xd4 "
		"\xcf\xc4\xcf\xc2\xd2\xc9\xcc \xd3\xd4\xd2\xcf\xc9\xd4\xc5\xcc\xd8\xd3\xd4\xd7\xcf "
		"\xce\xcf\xd7\xcf\xc7\xcf \xd0\xd2\xc9\xde\xc1\xcc\xc1. \xf2\xc1\xc2\xcf\xd4\xd9 "
		"\xc4\xcf\xcc\xd6\xce\xd9 \xce\xc1\xde\xc1\xd4\xd8\xd3\xd1 \xd7\xc5\xd3\xce\xcf\xca.</p>";
	char page[1024], name[CHARSET_NAME_MAX];
	size_t bom;
	charset_detect(koi8, strlen(koi8), NULL, name, &bom);
	assert_string_equal(name, "KOI8-R");                     /* detection */
	char *s = conv(koi8, strlen(koi8), NULL, name);
	assert_non_null(strstr(s, "Портовый совет одобрил строительство нового причала"));
	free(s);
	snprintf(page, sizeof page, "<meta charset=windows-1251>%s", koi8);
	charset_detect(page, strlen(page), NULL, name, &bom);
	assert_string_equal(name, "WINDOWS-1251");               /* meta beats it */
	charset_detect(page, strlen(page), "iso-8859-5", name, &bom);
	assert_string_equal(name, "ISO-8859-5");                 /* header beats meta */
	snprintf(page, sizeof page, "\xef\xbb\xbf<p>ok</p>");
	charset_detect(page, strlen(page), "koi8-r", name, &bom);
	assert_string_equal(name, "UTF-8");                      /* BOM beats all */
	/* Too little to tell: windows-1252. */
	charset_detect("<p>\xe9</p>", 8, NULL, name, &bom);
	assert_string_equal(name, "WINDOWS-1252");
}

static void test_http_header_wins_over_meta(void **state)
{
	(void)state;
	const char page[] = "<meta charset=windows-1251><p>\xe9t\xe9</p>";
	char name[CHARSET_NAME_MAX];
	char *s = conv(page, sizeof page - 1, "ISO-8859-1", name);
	assert_string_equal(name, "WINDOWS-1252");    /* latin1 label */
	assert_non_null(strstr(s, "été"));
	free(s);
}

static void test_boms(void **state)
{
	(void)state;
	char name[CHARSET_NAME_MAX];
	const char u8[] = "\xef\xbb\xbf<p>\xc3\xa9</p>";
	char *s = conv(u8, sizeof u8 - 1, "windows-1251", name);
	assert_string_equal(name, "UTF-8");
	assert_string_equal(s, "<p>é</p>");
	free(s);
	/* UTF-16LE "<p>é</p>" with BOM */
	const char le[] = "\xff\xfe<\0p\0>\0\xe9\0<\0/\0p\0>\0";
	s = conv(le, sizeof le - 1, NULL, name);
	assert_string_equal(name, "UTF-16LE");
	assert_string_equal(s, "<p>é</p>");
	free(s);
	const char be[] = "\xfe\xff\0<\0p\0>\0\xe9\0<\0/\0p\0>";
	s = conv(be, sizeof be - 1, NULL, name);
	assert_string_equal(name, "UTF-16BE");
	assert_string_equal(s, "<p>é</p>");
	free(s);
}

/* UTF-16 without a BOM, told by the zero bytes around its first ASCII
 * characters (as XML 1.0 appendix F reads them), whatever the label
 * says (a header's "utf-16le" was taken for ASCII, then UTF-8: the
 * NULs made it no readable document). */
static void test_utf16_without_bom(void **state)
{
	(void)state;
	char name[CHARSET_NAME_MAX];
	const char le[] = "<\0p\0>\0\xe9\0<\0/\0p\0>\0";
	const char be[] = "\0<\0p\0>\0\xe9\0<\0/\0p\0>";
	const char *labels[] = { NULL, "utf-16le", "utf-16", "utf-8", "windows-1252" };
	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
		char *s = conv(le, sizeof le - 1, labels[i], name);
		assert_string_equal(name, "UTF-16LE");
		assert_string_equal(s, "<p>é</p>");
		free(s);
		s = conv(be, sizeof be - 1, labels[i], name);
		assert_string_equal(name, "UTF-16BE");
		assert_string_equal(s, "<p>é</p>");
		free(s);
	}
}

static void test_broken_sequences(void **state)
{
	(void)state;
	char name[CHARSET_NAME_MAX];
	/* UTF-8 page with one stray byte and a NUL: still UTF-8, cleaned */
	const char page[] = "<p>\xc3\xa9t\xc3\xa9 \xc3\xa0 la plage, \xc3\xa7" "a \xff va\0 \xe2\x80\x94 ok</p>"
			    "<p>\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
			    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9</p>";
	char *s = conv(page, sizeof page - 1, NULL, name);
	assert_string_equal(name, "UTF-8");
	assert_non_null(strstr(s, "ça  va — ok"));
	free(s);
	/* Shift_JIS with a truncated lead byte at the end */
	const char sj[] = "<meta charset=shift_jis>\x93\xfa\x96\x7b\x82";
	s = conv(sj, sizeof sj - 1, NULL, name);
	assert_string_equal(name, "CP932");
	assert_non_null(strstr(s, "日本"));
	free(s);
	/* A label iconv does not know: ignored, bytes sniffed */
	const char bad[] = "<meta charset=no-such-thing><p>\xc3\xa9</p>";
	s = conv(bad, sizeof bad - 1, "x-bogus", name);
	assert_string_equal(name, "UTF-8");
	free(s);
}

static void test_declared_utf8_but_legacy(void **state)
{
	(void)state;
	char name[CHARSET_NAME_MAX];
	const char page[] = "<meta charset=utf-8><p>caf\xe9 cr\xe8me br\xfbl\xe9" "e</p>";
	char *s = conv(page, sizeof page - 1, NULL, name);
	assert_string_equal(name, "WINDOWS-1252");
	assert_non_null(strstr(s, "café crème brûlée"));
	free(s);
}

/* The scan reads the bytes it is given and no further, whatever block
 * size it works in: an ESC just past the end does not count, one inside
 * does, at every offset and length around the 8- and 16-byte blocks. */
static void test_as_is_bounds(void **state)
{
	(void)state;
	char buf[80];
	for (size_t len = 1; len < 64; len++) {
		char enc[CHARSET_NAME_MAX];
		size_t bom;
		bool as_is;
		memset(buf, 'a', sizeof buf);
		buf[len] = '\x1b';
		charset_detect_ex(buf, len, "utf-8", enc, &bom, &as_is);
		assert_true(as_is);
		for (size_t at = 0; at < len; at++) {
			memset(buf, 'a', sizeof buf);
			buf[at] = (at & 1) ? '\x1b' : '\0';
			charset_detect_ex(buf, len, "utf-8", enc, &bom, &as_is);
			if (as_is)
				fail_msg("len %zu: control at %zu not seen", len, at);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_windows1251_meta_only),
		cmocka_unit_test(test_meta_charset_attribute),
		cmocka_unit_test(test_gb2312_declared_but_utf8),
		cmocka_unit_test(test_gbk_really),
		cmocka_unit_test(test_undeclared_utf8),
		cmocka_unit_test(test_undeclared_latin),
		cmocka_unit_test(test_detection_order),
		cmocka_unit_test(test_http_header_wins_over_meta),
		cmocka_unit_test(test_boms),
		cmocka_unit_test(test_utf16_without_bom),
		cmocka_unit_test(test_broken_sequences),
		cmocka_unit_test(test_declared_utf8_but_legacy),
		cmocka_unit_test(test_as_is_bounds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
