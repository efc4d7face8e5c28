/* fuzz_output.c - libFuzzer target: article_to_json and article_to_text
 * on an article built from the input (fuzz_article.h).
 *
 * Beyond "no crash, no leak" it checks what the output promises: the JSON
 * parses back to the same strings and block count, link offsets fall
 * inside their text, and the text form is UTF-8 with no control
 * character other than '\n' (nothing that could act on a terminal). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "fuzz_article.h"
#include "folio/text.h"

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

/* True when s holds a C0 control other than '\n', DEL, or a C1 control
 * (U+0080..U+009F, UTF-8 C2 80..C2 9F). */
static bool has_controls(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p < 0x20 && *p != '\n') || *p == 0x7f)
			return true;
		if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
			return true;
	}
	return false;
}

static void check_str(json_t *obj, const char *key, const char *want)
{
	json_t *v = json_object_get(obj, key);
	if (!want) {
		CHECK(!v || json_is_null(v));
		return;
	}
	CHECK(json_is_string(v) && strcmp(json_string_value(v), want) == 0);
}

static size_t count_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static void check_json(const struct article *a, const char *js)
{
	json_error_t err;
	json_t *doc = json_loads(js, 0, &err);
	CHECK(doc && json_is_object(doc));
	check_str(doc, "url", a->url);
	check_str(doc, "title", a->title);
	check_str(doc, "byline", a->byline);
	json_t *blocks = json_object_get(doc, "blocks");
	CHECK(json_is_array(blocks) && json_array_size(blocks) == a->nblocks);
	for (size_t i = 0; i < a->nblocks; i++) {
		json_t *b = json_array_get(blocks, i);
		check_str(b, "text", a->blocks[i].text);
		json_t *links = json_object_get(b, "links");
		size_t chars = count_chars(a->blocks[i].text), k;
		json_t *l;
		json_array_foreach(links, k, l) {
			json_int_t s = json_integer_value(json_object_get(l, "start"));
			json_int_t e = json_integer_value(json_object_get(l, "end"));
			CHECK(0 <= s && s <= e && (size_t)e <= chars);
		}
	}
	json_decref(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct article *a = fuzz_article(data, size);
	if (!a)
		return 0;
	char *js = article_to_json(a);
	if (js) {
		CHECK(text_is_utf8(js, strlen(js)));
		check_json(a, js);
		free(js);
	}
	char *txt = article_to_text(a);
	if (txt) {
		CHECK(text_is_utf8(txt, strlen(txt)));
		CHECK(!has_controls(txt));
		free(txt);
	}
	(void)article_link_count(a);
	article_free(a);
	return 0;
}
