/* layout.c - article + width -> styled display lines (see layout.h).
 *
 * Each unit of text (title, byline, a block, a table row, a pre line) is
 * first copied into a paragraph buffer with one style and link number per
 * byte (link markers "[n]" inserted, controls replaced), then wrapped. */
#include "folio/layout.h"
#include "folio/util-ascii.h"
#include "folio/util-buf.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#define ENC "UTF-8"     /* ambiguous-width characters count as 1 */
#define CONT_MARK "\xe2\x86\xaa"        /* U+21AA, one cell */
#define QUOTE_BAR "\xe2\x94\x82 "       /* U+2502 and a space */
#define BULLET "\xe2\x80\xa2 "          /* U+2022 and a space */

/* One paragraph being built: text plus style and link per byte. */
struct pbuf {
	char *s;
	uint8_t *st;
	uint32_t *lk;
	uint32_t *src;          /* offset in the block's own text */
	size_t len, cap;
	uint32_t cur_src;       /* src of the bytes pb_put adds next */
};

struct ctx {
	struct layout *l;
	struct pbuf b;
	char *brk;              /* line-break opportunities for b.s */
	size_t brk_cap;
	uint32_t para;          /* next paragraph id */
	uint32_t nextlink;      /* number of the next link */
	int32_t block;          /* block being laid out; -1: the header */
	int pic_cols, pic_rows; /* room for the lead picture */
	bool failed;            /* out of memory somewhere */
};

/* A paragraph's shape: indent and a decoration in front of its lines. */
struct shape {
	int indent, rest_indent;
	const char *prefix, *rest_prefix;       /* NULL = none */
	uint8_t prefix_style;
};

/* The layout's arrays start at 64 elements. */
#define GROW_FIRST 64

static bool pb_reserve(struct pbuf *b, size_t extra)
{
	size_t need = b->len + extra, cap = b->cap;
	if (need <= cap)
		return true;
	size_t c1 = cap, c2 = cap, c3 = cap, c4 = cap;
	if (!BUF_GROW_ARRAY(b->s, c1, need, GROW_FIRST) ||
	    !BUF_GROW_ARRAY(b->st, c2, need, GROW_FIRST) ||
	    !BUF_GROW_ARRAY(b->lk, c3, need, GROW_FIRST) ||
	    !BUF_GROW_ARRAY(b->src, c4, need, GROW_FIRST))
		return false;
	b->cap = c1;
	return true;
}

static bool pb_put(struct pbuf *b, const char *s, size_t n, uint8_t style,
		   uint32_t link)
{
	if (!pb_reserve(b, n))
		return false;
	memcpy(b->s + b->len, s, n);
	memset(b->st + b->len, style, n);
	for (size_t i = 0; i < n; i++) {
		b->lk[b->len + i] = link;
		b->src[b->len + i] = b->cur_src;
	}
	b->len += n;
	return true;
}

/* Width of one code point as drawn: controls are drawn as one '?'. */
static int cp_width(ucs4_t c)
{
	if (c >= 0x20 && c < 0x7f)
		return 1;
	if (c < 0x20 || (c >= 0x7f && c < 0xa0))
		return 1;
	int w = uc_width(c, ENC);
	return w < 0 ? 1 : w;
}

int layout_width(const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	int w = 0;
	while (p < end) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p, end - p);
		w += cp_width(c);
		p += k;
	}
	return w;
}

/* Copy one code point, sanitised: controls become '?' (tab a space),
 * invalid bytes U+FFFD.  Returns bytes consumed from s. */
static int put_cp(struct pbuf *b, const char *s, size_t n, uint8_t st,
		  uint32_t lk, bool keep_lines)
{
	ucs4_t c;
	int k = u8_mbtouc(&c, (const uint8_t *)s, n);
	if (keep_lines && (c == '\n' || c == '\t'))
		pb_put(b, s, 1, st, lk);
	else if (c == '\t')
		pb_put(b, " ", 1, st, lk);
	else if (c < 0x20 || (c >= 0x7f && c < 0xa0))
		pb_put(b, "?", 1, st, lk);
	else if (c == 0xfffd)
		pb_put(b, "\xef\xbf\xbd", 3, st, lk);
	else
		pb_put(b, s, k, st, lk);
	return k;
}

