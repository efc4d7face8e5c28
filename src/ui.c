/* ui.c - the curses pager (see ui.h).
 *
 * A stack of pages (article + layout + place); the top one is shown.
 * Layouts are made once per column width; drawing walks only the lines on
 * screen.  Search works on the display text with wrapped lines joined
 * again, so a phrase split over two lines is found. */
#include "folio/ui.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unicase.h>
#include <unictype.h>
#include <unistd.h>
#include <unistr.h>
#include <uniwidth.h>

#include "folio/fetch-cache.h"
#include "folio/image-load.h"
#include "folio/image-detect.h"
#include "folio/image-render.h"
#include "folio/layout.h"
#include "folio/store-reading.h"
#include "folio/util-buf.h"

#define DEFAULT_WIDTH 80
#undef CTRL  /* <sys/ioctl.h> has one of its own */
#define CTRL(c) ((c) & 0x1f)
#define FN(k) ((k) | UI_FN)
#define WHEEL_LINES 3

/* The key table: drives both key handling and the help screen.
 * X(action, keys as shown, what it does, key codes...) */
#define UI_ACTIONS(X) \
	X(DOWN, "j  \xe2\x86\x93  ^E  ^N", "forward one line", \
	  'j', FN(KEY_DOWN), CTRL('e'), CTRL('n')) \
	X(UP, "k  \xe2\x86\x91  ^Y  ^P", "back one line", \
	  'k', FN(KEY_UP), CTRL('y'), CTRL('p')) \
	X(ENTER, "Enter", "follow the selected link, else forward one line", \
	  '\n', '\r', FN(KEY_ENTER)) \
	X(PAGE_DOWN, "Space  f  PgDn  ^F", "forward one screen", \
	  ' ', 'f', FN(KEY_NPAGE), CTRL('f')) \
	X(PAGE_UP, "b  PgUp  ^B", "back one screen", \
	  'b', FN(KEY_PPAGE), CTRL('b')) \
	X(HALF_DOWN, "d  ^D", "forward half a screen", 'd', CTRL('d')) \
	X(HALF_UP, "u  ^U", "back half a screen", 'u', CTRL('u')) \
	X(TOP, "g  Home  <", "go to the top", 'g', '<', FN(KEY_HOME)) \
	X(BOTTOM, "G  End  >", "go to the end", 'G', '>', FN(KEY_END)) \
	X(SEARCH_FWD, "/", "search forward (capitals: case matters)", '/') \
	X(SEARCH_BACK, "?", "search backward", '?') \
	X(NEXT, "n", "next match", 'n') \
	X(PREV, "N", "previous match", 'N') \
	X(LINK_NEXT, "Tab", "select the next link on the screen", '\t') \
	X(LINK_PREV, "Shift-Tab", "select the previous link on the screen", \
	  FN(KEY_BTAB)) \
	X(LINKS, "L", "list all links (pick by number or arrows)", 'L') \
	X(BACK, "Backspace  \xe2\x86\x90  B", "back to the previous page", \
	  FN(KEY_BACKSPACE), 127, CTRL('h'), FN(KEY_LEFT), 'B') \
	X(OPEN, "o", "open the selected link (or the page) in $BROWSER", 'o') \
	X(RELOAD, "r", "reload the page", 'r') \
	X(SAVE, "s", "save the article (it then opens offline too)", 's') \
	X(HISTORY, "h", "history: articles read lately", 'h') \
	X(SAVED, "S", "the saved list", 'S') \
	X(UNSAVE, "D", "in the saved list: remove the selected article", 'D') \
	X(SUBSCRIBE, "a", "subscribe to the page's RSS/Atom feed", 'a') \
	X(REDRAW, "^L", "redraw the screen", CTRL('l')) \
	X(HELP, "H  F1", "this help", 'H', FN(KEY_F(1))) \
	X(QUIT, "q", "quit (in help or the link list: close it)", 'q')

enum action {
#define X(id, keys, help, ...) ACT_##id,
	UI_ACTIONS(X)
#undef X
	ACT_COUNT
};

struct binding {
	const char *keys, *help;
	int codes[8];           /* 0-terminated */
};

static const struct binding bindings[ACT_COUNT] = {
#define X(id, keys, help, ...) [ACT_##id] = { keys, help, { __VA_ARGS__ } },
	UI_ACTIONS(X)
#undef X
};

static int action_of(int key)
{
	for (int a = 0; a < ACT_COUNT; a++)
		for (const int *c = bindings[a].codes; *c; c++)
			if (*c == key)
				return a;
	return -1;
}

/* Display attributes per layout style, plus the ui's own. */
enum { AT_STATUS = LS_COUNT, AT_MATCH, AT_SELECT, AT_MESSAGE, AT_COUNT };

/* What a page shows: an article, or one of the lists made from the store
 * (as articles of linked list items, so every pager key works on them). */
enum view_kind { VIEW_ARTICLE, VIEW_HISTORY, VIEW_SAVED };

struct page {
	enum view_kind kind;
	struct article *a;
	char *source;
	struct layout *lay;
	size_t top;             /* first line on screen */
	uint32_t para, para_off;        /* place kept across widths */
	uint32_t sel;           /* selected link number, 0 = none */
	struct image_load *pic_load;    /* the lead picture on its way */
	struct image pic;       /* it, decoded; empty: none (yet) */
	struct image_art *art;  /* pic drawn for the current window */
	struct image_art *part; /* pixel modes: symbols for when the
				 * picture is only partly on the screen */
	unsigned art_id;        /* tells one art from another (draw_pixels) */
};

enum mode { MODE_PAGE, MODE_HELP, MODE_LINKS };

/* A stretch of display lines joined back into running text for search:
 * folded (when case does not matter) with a map back to pool offsets. */
struct joined {
	struct buf text;
	size_t *map;            /* pool offset of each byte; SIZE_MAX: gap */
	size_t map_cap;
};

struct ui {
	struct page *stack;
	size_t depth, cap;
	ui_open_fn open;
	void *ctx;
	struct ui_opts opts;
	int rows, cols, width, margin;
	enum mode mode;
	size_t help_top, list_top, list_sel;
	char num[16];           /* link number being typed in the list */
	size_t nlen;
	char msg[512];
	char *pattern;          /* last search, UTF-8 */
	bool backward, fold;
	size_t match;           /* pool offset of the current match, or SIZE_MAX */
	attr_t attr[AT_COUNT];
	struct joined j;        /* scratch for search and highlighting */
	size_t *hits;           /* highlight ranges on screen: start, end */
	size_t nhits, hits_cap;
	FILE *tty;              /* for pixel-mode pictures; NULL: none */
	/* The pixel picture on the screen: which (struct page art_id, 0:
	 * none) and where; stale when the screen may no longer show it. */
	unsigned shown_id, next_art_id;
	int shown_y;
	bool pic_stale;
};

static struct page *cur(struct ui *u)
{
	return &u->stack[u->depth - 1];
}

static void __attribute__((format(printf, 2, 3))) message(struct ui *u, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(u->msg, sizeof u->msg, fmt, ap);
	va_end(ap);
}

static int text_rows(const struct ui *u)
{
	return u->rows > 1 ? u->rows - 1 : 0;
}

/* ---- layout per width ---- */

static void place_remember(struct page *p)
{
	if (!p->lay || !p->lay->nlines)
		return;
	const struct lline *ln = &p->lay->lines[p->top];
	p->para = ln->para;
	p->para_off = ln->para_off;
}

