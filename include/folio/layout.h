/* layout.h - article + column width -> display lines with styles.
 *
 * Pure: no curses, no I/O.  Widths are terminal cells, measured with
 * libunistring (wide CJK = 2, combining marks = 0); lines are broken at
 * UAX #14 opportunities, and words longer than the column are cut.
 * Every line's width (indent + text) is <= the layout width, except when
 * a single character is wider than the whole column (width 1 and CJK).
 *
 * Links are numbered 1..N in reading order; each link's text is followed
 * by "[n]" in the display text. */
#ifndef FOLIO_LAYOUT_H
#define FOLIO_LAYOUT_H

#include <stddef.h>
#include <stdint.h>
#include "folio/article.h"

enum lstyle {
	LS_TEXT,        /* body paragraph */
	LS_TITLE,
	LS_BYLINE,
	LS_META,        /* site name and date */
	LS_LEAD_CAPTION,
	LS_CREDIT,      /* photo credit, "Photo: ..." */
	LS_HEADING,
	LS_QUOTE,
	LS_QUOTE_BAR,   /* the bar in front of a quote */
	LS_BULLET,      /* list bullet or number */
	LS_CAPTION,     /* figure caption in the body */
	LS_PRE,
	LS_CONT,        /* continuation mark of a cut pre line */
	LS_TABLE,
	LS_TERM,        /* definition term */
	LS_LINK,        /* text of a link */
	LS_LINKNUM,     /* the "[n]" after a link */
	LS_COUNT
};

/* A run of bytes [start, start+len) of one line drawn in one style. */
struct lspan {
	uint32_t start, len;
	uint8_t style;
	uint32_t link;          /* link number (1-based), 0 = none */
};

enum {
	LINE_JOIN_SPACE = 1,    /* text continues on the next line after a space */
	LINE_PARA_END = 2,      /* last line of its paragraph */
	LINE_PICTURE = 4,       /* a row of the lead picture: no text */
};

struct lline {
	size_t text;            /* offset into layout.pool */
	uint32_t len;           /* bytes */
	uint16_t indent;        /* blank cells before the text */
	uint8_t flags;          /* LINE_* */
	uint8_t prefix;         /* bytes of decoration (bullet, bar, mark)
				 * at the start of the text: not searched */
	size_t span0;           /* index of the first span in layout.spans */
	uint32_t nspans;
	uint32_t para;          /* paragraph id: same at every width */
	uint32_t para_off;      /* display bytes of the paragraph before this line */
	int32_t block;          /* article block shown; -1: the header */
	uint32_t src_off;       /* byte of that block's text the line starts at */
	uint16_t pic_row;       /* LINE_PICTURE: which row of the picture */
};

struct layout_link {
	const char *url;        /* points into the article */
	const char *text;       /* the linked text, text_len bytes of the */
	size_t text_len;        /* article's block (not terminated) */
	size_t line;            /* first line showing it */
};

struct layout {
	int width;
	char *pool;             /* all line texts, not NUL-separated */
	size_t pool_len, pool_cap;
	struct lline *lines;
	size_t nlines, lines_cap;
	struct lspan *spans;
	size_t nspans, spans_cap;
	struct layout_link *links;      /* links[0] is link number 1 */
	size_t nlinks;
};

/* Lay a out in a column `width` cells wide (values < 1 count as 1).
 * The layout keeps pointers into a (link URLs): free it first.
 * NULL on OOM. */
struct layout *layout_new(const struct article *a, int width);

/* layout_new with room for the lead picture (image-render.h draws it):
 * pic_rows lines (LINE_PICTURE) for a picture pic_cols cells wide,
 * centred, after the header's dates and above the lead caption and
 * credit; 0 rows: none.  Paragraph numbers are the same with and without
 * the picture, so a place kept with layout_find survives its arrival. */
struct layout *layout_new_picture(const struct article *a, int width,
				  int pic_cols, int pic_rows);
void layout_free(struct layout *l);

static inline const char *layout_text(const struct layout *l, size_t line)
{
	return l->pool + l->lines[line].text;
}

/* Index of the line showing byte para_off of paragraph para (the nearest
 * one when it no longer exists); for keeping the place on a resize. */
size_t layout_find(const struct layout *l, uint32_t para, uint32_t para_off);

/* Index of the line showing byte `off` of block `block`'s own text (-1:
 * the header): a place that holds across widths and program runs. */
size_t layout_find_src(const struct layout *l, long block, long off);

/* Plain text of the layout (indents as spaces, one line per line; the
 * picture's lines are left out) and a numbered list of the link URLs at
 * the end.  malloc'd, NULL on OOM. */
char *layout_to_text(const struct layout *l);

/* Cells taken by s[0..n) (UTF-8; controls count as 1). */
int layout_width(const char *s, size_t n);

#endif
