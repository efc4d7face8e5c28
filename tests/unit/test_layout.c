/* Table tests for layout.c: wrapping by display width, every block type,
 * link numbering, pre continuation, narrow columns. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "folio/article.h"
#include "folio/layout.h"

static struct article *one_block(enum block_type t, const char *text)
{
	struct article *a = article_new();
	assert_non_null(a);
	assert_non_null(article_add_block(a, t, text, strlen(text)));
	return a;
}

/* The layout as text: "indent+text" lines joined by '\n' (no links). */
static char *render(const struct article *a, int width)
{
	struct layout *l = layout_new(a, width);
	assert_non_null(l);
	for (size_t i = 0; i < l->nlines; i++) {
		const struct lline *ln = &l->lines[i];
		int w = ln->indent + layout_width(layout_text(l, i), ln->len);
		if (w > width) {
			fprintf(stderr, "line %zu is %d cells wide at width %d\n",
				i, w, width);
			fail();
		}
	}
	char *s = layout_to_text(l);
	assert_non_null(s);
	layout_free(l);
	return s;
}

static void check(const struct article *a, int width, const char *want)
{
	char *got = render(a, width);
	if (strcmp(got, want)) {
		fprintf(stderr, "width %d\n--- want\n%s--- got\n%s---\n",
			width, want, got);
		fail();
	}
	free(got);
}

struct wrap_case {
	const char *name;
	enum block_type type;
	const char *text;
	int width;
	const char *want;
};

static const char FOX[] =
	"The quick brown fox jumps over the lazy dog while the cat sleeps.";

static const struct wrap_case cases[] = {
	{ "p/20", BLOCK_P, FOX, 20,
	  "The quick brown fox\njumps over the lazy\ndog while the cat\n"
	  "sleeps.\n" },
	{ "p/40", BLOCK_P, FOX, 40,
	  "The quick brown fox jumps over the lazy\n"
	  "dog while the cat sleeps.\n" },
	{ "p/80", BLOCK_P, FOX, 80, "The quick brown fox jumps over the lazy "
	  "dog while the cat sleeps.\n" },
	/* Japanese has no spaces: broken between characters, 2 cells each. */
	{ "cjk/10", BLOCK_P, "日本語の文章は空白なしで折り返す。", 10,
	  "日本語の文\n章は空白な\nしで折り返\nす。\n" },
	/* A closing ideographic full stop never starts a line (UAX #14). */
	{ "cjk-punct/8", BLOCK_P, "中文文本。中文文本。", 8,
	  "中文文\n本。中文\n文本。\n" },
	/* e + U+0301 is one cell: 5 per line, the mark stays with its e. */
	{ "combining/5", BLOCK_P,
	  "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81"
	  "e\xcc\x81" "e\xcc\x81", 5,
	  "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81\n"
	  "e\xcc\x81" "e\xcc\x81\n" },
	{ "long-word/20", BLOCK_P, "a bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c", 20,
	  "a\nbbbbbbbbbbbbbbbbbbbb\nbbbbbbbbbbbbbbbbbbbb\nbbbb c\n" },
	{ "url/20", BLOCK_P, "see https://example.com/a/long/path/index.html now", 20,
	  "see https://example.\ncom/a/long/path/\nindex.html now\n" },
	{ "heading/20", BLOCK_H2, "A heading that wraps", 12,
	  "A heading\nthat wraps\n" },
	{ "quote/20", BLOCK_QUOTE, "To be or not to be, that is it.", 20,
	  "  \xe2\x94\x82 To be or not to\n  \xe2\x94\x82 be, that is it.\n" },
	{ "caption/20", BLOCK_CAPTION, "A figure caption here", 20,
	  "  A figure caption\n  here\n" },
	{ "dd/20", BLOCK_DD, "described at some length", 20,
	  "    described at\n    some length\n" },
	{ "pre/20", BLOCK_PRE, "int main(void) { return 0; }\n\tx;", 20,
	  "  int main(void) { r\n  \xe2\x86\xaa" "eturn 0; }\n"
	  "          x;\n" },
	{ "pre-long/10", BLOCK_PRE, "abcdefghijklmnopqrstuvwxyz", 10,
	  "  abcdefgh\n  \xe2\x86\xaa" "ijklmno\n  \xe2\x86\xaa" "pqrstuv\n"
	  "  \xe2\x86\xaa" "wxyz\n" },
	{ "table/40", BLOCK_TABLE, "Name | Age\nAlice | 30\nBob | 4", 40,
	  "  Name  | Age\n  Alice | 30\n  Bob   | 4\n" },
	{ "table-wide/20", BLOCK_TABLE,
	  "Country | Capital city | Population\nFrance | Paris | 68 million",
	  20, "  Country | Capital\n    city |\n    Population\n"
	  "  France | Paris |\n    68 million\n" },
	{ "controls/20", BLOCK_P, "a\x1b[31mred\x07 \xc2\x9b" "2J", 20,
	  "a?[31mred? ?2J\n" },
	{ "width-1", BLOCK_P, "ab 日", 1, "a\nb\n日\n" },
	/* A mark of width 0 after a character too wide for the column
	 * stays with it: no line starts with a combining mark. */
	{ "wide-mark/1", BLOCK_P, "日\xcc\x81x", 1, "日\xcc\x81\nx\n" },
	{ "wide-mark-pre/1", BLOCK_PRE, "日\xcc\x81x", 1,
	  "日\xcc\x81\n\xe2\x86\xaax\n" },
	/* ...but not with a space: the space would no longer trail. */
	{ "space-mark/2", BLOCK_P, "ab \xcc\x81", 2, "ab\n\xcc\x81\n" },
};