static size_t max_top(const struct ui *u, const struct page *p)
{
	size_t n = p->lay ? p->lay->nlines : 0, r = (size_t)text_rows(u);
	return n > r ? n - r : 0;
}

static bool picture_render(struct ui *u, struct page *p);

/* Make sure the page has a layout for the current width (and picture). */
static bool page_layout(struct ui *u, struct page *p)
{
	bool new_art = picture_render(u, p);
	if (p->lay && p->lay->width == u->width && !new_art)
		return true;
	struct layout *l = p->art
		? layout_new_picture(p->a, u->width, p->art->cols, p->art->rows)
		: layout_new(p->a, u->width);
	if (!l) {
		message(u, "%s", "out of memory laying out the page");
		return false;
	}
	bool had = p->lay != NULL;
	layout_free(p->lay);
	p->lay = l;
	p->top = had ? layout_find(l, p->para, p->para_off) : 0;
	if (p->top > max_top(u, p) && had)
		p->top = max_top(u, p);
	return true;
}

static void measure(struct ui *u)
{
	getmaxyx(stdscr, u->rows, u->cols);
	if (u->rows < 1)
		u->rows = 1;
	if (u->cols < 1)
		u->cols = 1;
	int want = u->opts.width > 0 ? u->opts.width : DEFAULT_WIDTH;
	u->width = want < u->cols ? want : u->cols;
	u->margin = (u->cols - u->width) / 2;
}

/* ---- moving ---- */

static void scroll_to(struct ui *u, long top)
{
	struct page *p = cur(u);
	long mt = (long)max_top(u, p);
	if (top > mt)
		top = mt;
	if (top < 0)
		top = 0;
	p->top = (size_t)top;
	place_remember(p);
}

static void scroll_by(struct ui *u, long n)
{
	scroll_to(u, (long)cur(u)->top + n);
}

/* ---- search ---- */

static bool has_capital(const char *s)
{
	const uint8_t *p = (const uint8_t *)s;
	ucs4_t c;
	while ((p = u8_next(&c, p)))
		if (uc_is_upper(c) || uc_tolower(c) != c)
			return true;
	return false;
}

static bool j_put(struct joined *j, const uint8_t *s, size_t n, size_t pos)
{
	if (!buf_reserve(&j->text, n))
		return false;
	if (j->map_cap < j->text.cap) {
		size_t *nm = realloc(j->map, j->text.cap * sizeof *nm);
		if (!nm)
			return false;
		j->map = nm;
		j->map_cap = j->text.cap;
	}
	for (size_t i = 0; i < n; i++)
		j->map[j->text.len + i] = pos;
	buf_add(&j->text, s, n);
	return true;
}

/* Join lines [from, to): a line's text without its decoration, a space
 * where the wrap took one, a newline between paragraphs. */
static bool join_lines(struct ui *u, const struct layout *l, size_t from,
		       size_t to)
{
	struct joined *j = &u->j;
	if (j->text.oom)        /* memory may have come back */
		buf_free(&j->text);
	j->text.len = 0;
	for (size_t i = from; i < to; i++) {
		const struct lline *ln = &l->lines[i];
		const uint8_t *s = (const uint8_t *)layout_text(l, i);
		size_t k = ln->prefix;
		while (k < ln->len) {
			ucs4_t c;
			int n = u8_mbtouc(&c, s + k, ln->len - k);
			uint8_t buf[6];
			size_t pos = ln->text + k;
			if (u->fold) {
				int m = u8_uctomb(buf, uc_tolower(c), sizeof buf);
				if (m <= 0 || !j_put(j, buf, (size_t)m, pos))
					return false;
			} else if (!j_put(j, s + k, (size_t)n, pos)) {
				return false;
			}
			k += (size_t)n;
		}
		const char *sep = ln->flags & LINE_PARA_END ? "\n" :
				  ln->flags & LINE_JOIN_SPACE ? " " : "";
		if (*sep && !j_put(j, (const uint8_t *)sep, 1, SIZE_MAX))
			return false;
	}
	return true;
}

static char *fold_pattern(const struct ui *u)
{
	const uint8_t *p = (const uint8_t *)u->pattern;
	size_t n = strlen(u->pattern);
	char *out = malloc(n * 4 + 1), *o = out;
	if (!out)
		return NULL;
	ucs4_t c;
	while (p && *p) {
		int k = u8_mbtouc(&c, p, strlen((const char *)p));
		int m = u8_uctomb((uint8_t *)o, u->fold ? uc_tolower(c) : c, 6);
		o += m > 0 ? m : 0;
		p += k;
	}
	*o = '\0';
	return out;
}

/* First and one-past-last line of the paragraph holding line i. */
static void para_bounds(const struct layout *l, size_t i, size_t *a,
			size_t *b)
{
	uint32_t para = l->lines[i].para;
	*a = i;
	while (*a > 0 && l->lines[*a - 1].para == para)
		(*a)--;
	*b = i + 1;
	while (*b < l->nlines && l->lines[*b].para == para)
		(*b)++;
}