static void pb_text(struct pbuf *b, const char *s, size_t n, uint8_t st)
{
	size_t i = 0;
	while (i < n)
		i += put_cp(b, s + i, n - i, st, 0, false);
}

/* ---- lines ---- */

static struct lline *new_line(struct ctx *c, int indent)
{
	struct layout *l = c->l;
	if (!BUF_GROW_ARRAY(l->lines, l->lines_cap, l->nlines + 1, GROW_FIRST)) {
		c->failed = true;
		return NULL;
	}
	struct lline *ln = &l->lines[l->nlines++];
	memset(ln, 0, sizeof *ln);
	ln->text = l->pool_len;
	ln->span0 = l->nspans;
	ln->indent = (uint16_t)(indent < 0 ? 0 : indent);
	ln->para = c->para;
	ln->block = c->block;
	return ln;
}

/* Append bytes [from, to) of the paragraph buffer to the current line,
 * as spans; or a literal decoration when lit is set. */
static void line_add(struct ctx *c, struct lline *ln, const char *lit,
		     uint8_t lit_style, size_t from, size_t to)
{
	struct layout *l = c->l;
	const struct pbuf *b = &c->b;
	size_t n = lit ? strlen(lit) : to - from;
	if (!BUF_GROW_ARRAY(l->pool, l->pool_cap, l->pool_len + n, GROW_FIRST)) {
		c->failed = true;
		return;
	}
	memcpy(l->pool + l->pool_len, lit ? lit : b->s + from, n);
	size_t i = 0;
	while (i < n) {
		uint8_t st = lit ? lit_style : b->st[from + i];
		uint32_t lk = lit ? 0 : b->lk[from + i];
		size_t j = i + 1;
		while (j < n && !lit && b->st[from + j] == st &&
		       b->lk[from + j] == lk)
			j++;
		if (lit)
			j = n;
		if (!BUF_GROW_ARRAY(l->spans, l->spans_cap, l->nspans + 1, GROW_FIRST)) {
			c->failed = true;
			return;
		}
		l->spans[l->nspans++] = (struct lspan){
			.start = ln->len + (uint32_t)i, .len = (uint32_t)(j - i),
			.style = st, .link = lk };
		ln->nspans++;
		if (lk && lk <= l->nlinks && l->links[lk - 1].line == SIZE_MAX)
			l->links[lk - 1].line = (size_t)(ln - l->lines);
		i = j;
	}
	l->pool_len += n;
	ln->len += (uint32_t)n;
}

static void blank_line(struct ctx *c)
{
	struct lline *ln = new_line(c, 0);
	if (ln)
		ln->flags = LINE_PARA_END;
	c->para++;
}

/* Make a shape fit a narrow column: indents go first, then decorations. */
static int fit_shape(int width, int *indent, const char **prefix)
{
	int pw = *prefix ? layout_width(*prefix, strlen(*prefix)) : 0;
	if (width - *indent - pw < width / 2 || width - *indent - pw < 1)
		*indent = width / 2 - pw > 0 ? width / 2 - pw : 0;
	if (width - *indent - pw < 1) {
		*prefix = NULL;
		pw = 0;
	}
	int avail = width - *indent - pw;
	return avail < 1 ? 1 : avail;
}

/* Where the line starting at pos must end, given avail cells; *next is
 * where the following line starts. */