static void test_wrap_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct wrap_case *c = &cases[i];
		struct article *a = one_block(c->type, c->text);
		char *got;
		if (c->width == 1) {    /* a 2-cell char cannot fit: no check */
			struct layout *l = layout_new(a, 1);
			assert_non_null(l);
			got = layout_to_text(l);
			layout_free(l);
		} else {
			got = render(a, c->width);
		}
		if (strcmp(got, c->want)) {
			fprintf(stderr, "case %s\n--- want\n%s--- got\n%s---\n",
				c->name, c->want, got);
			fail();
		}
		free(got);
		article_free(a);
	}
}

/* Every block type, with the header, in order and with distinct styles. */
static void test_every_block(void **state)
{
	(void)state;
	struct article *a = article_new();
	article_set(&a->title, "Title of the story");
	article_set(&a->byline, "By Ann Author");
	article_set(&a->site_name, "The Daily");
	article_set(&a->published, "2026-01-02");
	struct lead_image *img = article_lead_image(a);
	article_set(&img->caption, "The harbour at dawn.");
	article_set(&img->credit, "Jo Lens/Agency");
	const struct { enum block_type t; const char *s; int depth, ord; } b[] = {
		{ BLOCK_P, "First paragraph.", 0, 0 },
		{ BLOCK_H2, "Section", 0, 0 },
		{ BLOCK_H3, "Subsection", 0, 0 },
		{ BLOCK_QUOTE, "Quoted words.", 0, 0 },
		{ BLOCK_LI, "bullet one", 1, 0 },
		{ BLOCK_LI, "nested", 2, 0 },
		{ BLOCK_LI, "numbered", 1, 2 },
		{ BLOCK_PRE, "code  here", 0, 0 },
		{ BLOCK_CAPTION, "A chart.", 0, 0 },
		{ BLOCK_TABLE, "a | b", 0, 0 },
		{ BLOCK_DT, "Term", 0, 0 },
		{ BLOCK_DD, "Its meaning.", 0, 0 },
	};
	for (size_t i = 0; i < sizeof b / sizeof b[0]; i++) {
		struct block *k = article_add_block(a, b[i].t, b[i].s, strlen(b[i].s));
		k->depth = b[i].depth;
		k->ordinal = b[i].ord;
	}
	check(a, 40,
	      "Title of the story\n"
	      "By Ann Author\n"
	      "The Daily \xc2\xb7 2026-01-02\n"
	      "\n"
	      "The harbour at dawn.\n"
	      "Photo: Jo Lens/Agency\n"
	      "\n"
	      "First paragraph.\n"
	      "\n"
	      "Section\n"
	      "\n"
	      "Subsection\n"
	      "\n"
	      "  \xe2\x94\x82 Quoted words.\n"
	      "\n"
	      "  \xe2\x80\xa2 bullet one\n"
	      "    \xe2\x80\xa2 nested\n"
	      "  2. numbered\n"
	      "\n"
	      "  code  here\n"
	      "\n"
	      "  A chart.\n"
	      "\n"
	      "  a | b\n"
	      "\n"
	      "Term\n"
	      "    Its meaning.\n");
	/* Each header part has its own style. */
	struct layout *l = layout_new(a, 40);
	const enum lstyle want[] = { LS_TITLE, LS_BYLINE, LS_META, LS_TEXT,
		LS_LEAD_CAPTION, LS_CREDIT };
	for (size_t i = 0; i < 6; i++) {
		if (i == 3)
			continue;
		assert_int_equal(l->spans[l->lines[i].span0].style, want[i]);
	}
	assert_int_equal(l->spans[l->lines[9].span0].style, LS_HEADING);
	layout_free(l);
	article_free(a);
}