static size_t line_of_pos(const struct layout *l, size_t pos)
{
	size_t lo = 0, hi = l->nlines;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (l->lines[mid].text <= pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? lo - 1 : 0;
}

/* In the joined paragraph, the match after (or before) pos; SIZE_MAX when
 * there is none.  pos SIZE_MAX means "from the start (or end)". */
static size_t find_in_joined(const struct joined *j, const char *pat,
			     size_t pos, bool backward)
{
	size_t best = SIZE_MAX, plen = strlen(pat);
	const char *s = j->text.data;
	if (!plen)
		return SIZE_MAX;
	while ((s = memmem(s, j->text.len - (size_t)(s - j->text.data), pat, plen))) {
		size_t at = j->map[s - j->text.data];
		s++;
		if (at == SIZE_MAX)
			continue;
		if (!backward && (pos == SIZE_MAX || at > pos))
			return at;
		if (backward && (pos == SIZE_MAX || at < pos))
			best = at;
	}
	return best;
}

/* Search paragraph by paragraph from the place `pos` (a pool offset;
 * SIZE_MAX: from the start, or the end going backward), wrapping around
 * once.  Returns the pool offset of the match, or SIZE_MAX. */
static size_t search_from(struct ui *u, const char *pat, size_t pos,
			  bool backward, bool *wrapped)
{
	const struct layout *l = cur(u)->lay;
	size_t n = l->nlines, a, b, from = pos;
	size_t i = pos != SIZE_MAX ? line_of_pos(l, pos) : backward ? n - 1 : 0;
	uint32_t start = l->lines[i].para;
	bool again = false;
	*wrapped = false;
	for (;;) {
		para_bounds(l, i, &a, &b);
		if (!join_lines(u, l, a, b))
			return SIZE_MAX;
		size_t at = find_in_joined(&u->j, pat, from, backward);
		if (at != SIZE_MAX || again)
			return at;
		from = SIZE_MAX;
		if (!backward) {
			*wrapped |= b >= n;
			i = b < n ? b : 0;
		} else {
			*wrapped |= a == 0;
			i = a > 0 ? a - 1 : n - 1;
		}
		again = l->lines[i].para == start;
	}
}

static void search(struct ui *u, bool backward)
{
	struct page *p = cur(u);
	if (!u->pattern || !*u->pattern) {
		message(u, "%s", "No previous search");
		return;
	}
	if (!p->lay->nlines)
		return;
	u->fold = !has_capital(u->pattern);
	char *pat = fold_pattern(u);
	if (!pat)
		return;
	size_t pos = u->match;
	size_t line = pos == SIZE_MAX ? SIZE_MAX : line_of_pos(p->lay, pos);
	bool on_screen = line != SIZE_MAX && line >= p->top &&
			 line < p->top + (size_t)text_rows(u);
	if (!on_screen) {       /* start at the top of the screen */
		pos = p->lay->lines[p->top].text;
		if (!backward)
			pos = pos ? pos - 1 : SIZE_MAX;
	}
	bool wrapped;
	size_t at = search_from(u, pat, pos, backward, &wrapped);
	free(pat);
	if (at == SIZE_MAX) {
		message(u, "Pattern not found: %s", u->pattern);
		return;
	}
	u->match = at;
	if (wrapped)
		message(u, "%s", backward ? "Search hit TOP, continuing at BOTTOM"
				 : "Search hit BOTTOM, continuing at TOP");
	size_t ml = line_of_pos(p->lay, at);
	if (ml < p->top || ml >= p->top + (size_t)text_rows(u))
		scroll_to(u, (long)ml);
}

/* Highlight ranges of the pattern on lines [from, to). */
static void collect_hits(struct ui *u, size_t from, size_t to)
{
	u->nhits = 0;
	const struct layout *l = cur(u)->lay;
	if (!u->pattern || !*u->pattern || from >= to)
		return;
	size_t plen = strlen(u->pattern);
	/* A match may start up to plen lines above the screen. */
	size_t a = from > plen ? from - plen : 0;
	size_t b = to + plen < l->nlines ? to + plen : l->nlines;
	char *pat = fold_pattern(u);
	if (!pat || !join_lines(u, l, a, b)) {
		free(pat);
		return;
	}
	size_t pl = strlen(pat);
	const char *s = u->j.text.data;
	while (pl && (s = memmem(s, u->j.text.len - (size_t)(s - u->j.text.data), pat, pl))) {
		size_t o = (size_t)(s - u->j.text.data);
		size_t last = u->j.map[o + pl - 1];
		if (u->j.map[o] != SIZE_MAX && last != SIZE_MAX) {
			if (u->nhits + 2 > u->hits_cap) {
				size_t c = u->hits_cap ? u->hits_cap * 2 : 64;
				size_t *h = realloc(u->hits, c * sizeof *h);
				if (!h)
					break;
				u->hits = h;
				u->hits_cap = c;
			}
			u->hits[u->nhits++] = u->j.map[o];
			u->hits[u->nhits++] = last + 1;
		}
		s += pl;
	}
	free(pat);
}

static bool is_hit(const struct ui *u, size_t pos)
{
	for (size_t i = 0; i < u->nhits; i += 2)
		if (u->hits[i] <= pos && pos < u->hits[i + 1])
			return true;
	return false;
}

/* ---- drawing ---- */

/* Characters never sent to the terminal: C0/C1 controls, DEL, and the
 * bidi overrides that would reorder what follows. */
static bool unsafe(ucs4_t c)
{
	return c < 0x20 || (c >= 0x7f && c < 0xa0) ||
	       (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/* Draws s[0..n) at the cursor in attribute at, clipped at column `lim`.
 * Returns the new column. */
static int put_run(const char *s, size_t n, attr_t at, int col, int lim)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	attrset(at);
	while (p < end) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p, (size_t)(end - p));
		int w = unsafe(c) ? 1 : uc_width(c, "UTF-8");
		if (w < 0)
			w = 1;
		if (col + w > lim)
			break;
		if (unsafe(c) || (w == 0 && col == 0))
			addch('?');
		else
			addnstr((const char *)p, k);
		col += w;
		p += k;
	}
	return col;
}

static size_t cp_next(const char *t, size_t k, size_t end)
{
	ucs4_t c;
	int n = u8_mbtouc(&c, (const uint8_t *)t + k, end - k);
	return k + (size_t)(n > 0 ? n : 1);
}

/* Draw text line i of the page at screen row y. */
static void draw_picture_row(struct ui *u, const struct lline *ln, int y);

static void draw_line(struct ui *u, const struct layout *l, size_t i, int y)
{
	const struct lline *ln = &l->lines[i];
	if (ln->flags & LINE_PICTURE) {
		draw_picture_row(u, ln, y);
		return;
	}
	const char *t = layout_text(l, i);
	uint32_t sel = cur(u)->sel;
	int col = u->margin + ln->indent;
	if (col >= u->cols)
		return;
	move(y, col);
	for (uint32_t s = 0; s < ln->nspans; s++) {
		const struct lspan *sp = &l->spans[ln->span0 + s];
		attr_t base = u->attr[sp->style];
		if (sel && sp->link == sel)
			base = u->attr[AT_SELECT];
		/* Split the span where search highlighting starts or stops
		 * (at character boundaries). */
		size_t k = sp->start, end = sp->start + sp->len;
		while (k < end && col < u->cols) {
			bool hit = is_hit(u, ln->text + k);
			size_t m = cp_next(t, k, end);
			while (m < end && is_hit(u, ln->text + m) == hit)
				m = cp_next(t, m, end);
			col = put_run(t + k, m - k, hit ? u->attr[AT_MATCH] : base,
				      col, u->cols);
			k = m;
		}
	}
}

/* Status line: the message if any, else the title; position on the right. */
static void draw_status(struct ui *u)
{
	struct page *p = cur(u);
	int y = u->rows - 1;
	char right[64];
	size_t n = p->lay ? p->lay->nlines : 0;
	size_t bottom = p->top + (size_t)text_rows(u);
	int pct = n == 0 || bottom >= n ? 100 : (int)(bottom * 100 / n);
	if (u->mode == MODE_HELP)
		snprintf(right, sizeof right, " help  q: close ");
	else if (u->mode == MODE_LINKS)
		snprintf(right, sizeof right, " links  q: close ");
	else
		snprintf(right, sizeof right, " %s %d%% ", bottom >= n ? "(END)" : "", pct);
	const char *left = u->msg[0] ? u->msg :
		p->sel && p->sel <= p->lay->nlinks ? p->lay->links[p->sel - 1].url :
		p->a->title ? p->a->title : p->source ? p->source : "";
	move(y, 0);
	attrset(u->attr[u->msg[0] ? AT_MESSAGE : AT_STATUS]);
	for (int x = 0; x < u->cols; x++)
		addch(' ');
	int rw = layout_width(right, strlen(right));
	int lim = u->cols - rw > 0 ? u->cols - rw : u->cols;
	move(y, 0);
	put_run(" ", 1, u->attr[AT_STATUS], 0, lim);
	put_run(left, strlen(left), u->attr[u->msg[0] ? AT_MESSAGE : AT_STATUS],
		1, lim - 1);
	if (rw < u->cols) {
		move(y, u->cols - rw);
		put_run(right, strlen(right), u->attr[AT_STATUS], u->cols - rw,
			u->cols);
	}
}

