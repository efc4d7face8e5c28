/* article.h - the extracted article: metadata, lead image and body blocks.
 *
 * Every string is NUL-terminated, valid UTF-8 and free of control
 * characters (extraction guarantees that; article_set_* does not check).
 * NULL means "not known".  Block texts never contain newlines except in
 * BLOCK_PRE (kept line breaks) and BLOCK_TABLE (one row per line, cells
 * separated by " | "). */
#ifndef FOLIO_ARTICLE_H
#define FOLIO_ARTICLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum block_type {
	BLOCK_P,        /* paragraph */
	BLOCK_H2, BLOCK_H3, BLOCK_H4, BLOCK_H5, BLOCK_H6,
	BLOCK_QUOTE,    /* blockquote paragraph */
	BLOCK_LI,       /* list item; depth and ordinal say which list */
	BLOCK_PRE,      /* preformatted, line breaks kept */
	BLOCK_CAPTION,  /* caption of a figure in the body (not the lead image) */
	BLOCK_TABLE,    /* a table: rows separated by '\n', cells by " | " */
	BLOCK_DT,       /* definition-list term */
	BLOCK_DD,       /* definition-list description */
	BLOCK_TYPE_COUNT
};

/* A link inside a block's text: bytes [start, end) of the text. */
struct link {
	size_t start, end;
	char *url;              /* absolute, resolved against the base */
};

/* List levels an item's indent shows at most (the pager and the text
 * form): a depth is the page's nesting, any depth is kept. */
#define LIST_INDENT_LEVELS 8

struct block {
	enum block_type type;
	char *text;
	size_t len;             /* strlen(text) */
	struct link *links;
	size_t nlinks;
	int depth;              /* list nesting, 1 for a top-level li; else 0 */
	int ordinal;            /* number of an ordered-list item; 0 = bullet */
};

struct lead_image {
	char *url, *caption, *credit;
};

/* What a page is: one story to read, or a list of stories (a feed, a
 * site's front page, a section or search page).  Decided once, in the
 * opener (open.h). */
enum page_kind {
	PAGE_ARTICLE,
	PAGE_LIST,
};

/* One story of a list page.  url is absolute; the rest may be NULL.
 * source is the feed's or site's name (lists that mix sources); read is
 * the store's read mark when the list was made. */
struct list_item {
	char *title, *url, *summary, *published, *section, *source;
	bool read;
};

struct article {
	enum page_kind kind;    /* PAGE_ARTICLE unless article_add_item ran */
	char *url;              /* document URL (the base after redirects) */
	char *title, *byline, *site_name, *published;
	struct lead_image *lead_image;  /* NULL when there is none */
	struct block *blocks;
	size_t nblocks, blocks_cap;
	char *notice;           /* e.g. "looks like a consent wall"; else NULL */
	struct list_item *items;        /* PAGE_LIST: its stories, in order */
	size_t nitems, items_cap;
};

struct article *article_new(void);
void article_free(struct article *a);

/* Replace *field with a copy of value (NULL clears it). Returns 0, -1 on OOM. */
int article_set(char **field, const char *value);

/* Append a block holding a copy of text[0..len).  Returns it, NULL on OOM. */
struct block *article_add_block(struct article *a, enum block_type type,
				const char *text, size_t len);
/* Attach a link to block b covering text bytes [start, end). */
int block_add_link(struct block *b, size_t start, size_t end, const char *url);

/* Append a story (copies of the strings; title and url required) and
 * make the page a list.  Returns it, NULL on OOM. */
struct list_item *article_add_item(struct article *a, const char *title,
				   const char *url);

/* Keep the blocks marked in keep[] (one per block), in order, and free
 * the others; keep NULL frees every block (a retry starts over). */
void article_keep_blocks(struct article *a, const bool *keep);

/* Free the last block (none: nothing happens). */
void article_drop_last_block(struct article *a);

/* Lead image, created on first use. */
struct lead_image *article_lead_image(struct article *a);

/* "p", "h2", ..., "table". */
const char *block_type_name(enum block_type type);

/* Number of links in the whole article, in reading order. */
size_t article_link_count(const struct article *a);

/* Serialisations, malloc'd, NUL-terminated; NULL on OOM.
 * JSON: {"kind":"article"|"list","url","title","byline","site_name",
 *        "published","lead_image":{"url","caption","credit"}|null,
 *        "blocks":[{"type","text","links"?:[{"start","end","url"}]}],
 *        "stories"?:[{"title","url","summary"?,"published"?,"section"?,
 *                     "source"?}]}   (lists only)
 * (start/end are character offsets into text, counted in code points).
 * Text: headline, byline, site/date, lead-image caption and credit,
 * then one paragraph per block separated by blank lines. */
char *article_to_json(const struct article *a);
char *article_to_text(const struct article *a);
/* article_to_json's text written to out (no newline after it), block by
 * block: however long the article, no second copy of it in memory.
 * 0, or -1 when a write failed. */
int article_write_json(const struct article *a, FILE *out);

#endif