static void test_links_numbered(void **state)
{
	(void)state;
	struct article *a = article_new();
	const char *t1 = "See the report and the data.";
	struct block *b = article_add_block(a, BLOCK_P, t1, strlen(t1));
	block_add_link(b, 8, 14, "https://x.example/report");
	block_add_link(b, 23, 27, "https://x.example/data");
	const char *t2 = "Another link.";
	b = article_add_block(a, BLOCK_P, t2, strlen(t2));
	block_add_link(b, 0, 7, "https://x.example/other");
	check(a, 80,
	      "See the report[1] and the data[2].\n\nAnother[3] link.\n\n"
	      "Links:\n[1] report: https://x.example/report\n[2] data: https://x.example/data\n"
	      "[3] Another: https://x.example/other\n");
	struct layout *l = layout_new(a, 80);
	assert_int_equal(l->nlinks, 3);
	assert_int_equal(l->links[2].line, 2);
	/* "report" is a link span numbered 1, "[1]" a marker span. */
	const struct lline *ln = &l->lines[0];
	int seen = 0;
	for (uint32_t i = 0; i < ln->nspans; i++) {
		const struct lspan *s = &l->spans[ln->span0 + i];
		const char *txt = layout_text(l, 0) + s->start;
		if (s->style == LS_LINK && s->link == 1) {
			assert_memory_equal(txt, "report", 6);
			seen++;
		}
		if (s->style == LS_LINKNUM && s->link == 2) {
			assert_memory_equal(txt, "[2]", 3);
			seen++;
		}
	}
	assert_int_equal(seen, 2);
	layout_free(l);
	article_free(a);
}

/* The same paragraph place is found again at another width. */
static void test_find_across_widths(void **state)
{
	(void)state;
	struct article *a = article_new();
	for (int i = 0; i < 5; i++)
		article_add_block(a, BLOCK_P, FOX, strlen(FOX));
	struct layout *w80 = layout_new(a, 80), *w20 = layout_new(a, 20);
	/* Line 4 at width 80 is the third paragraph's first line. */
	const struct lline *top = &w80->lines[4];
	assert_memory_equal(layout_text(w80, 4), "The quick", 9);
	size_t i = layout_find(w20, top->para, top->para_off);
	assert_memory_equal(layout_text(w20, i), "The quick", 9);
	assert_int_equal(w20->lines[i].para, top->para);
	assert_int_equal(w20->lines[i - 1].len, 0);    /* blank before it */
	/* A place mid-paragraph at width 20 maps to the line holding it. */
	size_t j = i + 2;       /* "dog while the cat" */
	size_t k = layout_find(w80, w20->lines[j].para, w20->lines[j].para_off);
	assert_int_equal(k, 4);
	layout_free(w80);
	layout_free(w20);
	article_free(a);
}

/* A place given as (block, byte of its text) is found at any width, link
 * markers in the display text notwithstanding. */
static void test_find_src(void **state)
{
	(void)state;
	struct article *a = article_new();
	article_set(&a->title, "Title");
	for (int i = 0; i < 3; i++)
		article_add_block(a, BLOCK_P, FOX, strlen(FOX));
	block_add_link(&a->blocks[1], 4, 9, "https://x.example/q");
	struct layout *l = layout_new(a, 20);
	size_t i = layout_find_src(l, 1, 20);   /* FOX + 20 is "jumps" */
	assert_int_equal(l->lines[i].block, 1);
	assert_memory_equal(layout_text(l, i), "fox jumps", 9);
	assert_int_equal(l->lines[i].src_off, 16);
	assert_int_equal(layout_find_src(l, -1, 0), 0);
	i = layout_find_src(l, 2, 0);
	assert_memory_equal(layout_text(l, i), "The quick brown fox", 19);
	assert_int_equal(l->lines[i - 1].len, 0);       /* blank before it */
	assert_int_equal(l->lines[i - 1].block, 2);
	layout_free(l);
	l = layout_new(a, 80);
	i = layout_find_src(l, 1, 20);
	assert_memory_equal(layout_text(l, i), "The quick[1] brown", 18);
	layout_free(l);
	/* Pre rows and table rows count from the block's start. */
	article_free(a);
	a = one_block(BLOCK_PRE, "line one\nline two\nline three");
	l = layout_new(a, 40);
	i = layout_find_src(l, 0, 12);
	assert_memory_equal(layout_text(l, i), "line two", 8);
	layout_free(l);
	article_free(a);
}

