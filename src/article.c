/* article.c - struct article: building, freeing, JSON and text forms. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <jansson.h>
#include <unistr.h>

#include "folio/article.h"
#include "folio/text.h"
#include "folio/util-buf.h"

static const char *const block_names[BLOCK_TYPE_COUNT] = {
	[BLOCK_P] = "p",
	[BLOCK_H2] = "h2", [BLOCK_H3] = "h3", [BLOCK_H4] = "h4",
	[BLOCK_H5] = "h5", [BLOCK_H6] = "h6",
	[BLOCK_QUOTE] = "quote",
	[BLOCK_LI] = "li",
	[BLOCK_PRE] = "pre",
	[BLOCK_CAPTION] = "caption",
	[BLOCK_TABLE] = "table",
	[BLOCK_DT] = "dt",
	[BLOCK_DD] = "dd",
};

const char *block_type_name(enum block_type type)
{
	return (unsigned)type < BLOCK_TYPE_COUNT ? block_names[type] : "p";
}

struct article *article_new(void)
{
	return calloc(1, sizeof(struct article));
}

static void block_free(struct block *b)
{
	for (size_t i = 0; i < b->nlinks; i++)
		free(b->links[i].url);
	free(b->links);
	free(b->text);
}

void article_keep_blocks(struct article *a, const bool *keep)
{
	size_t w = 0;

	for (size_t i = 0; i < a->nblocks; i++) {
		if (keep && keep[i])
			a->blocks[w++] = a->blocks[i];
		else
			block_free(&a->blocks[i]);
	}
	a->nblocks = w;
}

void article_drop_last_block(struct article *a)
{
	if (a->nblocks > 0)
		block_free(&a->blocks[--a->nblocks]);
}

static void list_item_free(struct list_item *it)
{
	free(it->title);
	free(it->url);
	free(it->summary);
	free(it->published);
	free(it->section);
	free(it->source);
}

void article_free(struct article *a)
{
	if (!a)
		return;
	free(a->url);
	free(a->title);
	free(a->byline);
	free(a->site_name);
	free(a->published);
	free(a->notice);
	if (a->lead_image) {
		free(a->lead_image->url);
		free(a->lead_image->caption);
		free(a->lead_image->credit);
		free(a->lead_image);
	}
	for (size_t i = 0; i < a->nblocks; i++)
		block_free(&a->blocks[i]);
	free(a->blocks);
	for (size_t i = 0; i < a->nitems; i++)
		list_item_free(&a->items[i]);
	free(a->items);
	free(a);
}

int article_set(char **field, const char *value)
{
	char *copy = NULL;

	if (value && !(copy = strdup(value)))
		return -1;
	free(*field);
	*field = copy;
	return 0;
}

struct lead_image *article_lead_image(struct article *a)
{
	if (!a->lead_image)
		a->lead_image = calloc(1, sizeof(*a->lead_image));
	return a->lead_image;
}

struct block *article_add_block(struct article *a, enum block_type type,
				const char *text, size_t len)
{
	if (!BUF_GROW_ARRAY(a->blocks, a->blocks_cap, a->nblocks + 1, 16))
		return NULL;
	char *copy = malloc(len + 1);
	if (!copy)
		return NULL;
	memcpy(copy, text, len);
	copy[len] = '\0';
	struct block *b = &a->blocks[a->nblocks++];
	*b = (struct block){ .type = type, .text = copy, .len = len };
	return b;
}

struct list_item *article_add_item(struct article *a, const char *title,
				   const char *url)
{
	if (!BUF_GROW_ARRAY(a->items, a->items_cap, a->nitems + 1, 16))
		return NULL;
	struct list_item *it = &a->items[a->nitems];
	memset(it, 0, sizeof *it);
	if (article_set(&it->title, title) || article_set(&it->url, url)) {
		list_item_free(it);
		return NULL;
	}
	a->nitems++;
	a->kind = PAGE_LIST;
	return it;
}

int block_add_link(struct block *b, size_t start, size_t end, const char *url)
{
	if (start > end || end > b->len || !url)
		return -1;
	/* Links arrive one at a time; grow by powers of two. */
	if ((b->nlinks & (b->nlinks - 1)) == 0) {
		size_t cap = b->nlinks ? b->nlinks * 2 : 1;
		struct link *grown = realloc(b->links, cap * sizeof(*grown));
		if (!grown)
			return -1;
		b->links = grown;
	}
	char *copy = strdup(url);
	if (!copy)
		return -1;
	b->links[b->nlinks++] = (struct link){ start, end, copy };
	return 0;
}

