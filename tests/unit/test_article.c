/* Unit tests for article.c: building, JSON and text forms. */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <jansson.h>

#include "folio/article.h"

static struct article *sample(void)
{
	struct article *a = article_new();
	assert_non_null(a);
	article_set(&a->url, "https://news.example/story");
	article_set(&a->title, "Héadline");
	article_set(&a->byline, "Ann Author");
	article_set(&a->published, "2026-01-02");
	struct lead_image *img = article_lead_image(a);
	article_set(&img->caption, "A caption");
	article_set(&img->credit, "© Photo Agency");
	struct block *b = article_add_block(a, BLOCK_P, "Über den Link hier.", strlen("Über den Link hier."));
	/* "Link" starts after "Über den " = 10 bytes (Ü is 2), 9 chars. */
	assert_int_equal(block_add_link(b, 10, 14, "https://news.example/x"), 0);
	b = article_add_block(a, BLOCK_LI, "one", 3);
	b->depth = 1;
	b->ordinal = 1;
	article_add_block(a, BLOCK_LI, "two", 3)->depth = 1;
	article_add_block(a, BLOCK_H3, "Sub", 3);
	article_add_block(a, BLOCK_PRE, "a\n  b", 5);
	return a;
}

static void test_block_names(void **state)
{
	(void)state;
	for (int t = 0; t < BLOCK_TYPE_COUNT; t++)
		for (int u = 0; u < t; u++)    /* every name distinct */
			assert_string_not_equal(block_type_name(t), block_type_name(u));
	assert_string_equal(block_type_name(BLOCK_QUOTE), "quote");
	assert_string_equal(block_type_name(BLOCK_TABLE), "table");
}

static void test_json_fields(void **state)
{
	(void)state;
	struct article *a = sample();
	char *s = article_to_json(a);
	assert_non_null(s);
	assert_null(strchr(s, '\n'));   /* one line per article */
	json_error_t e;
	json_t *o = json_loads(s, 0, &e);
	assert_non_null(o);
	assert_string_equal(json_string_value(json_object_get(o, "title")), "Héadline");
	assert_true(json_is_null(json_object_get(o, "site_name")));
	json_t *img = json_object_get(o, "lead_image");
	assert_string_equal(json_string_value(json_object_get(img, "credit")), "© Photo Agency");
	assert_true(json_is_null(json_object_get(img, "url")));
	json_t *blocks = json_object_get(o, "blocks");
	assert_int_equal(json_array_size(blocks), 5);
	json_t *b0 = json_array_get(blocks, 0);
	assert_string_equal(json_string_value(json_object_get(b0, "type")), "p");
	json_t *link = json_array_get(json_object_get(b0, "links"), 0);
	assert_int_equal(json_integer_value(json_object_get(link, "start")), 9);
	assert_int_equal(json_integer_value(json_object_get(link, "end")), 13);
	assert_string_equal(json_string_value(json_object_get(link, "url")), "https://news.example/x");
	json_t *b1 = json_array_get(blocks, 1);
	assert_string_equal(json_string_value(json_object_get(b1, "type")), "li");
	assert_int_equal(json_integer_value(json_object_get(b1, "ordinal")), 1);
	assert_null(json_object_get(json_array_get(blocks, 2), "ordinal"));
	json_decref(o);
	free(s);
	article_free(a);
}

static void test_json_no_lead_image_is_null(void **state)
{
	(void)state;
	struct article *a = article_new();
	char *s = article_to_json(a);
	json_t *o = json_loads(s, 0, NULL);
	assert_true(json_is_null(json_object_get(o, "lead_image")));
	assert_int_equal(json_array_size(json_object_get(o, "blocks")), 0);
	json_decref(o);
	free(s);
	article_free(a);
}

/* A block's text is written as jansson writes it, whether it needs an
 * escape or not (article.c writes plain text itself, the rest through
 * jansson). */