/* Lines of a paragraph carry the join flag a search needs. */
static void test_join_flags(void **state)
{
	(void)state;
	struct article *a = one_block(BLOCK_P, FOX);
	struct layout *l = layout_new(a, 20);
	assert_true(l->lines[0].flags & LINE_JOIN_SPACE);
	assert_false(l->lines[3].flags & LINE_JOIN_SPACE);
	assert_true(l->lines[3].flags & LINE_PARA_END);
	layout_free(l);
	article_free(a);
	a = one_block(BLOCK_P, "aaaaaaaaaabbbbbbbbbb");
	l = layout_new(a, 10);
	assert_int_equal(l->nlines, 2);
	assert_false(l->lines[0].flags & LINE_JOIN_SPACE);
	layout_free(l);
	article_free(a);
}

/* A time stamp shows as its date; other date text is kept whole. */
static void test_date_line(void **state)
{
	(void)state;
	struct article *a = article_new();
	article_set(&a->published, "2026-08-14T09:12:00+00:00");
	check(a, 80, "2026-08-14\n");
	article_set(&a->published, "14 August 2026");
	article_set(&a->site_name, "Wire");
	check(a, 80, "Wire \xc2\xb7 14 August 2026\n");
	article_free(a);
}

/* The credit is attributed once: "Photo: " only when it does not say so. */
static void test_credit_attribution(void **state)
{
	(void)state;
	struct article *a = article_new();
	struct lead_image *img = article_lead_image(a);
	article_set(&img->credit, "Photograph: Jo Lens");
	check(a, 80, "Photograph: Jo Lens\n");
	article_set(&img->credit, "Image by Jo Lens");
	check(a, 80, "Image by Jo Lens\n");
	article_set(&img->credit, "Photographer Jo");  /* a name, not a label */
	check(a, 80, "Photo: Photographer Jo\n");
	article_set(&img->credit, "\xc2\xa9 Jo Lens");
	check(a, 80, "Photo: \xc2\xa9 Jo Lens\n");
	article_free(a);
}

/* A lead image that stands among the paragraphs keeps its caption in
 * the body too (extract.c, lead_withheld): it is shown once, under the
 * picture at the top; the body's copy and its links are passed over. */
static void test_lead_caption_once(void **state)
{
	(void)state;
	struct article *a = one_block(BLOCK_P, "The opening paragraph.");
	struct lead_image *img = article_lead_image(a);
	article_set(&img->caption, "The pier at dawn.");
	article_set(&img->credit, "A. Person");
	struct block *k = article_add_block(a, BLOCK_CAPTION,
					    "The pier at dawn. A. Person", 27);
	assert_non_null(k);
	assert_non_null(article_add_block(a, BLOCK_CAPTION, "A chart.", 8));
	assert_non_null(article_add_block(a, BLOCK_P, "The pier at dawn.", 17));
	/* a paragraph that only starts with the caption's words is text */
	const char *para = "The pier at dawn. A. Person walked out on it "
			   "with the first boats of the day.";
	assert_non_null(article_add_block(a, BLOCK_P, para, strlen(para)));
	/* the body as it must show, after the header's caption and credit */
	const char *body = "The opening paragraph.\n"
			   "\n"
			   "  A chart.\n"
			   "\n"
			   "The pier at dawn.\n"
			   "\n"
			   "The pier at dawn. A. Person walked out\n"
			   "on it with the first boats of the day.\n";
	char want[512];
	snprintf(want, sizeof want, "The pier at dawn.\nPhoto: A. Person\n\n%s", body);
	check(a, 40, want);
	/* with no caption, a block that is just the credit is its copy */
	article_set(&img->caption, NULL);
	article_set(&k->text, "A. Person");
	k->len = 9;
	snprintf(want, sizeof want, "Photo: A. Person\n\n%s", body);
	check(a, 40, want);
	article_free(a);
}

static void test_empty_article(void **state)
{
	(void)state;
	struct article *a = article_new();
	struct layout *l = layout_new(a, 0);
	assert_non_null(l);
	assert_int_equal(l->nlines, 0);
	assert_int_equal(layout_find(l, 3, 3), 0);
	char *s = layout_to_text(l);
	assert_string_equal(s, "");
	free(s);
	layout_free(l);
	article_free(a);
}