static size_t line_end(const struct ctx *c, size_t pos, int avail,
		       size_t *next, bool *forced)
{
	const struct pbuf *b = &c->b;
	const uint8_t *s = (const uint8_t *)b->s;
	size_t i = pos, last = 0;
	int col = 0;
	*forced = false;
	while (i < b->len) {
		if (i > pos && c->brk[i] == UC_BREAK_POSSIBLE)
			last = i;
		ucs4_t cp = s[i];
		int k = 1;
		if (cp >= 0x80)
			k = u8_mbtouc(&cp, s + i, b->len - i);
		int w = cp == ' ' ? 0 : cp_width(cp);   /* trailing spaces go */
		/* A mark of width 0 stays with the character before it,
		 * even on a line already too wide for that one (but not
		 * with a space: trailing spaces must stay trailing). */
		bool stays = w == 0 && i > pos && s[i - 1] != ' ';
		if (!stays && col + w > avail && i > pos) {
			if (last > pos) {
				*next = last;
				return last;
			}
			*forced = true;
			*next = i;
			return i;
		}
		col += cp == ' ' ? 1 : w;
		i += k;
	}
	*next = b->len;
	return b->len;
}

/* Wrap the paragraph buffer into lines. */
static void wrap(struct ctx *c, const struct shape *sh)
{
	struct pbuf *b = &c->b;
	if (!BUF_GROW_ARRAY(c->brk, c->brk_cap, b->len + 1, GROW_FIRST)) {
		c->failed = true;
		return;
	}
	u8_possible_linebreaks((const uint8_t *)b->s, b->len, ENC, c->brk);
	int width = c->l->width;
	size_t pos = 0;
	bool first = true;
	struct lline *ln = NULL;
	while (pos < b->len || first) {
		int indent = first ? sh->indent : sh->rest_indent;
		const char *pre = first ? sh->prefix : sh->rest_prefix;
		int avail = fit_shape(width, &indent, &pre);
		size_t next;
		bool forced;
		size_t end = line_end(c, pos, avail, &next, &forced);
		size_t trim = end;
		while (trim > pos && b->s[trim - 1] == ' ')
			trim--;
		ln = new_line(c, indent);
		if (!ln)
			return;
		if (pre)
			line_add(c, ln, pre, sh->prefix_style, 0, 0);
		ln->para_off = (uint32_t)pos;
		ln->src_off = pos < b->len ? b->src[pos] : b->cur_src;
		line_add(c, ln, NULL, 0, pos, trim);
		if (trim < end || (!forced && end < b->len &&
				   (b->s[end] == ' ')))
			ln->flags |= LINE_JOIN_SPACE;
		while (next < b->len && b->s[next] == ' ')
			next++;
		ln->prefix = (uint8_t)(pre ? strlen(pre) : 0);
		pos = next;
		first = false;
	}
	if (ln)
		ln->flags |= LINE_PARA_END;
	c->para++;
	b->len = 0;
}

/* ---- building paragraphs ---- */

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* Sort keys: position * n + index, so equal positions keep link order. */
static size_t *link_keys(const struct block *bk, bool ends)
{
	size_t nl = bk->nlinks;
	size_t *keys = malloc(nl * sizeof *keys);
	if (!keys)
		return NULL;
	for (size_t k = 0; k < nl; k++) {
		size_t p = ends ? bk->links[k].end : bk->links[k].start;
		keys[k] = (p > bk->len ? bk->len : p) * nl + k;
	}
	qsort(keys, nl, sizeof *keys, cmp_size);
	return keys;
}

/* Copy a block's text into the paragraph buffer: links styled and
 * numbered, "[n]" after each link.  keep_lines keeps '\n' and tabs. */