static void draw_help(struct ui *u)
{
	int rows = text_rows(u);
	size_t total = ACT_COUNT + 2;
	if (u->help_top + (size_t)rows > total)
		u->help_top = total > (size_t)rows ? total - (size_t)rows : 0;
	for (int y = 0; y < rows; y++) {
		size_t i = u->help_top + (size_t)y;
		move(y, 0);
		if (i == 0) {
			put_run("folio keys", 10, u->attr[LS_TITLE], 0, u->cols);
		} else if (i >= 2 && i - 2 < ACT_COUNT) {
			const struct binding *b = &bindings[i - 2];
			int c = put_run(b->keys, strlen(b->keys), u->attr[LS_BULLET],
					1, u->cols);
			(void)c;
			move(y, 22 < u->cols ? 22 : u->cols - 1);
			put_run(b->help, strlen(b->help), u->attr[LS_TEXT],
				22 < u->cols ? 22 : u->cols - 1, u->cols);
		}
	}
}

/* The link list: a heading, then "[n] URL" rows, the chosen one marked. */
static void draw_links(struct ui *u)
{
	const struct layout *l = cur(u)->lay;
	int rows = text_rows(u) - 2;
	move(0, 0);
	const char *head = l->nlinks ? "Links: Enter follows, q closes"
				     : "No links on this page. q closes";
	put_run(head, strlen(head), u->attr[LS_TITLE], 0, u->cols);
	if (!l->nlinks || rows < 1)
		return;
	if (u->list_sel >= l->nlinks)
		u->list_sel = l->nlinks - 1;
	if (u->list_sel < u->list_top)
		u->list_top = u->list_sel;
	if (u->list_sel >= u->list_top + (size_t)rows)
		u->list_top = u->list_sel - (size_t)rows + 1;
	for (int y = 0; y < rows && u->list_top + (size_t)y < l->nlinks; y++) {
		size_t i = u->list_top + (size_t)y;
		bool on = i == u->list_sel;
		char num[32];
		snprintf(num, sizeof num, "%s[%zu] ", on ? "> " : "  ", i + 1);
		attr_t at = on ? u->attr[AT_SELECT] : u->attr[LS_TEXT];
		move(y + 2, 0);
		int c = put_run(num, strlen(num), on ? at : u->attr[LS_LINKNUM],
				0, u->cols);
		put_run(l->links[i].url, strlen(l->links[i].url), at, c, u->cols);
	}
}

/* Drop the selection when its link is no longer on screen. */
static void check_selection(struct ui *u, size_t from, size_t to)
{
	struct page *p = cur(u);
	if (!p->sel)
		return;
	for (size_t i = from; i < to; i++) {
		const struct lline *ln = &p->lay->lines[i];
		for (uint32_t s = 0; s < ln->nspans; s++)
			if (p->lay->spans[ln->span0 + s].link == p->sel)
				return;
	}
	p->sel = 0;
}

/* ---- the lead picture ----
 * Fetched and decoded on a worker (image-load.h) while the text is read;
 * when it comes the page is laid out again around it, keeping the place.
 * Symbols are drawn as cells like text; a pixel-mode picture is written
 * to the terminal after curses has drawn, over the cells it left blank. */

static bool picture_wanted(const struct ui *u, const struct page *p)
{
	const struct lead_image *li = p->a->lead_image;
	return u->opts.images != IMAGE_MODE_NONE && p->kind == VIEW_ARTICLE &&
	       p->a->kind == PAGE_ARTICLE && li && li->url &&
	       (!strncmp(li->url, "http://", 7) ||
		!strncmp(li->url, "https://", 8));
}

/* A cell's pixels, when the terminal tells them; else 0 (image-render.h
 * then assumes 10 x 20). */