size_t article_link_count(const struct article *a)
{
	size_t n = 0;
	for (size_t i = 0; i < a->nblocks; i++)
		n += a->blocks[i].nlinks;
	return n;
}

/* ---- JSON ---- */

/* Compact, one line (batch output is one object per line), the members
 * in the documented order. */
#define JSON_FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER)

static json_t *json_str_or_null(const char *s)
{
	json_t *v = s ? json_string(s) : NULL;
	return v ? v : json_null();
}

/* json_str_or_null for a string of known length: checked by folio's
 * validator (eight ASCII bytes at a time) and copied once, where
 * json_string measures, checks byte by byte and measures again. */
static json_t *json_text(const char *s, size_t len)
{
	json_t *v = s && text_is_utf8(s, len) ? json_stringn_nocheck(s, len) : NULL;
	return v ? v : json_null();
}

/* Code points in s[0..bytes): JSON consumers index strings by character. */
static size_t utf8_chars(const char *s, size_t bytes)
{
	return u8_mbsnlen((const uint8_t *)s, bytes);
}

static json_t *lead_image_json(const struct lead_image *img)
{
	if (!img)
		return json_null();
	json_t *o = json_object();
	json_object_set_new(o, "url", json_str_or_null(img->url));
	json_object_set_new(o, "caption", json_str_or_null(img->caption));
	json_object_set_new(o, "credit", json_str_or_null(img->credit));
	return o;
}

/* Sets key only when value is known: a story's optional fields. */
static void set_if(json_t *o, const char *key, const char *value)
{
	if (value)
		json_object_set_new(o, key, json_string(value));
}

static json_t *items_json(const struct article *a)
{
	json_t *arr = json_array();
	for (size_t i = 0; arr && i < a->nitems; i++) {
		const struct list_item *it = &a->items[i];
		json_t *o = json_object();
		json_object_set_new(o, "title", json_str_or_null(it->title));
		json_object_set_new(o, "url", json_str_or_null(it->url));
		set_if(o, "summary", it->summary);
		set_if(o, "published", it->published);
		set_if(o, "section", it->section);
		set_if(o, "source", it->source);
		json_array_append_new(arr, o);
	}
	return arr;
}

/* Where article_write_json writes: the text goes into a buffer and out
 * to f a few kilobytes at a time (a write per piece of a block cost more
 * than the pieces); the buffer grows to hold the longest value. */
struct json_out {
	FILE *f;
	struct buf b;
	int rc;                 /* -1 once a write failed */
};

#define JSON_OUT_FLUSH 65536

static void out_flush(struct json_out *o)
{
	if (o->b.len && fwrite(o->b.data, 1, o->b.len, o->f) != o->b.len)
		o->rc = -1;
	o->b.len = 0;
}

static void out_flush_if_full(struct json_out *o)
{
	if (o->b.len >= JSON_OUT_FLUSH)
		out_flush(o);
}

static void out_str(struct json_out *o, const char *s)
{
	buf_str(&o->b, s);
	out_flush_if_full(o);
}

/* Bytes free after the buffer's end (one is kept for its NUL). */
static size_t out_free(const struct json_out *o)
{
	return o->b.data ? o->b.cap - o->b.len - 1 : 0;
}

/* Writes value and drops the reference to it (NULL, on OOM, writes
 * nothing).  Dumped straight into the buffer: a second time, after
 * growing it, only for a value longer than the room left. */
static void out_value(struct json_out *o, json_t *value)
{
	const size_t flags = JSON_FLAGS | JSON_ENCODE_ANY;
	size_t room = out_free(o);
	size_t n = value ? json_dumpb(value, room ? o->b.data + o->b.len : NULL, room, flags) : 0;

	if (n > room && buf_reserve(&o->b, n)) {
		room = out_free(o);
		n = json_dumpb(value, o->b.data + o->b.len, room, flags);
	}
	if (value && (n == 0 || n > room)) {
		o->rc = -1;
	} else if (n) {
		o->b.len += n;
		o->b.data[o->b.len] = '\0';
	}
	json_decref(value);
	out_flush_if_full(o);
}