static void block_text(struct ctx *c, const struct block *bk, uint8_t st,
		       bool keep_lines)
{
	struct pbuf *b = &c->b;
	size_t nl = bk->nlinks, ei = 0, si = 0, i = 0, cur = SIZE_MAX;
	uint32_t base = c->nextlink;
	size_t *ends = NULL, *starts = NULL;
	if (nl && (!(ends = link_keys(bk, true)) ||
		   !(starts = link_keys(bk, false)))) {
		free(ends);
		c->failed = true;
		return;
	}
	while (i <= bk->len) {
		b->cur_src = (uint32_t)i;
		while (ei < nl && ends[ei] / nl <= i) {
			char mark[24];
			uint32_t num = base + (uint32_t)(ends[ei] % nl);
			int n = snprintf(mark, sizeof mark, "[%u]", (unsigned)num);
			pb_put(b, mark, (size_t)n, LS_LINKNUM, num);
			ei++;
		}
		if (i == bk->len)
			break;
		while (si < nl && starts[si] / nl <= i)
			cur = starts[si++] % nl;
		uint32_t lk = 0;
		if (cur != SIZE_MAX && i < bk->links[cur].end)
			lk = base + (uint32_t)cur;
		/* Plain printable ASCII up to the next link boundary goes in
		 * one piece; anything else one code point at a time. */
		size_t stop = bk->len;
		if (ei < nl && ends[ei] / nl < stop)
			stop = ends[ei] / nl;
		if (si < nl && starts[si] / nl < stop)
			stop = starts[si] / nl;
		size_t k = i;
		while (k < stop && (unsigned char)bk->text[k] >= 0x20 &&
		       (unsigned char)bk->text[k] < 0x7f)
			k++;
		if (k > i) {
			if (pb_put(b, bk->text + i, k - i, lk ? LS_LINK : st, lk))
				for (size_t j = 0; j < k - i; j++)
					b->src[b->len - (k - i) + j] = (uint32_t)(i + j);
			i = k;
			continue;
		}
		i += put_cp(b, bk->text + i, bk->len - i, lk ? LS_LINK : st,
			    lk, keep_lines);
	}
	free(ends);
	free(starts);
	c->nextlink += (uint32_t)nl;
}

static void simple_para(struct ctx *c, const char *s, uint8_t st, int indent)
{
	if (!s || !*s)
		return;
	pb_text(&c->b, s, strlen(s), st);
	struct shape sh = { .indent = indent, .rest_indent = indent };
	wrap(c, &sh);
}

/* An ISO 8601 time stamp shows as its date: "2026-08-14T09:12:00+00:00"
 * reads as 2026-08-14.  Anything else is shown whole. */
static size_t date_len(const char *d)
{
	static const char shape[] = "dddd-dd-ddT";
	for (size_t i = 0; i < sizeof shape - 1; i++) {
		bool digit = d[i] >= '0' && d[i] <= '9';
		if (shape[i] == 'd' ? !digit : d[i] != shape[i])
			return strlen(d);
	}
	return 10;
}

/* True when a credit already says what it is ("Photograph: X",
 * "Image by X"), so no "Photo: " goes in front. */
static bool attributed(const char *credit)
{
	static const char *const words[] = { "photo", "photograph", "photos",
		"photography", "image", "images", "picture", "pictures",
		"credit", "credits", "foto", "fotos", "illustration", "graphic",
		"video", "courtesy" };
	size_t n = 0;
	while (((credit[n] | 0x20) >= 'a' && (credit[n] | 0x20) <= 'z'))
		n++;
	for (size_t i = 0; n && i < sizeof words / sizeof words[0]; i++)
		if (strlen(words[i]) == n && !ascii_ncasecmp(credit, words[i], n))
			return true;
	return false;
}

/* The picture's rows belong to the paragraph of the blank line above
 * them, so that no paragraph number after them moves when it comes. */
static void picture(struct ctx *c)
{
	int indent = (c->l->width - c->pic_cols) / 2;
	for (int r = 0; r < c->pic_rows && r <= UINT16_MAX; r++) {
		struct lline *ln = new_line(c, indent);
		if (!ln)
			return;
		ln->flags = LINE_PICTURE;
		ln->pic_row = (uint16_t)r;
		ln->para = c->para - 1;
		ln->para_off = (uint32_t)r + 1;
	}
}