/* An article with a lead picture (caption and credit when asked). */
static struct article *pictured(bool caption)
{
	struct article *a = one_block(BLOCK_P, "First paragraph of the body.");
	article_set(&a->title, "The title");
	article_set(&a->site_name, "Site");
	assert_non_null(article_add_block(a, BLOCK_P, "Second one.", 11));
	struct lead_image *img = article_lead_image(a);
	assert_non_null(img);
	article_set(&img->url, "https://example.org/p.jpg");
	if (caption) {
		article_set(&img->caption, "The pier at dawn.");
		article_set(&img->credit, "A. Person");
	}
	return a;
}

static size_t line_with(const struct layout *l, const char *text)
{
	for (size_t i = 0; i < l->nlines; i++)
		if (l->lines[i].len == strlen(text) &&
		    !memcmp(layout_text(l, i), text, strlen(text)))
			return i;
	fail_msg("no line '%s'", text);
	return 0;
}

/* The picture's rows sit between the site line and the caption, centred,
 * without text; the caption and credit follow right under it. */
static void test_picture_rows(void **state)
{
	struct article *a = pictured(true);
	struct layout *l = layout_new_picture(a, 40, 30, 6);
	assert_non_null(l);
	size_t site = line_with(l, "Site"), cap = line_with(l, "The pier at dawn.");
	assert_int_equal(cap, site + 2 + 6);    /* a blank, then 6 rows */
	assert_int_equal(l->lines[site + 1].len, 0);
	assert_false(l->lines[site + 1].flags & LINE_PICTURE);
	for (int r = 0; r < 6; r++) {
		const struct lline *ln = &l->lines[site + 2 + r];
		assert_true(ln->flags & LINE_PICTURE);
		assert_int_equal(ln->pic_row, r);
		assert_int_equal(ln->len, 0);
		assert_int_equal(ln->indent, 5);
	}
	assert_int_equal(line_with(l, "Photo: A. Person"), cap + 1);
	size_t pictures = 0;
	for (size_t i = 0; i < l->nlines; i++)
		pictures += (l->lines[i].flags & LINE_PICTURE) != 0;
	assert_int_equal(pictures, 6);
	layout_free(l);
	article_free(a);
}

/* The picture's arrival moves no paragraph number and no text: a place
 * found before it is found after it; the plain text is unchanged. */
static void test_picture_keeps_place(void **state)
{
	for (int caption = 0; caption < 2; caption++) {
		struct article *a = pictured(caption);
		struct layout *before = layout_new(a, 30);
		struct layout *after = layout_new_picture(a, 30, 30, 9);
		assert_non_null(before);
		assert_non_null(after);
		assert_int_equal(after->nlines, before->nlines + 9 + !caption);
		for (size_t i = 0; i < before->nlines; i++) {
			const struct lline *ln = &before->lines[i];
			size_t j = layout_find(after, ln->para, ln->para_off);
			assert_int_equal(after->lines[j].len, ln->len);
			assert_memory_equal(layout_text(after, j),
					    layout_text(before, i), ln->len);
			/* lines under the picture move down by its rows */
			size_t site = line_with(before, "Site");
			if (ln->len)
				assert_int_equal(j - i, i <= site ? 0 : 9 + !caption);
		}
		char *t1 = layout_to_text(before), *t2 = layout_to_text(after);
		/* without a caption the picture brings its own blank line */
		if (caption)
			assert_string_equal(t1, t2);
		free(t1);
		free(t2);
		layout_free(before);
		layout_free(after);
		article_free(a);
	}
}

/* No picture without room; a picture wider than the column is laid at
 * the left edge. */
static void test_picture_room(void **state)
{
	struct article *a = pictured(true);
	struct layout *none = layout_new(a, 30);
	struct layout *zero = layout_new_picture(a, 30, 0, 5);
	struct layout *wide = layout_new_picture(a, 30, 50, 2);
	assert_int_equal(zero->nlines, none->nlines);
	assert_int_equal(wide->nlines, none->nlines + 2);
	size_t site = line_with(wide, "Site");
	assert_int_equal(wide->lines[site + 2].indent, 0);
	layout_free(none);
	layout_free(zero);
	layout_free(wide);
	article_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wrap_table),
		cmocka_unit_test(test_every_block),
		cmocka_unit_test(test_links_numbered),
		cmocka_unit_test(test_find_across_widths),
		cmocka_unit_test(test_find_src),
		cmocka_unit_test(test_join_flags),
		cmocka_unit_test(test_date_line),
		cmocka_unit_test(test_credit_attribution),
		cmocka_unit_test(test_empty_article),
		cmocka_unit_test(test_picture_rows),
		cmocka_unit_test(test_lead_caption_once),
		cmocka_unit_test(test_picture_keeps_place),
		cmocka_unit_test(test_picture_room),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