static void test_json_text_bytes_are_janssons(void **state)
{
	(void)state;
	static const char *const texts[] = {
		"plain words", "", "Über 漢字 😀", "a/b", "del \x7f here",
		"say \"hi\"", "back\\slash", "tab\tand\nline", "bell \x01",
		"line sep \xe2\x80\xa8", "bad \xff byte", "cut \xc3",
	};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		struct article *a = article_new();
		assert_non_null(article_add_block(a, BLOCK_P, texts[i], strlen(texts[i])));
		const char *stored = a->blocks[0].text;
		json_t *v = json_stringn(stored, a->blocks[0].len);
		char *dumped = v ? json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT) : strdup("null");
		char want[256];
		snprintf(want, sizeof want, "\"text\":%s}", dumped);
		char *s = article_to_json(a);
		assert_non_null(s);
		if (!strstr(s, want))
			fail_msg("text %zu: want %s in %s", i, want, s);
		free(s);
		free(dumped);
		json_decref(v);
		article_free(a);
	}
}

static void test_text_form(void **state)
{
	(void)state;
	struct article *a = sample();
	char *s = article_to_text(a);
	assert_non_null(s);
	const char *want =
		"Héadline\n"
		"By Ann Author\n"
		"2026-01-02\n"
		"\n"
		"[Photo] A caption\n"
		"[Credit] © Photo Agency\n"
		"\n"
		"Über den Link hier.\n"
		"\n"
		"1. one\n"
		"* two\n"
		"\n"
		"### Sub\n"
		"\n"
		"    a\n"
		"      b\n";
	assert_string_equal(s, want);
	free(s);
	article_free(a);
}

/* A list item's indent in the text form: two spaces a level, at most
 * eight levels (as the pager's layout): an item 100 000 lists deep
 * (extraction keeps any depth) made 200 000 spaces, and a page of such
 * nesting a quadratic text. */
static void test_text_list_indent_capped(void **state)
{
	(void)state;
	static const struct {
		int depth;
		size_t spaces;
	} rows[] = { { 0, 0 }, { 1, 0 }, { 2, 2 }, { 9, 16 }, { 10, 16 }, { 100000, 16 } };
	for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
		struct article *a = article_new();
		assert_non_null(a);
		article_add_block(a, BLOCK_LI, "item", 4)->depth = rows[r].depth;
		char *s = article_to_text(a);
		assert_non_null(s);
		if (strspn(s, " ") != rows[r].spaces || strcmp(s + rows[r].spaces, "* item\n"))
			fail_msg("depth %d: '%.40s'", rows[r].depth, s);
		free(s);
		article_free(a);
	}
}

static void test_link_out_of_range_refused(void **state)
{
	(void)state;
	struct article *a = article_new();
	struct block *b = article_add_block(a, BLOCK_P, "abc", 3);
	assert_int_equal(block_add_link(b, 1, 4, "u"), -1);
	assert_int_equal(block_add_link(b, 2, 1, "u"), -1);
	for (int i = 0; i < 5; i++)
		assert_int_equal(block_add_link(b, 0, 3, "u"), 0);
	assert_int_equal(article_link_count(a), 5);
	article_free(a);
}

/* Blocks kept in order, the others freed (SAN and valgrind see the
 * frees); NULL drops them all. */
static void test_keep_blocks(void **state)
{
	(void)state;
	struct article *a = sample();
	const bool keep[] = { false, true, false, true, true };
	assert_int_equal(a->nblocks, 5);
	article_keep_blocks(a, keep);
	assert_int_equal(a->nblocks, 3);
	assert_string_equal(a->blocks[0].text, "one");
	assert_string_equal(a->blocks[1].text, "Sub");
	assert_string_equal(a->blocks[2].text, "a\n  b");
	article_keep_blocks(a, NULL);
	assert_int_equal(a->nblocks, 0);
	article_free(a);
}

static void test_set_clears_and_replaces(void **state)
{
	(void)state;
	struct article *a = article_new();
	assert_int_equal(article_set(&a->title, "one"), 0);
	assert_int_equal(article_set(&a->title, "two"), 0);
	assert_string_equal(a->title, "two");
	assert_int_equal(article_set(&a->title, NULL), 0);
	assert_null(a->title);
	article_free(a);
	article_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_block_names),
		cmocka_unit_test(test_json_fields),
		cmocka_unit_test(test_json_no_lead_image_is_null),
		cmocka_unit_test(test_json_text_bytes_are_janssons),
		cmocka_unit_test(test_text_form),
		cmocka_unit_test(test_text_list_indent_capped),
		cmocka_unit_test(test_link_out_of_range_refused),
		cmocka_unit_test(test_keep_blocks),
		cmocka_unit_test(test_set_clears_and_replaces),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