static void header(struct ctx *c, const struct article *a)
{
	size_t before = c->l->nlines;
	simple_para(c, a->title, LS_TITLE, 0);
	simple_para(c, a->byline, LS_BYLINE, 0);
	const char *site = a->site_name, *date = a->published;
	if ((site && *site) || (date && *date)) {
		if (site && *site)
			pb_text(&c->b, site, strlen(site), LS_META);
		if (site && *site && date && *date)
			pb_text(&c->b, " \xc2\xb7 ", 4, LS_META);
		if (date && *date)
			pb_text(&c->b, date, date_len(date), LS_META);
		struct shape sh = { 0 };
		wrap(c, &sh);
	}
	const struct lead_image *li = a->lead_image;
	bool cap = li && li->caption && *li->caption;
	bool cred = li && li->credit && *li->credit;
	if ((cap || cred || c->pic_rows > 0) && c->l->nlines > before)
		blank_line(c);
	else if (li)
		c->para++;      /* the same numbers with and without a picture */
	picture(c);
	if (cap)
		simple_para(c, li->caption, LS_LEAD_CAPTION, 0);
	if (cred) {
		if (!attributed(li->credit))
			pb_text(&c->b, "Photo: ", 7, LS_CREDIT);
		pb_text(&c->b, li->credit, strlen(li->credit), LS_CREDIT);
		struct shape sh = { 0 };
		wrap(c, &sh);
	}
}

/* Split [0, len) of the paragraph buffer (already filled by block_text)
 * at '\n' bytes: returns the number of rows and their starts in *rows. */
static size_t split_rows(const struct pbuf *b, size_t **rows)
{
	size_t n = 1;
	for (size_t i = 0; i < b->len; i++)
		n += b->s[i] == '\n';
	*rows = malloc((n + 1) * sizeof **rows);
	if (!*rows)
		return 0;
	size_t r = 0;
	(*rows)[r++] = 0;
	for (size_t i = 0; i < b->len; i++)
		if (b->s[i] == '\n')
			(*rows)[r++] = i + 1;
	(*rows)[r] = b->len + 1;        /* as if a '\n' followed the end */
	return n;
}

/* Move bytes [from, to) of the full buffer `all` into c->b, tabs
 * expanded (col counts cells from the row start). */
static void take(struct ctx *c, const struct pbuf *all, size_t from, size_t to)
{
	int col = 0;
	for (size_t i = from; i < to;) {
		ucs4_t cp;
		int k = u8_mbtouc(&cp, (const uint8_t *)all->s + i, to - i);
		c->b.cur_src = all->src[i];
		if (cp == '\t') {
			int sp = 8 - col % 8;
			for (int j = 0; j < sp; j++)
				pb_put(&c->b, " ", 1, all->st[i], all->lk[i]);
			col += sp;
		} else {
			pb_put(&c->b, all->s + i, (size_t)k, all->st[i],
			       all->lk[i]);
			col += cp_width(cp);
		}
		i += (size_t)k;
	}
}

/* One pre line: cut (never wrapped at words) with a continuation mark
 * in front of each following piece. */
static void pre_line(struct ctx *c, int indent)
{
	struct pbuf *b = &c->b;
	int width = c->l->width;
	size_t pos = 0;
	bool first = true;
	struct lline *ln = NULL;
	while (pos < b->len || first) {
		int ind = indent;
		const char *pre = first ? NULL : CONT_MARK;
		int avail = fit_shape(width, &ind, &pre);
		if (!first && !pre) {   /* no room for the mark: keep it anyway */
			pre = CONT_MARK;
			avail = width - 1 > 0 ? width - 1 : 1;
		}
		size_t i = pos;
		int col = 0;
		while (i < b->len) {
			ucs4_t cp;
			int k = u8_mbtouc(&cp, (const uint8_t *)b->s + i,
					  b->len - i);
			int w = cp_width(cp);
			if (w > 0 && col + w > avail && i > pos)
				break;  /* marks of width 0 stay, as in wrap */
			col += w;
			i += (size_t)k;
		}
		ln = new_line(c, ind);
		if (!ln)
			return;
		if (pre)
			line_add(c, ln, pre, LS_CONT, 0, 0);
		ln->prefix = (uint8_t)(pre ? strlen(pre) : 0);
		ln->para_off = (uint32_t)pos;
		ln->src_off = pos < b->len ? b->src[pos] : b->cur_src;
		line_add(c, ln, NULL, 0, pos, i);
		pos = i;
		first = false;
	}
	ln->flags |= LINE_PARA_END;
	c->para++;
	b->len = 0;
}

