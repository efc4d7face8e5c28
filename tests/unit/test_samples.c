/* test_samples.c - every sample page in data/ against its hand-written
 * data/NAME.expected.json: title, byline, site name, date, lead image
 * (url, caption, credit), the exact list of body blocks (type, text,
 * links), and none of the boilerplate strings listed under
 * "must_not_contain" anywhere in the body.
 *
 * Each test collects every mismatch before failing, so one run shows the
 * owners of extraction all that is wrong with a page, expected vs got.
 * The data directory is ./data (make runs tests from the top of the
 * tree) unless FOLIO_DATA names another. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <jansson.h>

#include "folio/article.h"
#include "folio/extract.h"

struct check {
	const char *sample;
	int failures;
};

/* Prints one mismatch.  Control bytes (C0 but newline, DEL, C1 as
 * UTF-8) are shown as \xNN: a failing extraction must not get to drive
 * the terminal of whoever runs the tests. */
static void __attribute__((format(printf, 2, 3)))
mismatch(struct check *c, const char *fmt, ...)
{
	va_list ap;
	char *msg = NULL;

	va_start(ap, fmt);
	int n = vasprintf(&msg, fmt, ap);
	va_end(ap);
	fprintf(stderr, "  %s: ", c->sample);
	for (int i = 0; i < n; i++) {
		unsigned char b = (unsigned char)msg[i];
		unsigned char next = i + 1 < n ? (unsigned char)msg[i + 1] : 0;
		if ((b < 0x20 && b != '\n') || b == 0x7f)
			fprintf(stderr, "\\x%02x", b);
		else if (b == 0xc2 && next >= 0x80 && next <= 0x9f)
			fprintf(stderr, "\\xc2\\x%02x", next), i++;
		else
			fputc(b, stderr);
	}
	fputc('\n', stderr);
	free(msg);
	c->failures++;
}

static const char *data_dir(void)
{
	const char *d = getenv("FOLIO_DATA");
	return d && *d ? d : "data";
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1))) {
		*len = fread(buf, 1, (size_t)n, f);
		buf[*len] = '\0';
	}
	fclose(f);
	return buf;
}

/* Well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF)
 * with no C0 control other than '\n' where allowed, no DEL, no C1.
 * Written here rather than borrowed from text.c so that a bug there
 * cannot hide itself. */
static const char *bad_text(const char *s, int allow_newline)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		unsigned c = *p, n, cp;
		if (c < 0x80) {
			if ((c < 0x20 && !(c == '\n' && allow_newline)) || c == 0x7f)
				return "a C0 control or DEL";
			p++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) { n = 1; cp = c & 0x1f; }
		else if (c >= 0xe0 && c <= 0xef) { n = 2; cp = c & 0x0f; }
		else if (c >= 0xf0 && c <= 0xf4) { n = 3; cp = c & 0x07; }
		else return "invalid UTF-8";
		for (unsigned i = 1; i <= n; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return "invalid UTF-8";
			cp = cp << 6 | (p[i] & 0x3f);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return "invalid UTF-8";
		if (cp >= 0x80 && cp <= 0x9f)
			return "a C1 control";
		p += n + 1;
	}
	return NULL;
}

static void check_clean(struct check *c, const char *what, const char *s, int nl)
{
	const char *bad = s ? bad_text(s, nl) : NULL;
	if (bad)
		mismatch(c, "%s contains %s: \"%s\"", what, bad, s);
}

/* A string field: expected JSON null means the article must have none. */
static void check_field(struct check *c, const char *what, json_t *want, const char *got)
{
	const char *w = json_is_string(want) ? json_string_value(want) : NULL;

	check_clean(c, what, got, 0);
	if (!w && !got)
		return;
	if (!w || !got || strcmp(w, got) != 0)
		mismatch(c, "%s: expected %s%s%s, got %s%s%s", what,
			 w ? "\"" : "", w ? w : "null", w ? "\"" : "",
			 got ? "\"" : "", got ? got : "null", got ? "\"" : "");
}