static void cell_pixels(const struct ui *u, int *cw, int *ch)
{
	struct winsize ws;
	*cw = *ch = 0;
	if (u->tty && ioctl(fileno(u->tty), TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col && ws.ws_row && ws.ws_xpixel && ws.ws_ypixel) {
		*cw = ws.ws_xpixel / ws.ws_col;
		*ch = ws.ws_ypixel / ws.ws_row;
	}
}

static void picture_start(struct ui *u, struct page *p)
{
	if (!picture_wanted(u, p) || p->pic_load || p->pic.rgba)
		return;
	const struct open_opts *o = u->opts.picture_from;
	const char *url = p->a->lead_image->url;
	struct fetch_result cached;
	char *bytes = NULL;
	size_t len = 0;
	if (fetch_cache_lookup(u->opts.store, url, &cached)) {
		bytes = cached.body;
		len = cached.len;
		cached.body = NULL;
		fetch_result_free(&cached);
	} else if (o && o->offline) {
		return;
	}
	struct fetch_opts fo = {
		.user_agent = o ? o->user_agent : NULL,
		.timeout_s = o ? o->timeout_s : 0,
		.max_size = o ? o->max_size : 0,
	};
	int cw, ch;
	cell_pixels(u, &cw, &ch);
	/* pixels enough for the measure, at least 8 a cell for symbols */
	p->pic_load = image_load_start(url, &fo, bytes, len,
				       u->width * (cw > 8 ? cw : 8));
}

/* The box the picture fits: the measure's width, a third of the window. */
static struct image_box picture_box(const struct ui *u)
{
	struct image_box box = {
		.mode = u->opts.images, .max_cols = u->width,
		.max_rows = u->rows / 3,
		.palette = image_palette_for(u->opts.color && has_colors()
					     ? COLORS : 0),
	};
	cell_pixels(u, &box.cell_w, &box.cell_h);
	return box;
}

/* (Re)draw the page's picture for the window when its size changed.
 * True when the picture is new, so the page needs a new layout. */
static bool picture_render(struct ui *u, struct page *p)
{
	if (!p->pic.rgba)
		return false;
	struct image_box box = picture_box(u);
	int cols, rows;
	image_fit(p->pic.width, p->pic.height, &box, &cols, &rows);
	if (p->art && p->art->cols == cols && p->art->rows == rows)
		return false;
	image_art_free(p->art);
	image_art_free(p->part);
	p->art = image_render(&p->pic, &box);
	p->part = NULL;
	if (box.mode != IMAGE_MODE_SYMBOLS) {   /* same size, as symbols */
		box.mode = IMAGE_MODE_SYMBOLS;
		p->part = image_render(&p->pic, &box);
	}
	p->art_id = ++u->next_art_id;
	return true;
}

static void picture_arrived(struct ui *u, struct page *p)
{
	struct fetch_result fetched;
	char err[FETCH_ERR_MAX];
	enum status_code st = image_load_finish(p->pic_load, &p->pic, &fetched,
						err);
	image_load_free(p->pic_load);
	p->pic_load = NULL;
	fetch_cache_put(u->opts.store, p->a->lead_image->url, &fetched);
	fetch_result_free(&fetched);
	/* A picture that cannot be had (no network, gone) goes unsaid: the
	 * page is whole without it; one that came but is not a picture
	 * folio can draw is said once in the status line. */
	if (st == STATUS_NETWORK || st == STATUS_HTTP)
		return;
	if (st != STATUS_OK) {
		message(u, "No picture: %.400s", err);
		return;
	}
	place_remember(p);
	page_layout(u, p);
}

/* A key already read by curses but not yet taken (poll would not see
 * it): put back, and say so. */
static bool key_waiting(void)
{
	wint_t wc;
	nodelay(stdscr, TRUE);
	int r = get_wch(&wc);
	nodelay(stdscr, FALSE);
	if (r == ERR)
		return false;
	if (r == KEY_CODE_YES)
		ungetch((int)wc);
	else
		unget_wch((wchar_t)wc);
	return true;
}

/* Wait for a key or the page's picture, whichever comes first.  True
 * when it was the picture (laid out by now). */
static bool picture_wait(struct ui *u, int key_fd)
{
	struct page *p = cur(u);
	if (!p->pic_load || key_waiting())
		return false;
	struct pollfd fds[2] = {
		{ .fd = key_fd, .events = POLLIN },
		{ .fd = image_load_fd(p->pic_load), .events = POLLIN },
	};
	/* EINTR (a resize): curses then has the key for it */
	if (poll(fds, 2, -1) <= 0 || !(fds[1].revents & POLLIN))
		return false;
	picture_arrived(u, p);
	return true;
}

static int pixels_row(const struct ui *u);

/* Symbols as cells; a pixel picture shown whole is drawn after curses
 * (draw_pixels), one partly on the screen as symbols. */
static void draw_picture_row(struct ui *u, const struct lline *ln, int y)
{
	const struct page *p = cur(u);
	const struct image_art *art = p->art && p->art->cells ? p->art
		: pixels_row(u) < 0 ? p->part : NULL;
	if (!art || !art->cells || ln->pic_row >= art->rows)
		return;
	int x0 = u->margin + ln->indent;
	const struct image_cell *row = art->cells + ln->pic_row * art->cols;
	attrset(A_NORMAL);      /* the cells' own colours, nothing else */
	for (int x = 0; x < art->cols && x0 + x < u->cols; x++) {
		const struct image_cell *c = &row[x];
		bool plain = unsafe(c->ch) || uc_width(c->ch, "UTF-8") != 1;
		wchar_t wc[2] = { plain ? L' ' : (wchar_t)c->ch, 0 };
		int pair = c->fg < 0 && c->bg < 0 ? 0 : alloc_pair(c->fg, c->bg);
		cchar_t cc;
		setcchar(&cc, wc, A_NORMAL, 0, &(int){ pair < 0 ? 0 : pair });
		mvadd_wch(y, x0 + x, &cc);
	}
}

/* Screen row of a pixel picture shown whole, else -1. */
static int pixels_row(const struct ui *u)
{
	const struct page *p = &u->stack[u->depth - 1];
	if (u->mode != MODE_PAGE || !p->art || !p->art->payload || !p->lay)
		return -1;
	size_t end = p->top + (size_t)text_rows(u);
	for (size_t i = 0; i < p->lay->nlines && i < end; i++)
		if (p->lay->lines[i].flags & LINE_PICTURE)
			return i >= p->top && i + (size_t)p->art->rows <= end
			       ? (int)(i - p->top) : -1;
	return -1;
}

/* curses knows nothing of a pixel picture: when it moves, goes, or
 * another takes its place, the screen is cleared (kitty: its pictures
 * deleted) and drawn again. */
static void draw_pixels(struct ui *u)
{
	int y = pixels_row(u);
	unsigned id = y >= 0 ? cur(u)->art_id : 0;
	bool same = u->shown_id && u->shown_id == id && u->shown_y == y &&
		    !u->pic_stale;
	if (u->shown_id && !same) {
		if (u->opts.images == IMAGE_MODE_KITTY && u->tty)
			fputs("\033_Ga=d\033\\", u->tty);
		clearok(curscr, TRUE);
		u->shown_id = 0;
	}
	u->pic_stale = false;
	refresh();
	if (!id || same || !u->tty)
		return;
	const struct page *p = cur(u);
	int x = u->margin + (u->width - p->art->cols) / 2;
	fprintf(u->tty, "\0337\033[%d;%dH%s\0338", y + 1, x + 1,
		p->art->payload);
	fflush(u->tty);
	u->shown_id = id;
	u->shown_y = y;
}

void ui_draw(struct ui *u)
{
	erase();
	struct page *p = cur(u);
	if (u->mode == MODE_HELP) {
		draw_help(u);
	} else if (u->mode == MODE_LINKS) {
		draw_links(u);
	} else if (p->lay) {
		size_t to = p->top + (size_t)text_rows(u);
		if (to > p->lay->nlines)
			to = p->lay->nlines;
		check_selection(u, p->top, to);
		collect_hits(u, p->top, to);
		for (size_t i = p->top; i < to; i++)
			draw_line(u, p->lay, i, (int)(i - p->top));
	}
	draw_status(u);
	attrset(A_NORMAL);
	draw_pixels(u);
}

/* ---- attributes ---- */

static void setup_attrs(struct ui *u)
{
	attr_t *a = u->attr;
	for (int i = 0; i < AT_COUNT; i++)
		a[i] = A_NORMAL;
	a[LS_TITLE] = A_BOLD;
	a[LS_HEADING] = A_BOLD;
	a[LS_TERM] = A_BOLD;
	a[LS_BYLINE] = A_BOLD;
	a[LS_LEAD_CAPTION] = A_ITALIC;
	a[LS_CAPTION] = A_ITALIC;
	a[LS_CREDIT] = A_DIM;
	a[LS_META] = A_DIM;
	a[LS_CONT] = A_DIM;
	a[LS_QUOTE_BAR] = A_DIM;
	a[LS_LINK] = A_UNDERLINE;
	a[LS_LINKNUM] = A_BOLD;
	a[AT_STATUS] = A_REVERSE;
	a[AT_MESSAGE] = A_REVERSE | A_BOLD;
	a[AT_MATCH] = A_REVERSE;
	a[AT_SELECT] = A_REVERSE | A_UNDERLINE;
	if (!u->opts.color || !has_colors() || start_color() == ERR)
		return;
	use_default_colors();
	init_pair(1, COLOR_BLUE, -1);
	init_pair(2, COLOR_CYAN, -1);
	init_pair(3, COLOR_BLACK, COLOR_YELLOW);
	init_pair(4, COLOR_GREEN, -1);
	a[LS_HEADING] |= COLOR_PAIR(1);
	a[LS_TITLE] |= COLOR_PAIR(1);
	a[LS_LINKNUM] |= COLOR_PAIR(2);
	a[LS_LINK] |= COLOR_PAIR(2);
	a[LS_CREDIT] |= COLOR_PAIR(4);
	a[AT_MATCH] = COLOR_PAIR(3);
}

/* ---- pages ---- */

static void history_enter(struct ui *u, struct page *p);
static void history_leave(struct ui *u, struct page *p);
static void refresh_list(struct ui *u);

static void picture_start(struct ui *u, struct page *p);

static bool push_page(struct ui *u, struct article *a, const char *source,
		      enum view_kind kind)
{
	if (u->depth == u->cap) {
		size_t c = u->cap ? u->cap * 2 : 4;
		struct page *s = realloc(u->stack, c * sizeof *s);
		if (!s)
			return false;
		u->stack = s;
		u->cap = c;
	}
	struct page *p = &u->stack[u->depth];
	memset(p, 0, sizeof *p);
	p->source = source ? strdup(source) : NULL;
	if (source && !p->source)
		return false;
	p->a = a;
	p->kind = kind;
	u->depth++;
	if (!page_layout(u, p)) {
		u->depth--;
		free(p->source);
		return false;
	}
	u->match = SIZE_MAX;
	history_enter(u, p);
	picture_start(u, p);
	return true;
}

static void picture_forget(struct page *p)
{
	image_load_free(p->pic_load);
	p->pic_load = NULL;
	image_free(&p->pic);
	image_art_free(p->art);
	image_art_free(p->part);
	p->art = p->part = NULL;
}

static void free_page(struct page *p)
{
	picture_forget(p);
	article_free(p->a);
	layout_free(p->lay);
	free(p->source);
}

static struct article *open_source(struct ui *u, const char *what)
{
	struct article *a = NULL;
	char err[OPEN_ERR_MAX] = "";
	message(u, "Loading %s ...", what);
	ui_draw(u);
	enum status_code rc = u->open(what, u->ctx, &a, err);
	u->msg[0] = '\0';
	if (rc != STATUS_OK || !a) {
		message(u, "%s", err[0] ? err : status_name(rc));
		return NULL;
	}
	return a;
}

static void follow(struct ui *u, uint32_t link)
{
	const struct layout *l = cur(u)->lay;
	if (!link || link > l->nlinks)
		return;
	char *url = strdup(l->links[link - 1].url);
	if (!url)
		return;
	history_leave(u, cur(u));
	struct article *a = open_source(u, url);
	if (a && !push_page(u, a, url, VIEW_ARTICLE)) {
		article_free(a);
		message(u, "%s", "out of memory");
	}
	free(url);
}

static void go_back(struct ui *u)
{
	if (u->depth < 2) {
		message(u, "%s", "No previous page");
		return;
	}
	history_leave(u, cur(u));
	free_page(cur(u));
	u->depth--;
	u->match = SIZE_MAX;
	page_layout(u, cur(u));
}

/* Put a fresh copy of the page's article in place (reload, a list
 * rebuilt), keeping the paragraph at the top of the screen there. */
static bool replace_article(struct ui *u, struct page *p, struct article *a)
{
	place_remember(p);
	picture_forget(p);
	article_free(p->a);
	layout_free(p->lay);
	p->a = a;
	p->lay = NULL;
	p->sel = 0;
	if (!page_layout(u, p))
		return false;
	picture_start(u, p);
	p->top = layout_find(p->lay, p->para, p->para_off);
	if (p->top > max_top(u, p))
		p->top = max_top(u, p);
	return true;
}

static void reload(struct ui *u)
{
	struct page *p = cur(u);
	if (p->kind != VIEW_ARTICLE) {
		refresh_list(u);
		return;
	}
	if (!p->source) {
		message(u, "%s", "Nothing to reload (the page came from stdin)");
		return;
	}
	struct article *a = open_source(u, p->source);
	if (!a)
		return;
	if (replace_article(u, cur(u), a))
		message(u, "%s", "Reloaded");
}

/* ---- memory: history, positions, the saved list (store.h) ---- */

/* The name a page is remembered by: what was opened (a URL or a path),
 * else the document URL; NULL for stdin without one. */
static const char *page_key(const struct page *p)
{
	return p->source ? p->source : p->a->url;
}

/* A page was opened: record it; resume where the reader left it. */
static void history_enter(struct ui *u, struct page *p)
{
	struct store *st = u->opts.store;
	const char *key = page_key(p);
	long block, off;
	if (!st || !key || p->kind != VIEW_ARTICLE)
		return;
	if (reading_place_get(st, key, &block, &off) == 1 &&
	    block >= 0 && p->lay->nlines) {
		size_t i = layout_find_src(p->lay, block, off);
		p->top = i < max_top(u, p) ? i : max_top(u, p);
		place_remember(p);
		size_t n = p->lay->nlines, end = p->top + (size_t)text_rows(u);
		char pct[16];
		snprintf(pct, sizeof pct, "%d%%", end >= n ? 100 : (int)(end * 100 / n));
		message(u, "Resumed where you left off (%s)", pct);
	}
	reading_shown(st, key, p->a, (int64_t)time(NULL));
}

/* The reader leaves a page (quit, follow, back): keep the place. */
static void history_leave(struct ui *u, struct page *p)
{
	const char *key = page_key(p);
	if (!u->opts.store || !key || p->kind != VIEW_ARTICLE ||
	    !p->lay || !p->lay->nlines)
		return;
	const struct lline *ln = &p->lay->lines[p->top];
	reading_place_set(u->opts.store, key, ln->block, (long)ln->src_off);
}

/* a: subscribe to the feed the page advertises (or is); feed-cli.c
 * does the work, the ui only shows what came of it. */
static void subscribe(struct ui *u)
{
	struct page *p = cur(u);
	const char *key = p->kind == VIEW_ARTICLE ? page_key(p) : NULL;
	char msg[256] = "";

	if (!u->opts.subscribe || !key) {
		message(u, "%s", key ? "Subscribing is off" : "This page has no feed");
		return;
	}
	message(u, "Looking for a feed on %s ...", key);
	ui_draw(u);
	u->opts.subscribe(key, u->ctx, msg);
	message(u, "%s", msg[0] ? msg : "Nothing to subscribe to");
}

static void save_page(struct ui *u)
{
	struct page *p = cur(u);
	const char *key = page_key(p);
	if (!u->opts.store) {
		message(u, "%s", "Cannot save: no store (--no-store, or it did not open)");
		return;
	}
	if (!reading_rememberable(key) || p->kind != VIEW_ARTICLE) {
		message(u, "%s", "Only an article read from a URL or file can be saved");
		return;
	}
	int r = reading_save(u->opts.store, key, p->a, (int64_t)time(NULL));
	message(u, "%s", r == 1 ? "Saved: it opens offline too (S lists saved articles)"
		: r == 0 ? "Cannot save: the page is no longer in the cache; reload it first"
		: "Cannot save: the store reported an error");
}

/* One list entry: "Title (site)" linked to the URL. */
static bool list_item(struct article *a, const char *url, const char *title,
		      const char *site)
{
	char text[1024];
	int n = snprintf(text, sizeof text, "%s", title && *title ? title : url);
	size_t tl = (size_t)(n < 0 ? 0 : n >= (int)sizeof text ? (int)sizeof text - 1 : n);
	if (site && *site)
		snprintf(text + tl, sizeof text - tl, " (%s)", site);
	struct block *b = article_add_block(a, BLOCK_LI, text, strlen(text));
	if (!b)
		return false;
	b->depth = 1;
	return block_add_link(b, 0, tl, url) == 0;
}

/* The history or the saved list, made into an article. */
static struct article *list_article(struct ui *u, enum view_kind kind)
{
	struct article *a = article_new();
	if (!a)
		return NULL;
	bool hist = kind == VIEW_HISTORY, ok = true;
	article_set(&a->title, hist ? "History" : "Saved articles");
	size_t n = 0;
	struct reading_entry *e = NULL;
	ok = reading_list(u->opts.store, hist ? READING_HISTORY : READING_SAVED, &e, &n) == 0;
	for (size_t i = 0; ok && i < n; i++)
		ok = list_item(a, e[i].url, e[i].title, e[i].site);
	reading_list_free(e, n);
	const char *help = hist ? "Tab selects an article, Enter opens it."
		: "Tab selects an article, Enter opens it, D removes it.";
	const char *none = hist ? "Nothing read yet." : "Nothing saved yet (s saves an article).";
	const char *t = n ? help : none;
	if (!ok || !article_add_block(a, BLOCK_P, t, strlen(t))) {
		article_free(a);
		return NULL;
	}
	return a;
}

static void show_list(struct ui *u, enum view_kind kind)
{
	if (!u->opts.store) {
		message(u, "%s", "No store: history and the saved list are off");
		return;
	}
	if (cur(u)->kind == kind) {
		go_back(u);     /* the same key again closes the list */
		return;
	}
	history_leave(u, cur(u));
	struct article *a = list_article(u, kind);
	if (!a || !push_page(u, a, NULL, kind)) {
		article_free(a);
		message(u, "%s", "Cannot read the store");
	}
}

/* Rebuild the list on screen (after a removal, or r). */
static void refresh_list(struct ui *u)
{
	struct page *p = cur(u);
	struct article *a = list_article(u, p->kind);
	if (!a) {
		message(u, "%s", "Cannot read the store");
		return;
	}
	replace_article(u, p, a);
}

static void unsave_selected(struct ui *u)
{
	struct page *p = cur(u);
	if (p->kind != VIEW_SAVED) {
		message(u, "%s", "D works in the saved list (S)");
		return;
	}
	if (!p->sel || p->sel > p->lay->nlinks) {
		message(u, "%s", "Select an article with Tab first");
		return;
	}
	char *url = strdup(p->lay->links[p->sel - 1].url);
	int r = url ? reading_unsave(u->opts.store, url) : -1;
	refresh_list(u);
	message(u, r == 1 ? "Removed %s from the saved list" : "Could not remove %s",
		url ? url : "it");
	free(url);
}

/* ---- $BROWSER ---- */

static void open_browser(struct ui *u)
{
	struct page *p = cur(u);
	const char *url = p->sel ? p->lay->links[p->sel - 1].url : p->a->url;
	const char *env = getenv("BROWSER");
	if (!url || !*url) {
		message(u, "%s", "This page has no URL to open");
		return;
	}
	if (!env || !*env) {
		message(u, "BROWSER is not set; the URL is %s", url);
		return;
	}
	/* $BROWSER may list several commands separated by ':'; use the
	 * first, as a program name (no shell). */
	char prog[256];
	snprintf(prog, sizeof prog, "%.*s", (int)strcspn(env, ":"), env);
	def_prog_mode();
	endwin();
	pid_t pid = fork();
	if (pid == 0) {
		execlp(prog, prog, url, (char *)NULL);
		_exit(127);
	}
	int st = 0;
	if (pid > 0)
		while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
			;
	reset_prog_mode();
	refresh();
	if (pid < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
		message(u, "Could not run the browser %s", prog);
	else
		message(u, "Opened %s", url);
}

/* ---- links ---- */

/* Select the next (dir 1) or previous (-1) link shown on the screen. */
static void select_link(struct ui *u, int dir)
{
	struct page *p = cur(u);
	size_t to = p->top + (size_t)text_rows(u);
	if (to > p->lay->nlines)
		to = p->lay->nlines;
	uint32_t best = 0, first = 0, last = 0;
	for (size_t i = p->top; i < to; i++) {
		const struct lline *ln = &p->lay->lines[i];
		for (uint32_t s = 0; s < ln->nspans; s++) {
			uint32_t k = p->lay->spans[ln->span0 + s].link;
			if (!k)
				continue;
			if (!first || k < first)
				first = k;
			if (k > last)
				last = k;
			if (dir > 0 && k > p->sel && (!best || k < best))
				best = k;
			if (dir < 0 && (k < p->sel || !p->sel) && k > best)
				best = k;
		}
	}
	if (!first) {
		message(u, "%s", "No link on this screen");
		return;
	}
	p->sel = best ? best : dir > 0 ? first : last;
}

/* ---- prompt ---- */

/* One key typed at the prompt: 1 done, -1 cancelled, 0 go on. */
static int prompt_edit(char *buf, size_t *len, size_t cap, bool fn, wint_t wc)
{
	if ((!fn && (wc == '\n' || wc == '\r')) || (fn && wc == KEY_ENTER))
		return 1;
	if (!fn && (wc == 27 || wc == CTRL('g')))
		return -1;
	if ((fn && wc == KEY_BACKSPACE) || (!fn && (wc == 127 || wc == 8))) {
		if (!*len)
			return -1;      /* erasing past the start cancels */
		do
			(*len)--;
		while (*len && ((unsigned char)buf[*len] & 0xc0) == 0x80);
		buf[*len] = '\0';
		return 0;
	}
	if (!fn && wc == CTRL('u')) {
		*len = 0;
		buf[0] = '\0';
		return 0;
	}
	if (fn || unsafe((ucs4_t)wc))
		return 0;
	uint8_t enc[6];
	int m = u8_uctomb(enc, (ucs4_t)wc, sizeof enc);
	if (m > 0 && *len + (size_t)m < cap - 1) {
		memcpy(buf + *len, enc, (size_t)m);
		*len += (size_t)m;
		buf[*len] = '\0';
	}
	return 0;
}

/* Reads a line on the status line.  Returns a malloc'd UTF-8 string, or
 * NULL when cancelled (Esc, ^G, or erasing past the start). */
static char *prompt(struct ui *u, const char *lead)
{
	char buf[1024] = "";
	size_t len = 0;
	for (;;) {
		char shown[1100];
		snprintf(shown, sizeof shown, "%s%s", lead, buf);
		move(u->rows - 1, 0);
		attrset(A_NORMAL);
		clrtoeol();
		int c = put_run(shown, strlen(shown), A_NORMAL, 0, u->cols);
		move(u->rows - 1, c < u->cols ? c : u->cols - 1);
		curs_set(1);
		refresh();
		wint_t wc;
		int r = get_wch(&wc);
		curs_set(0);
		if (r == ERR)
			continue;
		if (r == KEY_CODE_YES && wc == KEY_RESIZE) {
			measure(u);
			page_layout(u, cur(u));
			ui_draw(u);
			continue;
		}
		int done = prompt_edit(buf, &len, sizeof buf, r == KEY_CODE_YES, wc);
		if (done < 0)
			return NULL;
		if (done > 0)
			return strdup(buf);
	}
}

static void start_search(struct ui *u, bool backward)
{
	char *pat = prompt(u, backward ? "?" : "/");
	if (!pat)
		return;
	if (*pat) {
		free(u->pattern);
		u->pattern = pat;
		u->match = SIZE_MAX;
	} else {
		free(pat);
	}
	u->backward = backward;
	search(u, backward);
}

/* ---- keys ---- */

static bool links_key(struct ui *u, int key)
{
	const struct layout *l = cur(u)->lay;
	char *num = u->num;
	size_t nlen = u->nlen;
	int act = action_of(key);
	if (key >= '0' && key <= '9' && nlen < sizeof u->num - 1) {
		num[nlen++] = (char)key;
		u->nlen = nlen;
		num[nlen] = '\0';
		size_t n = (size_t)strtoul(num, NULL, 10);
		if (n >= 1 && n <= l->nlinks)
			u->list_sel = n - 1;
		snprintf(u->msg, sizeof u->msg, "Link %s", num);
		return true;
	}
	u->nlen = 0;
	u->msg[0] = '\0';
	switch (act) {
	case ACT_DOWN: if (u->list_sel + 1 < l->nlinks) u->list_sel++; break;
	case ACT_UP: if (u->list_sel) u->list_sel--; break;
	case ACT_PAGE_DOWN: u->list_sel += (size_t)text_rows(u); break;
	case ACT_PAGE_UP:
		u->list_sel = u->list_sel > (size_t)text_rows(u) ?
			      u->list_sel - (size_t)text_rows(u) : 0;
		break;
	case ACT_TOP: u->list_sel = 0; break;
	case ACT_BOTTOM: u->list_sel = l->nlinks ? l->nlinks - 1 : 0; break;
	case ACT_ENTER:
		u->mode = MODE_PAGE;
		if (l->nlinks)
			follow(u, (uint32_t)u->list_sel + 1);
		break;
	case ACT_QUIT: case ACT_LINKS: case ACT_BACK: u->mode = MODE_PAGE; break;
	default:
		if (key == 27)
			u->mode = MODE_PAGE;
		break;
	}
	if (l->nlinks && u->list_sel >= l->nlinks)
		u->list_sel = l->nlinks - 1;
	return true;
}

static bool help_key(struct ui *u, int key)
{
	switch (action_of(key)) {
	case ACT_DOWN: case ACT_ENTER: u->help_top++; break;
	case ACT_UP: if (u->help_top) u->help_top--; break;
	case ACT_PAGE_DOWN: case ACT_HALF_DOWN:
		u->help_top += (size_t)text_rows(u);
		break;
	case ACT_PAGE_UP: case ACT_HALF_UP: u->help_top = 0; break;
	case ACT_TOP: u->help_top = 0; break;
	case ACT_BOTTOM: u->help_top = ACT_COUNT; break;  /* draw clamps */
	default: u->mode = MODE_PAGE; break;
	}
	return true;
}

static void mouse_event(struct ui *u)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return;
	if (ev.bstate & BUTTON4_PRESSED)
		scroll_by(u, -WHEEL_LINES);
#ifdef BUTTON5_PRESSED
	else if (ev.bstate & BUTTON5_PRESSED)
		scroll_by(u, WHEEL_LINES);
#endif
}

static void resize(struct ui *u)
{
	u->pic_stale = true;    /* the terminal has redrawn: draw it again */
	place_remember(cur(u));
	measure(u);
	page_layout(u, cur(u));
}

static void page_action(struct ui *u, int act)
{
	long rows = text_rows(u), half = rows / 2 > 0 ? rows / 2 : 1;
	struct page *p = cur(u);
	switch (act) {
	case ACT_DOWN: scroll_by(u, 1); break;
	case ACT_UP: scroll_by(u, -1); break;
	case ACT_ENTER:
		if (p->sel)
			follow(u, p->sel);
		else
			scroll_by(u, 1);
		break;
	case ACT_PAGE_DOWN: scroll_by(u, rows > 1 ? rows - 1 : 1); break;
	case ACT_PAGE_UP: scroll_by(u, -(rows > 1 ? rows - 1 : 1)); break;
	case ACT_HALF_DOWN: scroll_by(u, half); break;
	case ACT_HALF_UP: scroll_by(u, -half); break;
	case ACT_TOP: scroll_to(u, 0); break;
	case ACT_BOTTOM: scroll_to(u, (long)max_top(u, p)); break;
	case ACT_SEARCH_FWD: start_search(u, false); break;
	case ACT_SEARCH_BACK: start_search(u, true); break;
	case ACT_NEXT: search(u, u->backward); break;
	case ACT_PREV: search(u, !u->backward); break;
	case ACT_LINK_NEXT: select_link(u, 1); break;
	case ACT_LINK_PREV: select_link(u, -1); break;
	case ACT_LINKS:
		u->mode = MODE_LINKS;
		u->list_sel = p->sel ? p->sel - 1 : 0;
		break;
	case ACT_BACK: go_back(u); break;
	case ACT_OPEN: open_browser(u); break;
	case ACT_RELOAD: reload(u); break;
	case ACT_SAVE: save_page(u); break;
	case ACT_HISTORY: show_list(u, VIEW_HISTORY); break;
	case ACT_SAVED: show_list(u, VIEW_SAVED); break;
	case ACT_UNSAVE: unsave_selected(u); break;
	case ACT_SUBSCRIBE: subscribe(u); break;
	case ACT_REDRAW: clearok(curscr, TRUE); u->pic_stale = true; break;
	case ACT_HELP: u->mode = MODE_HELP; u->help_top = 0; break;
	default: break;
	}
}

bool ui_key(struct ui *u, int key)
{
	if (key == FN(KEY_RESIZE)) {
		resize(u);
		return true;
	}
	if (key == FN(KEY_MOUSE)) {
		if (u->mode == MODE_PAGE)
			mouse_event(u);
		return true;
	}
	if (u->mode == MODE_LINKS)
		return links_key(u, key);
	u->msg[0] = '\0';
	if (u->mode == MODE_HELP)
		return help_key(u, key);
	int act = action_of(key);
	if (act == ACT_QUIT) {
		history_leave(u, cur(u));
		return false;
	}
	page_action(u, act);
	return true;
}

/* ---- set-up ---- */

struct ui *ui_new(struct article *first, const char *source,
		  ui_open_fn open, void *ctx, const struct ui_opts *opts)
{
	struct ui *u = calloc(1, sizeof *u);
	if (!u)
		return NULL;
	u->open = open;
	u->ctx = ctx;
	u->opts = *opts;
	u->match = SIZE_MAX;
	measure(u);
	setup_attrs(u);
	if (!push_page(u, first, source, VIEW_ARTICLE)) {
		free(u->stack);
		free(u);
		return NULL;
	}
	if (first->notice)      /* e.g. "looks like a consent wall" */
		message(u, "%s", first->notice);
	return u;
}

void ui_free(struct ui *u)
{
	if (!u)
		return;
	while (u->depth)
		free_page(&u->stack[--u->depth]);
	free(u->stack);
	free(u->pattern);
	buf_free(&u->j.text);
	free(u->j.map);
	free(u->hits);
	free(u);
}

static int read_key(void)
{
	wint_t wc;
	int r = get_wch(&wc);
	if (r == ERR)
		return -1;
	return r == KEY_CODE_YES ? FN((int)wc) : (int)wc;
}

enum status_code ui_run(struct article *first, const char *source,
			ui_open_fn open, void *ctx, const struct ui_opts *opts)
{
	setlocale(LC_ALL, "");
	FILE *in = isatty(STDIN_FILENO) ? stdin : fopen("/dev/tty", "r");
	FILE *out = isatty(STDOUT_FILENO) ? stdout : fopen("/dev/tty", "w");
	SCREEN *scr = in && out ? newterm(NULL, out, in) : NULL;
	if (!scr) {
		const char *term = getenv("TERM");
		fprintf(stderr, "folio: cannot use the terminal (%s%s%s); "
			"try 'folio ... | less'\n", in && out ? "TERM=" : "no /dev/tty",
			in && out ? (term ? term : "unset") : "", "");
		if (in && in != stdin)
			fclose(in);
		if (out && out != stdout)
			fclose(out);
		article_free(first);
		return STATUS_INPUT;
	}
	set_escdelay(25);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	if (opts->mouse) {
		mouseinterval(0);
		mousemask(BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	}
	struct ui *u = ui_new(first, source, open, ctx, opts);
	enum status_code rc = STATUS_OK;
	if (!u) {
		article_free(first);
		rc = STATUS_INPUT;
	}
	if (u)
		u->tty = out;
	for (bool go = u != NULL; go;) {
		ui_draw(u);
		if (picture_wait(u, fileno(in)))
			continue;       /* the picture came: show it */
		int k = read_key();
		if (k >= 0)
			go = ui_key(u, k);
	}
	ui_free(u);
	endwin();
	delscreen(scr);
	if (in != stdin)
		fclose(in);
	if (out != stdout)
		fclose(out);
	if (rc != STATUS_OK)
		fprintf(stderr, "folio: out of memory\n");
	return rc;
}