static bool pb_swap_out(struct ctx *c, struct pbuf *all)
{
	*all = c->b;
	memset(&c->b, 0, sizeof c->b);
	return true;
}

static void pb_free(struct pbuf *b)
{
	free(b->s);
	free(b->st);
	free(b->lk);
	free(b->src);
	memset(b, 0, sizeof *b);
}

static void pre_block(struct ctx *c, const struct block *bk)
{
	struct pbuf all;
	block_text(c, bk, LS_PRE, true);
	pb_swap_out(c, &all);
	size_t *rows;
	size_t n = split_rows(&all, &rows);
	if (!n)
		c->failed = true;
	for (size_t r = 0; r < n; r++) {
		take(c, &all, rows[r], rows[r + 1] - 1);
		pre_line(c, 2);
	}
	free(rows);
	pb_free(&all);
}

/* Cells of table row `r` split at " | " into cells; fills starts/ends. */
static size_t row_cells(const struct pbuf *all, size_t from, size_t to,
			size_t *cs, size_t *ce, size_t max)
{
	size_t n = 0, s = from;
	for (size_t i = from; i + 3 <= to && n + 1 < max; i++)
		if (!memcmp(all->s + i, " | ", 3)) {
			cs[n] = s;
			ce[n++] = i;
			s = i + 3;
			i += 2;
		}
	cs[n] = s;
	ce[n++] = to;
	return n;
}

#define MAX_COLS 32

/* Table: aligned columns when they fit the column, else each row as a
 * wrapped paragraph. */
static void table_block(struct ctx *c, const struct block *bk)
{
	struct pbuf all;
	block_text(c, bk, LS_TABLE, true);
	pb_swap_out(c, &all);
	size_t *rows;
	size_t n = split_rows(&all, &rows);
	if (!n)
		c->failed = true;
	int colw[MAX_COLS] = { 0 }, ncol = 0;
	size_t cs[MAX_COLS], ce[MAX_COLS];
	for (size_t r = 0; r < n; r++) {
		size_t k = row_cells(&all, rows[r], rows[r + 1] - 1, cs, ce,
				     MAX_COLS);
		for (size_t j = 0; j < k; j++) {
			int w = layout_width(all.s + cs[j], ce[j] - cs[j]);
			if (w > colw[j])
				colw[j] = w;
		}
		if ((int)k > ncol)
			ncol = (int)k;
	}
	int total = 2;
	for (int j = 0; j < ncol; j++)
		total += colw[j] + (j ? 3 : 0);
	bool aligned = total <= c->l->width;
	for (size_t r = 0; r < n; r++) {
		size_t k = row_cells(&all, rows[r], rows[r + 1] - 1, cs, ce,
				     MAX_COLS);
		for (size_t j = 0; j < k; j++) {
			if (j)
				pb_put(&c->b, " | ", 3, LS_TABLE, 0);
			take(c, &all, cs[j], ce[j]);
			int w = layout_width(all.s + cs[j], ce[j] - cs[j]);
			for (; aligned && j + 1 < k && w < colw[j]; w++)
				pb_put(&c->b, " ", 1, LS_TABLE, 0);
		}
		struct shape sh = { .indent = 2, .rest_indent = 4 };
		if (aligned) {  /* no wrapping needed; keep the padding */
			pre_line(c, 2);
		} else {
			wrap(c, &sh);
		}
	}
	free(rows);
	pb_free(&all);
}