/* One ,"key":value member (value's reference taken, as by
 * json_object_set_new; a NULL one, on OOM, leaves the member out as
 * json_object_set_new would). */
static void out_member(struct json_out *o, const char *key, json_t *value)
{
	if (!value)
		return;
	out_str(o, ",\"");
	out_str(o, key);
	out_str(o, "\":");
	out_value(o, value);
}

/* ,"links":[{"start","end","url"}...] (a link whose URL is no UTF-8 left
 * out, as jansson would not take it). */
static void out_links(struct json_out *o, const struct block *b)
{
	/* Links come in text order: count on from the previous one, so a
	 * paragraph of 100 000 links is not quadratic. */
	size_t at = 0, at_chars = 0, written = 0;
	char num[80];

	out_str(o, ",\"links\":[");
	for (size_t i = 0; i < b->nlinks && o->rc == 0; i++) {
		const struct link *l = &b->links[i];
		json_t *url = json_string(l->url);
		if (l->start < at)
			at = at_chars = 0;
		size_t start = at_chars + utf8_chars(b->text + at, l->start - at);
		size_t end = start + utf8_chars(b->text + l->start, l->end - l->start);
		at = l->start;
		at_chars = start;
		if (!url)
			continue;
		snprintf(num, sizeof num, "%s{\"start\":%zu,\"end\":%zu,\"url\":",
			 written++ ? "," : "", start, end);
		out_str(o, num);
		out_value(o, url);
		out_str(o, "}");
	}
	out_str(o, "]");
}

/* True when jansson would write s as it is: no quote, backslash or
 * control byte (JSON_FLAGS asks for no other escape). */
static bool json_plain(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == '"' || c == '\\')
			return false;
	}
	return true;
}

/* A block's text as a JSON string.  Most text needs no escape and goes
 * out between quotes as it is: jansson checks and escapes a character at
 * a time, an eighth of the time on a page of 8 MB of text.  The bytes are
 * jansson's either way (test_article compares them). */
static void out_text(struct json_out *o, const char *s, size_t len)
{
	if (!s || !text_is_utf8(s, len) || !json_plain(s, len)) {
		out_value(o, json_text(s, len));
		return;
	}
	buf_char(&o->b, '"');
	buf_add(&o->b, s, len);
	buf_char(&o->b, '"');
	out_flush_if_full(o);
}

/* {"type","text","depth"?,"ordinal"?,"links"?}: written as it goes, no
 * JSON object made for it (a page of 100 000 paragraphs made as many,
 * each with its hash table). */
static void out_block(struct json_out *o, const struct block *b)
{
	char num[48];

	out_str(o, "{\"type\":\"");
	out_str(o, block_type_name(b->type));
	out_str(o, "\",\"text\":");
	out_text(o, b->text, b->len);
	if (b->type == BLOCK_LI) {
		snprintf(num, sizeof num, ",\"depth\":%d", b->depth);
		out_str(o, num);
		if (b->ordinal) {
			snprintf(num, sizeof num, ",\"ordinal\":%d", b->ordinal);
			out_str(o, num);
		}
	}
	if (b->nlinks)
		out_links(o, b);
	out_str(o, "}");
}

/* The object is written a member at a time, the blocks one by one:
 * never the whole article as a tree of JSON values and then as one
 * string (for a 12 MB page those two took six times the article's own
 * memory).  The same bytes as json_dumps of the whole tree with
 * JSON_FLAGS. */
int article_write_json(const struct article *a, FILE *f)
{
	struct json_out o = { .f = f };

	out_str(&o, a->kind == PAGE_LIST ? "{\"kind\":\"list\"" : "{\"kind\":\"article\"");
	out_member(&o, "url", json_str_or_null(a->url));
	out_member(&o, "title", json_str_or_null(a->title));
	out_member(&o, "byline", json_str_or_null(a->byline));
	out_member(&o, "site_name", json_str_or_null(a->site_name));
	out_member(&o, "published", json_str_or_null(a->published));
	out_member(&o, "lead_image", lead_image_json(a->lead_image));
	out_str(&o, ",\"blocks\":[");
	for (size_t i = 0; i < a->nblocks && o.rc == 0; i++) {
		if (i)
			out_str(&o, ",");
		out_block(&o, &a->blocks[i]);
	}
	out_str(&o, "]");
	if (a->notice)
		out_member(&o, "notice", json_string(a->notice));
	if (a->kind == PAGE_LIST)
		out_member(&o, "stories", items_json(a));
	out_str(&o, "}");
	out_flush(&o);
	if (o.b.oom)
		o.rc = -1;
	buf_free(&o.b);
	return o.rc;
}