static void check_lead_image(struct check *c, json_t *want, const struct article *a)
{
	const struct lead_image *li = a->lead_image;

	if (li && !li->url && !li->caption && !li->credit)
		li = NULL;      /* an empty struct is no image */
	if (!json_is_object(want)) {
		if (li)
			mismatch(c, "lead_image: expected null, got url \"%s\" caption \"%s\" credit \"%s\"",
				 li->url ? li->url : "(null)", li->caption ? li->caption : "(null)",
				 li->credit ? li->credit : "(null)");
		return;
	}
	check_field(c, "lead_image.url", json_object_get(want, "url"), li ? li->url : NULL);
	check_field(c, "lead_image.caption", json_object_get(want, "caption"), li ? li->caption : NULL);
	check_field(c, "lead_image.credit", json_object_get(want, "credit"), li ? li->credit : NULL);
}

/* Byte offset -> code-point offset, the unit of the JSON contract. */
static size_t cp_offset(const char *s, size_t byte)
{
	size_t n = 0;
	for (size_t i = 0; i < byte && s[i]; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

/* "links" absent: not checked (only cleanliness).  Present: exactly
 * these ranges, and the url where one is given. */
static void check_links(struct check *c, size_t bi, json_t *want, const struct block *b)
{
	for (size_t i = 0; i < b->nlinks; i++)
		check_clean(c, "link url", b->links[i].url, 0);
	if (!json_is_array(want))
		return;
	if (json_array_size(want) != b->nlinks) {
		mismatch(c, "block %zu: expected %zu links, got %zu", bi,
			 json_array_size(want), b->nlinks);
		return;
	}
	for (size_t i = 0; i < b->nlinks; i++) {
		json_t *l = json_array_get(want, i);
		const struct link *g = &b->links[i];
		size_t start = cp_offset(b->text, g->start), end = cp_offset(b->text, g->end);
		json_int_t ws = json_integer_value(json_object_get(l, "start"));
		json_int_t we = json_integer_value(json_object_get(l, "end"));
		const char *url = json_string_value(json_object_get(l, "url"));

		if ((json_int_t)start != ws || (json_int_t)end != we)
			mismatch(c, "block %zu link %zu: expected chars [%lld,%lld), got [%zu,%zu)",
				 bi, i, (long long)ws, (long long)we, start, end);
		if (url && (!g->url || strcmp(url, g->url) != 0))
			mismatch(c, "block %zu link %zu: expected url \"%s\", got \"%s\"",
				 bi, i, url, g->url ? g->url : "(null)");
	}
}

static void dump_blocks(struct check *c, const struct article *a)
{
	int failures = c->failures;     /* listing them is no new mismatch */

	fprintf(stderr, "  got %zu blocks:\n", a->nblocks);
	for (size_t i = 0; i < a->nblocks; i++)
		mismatch(c, "  [%zu] %s: %s", i, block_type_name(a->blocks[i].type),
			 a->blocks[i].text);
	c->failures = failures;
}

/* Longest common subsequence of expected and extracted block texts, so
 * that one extra or missing block is reported as just that rather than
 * as every later block being wrong.  match[i] = index of the block that
 * expected block i pairs with, or -1.  Pages have tens of blocks. */
static int *align_blocks(json_t *want, const struct article *a)
{
	size_t n = json_array_size(want), m = a->nblocks;
	size_t *t = calloc((n + 1) * (m + 1), sizeof *t);
	int *match = malloc((n + 1) * sizeof *match);
	assert_non_null(t);
	assert_non_null(match);
#define T(i, j) t[(i) * (m + 1) + (j)]
	for (size_t i = n; i-- > 0;) {
		const char *wx = json_string_value(json_object_get(json_array_get(want, i), "text"));
		for (size_t j = m; j-- > 0;) {
			if (wx && strcmp(wx, a->blocks[j].text) == 0)
				T(i, j) = T(i + 1, j + 1) + 1;
			else
				T(i, j) = T(i + 1, j) > T(i, j + 1) ? T(i + 1, j) : T(i, j + 1);
		}
	}
	size_t i = 0, j = 0;
	for (size_t k = 0; k < n; k++)
		match[k] = -1;
	while (i < n && j < m) {
		const char *wx = json_string_value(json_object_get(json_array_get(want, i), "text"));
		if (wx && strcmp(wx, a->blocks[j].text) == 0)
			match[i++] = (int)j++;
		else if (T(i + 1, j) >= T(i, j + 1))
			i++;
		else
			j++;
	}
#undef T
	free(t);
	return match;
}

static void check_blocks(struct check *c, json_t *want, const struct article *a)
{
	size_t n = json_array_size(want), before = (size_t)c->failures;
	char *used = calloc(a->nblocks + 1, 1);
	int *match = align_blocks(want, a);

	assert_non_null(used);
	for (size_t j = 0; j < a->nblocks; j++) {
		const struct block *b = &a->blocks[j];
		int pre = b->type == BLOCK_PRE || b->type == BLOCK_TABLE;
		check_clean(c, "block text", b->text, pre);
		if (strlen(b->text) != b->len)
			mismatch(c, "block %zu: len %zu but strlen %zu", j, b->len, strlen(b->text));
	}
	for (size_t i = 0; i < n; i++) {
		json_t *w = json_array_get(want, i);
		const char *wt = json_string_value(json_object_get(w, "type"));
		const char *wx = json_string_value(json_object_get(w, "text"));
		if (match[i] < 0) {
			mismatch(c, "missing block %zu (%s): \"%s\"", i, wt ? wt : "?",
				 wx ? wx : "(bad expectation)");
			continue;
		}
		const struct block *b = &a->blocks[match[i]];
		const char *gt = block_type_name(b->type);
		used[match[i]] = 1;
		if (!wt || !gt || strcmp(wt, gt) != 0)
			mismatch(c, "block %zu (got [%d]): expected type %s, got %s", i,
				 match[i], wt ? wt : "?", gt ? gt : "?");
		check_links(c, i, json_object_get(w, "links"), b);
	}
	for (size_t j = 0; j < a->nblocks; j++)
		if (!used[j])
			mismatch(c, "unexpected block [%zu] (%s): \"%s\"", j,
				 block_type_name(a->blocks[j].type), a->blocks[j].text);
	if ((size_t)c->failures != before)
		dump_blocks(c, a);
	free(used);
	free(match);
}

/* Boilerplate that must not reach the reader: searched in the blocks
 * joined by spaces, as the scorer joins them. */
static void check_absent(struct check *c, json_t *list, const struct article *a)
{
	size_t total = 1;
	for (size_t i = 0; i < a->nblocks; i++)
		total += a->blocks[i].len + 1;
	char *all = malloc(total), *p = all;
	assert_non_null(all);
	for (size_t i = 0; i < a->nblocks; i++) {
		memcpy(p, a->blocks[i].text, a->blocks[i].len);
		p += a->blocks[i].len;
		*p++ = ' ';
	}
	*p = '\0';
	size_t i;
	json_t *s;
	json_array_foreach(list, i, s) {
		if (json_is_string(s) && strstr(all, json_string_value(s)))
			mismatch(c, "body contains \"%s\", which is not part of the article",
				 json_string_value(s));
	}
	free(all);
}

static void run_sample(const char *name)
{
	char path[4096];
	size_t len = 0;
	json_error_t jerr;
	struct check c = { name, 0 };

	snprintf(path, sizeof path, "%s/%s.expected.json", data_dir(), name);
	json_t *want = json_load_file(path, 0, &jerr);
	if (!want)
		fail_msg("%s: cannot load: %s (line %d)", path, jerr.text, jerr.line);
	snprintf(path, sizeof path, "%s/%s.html", data_dir(), name);
	char *html = read_file(path, &len);
	if (!html) {
		json_decref(want);
		fail_msg("%s: cannot read (run from the top of the tree or set FOLIO_DATA)", path);
	}

	struct extract_input in = {
		.bytes = html, .len = len,
		.base_url = json_string_value(json_object_get(want, "url")),
		.charset = NULL,        /* as from a file: no HTTP header */
	};
	struct article *a = NULL;
	const char *why = NULL;
	enum status_code rc = extract_article(&in, &a, &why);
	if (rc != STATUS_OK || !a) {
		free(html);
		json_decref(want);
		fail_msg("%s: extract_article returned %d (%s)", name, (int)rc, why ? why : "");
	}

	check_field(&c, "url", json_object_get(want, "url"), a->url);
	check_field(&c, "title", json_object_get(want, "title"), a->title);
	check_field(&c, "byline", json_object_get(want, "byline"), a->byline);
	check_field(&c, "site_name", json_object_get(want, "site_name"), a->site_name);
	check_field(&c, "published", json_object_get(want, "published"), a->published);
	check_lead_image(&c, json_object_get(want, "lead_image"), a);
	check_blocks(&c, json_object_get(want, "blocks"), a);
	check_absent(&c, json_object_get(want, "must_not_contain"), a);

	article_free(a);
	free(html);
	json_decref(want);
	if (c.failures)
		fail_msg("%s: %d field(s) differ from %s.expected.json (listed above)",
			 name, c.failures, name);
}

static void test_sample_rt(void **state) { (void)state; run_sample("sample-rt"); }
static void test_multi_author(void **state) { (void)state; run_sample("multi-author"); }
static void test_cyrillic_1251(void **state) { (void)state; run_sample("cyrillic-1251"); }
static void test_short(void **state) { (void)state; run_sample("short"); }
static void test_cjk(void **state) { (void)state; run_sample("cjk"); }
static void test_escapes(void **state) { (void)state; run_sample("escapes"); }
static void test_graph_base(void **state) { (void)state; run_sample("graph-base"); }
static void test_byline_labels(void **state) { (void)state; run_sample("byline-labels"); }
static void test_undeclared_utf8(void **state) { (void)state; run_sample("undeclared-utf8"); }
static void test_cp1252_undeclared(void **state) { (void)state; run_sample("cp1252-undeclared"); }
static void test_photograph_credit(void **state) { (void)state; run_sample("photograph-credit"); }
static void test_link_chars(void **state) { (void)state; run_sample("link-chars"); }
static void test_page_builder(void **state) { (void)state; run_sample("page-builder"); }
static void test_meta_drupal(void **state) { (void)state; run_sample("meta-drupal"); }
static void test_gb18030_undeclared(void **state) { (void)state; run_sample("gb18030-undeclared"); }
static void test_shift_jis_undeclared(void **state) { (void)state; run_sample("shift-jis-undeclared"); }
static void test_euc_kr_undeclared(void **state) { (void)state; run_sample("euc-kr-undeclared"); }
static void test_koi8_r_undeclared(void **state) { (void)state; run_sample("koi8-r-undeclared"); }
static void test_club_news(void **state) { (void)state; run_sample("club-news"); }
static void test_trust_sections(void **state) { (void)state; run_sample("trust-sections"); }
static void test_figure_in_text(void **state) { (void)state; run_sample("figure-in-text"); }

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sample_rt),
		cmocka_unit_test(test_multi_author),
		cmocka_unit_test(test_cyrillic_1251),
		cmocka_unit_test(test_short),
		cmocka_unit_test(test_cjk),
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_graph_base),
		cmocka_unit_test(test_byline_labels),
		cmocka_unit_test(test_undeclared_utf8),
		cmocka_unit_test(test_cp1252_undeclared),
		cmocka_unit_test(test_photograph_credit),
		cmocka_unit_test(test_link_chars),
		cmocka_unit_test(test_page_builder),
		cmocka_unit_test(test_meta_drupal),
		cmocka_unit_test(test_gb18030_undeclared),
		cmocka_unit_test(test_shift_jis_undeclared),
		cmocka_unit_test(test_euc_kr_undeclared),
		cmocka_unit_test(test_koi8_r_undeclared),
		cmocka_unit_test(test_club_news),
		cmocka_unit_test(test_trust_sections),
		cmocka_unit_test(test_figure_in_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