static void text_block(struct ctx *c, const struct block *bk)
{
	struct shape sh = { 0 };
	uint8_t st = LS_TEXT;
	char bullet[32];
	switch (bk->type) {
	case BLOCK_H2: case BLOCK_H3: case BLOCK_H4: case BLOCK_H5:
	case BLOCK_H6:
		st = LS_HEADING;
		break;
	case BLOCK_QUOTE:
		st = LS_QUOTE;
		sh.indent = sh.rest_indent = 2;
		sh.prefix = sh.rest_prefix = QUOTE_BAR;
		sh.prefix_style = LS_QUOTE_BAR;
		break;
	case BLOCK_LI: {
		int d = bk->depth > 1 ? bk->depth - 1 : 0;
		if (d > LIST_INDENT_LEVELS)
			d = LIST_INDENT_LEVELS;
		if (bk->ordinal > 0)
			snprintf(bullet, sizeof bullet, "%d. ", bk->ordinal);
		else
			snprintf(bullet, sizeof bullet, "%s", BULLET);
		sh.indent = 2 + 2 * d;
		sh.prefix = bullet;
		sh.prefix_style = LS_BULLET;
		sh.rest_indent = sh.indent +
			layout_width(bullet, strlen(bullet));
		break;
	}
	case BLOCK_CAPTION:
		st = LS_CAPTION;
		sh.indent = sh.rest_indent = 2;
		break;
	case BLOCK_DT:
		st = LS_TERM;
		break;
	case BLOCK_DD:
		sh.indent = sh.rest_indent = 4;
		break;
	default:
		break;
	}
	block_text(c, bk, st, false);
	wrap(c, &sh);
}

/* Lists and definitions are tight: no blank line inside them. */
static bool tight(enum block_type prev, enum block_type cur)
{
	return (prev == BLOCK_LI && cur == BLOCK_LI) ||
	       (prev == BLOCK_DT && cur == BLOCK_DD) ||
	       (prev == BLOCK_DD && cur == BLOCK_DD);
}

/* Is bk the body's copy of the lead image's caption (the extractor
 * keeps the caption of a lead image that stands among the paragraphs
 * where it stands; the header already shows it under the picture)? */
static bool lead_caption_copy(const struct lead_image *li,
			      const struct block *bk)
{
	if (!li || (bk->type != BLOCK_CAPTION && bk->type != BLOCK_P))
		return false;
	size_t cap = li->caption ? strlen(li->caption) : 0;
	size_t cred = li->credit ? strlen(li->credit) : 0;
	if (cap)        /* the caption, maybe its credit after it */
		return strncmp(bk->text, li->caption, cap) == 0 &&
		       bk->len <= cap + cred + 8;
	return cred && strcmp(bk->text, li->credit) == 0;
}

static void body(struct ctx *c, const struct article *a)
{
	int prev = -1;
	bool copy_seen = false;
	for (size_t i = 0; i < a->nblocks && !c->failed; i++) {
		const struct block *bk = &a->blocks[i];
		bool copy = bk->text && !copy_seen &&
			    lead_caption_copy(a->lead_image, bk);
		copy_seen |= copy;
		if (!bk->text || !bk->len || copy) {
			c->nextlink += (uint32_t)bk->nlinks;
			continue;
		}
		c->block = (int32_t)i;
		c->b.cur_src = 0;
		if (c->l->nlines && !(prev >= 0 && tight(prev, bk->type)))
			blank_line(c);
		if (bk->type == BLOCK_PRE)
			pre_block(c, bk);
		else if (bk->type == BLOCK_TABLE)
			table_block(c, bk);
		else
			text_block(c, bk);
		prev = bk->type;
	}
}

static bool collect_links(struct layout *l, const struct article *a)
{
	size_t n = 0;
	for (size_t i = 0; i < a->nblocks; i++)
		n += a->blocks[i].nlinks;
	l->links = calloc(n ? n : 1, sizeof *l->links);
	if (!l->links)
		return false;
	for (size_t i = 0; i < a->nblocks; i++)
		for (size_t k = 0; k < a->blocks[i].nlinks; k++) {
			const struct block *b = &a->blocks[i];
			l->links[l->nlinks].url = b->links[k].url;
			l->links[l->nlinks].text = b->text + b->links[k].start;
			l->links[l->nlinks].text_len = b->links[k].end - b->links[k].start;
			l->links[l->nlinks++].line = SIZE_MAX;
		}
	return true;
}