char *article_to_json(const struct article *a)
{
	char *s = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&s, &len);
	if (!f)
		return NULL;
	int rc = article_write_json(a, f);
	if (fclose(f) != 0 || rc != 0) {
		free(s);
		return NULL;
	}
	return s;
}

/* ---- text ---- */

/* Each line of text, prefixed: used for quotes, pre and tables. */
static void buf_lines(struct buf *b, const char *prefix, const char *text)
{
	const char *line = text;
	for (;;) {
		const char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);
		buf_str(b, prefix);
		buf_add(b, line, n);
		buf_str(b, "\n");
		if (!nl)
			break;
		line = nl + 1;
	}
}

static void text_header(struct buf *b, const struct article *a)
{
	if (a->title) {
		buf_str(b, a->title);
		buf_str(b, "\n");
	}
	if (a->byline) {
		buf_str(b, "By ");
		buf_str(b, a->byline);
		buf_str(b, "\n");
	}
	if (a->site_name || a->published) {
		buf_str(b, a->site_name ? a->site_name : "");
		buf_str(b, a->site_name && a->published ? " · " : "");
		buf_str(b, a->published ? a->published : "");
		buf_str(b, "\n");
	}
	const struct lead_image *img = a->lead_image;
	if (img && (img->caption || img->credit)) {
		buf_str(b, "\n");
		if (img->caption) {
			buf_str(b, "[Photo] ");
			buf_str(b, img->caption);
			buf_str(b, "\n");
		}
		if (img->credit) {
			buf_str(b, "[Credit] ");
			buf_str(b, img->credit);
			buf_str(b, "\n");
		}
	}
}

static void text_block(struct buf *b, const struct block *blk)
{
	static const char *const hashes[] = { "## ", "### ", "#### ", "##### ", "###### " };

	switch (blk->type) {
	case BLOCK_H2: case BLOCK_H3: case BLOCK_H4: case BLOCK_H5: case BLOCK_H6:
		buf_str(b, hashes[blk->type - BLOCK_H2]);
		buf_lines(b, "", blk->text);
		break;
	case BLOCK_QUOTE:
		buf_lines(b, "> ", blk->text);
		break;
	case BLOCK_LI:
		for (int d = 1; d < blk->depth && d <= LIST_INDENT_LEVELS; d++)
			buf_str(b, "  ");
		if (blk->ordinal)
			buf_printf(b, "%d. ", blk->ordinal);
		else
			buf_str(b, "* ");
		buf_lines(b, "", blk->text);
		break;
	case BLOCK_PRE:
		buf_lines(b, "    ", blk->text);
		break;
	case BLOCK_CAPTION:
		buf_str(b, "[Image] ");
		buf_lines(b, "", blk->text);
		break;
	case BLOCK_DD:
		buf_lines(b, "    ", blk->text);
		break;
	default:
		buf_lines(b, "", blk->text);
		break;
	}
}

/* Runs of list items and of dt/dd stay together; other blocks are
 * separated by a blank line. */
static int blocks_adjacent(const struct block *prev, const struct block *next)
{
	if (prev->type == BLOCK_LI && next->type == BLOCK_LI)
		return 1;
	return (prev->type == BLOCK_DT || prev->type == BLOCK_DD) &&
	       (next->type == BLOCK_DT || next->type == BLOCK_DD);
}

char *article_to_text(const struct article *a)
{
	struct buf b = { 0 };

	text_header(&b, a);
	for (size_t i = 0; i < a->nblocks; i++) {
		if (b.len && !(i && blocks_adjacent(&a->blocks[i - 1], &a->blocks[i])))
			buf_str(&b, "\n");
		text_block(&b, &a->blocks[i]);
	}
	if (a->notice) {
		buf_str(&b, "\n[Note] ");
		buf_str(&b, a->notice);
		buf_str(&b, "\n");
	}
	return buf_take(&b);
}