/* Size the arrays from the text up front: growing a 5 MB pool by
 * doubling copies it several times over. */
static void reserve(struct layout *l, const struct article *a)
{
	size_t bytes = 1024;
	for (size_t i = 0; i < a->nblocks; i++)
		bytes += a->blocks[i].len + a->blocks[i].nlinks * 8;
	size_t lines = bytes / (size_t)(l->width > 8 ? l->width / 2 : 4) + 64;
	BUF_GROW_ARRAY(l->pool, l->pool_cap, bytes + bytes / 8, GROW_FIRST);
	BUF_GROW_ARRAY(l->lines, l->lines_cap, lines, GROW_FIRST);
	BUF_GROW_ARRAY(l->spans, l->spans_cap, lines * 2, GROW_FIRST);
}

struct layout *layout_new(const struct article *a, int width)
{
	return layout_new_picture(a, width, 0, 0);
}

struct layout *layout_new_picture(const struct article *a, int width,
				  int pic_cols, int pic_rows)
{
	struct layout *l = calloc(1, sizeof *l);
	if (!l)
		return NULL;
	l->width = width < 1 ? 1 : width;
	struct ctx c = { .l = l, .nextlink = 1, .block = -1,
			 .pic_cols = pic_cols > 0 ? pic_cols : 0,
			 .pic_rows = pic_cols > 0 && pic_rows > 0 ? pic_rows : 0 };
	if (!collect_links(l, a)) {
		layout_free(l);
		return NULL;
	}
	reserve(l, a);
	header(&c, a);
	body(&c, a);
	pb_free(&c.b);
	free(c.brk);
	if (c.failed) {
		layout_free(l);
		return NULL;
	}
	for (size_t i = 0; i < l->nlinks; i++)
		if (l->links[i].line == SIZE_MAX)
			l->links[i].line = 0;
	return l;
}

void layout_free(struct layout *l)
{
	if (!l)
		return;
	free(l->pool);
	free(l->lines);
	free(l->spans);
	free(l->links);
	free(l);
}

size_t layout_find(const struct layout *l, uint32_t para, uint32_t para_off)
{
	size_t lo = 0, hi = l->nlines;     /* first line after the place */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct lline *m = &l->lines[mid];
		if (m->para < para || (m->para == para &&
				       m->para_off <= para_off))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? lo - 1 : 0;
}

size_t layout_find_src(const struct layout *l, long block, long off)
{
	size_t lo = 0, hi = l->nlines;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct lline *m = &l->lines[mid];
		if (m->block < block || (m->block == block &&
					 (long)m->src_off <= off))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? lo - 1 : 0;
}

char *layout_to_text(const struct layout *l)
{
	size_t cap = l->pool_len + l->nlines * 8 + 64;
	for (size_t i = 0; i < l->nlines; i++)
		cap += l->lines[i].indent;
	for (size_t i = 0; i < l->nlinks; i++)
		cap += strlen(l->links[i].url) + l->links[i].text_len + 32;
	char *out = malloc(cap), *p = out;
	if (!out)
		return NULL;
	for (size_t i = 0; i < l->nlines; i++) {
		const struct lline *ln = &l->lines[i];
		if (ln->flags & LINE_PICTURE)
			continue;
		memset(p, ' ', ln->indent);
		p += ln->indent;
		memcpy(p, layout_text(l, i), ln->len);
		p += ln->len;
		*p++ = '\n';
	}
	if (l->nlinks)
		p += sprintf(p, "\nLinks:\n");
	/* As the pager's link list has them: number, text, URL. */
	for (size_t i = 0; i < l->nlinks; i++) {
		const struct layout_link *k = &l->links[i];
		if (k->text_len)
			p += sprintf(p, "[%zu] %.*s: %s\n", i + 1, (int)k->text_len,
				     k->text, k->url);
		else
			p += sprintf(p, "[%zu] %s\n", i + 1, k->url);
	}
	*p = '\0';
	return out;
}
