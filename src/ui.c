/* ui.c - the curses pager (see ui.h).
 *
 * A stack of views; the top one is shown.  A view is an article (laid
 * out once per column width; drawing walks only the lines on screen)
 * or a list (ui-list.h: one row per item with a cursor): a feed's
 * stories, a front page, history, the saved list, a page's links.
 * Keys are data (ui-keys.h).  Pages load on a worker thread (task.h)
 * while the keys keep working on the view shown; the status line says
 * what is loading.  Search works on the display text with wrapped
 * lines joined again, so a phrase split over two lines is found. */
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

#include "folio/date.h"
#include "folio/fetch-cache.h"
#include "folio/image-detect.h"
#include "folio/image-load.h"
#include "folio/image-render.h"
#include "folio/layout.h"
#include "folio/store-reading.h"
#include "folio/task.h"
#include "folio/text.h"
#include "folio/ui-list.h"
#include "folio/util-buf.h"
#include "folio/util-file.h"

#define DEFAULT_WIDTH 80
#define WHEEL_LINES 3
#define TICK_MS 100             /* redraw while loading: progress within 0.1 s */
#define MSG_MAX_ROWS 6          /* a long message wraps into at most these */

/* Display attributes per layout style, plus the ui's own. */
enum {
	AT_STATUS = LS_COUNT, AT_MATCH, AT_CURRENT, AT_SELECT, AT_MESSAGE,
	AT_UNREAD, AT_READ, AT_DIM, AT_COUNT
};

enum view_kind { VIEW_ARTICLE, VIEW_LIST };

/* What a list holds: what opening, reloading and D do there.  An
 * article view is ROLE_STORIES, or ROLE_WHOLE_TEXT for a page's whole
 * text (v), which stays out of the history. */
enum list_role { ROLE_STORIES, ROLE_HISTORY, ROLE_SAVED, ROLE_LINKS, ROLE_FEEDS,
		 ROLE_WHOLE_TEXT };

struct page {
	enum view_kind kind;
	enum list_role role;    /* VIEW_LIST */
	struct article *a;
	char *source;           /* what was opened: reload opens it again */
	struct layout *lay;     /* VIEW_ARTICLE */
	size_t top;             /* first line on screen */
	uint32_t para, para_off;        /* place kept across widths */
	uint32_t sel;           /* selected link number, 0 = none */
	struct ui_list list;    /* VIEW_LIST: the cursor */
	size_t from_item;       /* the item of the list below it was opened
				 * from; SIZE_MAX: none */
	struct image_load *pic_load;    /* the lead picture on its way */
	struct image pic;       /* it, decoded; empty: none (yet) */
	struct image_art *art;  /* pic drawn for the current window */
	struct image_art *part; /* pixel modes: symbols for when the
				 * picture is only partly on the screen */
	unsigned art_id;        /* tells one art from another (draw_pixels) */
};

enum mode { MODE_PAGE, MODE_HELP };

/* What a finished load does with its page. */
enum load_goal {
	GOAL_FIRST,             /* the page of the command line */
	GOAL_PUSH,              /* a new view on top */
	GOAL_SWAP,              /* J/K: in place of the story shown */
	GOAL_RELOAD,            /* in place of the view shown, same place */
};

/* One page being opened on a worker: the fields up to err are the
 * worker's until the task is done. */
struct load {
	struct task *t;
	ui_open_fn open;
	/* the a key: subscribing to what, not opening it (opts.subscribe) */
	int (*subscribe)(const char *url, void *ctx, struct task *task, char msg[256]);
	void *ctx;
	char *what;
	enum ui_open_as as;
	enum list_role role;    /* of the view it makes */
	bool quiet;             /* a reload that says nothing */
	struct article *a;
	enum status_code rc;
	char err[OPEN_ERR_MAX];         /* subscribe: its outcome */
	enum load_goal goal;
	size_t from_item;
	char host[128];         /* shown on the status line */
	struct timespec start;
};

/* A stretch of display lines joined back into running text for search:
 * folded (when case does not matter) with a map back to pool offsets. */
struct joined {
	struct buf text;
	size_t *map;            /* pool offset of each byte; SIZE_MAX: gap */
	size_t map_cap;
};

/* What D removed from the saved list, for U. */
struct undo {
	struct store_saved s;
	bool have;
};

struct ui {
	struct page *stack;
	size_t depth, cap;
	ui_open_fn open;
	void *ctx;
	struct ui_opts opts;
	struct ui_keymap keys;
	struct ui_keyseq seq;
	int rows, cols, width, margin;
	enum mode mode;
	size_t help_top;
	char msg[1024];
	bool quit;
	enum status_code exit_rc;       /* the first page failed: why */
	char exit_err[OPEN_ERR_MAX];
	struct load *load;      /* the page being opened, or NULL */
	struct load *drain;     /* a cancelled load still winding down */
	unsigned spin;
	char *pattern;          /* last search, UTF-8 */
	bool backward, fold;
	size_t match;           /* pool offset of the current match, or SIZE_MAX */
	size_t match_len;
	attr_t attr[AT_COUNT];
	struct joined j;        /* scratch for search and highlighting */
	size_t *hits;           /* highlight ranges on screen: start, end */
	size_t nhits, hits_cap;
	struct undo undo;
	/* m and M while a worker may hold the store: written once it is
	 * done (the screen shows them at once; the load goes on). */
	struct mark_wait { char *url; bool read; } *marks;
	size_t nmarks;
	int key_fd;             /* where keys come from */
	FILE *tty;              /* the terminal curses draws on (pixel
				 * pictures, OSC 52); NULL: none */
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

/* One more line under the message there is (the start-up message
 * stays above a warning of the first page's), cleaned: page text and
 * URLs may hold escapes. */
static void add_message(struct ui *u, const char *line)
{
	size_t n = strlen(u->msg);
	if (n && n + 2 < sizeof u->msg)
		u->msg[n++] = '\n';
	else if (n)
		return;                 /* no room left */
	snprintf(u->msg + n, sizeof u->msg - n, "%s", line);
	text_clean(u->msg + n, strlen(u->msg + n));
}

static int text_rows(const struct ui *u)
{
	return u->rows > 1 ? u->rows - 1 : 0;
}

/* Rows of list items: the header takes one. */
static size_t list_rows(const struct ui *u)
{
	int r = text_rows(u) - 1;
	return r > 0 ? (size_t)r : 1;
}

static bool is_list(const struct page *p)
{
	return p->kind == VIEW_LIST;
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

/* Make sure the page has a layout for the current width (and picture;
 * lists need none: their rows are drawn from the items). */
static bool page_layout(struct ui *u, struct page *p)
{
	if (is_list(p)) {
		p->list.n = p->a->nitems;
		ui_list_clamp(&p->list, list_rows(u));
		return true;
	}
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
	/* < 0 (--width 0): as wide as the terminal */
	int want = u->opts.width > 0 ? u->opts.width : u->opts.width < 0 ? u->cols
		   : DEFAULT_WIDTH;
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

/* Which match `at` is (1-based) and how many there are in the page:
 * paragraph by paragraph, as search_from finds them. */
static void count_matches(struct ui *u, const char *pat, size_t at,
			  size_t *index, size_t *total)
{
	const struct layout *l = cur(u)->lay;
	size_t plen = strlen(pat), a = 0, b;
	*index = *total = 0;
	while (plen && a < l->nlines) {
		para_bounds(l, a, &a, &b);
		if (!join_lines(u, l, a, b))
			return;
		const char *s = u->j.text.data;
		while ((s = memmem(s, u->j.text.len - (size_t)(s - u->j.text.data), pat, plen))) {
			size_t pos = u->j.map[s - u->j.text.data];
			s++;
			if (pos == SIZE_MAX)
				continue;
			(*total)++;
			if (pos == at)
				*index = *total;
		}
		a = b;
	}
}

static void search(struct ui *u, bool backward)
{
	struct page *p = cur(u);
	if (!u->pattern || !*u->pattern) {
		message(u, "%s", "No previous search (/ searches)");
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
	if (at == SIZE_MAX) {
		free(pat);
		message(u, "Pattern not found: %s", u->pattern);
		return;
	}
	size_t index, total;
	count_matches(u, pat, at, &index, &total);
	free(pat);
	u->match = at;
	snprintf(u->msg, sizeof u->msg, "match %zu of %zu%s", index, total,
		 !wrapped ? "" : backward ? ". Search hit TOP, continuing at BOTTOM"
		 : ". Search hit BOTTOM, continuing at TOP");
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
			if (!BUF_GROW_ARRAY(u->hits, u->hits_cap, u->nhits + 2, 64))
				break;
			u->hits[u->nhits++] = u->j.map[o];
			u->hits[u->nhits++] = last + 1;
		}
		s += pl;
	}
	free(pat);
}

/* 0: pos is in no match on screen; 1: in one; 2: in the current one. */
static int hit_kind(const struct ui *u, size_t pos)
{
	for (size_t i = 0; i < u->nhits; i += 2)
		if (u->hits[i] <= pos && pos < u->hits[i + 1])
			return u->hits[i] == u->match ? 2 : 1;
	return 0;
}

/* ---- drawing ---- */

/* Characters never sent to the terminal: C0/C1 controls, DEL, and the
 * bidi overrides that would reorder what follows. */
static bool unsafe(ucs4_t c)
{
	return c < 0x20 || (c >= 0x7f && c < 0xa0) ||
	       (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

static int char_width(ucs4_t c)
{
	int w = unsafe(c) ? 1 : uc_width(c, "UTF-8");
	return w < 0 ? 1 : w;
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
		int w = char_width(c);
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

/* put_run of a NUL-terminated string. */
static int put_str(const char *s, attr_t at, int col, int lim)
{
	return put_run(s, strlen(s), at, col, lim);
}

static size_t cp_next(const char *t, size_t k, size_t end)
{
	ucs4_t c;
	int n = u8_mbtouc(&c, (const uint8_t *)t + k, end - k);
	return k + (size_t)(n > 0 ? n : 1);
}

/* The bytes of s that fit in one line of `width` cells, broken after
 * the last space when the whole does not fit (a word longer than the
 * line is cut).  *next: where the following line starts. */
static size_t wrap_line(const char *s, int width, const char **next)
{
	const uint8_t *p = (const uint8_t *)s, *brk = NULL;
	int col = 0;
	while (*p && *p != '\n') {
		ucs4_t c;
		int k = u8_mbtouc(&c, p, strlen((const char *)p));
		int w = char_width(c);
		if (col + w > width && col > 0)
			break;
		if (c == ' ')
			brk = p;
		col += w;
		p += k;
	}
	if (!*p || *p == '\n') {
		*next = (const char *)p + (*p == '\n');
		return (size_t)(p - (const uint8_t *)s);
	}
	if (brk && brk > (const uint8_t *)s) {
		*next = (const char *)brk + 1;
		return (size_t)(brk - (const uint8_t *)s);
	}
	*next = (const char *)p;
	return (size_t)(p - (const uint8_t *)s);
}

static void draw_picture_row(struct ui *u, const struct lline *ln, int y);

/* Draw text line i of the page at screen row y. */
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
			int hit = hit_kind(u, ln->text + k);
			size_t m = cp_next(t, k, end);
			while (m < end && hit_kind(u, ln->text + m) == hit)
				m = cp_next(t, m, end);
			attr_t at = hit == 2 ? u->attr[AT_CURRENT]
				    : hit ? u->attr[AT_MATCH] : base;
			col = put_run(t + k, m - k, at, col, u->cols);
			k = m;
		}
	}
}

/* The message's lines, `width` cells wide: at most MSG_MAX_ROWS (and
 * the window's height), nothing cut before that. */
static int message_lines(const struct ui *u, int width,
			 const char *lines[MSG_MAX_ROWS], size_t lens[MSG_MAX_ROWS])
{
	int n = 0;
	const char *s = u->msg;
	while (*s && n < MSG_MAX_ROWS && n < u->rows) {
		const char *next;
		lines[n] = s;
		lens[n] = wrap_line(s, width, &next);
		n++;
		s = next;
	}
	return n;
}

/* What is loading, for the status line: "Loading HOST  12.3 kB |". */
static void load_status(const struct ui *u, char *out, size_t sz)
{
	static const char spin[] = "|/-\\";
	uint64_t now = 0, total = 0;
	char bytes[48] = "";
	task_get_progress(u->load->t, &now, &total);
	if (now >= 1024 * 1024)
		snprintf(bytes, sizeof bytes, "  %.1f MB", (double)now / (1024 * 1024));
	else if (now)
		snprintf(bytes, sizeof bytes, "  %.1f kB", (double)now / 1024);
	if (total && now)
		snprintf(bytes + strlen(bytes), sizeof bytes - strlen(bytes), " of %.0f kB",
			 (double)total / 1024);
	snprintf(out, sz, "%s %s%s %c  (Esc cancels)",
		 u->load->subscribe ? "Looking for a feed on" : "Loading", u->load->host,
		 bytes, spin[u->spin % 4]);
}

/* The right end of the status line: where the reader is. */
static void status_right(struct ui *u, char *out, size_t sz)
{
	struct page *p = u->depth ? cur(u) : NULL;
	if (u->mode == MODE_HELP) {
		snprintf(out, sz, " help  q: close ");
	} else if (!p) {
		out[0] = '\0';
	} else if (is_list(p)) {
		snprintf(out, sz, " H:help  %zu/%zu ", p->list.n ? p->list.sel + 1 : 0, p->list.n);
	} else {
		size_t n = p->lay ? p->lay->nlines : 0;
		size_t bottom = p->top + (size_t)text_rows(u);
		int pct = n == 0 || bottom >= n ? 100 : (int)(bottom * 100 / n);
		snprintf(out, sz, " H:help %s %d%% ", bottom >= n ? "(END)" : "", pct);
	}
}

/* Status line: the message if any (wrapped upwards over the text when
 * long), else what is loading, else the title; position on the right. */
static void draw_status(struct ui *u)
{
	struct page *p = u->depth ? cur(u) : NULL;
	int y = u->rows - 1;
	char right[64], loading[256];
	const char *lines[MSG_MAX_ROWS];
	size_t lens[MSG_MAX_ROWS];
	status_right(u, right, sizeof right);
	int rw = layout_width(right, strlen(right));
	int lim = u->cols - rw > 0 ? u->cols - rw : u->cols;
	int nmsg = u->msg[0] ? message_lines(u, lim - 2 > 0 ? lim - 2 : 1, lines, lens) : 0;
	const char *left = "";
	if (u->load) {
		load_status(u, loading, sizeof loading);
		left = loading;
	} else if (p && !is_list(p) && p->sel && p->sel <= p->lay->nlinks) {
		left = p->lay->links[p->sel - 1].url;
	} else if (p) {
		left = p->a->title ? p->a->title : p->source ? p->source : "";
	}
	/* The message's earlier lines above the status line. */
	for (int i = 0; i + 1 < nmsg; i++) {
		int row = y - (nmsg - 1) + i;
		move(row, 0);
		attrset(u->attr[AT_MESSAGE]);
		clrtoeol();
		move(row, 1 < u->cols ? 1 : 0);
		put_run(lines[i], lens[i], u->attr[AT_MESSAGE], 1, u->cols);
	}
	if (nmsg) {
		left = NULL;
	}
	move(y, 0);
	attrset(u->attr[nmsg ? AT_MESSAGE : AT_STATUS]);
	for (int x = 0; x < u->cols; x++)
		addch(' ');
	move(y, 1 < u->cols ? 1 : 0);
	if (nmsg)
		put_run(lines[nmsg - 1], lens[nmsg - 1], u->attr[AT_MESSAGE], 1, lim - 1);
	else
		put_str(left, u->attr[AT_STATUS], 1, lim - 1);
	if (rw < u->cols) {
		move(y, u->cols - rw);
		put_str(right, u->attr[AT_STATUS], u->cols - rw, u->cols);
	}
}

/* ---- help ---- */

/* The help screen's rows, wrapped to the window: each action's keys,
 * then what it does.  draw false only counts them. */
static size_t help_rows(struct ui *u, bool draw)
{
	static const char *const intro[] = {
		"folio keys (q closes this help)",
		"",
		"Lists (stories, history, saved, links) have a cursor: move it, Enter "
		"opens, q goes back with the story marked read.  J and K go to the "
		"next or previous unread story.  A count before a key repeats or "
		"places it: 5j, 50%, 3G.  Keys can be rebound in the settings file: "
		"bind = KEY ACTION (the names in brackets).",
		"",
	};
	int keyw = u->cols >= 60 ? 24 : 0;      /* narrow: keys on a line of their own */
	int textw = u->cols - keyw - 1 > 10 ? u->cols - keyw - 1 : u->cols;
	size_t row = 0, rows = (size_t)text_rows(u);
	for (size_t i = 0; i < sizeof intro / sizeof intro[0]; i++) {
		const char *s = intro[i], *next;
		do {
			size_t n = wrap_line(s, u->cols > 1 ? u->cols - 1 : 1, &next);
			if (draw && row >= u->help_top && row - u->help_top < rows) {
				move((int)(row - u->help_top), 0);
				put_run(s, n, u->attr[i ? LS_TEXT : LS_TITLE], 0, u->cols);
			}
			row++;
			s = next;
		} while (*s);
	}
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		const struct ui_action_info *in = ui_action_info((enum ui_action)a);
		char keys[128], label[160];
		if (!ui_keymap_keys_of(&u->keys, (enum ui_action)a, keys, sizeof keys))
			continue;
		snprintf(label, sizeof label, "%s", keys);
		bool own_line = !keyw || layout_width(label, strlen(label)) >= keyw;
		if (own_line) {
			if (draw && row >= u->help_top && row - u->help_top < rows) {
				move((int)(row - u->help_top), 1);
				put_str(label, u->attr[LS_BULLET], 1, u->cols);
			}
			row++;
		}
		char text[256];
		snprintf(text, sizeof text, "%s [%s]", in->help, in->name);
		const char *s = text, *next;
		bool first = true;
		do {
			size_t n = wrap_line(s, textw - (keyw ? 0 : 4), &next);
			if (draw && row >= u->help_top && row - u->help_top < rows) {
				int y = (int)(row - u->help_top);
				if (first && !own_line) {
					move(y, 1);
					put_str(label, u->attr[LS_BULLET], 1, u->cols);
				}
				int x = keyw ? keyw + 1 : 5;
				move(y, x < u->cols ? x : u->cols - 1);
				put_run(s, n, u->attr[LS_TEXT], x, u->cols);
			}
			row++;
			first = false;
			s = next;
		} while (*s);
	}
	return row;
}

static void draw_help(struct ui *u)
{
	size_t total = help_rows(u, false), rows = (size_t)text_rows(u);
	if (u->help_top + rows > total)
		u->help_top = total > rows ? total - rows : 0;
	help_rows(u, true);
}

/* ---- the list view ---- */

/* Draw s cut to `cells` cells starting at col (an ellipsis when cut). */
static void put_cell(const char *s, attr_t at, int col, int cells)
{
	if (cells <= 0 || !s)
		return;
	int w = layout_width(s, strlen(s));
	if (w <= cells) {
		put_str(s, at, col, col + cells);
		return;
	}
	int c = put_str(s, at, col, col + cells - 1);
	put_str("\xe2\x80\xa6", at, c, col + cells);
}

/* links_w: in the link list, the cells its texts take (the URLs get
 * the rest). */
static void draw_list_row(struct ui *u, const struct page *p, size_t i, int y,
			  int links_w)
{
	const struct list_item *it = &p->a->items[i];
	bool on = i == p->list.sel;
	bool marks = p->role == ROLE_STORIES || p->role == ROLE_FEEDS;
	bool links = p->role == ROLE_LINKS;
	int width = u->cols - 2;
	struct ui_list_cols c = ui_list_columns(width, true, !links);
	if (links && c.source) {        /* a link's URL matters as much as its text */
		int both = c.title + c.source;
		c.title = links_w < both / 2 ? links_w : both / 2;
		c.source = both - c.title;
	}
	attr_t row = on ? u->attr[AT_SELECT] : A_NORMAL;
	move(y, 0);
	attrset(row);
	if (on)
		for (int x = 0; x < u->cols; x++)
			addch(' ');
	move(y, 0);
	put_str(on ? ">" : " ", row | A_BOLD, 0, u->cols);
	int x = 2;
	if (c.mark) {
		/* unread: a dot; a feed whose last fetch failed: "!" */
		const char *mark = p->role == ROLE_FEEDS && it->summary ? "!"
				   : marks && !it->read ? "\xe2\x97\x8f" : " ";
		move(y, x);
		put_str(mark, row | u->attr[AT_UNREAD], x, x + c.mark);
		x += c.mark;
	}
	attr_t title = row | (marks && !it->read ? u->attr[AT_UNREAD]
			      : marks ? u->attr[AT_READ] : A_NORMAL);
	move(y, x);
	put_cell(it->title ? it->title : it->url, title, x, c.title);
	x += c.title + 2;
	const char *src = links ? it->url : it->source;
	if (c.source && src) {
		move(y, x);
		put_cell(src, row | u->attr[AT_DIM], x, c.source);
	}
	x += c.source + 1;
	if (c.age) {
		char age[32];
		ui_list_age(it->published, (int64_t)time(NULL), age, sizeof age);
		int w = layout_width(age, strlen(age));
		move(y, x + c.age - w);
		put_str(age, row | u->attr[AT_DIM], x + c.age - w, u->cols);
	}
}

static const char *empty_list_text(const struct page *p)
{
	switch (p->role) {
	case ROLE_HISTORY: return "Nothing read yet.";
	case ROLE_SAVED: return "Nothing saved yet (s saves the article you read).";
	case ROLE_LINKS: return "No links on this page.";
	case ROLE_FEEDS: return "No feeds subscribed (a on a page subscribes to its feed).";
	default: return "No stories yet.";
	}
}

static void draw_list(struct ui *u)
{
	struct page *p = cur(u);
	char counts[96];
	size_t rows = list_rows(u);
	if (p->role == ROLE_FEEDS)
		ui_list_feed_counts(p->a, counts, sizeof counts);
	else
		ui_list_counts(p->a, p->role == ROLE_STORIES, counts, sizeof counts);
	move(0, 0);
	int c = put_str(p->a->title ? p->a->title : "List", u->attr[LS_TITLE], 0,
			u->cols);
	move(0, c);
	put_str("  ", A_NORMAL, c, u->cols);
	put_str(counts, u->attr[AT_DIM], c + 2, u->cols);
	p->list.n = p->a->nitems;
	ui_list_clamp(&p->list, rows);
	if (!p->list.n) {
		move(2, 2);
		put_str(empty_list_text(p), u->attr[LS_TEXT], 2, u->cols);
		return;
	}
	int links_w = 0;
	for (size_t i = 0; p->role == ROLE_LINKS && i < p->list.n; i++) {
		int w = layout_width(p->a->items[i].title, strlen(p->a->items[i].title));
		links_w = w > links_w ? w : links_w;
	}
	for (size_t r = 0; r < rows && p->list.top + r < p->list.n; r++)
		draw_list_row(u, p, p->list.top + r, (int)r + 1, links_w);
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
	const char *cannot_draw = image_render_unavailable();
	if (cannot_draw)
		message(u, "No picture: %.400s", cannot_draw);
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
	if (!u->depth)
		return -1;
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
	struct page *p = u->depth ? cur(u) : NULL;
	if (u->mode == MODE_HELP) {
		draw_help(u);
	} else if (p && is_list(p)) {
		draw_list(u);
	} else if (p && p->lay) {
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
	a[AT_CURRENT] = A_REVERSE | A_BOLD | A_UNDERLINE;
	a[AT_SELECT] = A_REVERSE | A_UNDERLINE;
	a[AT_UNREAD] = A_BOLD;
	a[AT_READ] = A_NORMAL;
	a[AT_DIM] = A_DIM;
	if (!u->opts.color || !has_colors() || start_color() == ERR)
		return;
	use_default_colors();
	init_pair(1, COLOR_BLUE, -1);
	init_pair(2, COLOR_CYAN, -1);
	init_pair(3, COLOR_BLACK, COLOR_YELLOW);
	init_pair(4, COLOR_GREEN, -1);
	init_pair(5, COLOR_BLACK, COLOR_MAGENTA);
	a[LS_HEADING] |= COLOR_PAIR(1);
	a[LS_TITLE] |= COLOR_PAIR(1);
	a[LS_LINKNUM] |= COLOR_PAIR(2);
	a[LS_LINK] |= COLOR_PAIR(2);
	a[LS_CREDIT] |= COLOR_PAIR(4);
	a[AT_MATCH] = COLOR_PAIR(3);
	a[AT_CURRENT] = COLOR_PAIR(5) | A_BOLD;
	a[AT_UNREAD] |= COLOR_PAIR(4);
}

/* ---- the store: one thread at a time ---- */

static void cancel_load(struct ui *u, const char *why);
static void settle_drain(struct ui *u);

/* The store, once no worker can be using it: its connection and
 * prepared statements are not shared between threads (task.h), so a
 * load under way is cancelled and one winding down is waited for. */
static struct store *store_now(struct ui *u)
{
	if (u->load)
		cancel_load(u, NULL);
	settle_drain(u);
	return u->opts.store;
}

/* The name a page is remembered by: what was opened (a URL or a path),
 * else the document URL; NULL for stdin without one. */
static const char *page_key(const struct page *p)
{
	return p->source ? p->source : p->a->url;
}

/* The history keeps articles read, not lists nor a page's whole text. */
static bool in_history(const struct ui *u, const struct page *p)
{
	return u->opts.store && page_key(p) && p->kind == VIEW_ARTICLE &&
	       p->role != ROLE_WHOLE_TEXT;
}

/* An article is shown: record it; resume where the reader left it. */
static void history_enter(struct ui *u, struct page *p)
{
	const char *key = page_key(p);
	long block, off;
	if (!in_history(u, p))
		return;
	struct store *st = store_now(u);
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
	if (!in_history(u, p) || !p->lay || !p->lay->nlines)
		return;
	const struct lline *ln = &p->lay->lines[p->top];
	reading_place_set(store_now(u), key, ln->block, (long)ln->src_off);
}

/* ---- views ---- */

static bool push_view(struct ui *u, struct article *a, const char *source,
		      enum list_role role, size_t from_item)
{
	if (!BUF_GROW_ARRAY(u->stack, u->cap, u->depth + 1, 4))
		return false;
	struct page *p = &u->stack[u->depth];
	memset(p, 0, sizeof *p);
	p->source = source ? strdup(source) : NULL;
	if (source && !p->source)
		return false;
	p->a = a;
	p->kind = a->kind == PAGE_LIST ? VIEW_LIST : VIEW_ARTICLE;
	p->role = role;
	p->from_item = from_item;
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

/* Leave the top view for the one below (which exists). */
static void pop_view(struct ui *u)
{
	history_leave(u, cur(u));
	free_page(cur(u));
	u->depth--;
	u->match = SIZE_MAX;
	page_layout(u, cur(u));
}

static struct load *new_load(struct ui *u, const char *what, enum load_goal goal,
			     size_t from_item);
static void run_load(struct ui *u, struct load *l);

/* A list of stories shown again: its read marks as the store has them
 * now.  Not while a worker may hold the store (the marks then stay). */
static void sync_marks(struct ui *u, struct page *p)
{
	if (!is_list(p) || p->role != ROLE_STORIES || !u->opts.is_read || u->load ||
	    (u->drain && !task_done(u->drain->t)))
		return;
	settle_drain(u);
	for (size_t i = 0; i < p->a->nitems; i++) {
		int r = u->opts.is_read(p->a->items[i].url, u->ctx);
		if (r >= 0)
			p->a->items[i].read = r == 1;
	}
}

/* q (at_top_quits) or Backspace: back one level.  Back in the feeds
 * view, its counts are read again (stories were read meanwhile). */
static void go_back(struct ui *u, bool at_top_quits)
{
	struct load *l;
	if (u->depth >= 2) {
		pop_view(u);
		sync_marks(u, cur(u));
		if (is_list(cur(u)) && cur(u)->role == ROLE_FEEDS && cur(u)->source &&
		    !u->load && (l = new_load(u, cur(u)->source, GOAL_RELOAD, SIZE_MAX))) {
			l->role = ROLE_FEEDS;
			l->quiet = true;
			run_load(u, l);
		}
	} else if (at_top_quits)
		u->quit = true;
	else
		message(u, "%s", "No previous page (q quits)");
}

/* Put a fresh copy of the page's article in place (reload, a list
 * rebuilt), keeping the paragraph at the top of the screen there, or a
 * list's cursor on the same URL. */
static bool replace_article(struct ui *u, struct page *p, struct article *a)
{
	const char *was = is_list(p) && p->list.sel < p->a->nitems
			  ? p->a->items[p->list.sel].url : NULL;
	size_t at = p->list.sel;
	for (size_t i = 0; was && i < a->nitems; i++)
		if (strcmp(a->items[i].url, was) == 0) {
			at = i;
			break;
		}
	place_remember(p);
	picture_forget(p);
	article_free(p->a);
	layout_free(p->lay);
	p->a = a;
	p->lay = NULL;
	p->sel = 0;
	p->kind = a->kind == PAGE_LIST ? VIEW_LIST : VIEW_ARTICLE;
	p->list.sel = at;
	if (!page_layout(u, p))
		return false;
	if (!is_list(p)) {
		picture_start(u, p);
		p->top = layout_find(p->lay, p->para, p->para_off);
		if (p->top > max_top(u, p))
			p->top = max_top(u, p);
	}
	return true;
}

/* The item a list view's cursor is on, or NULL. */
static struct list_item *item_at_cursor(struct page *p)
{
	return is_list(p) && p->list.sel < p->a->nitems ? &p->a->items[p->list.sel]
							 : NULL;
}

/* The list below the story on top, when the story was opened from it. */
static struct page *parent_list(struct ui *u)
{
	struct page *p = cur(u);
	if (u->depth < 2 || p->from_item == SIZE_MAX)
		return NULL;
	struct page *below = &u->stack[u->depth - 2];
	return is_list(below) && p->from_item < below->a->nitems ? below : NULL;
}

/* ---- loading on a worker ---- */

static void load_work(struct task *t, void *arg)
{
	struct load *l = arg;
	if (l->subscribe)
		l->rc = l->subscribe(l->what, l->ctx, t, l->err) < 0 ? STATUS_INPUT : STATUS_OK;
	else
		l->rc = l->open(l->what, l->as, l->ctx, t, &l->a, l->err);
}

static void load_free(struct load *l)
{
	if (!l)
		return;
	task_free(l->t);
	article_free(l->a);
	free(l->what);
	free(l);
}

static void settle_drain(struct ui *u)
{
	load_free(u->drain);
	u->drain = NULL;
}

/* Stop waiting for the load: the view stays as it is.  Its worker may
 * still be finishing: it is kept (drain) until it has. */
static void cancel_load(struct ui *u, const char *why)
{
	struct load *l = u->load;
	if (!l)
		return;
	task_cancel(l->t);
	settle_drain(u);
	u->drain = l;
	u->load = NULL;
	if (why)
		message(u, "%s", why);
}

/* "news.example" of a URL, a file's name otherwise: what the status
 * line says is loading. */
static void load_host(const char *what, char *out, size_t sz)
{
	const char *p = strstr(what, "://");
	if (p && open_is_url(what)) {
		p += 3;
		size_t n = strcspn(p, "/?#");
		const char *at = memchr(p, '@', n);
		if (at) {
			n -= (size_t)(at + 1 - p);
			p = at + 1;
		}
		snprintf(out, sz, "%.*s", (int)n, p);
	} else {
		const char *slash = strrchr(what, '/');
		snprintf(out, sz, "%s", slash && slash[1] ? slash + 1 : what);
	}
	text_clean(out, strlen(out));
}

static void apply_load(struct ui *u, struct load *l);

/* A load of `what` (a file by its absolute path: history and reload
 * find it from any directory), not started yet; NULL: out of memory. */
static struct load *new_load(struct ui *u, const char *what, enum load_goal goal,
			     size_t from_item)
{
	cancel_load(u, NULL);
	settle_drain(u);        /* the new worker has the store to itself */
	struct load *l = calloc(1, sizeof *l);
	if (!l || !(l->what = open_full_name(what))) {
		free(l);
		message(u, "%s", "out of memory");
		return NULL;
	}
	l->open = u->open;
	l->ctx = u->ctx;
	l->goal = goal;
	l->from_item = from_item;
	load_host(what, l->host, sizeof l->host);
	clock_gettime(CLOCK_MONOTONIC, &l->start);
	return l;
}

/* Run l on a worker; the view shown stays and keeps its keys. */
static void run_load(struct ui *u, struct load *l)
{
	l->t = task_start(load_work, l);
	if (!l->t) {            /* no thread: here, the keys wait */
		load_work(NULL, l);
		apply_load(u, l);
		load_free(l);
		return;
	}
	u->load = l;
}

/* Open `what` on a worker. */
static void start_load(struct ui *u, const char *what, enum load_goal goal,
		       size_t from_item)
{
	struct load *l = new_load(u, what, goal, from_item);
	if (l)
		run_load(u, l);
}

/* "HTTP 404 Not Found (https://x/y)" from "https://x/y: HTTP 404 ...":
 * the cause first, so a long URL never hides it. */
static void show_error(struct ui *u, const char *what, const char *err,
		       enum status_code rc)
{
	size_t n = strlen(what);
	if (!*err)
		snprintf(u->msg, sizeof u->msg, "%s (%s)", status_name(rc), what);
	else if (strncmp(err, what, n) == 0 && strncmp(err + n, ": ", 2) == 0)
		snprintf(u->msg, sizeof u->msg, "%s (%s)", err + n + 2, what);
	else
		snprintf(u->msg, sizeof u->msg, "%s", err);
	text_clean(u->msg, strlen(u->msg));
}

static void mark_item(struct ui *u, struct page *list, size_t i, bool read);

/* The load finished (on this thread now): show its page. */
static void apply_load(struct ui *u, struct load *l)
{
	if (l->subscribe) {
		message(u, "%s", l->err[0] ? l->err : "Nothing to subscribe to");
		text_clean(u->msg, strlen(u->msg));
		return;
	}
	if (l->rc != STATUS_OK || !l->a) {
		if (l->goal == GOAL_FIRST) {
			u->exit_rc = l->rc != STATUS_OK ? l->rc : STATUS_INPUT;
			snprintf(u->exit_err, sizeof u->exit_err, "%s", l->err);
			u->quit = true;
			return;
		}
		show_error(u, l->what, l->err, l->rc);
		return;
	}
	struct article *a = l->a;
	size_t from = l->from_item;
	l->a = NULL;
	if (l->goal != GOAL_FIRST)      /* that keeps the start-up message */
		u->msg[0] = '\0';
	if (l->goal == GOAL_RELOAD) {
		if (replace_article(u, cur(u), a) && !l->quiet)
			message(u, "%s%s%s", "Reloaded", a->notice ? ": " : "",
				a->notice ? a->notice : "");
		return;
	}
	if (l->goal == GOAL_SWAP && parent_list(u)) {
		pop_view(u);
		ui_list_goto(&cur(u)->list, from, list_rows(u));
	} else if (u->depth) {
		history_leave(u, cur(u));
	}
	if (from != SIZE_MAX && u->depth && is_list(cur(u)) && from < cur(u)->a->nitems)
		cur(u)->a->items[from].read = true;     /* the store knows already */
	else
		from = SIZE_MAX;
	const char *notice = a->notice;        /* e.g. "looks like a consent wall" */
	bool whole = l->role == ROLE_WHOLE_TEXT;
	if (!push_view(u, a, l->what, l->role, from)) {
		article_free(a);
		message(u, "%s", "out of memory");
		if (!u->depth)
			u->quit = true;
	} else if (l->err[0]) {
		add_message(u, l->err); /* "URL: not cached: database is locked" */
	} else if (whole && !u->msg[0]) {
		message(u, "%s", "The page's whole text, nothing left out (q goes back)");
	} else if (notice && !u->msg[0]) {
		message(u, "%s", notice);
	}
}

/* In the feeds view, a feed whose last fetch failed says why, whole,
 * in the message area, while the cursor is on it. */
static void feed_error_hint(struct ui *u)
{
	struct page *p = u->depth ? cur(u) : NULL;
	struct list_item *it = p && p->role == ROLE_FEEDS ? item_at_cursor(p) : NULL;
	if (it && it->summary && !u->msg[0] && u->mode == MODE_PAGE) {
		message(u, "%s", it->summary);
		text_clean(u->msg, strlen(u->msg));
	}
}

/* A load or a winding-down worker has finished: take it in. */
static void write_marks(struct ui *u, bool force);

static void poll_loads(struct ui *u)
{
	if (u->drain && task_done(u->drain->t))
		settle_drain(u);
	if (u->load && task_done(u->load->t)) {
		struct load *l = u->load;
		u->load = NULL;
		write_marks(u, false);  /* before the page's own (it may be read) */
		apply_load(u, l);
		load_free(l);
		feed_error_hint(u);
	}
	write_marks(u, false);
}

/* Open the link numbered `link` of the article shown. */
static void follow(struct ui *u, uint32_t link)
{
	const struct layout *l = cur(u)->lay;
	if (link && link <= l->nlinks)
		start_load(u, l->links[link - 1].url, GOAL_PUSH, SIZE_MAX);
}

static void reload(struct ui *u);

/* ---- lists made here: history, saved, links ---- */

static bool add_entry(struct article *a, const char *url, const char *title,
		      const char *site, int64_t when)
{
	struct list_item *it = article_add_item(a, title && *title ? title : url, url);
	char iso[DATE_RFC3339_MAX];
	if (!it || (date_of_epoch(when, iso) && article_set(&it->published, iso) != 0))
		return false;
	it->read = true;
	return !site || article_set(&it->source, site) == 0;
}

/* The history or the saved list as a list page. */
static struct article *store_list(struct ui *u, enum list_role role)
{
	struct article *a = article_new();
	struct store_entry *e = NULL;
	size_t n = 0;
	bool hist = role == ROLE_HISTORY;
	if (!a)
		return NULL;
	a->kind = PAGE_LIST;
	bool ok = article_set(&a->title, hist ? "History" : "Saved articles") == 0 &&
		  reading_list(store_now(u), hist ? READING_HISTORY : READING_SAVED,
			       &e, &n) == 0;
	for (size_t i = 0; ok && i < n; i++) {
		/* history: where the reader was, as a paragraph number */
		char site[300];
		if (hist && e[i].block > 0)
			snprintf(site, sizeof site, "%s%s\xc2\xb6%ld", e[i].site ? e[i].site : "",
				 e[i].site ? " \xc2\xb7 " : "", e[i].block + 1);
		else
			snprintf(site, sizeof site, "%s", e[i].site ? e[i].site : "");
		ok = add_entry(a, e[i].url, e[i].title, site[0] ? site : NULL, e[i].when);
	}
	store_entries_free(e, n);
	if (!ok) {
		article_free(a);
		return NULL;
	}
	return a;
}

static void show_store_list(struct ui *u, enum list_role role)
{
	if (!u->opts.store) {
		message(u, "%s", "No store: history and the saved list are off");
		return;
	}
	if (is_list(cur(u)) && cur(u)->role == role) {
		go_back(u, false);      /* the same key again closes the list */
		return;
	}
	history_leave(u, cur(u));
	struct article *a = store_list(u, role);
	if (!a || !push_view(u, a, NULL, role, SIZE_MAX)) {
		article_free(a);
		message(u, "%s", "Cannot read the store");
	}
}

/* The page's links as a list: "[n] text" and the URL. */
static struct article *links_list(const struct page *p)
{
	struct article *a = article_new();
	char head[512];
	if (!a)
		return NULL;
	a->kind = PAGE_LIST;
	snprintf(head, sizeof head, "Links of %s", p->a->title ? p->a->title : "this page");
	bool ok = article_set(&a->title, head) == 0;
	size_t n = 0;
	for (size_t b = 0; ok && b < p->a->nblocks; b++) {
		const struct block *bl = &p->a->blocks[b];
		for (size_t k = 0; ok && k < bl->nlinks; k++) {
			const struct link *ln = &bl->links[k];
			char *text = text_clean_dup(bl->text + ln->start, ln->end - ln->start);
			char label[400];
			snprintf(label, sizeof label, "[%zu] %s", ++n,
				 text && *text ? text : ln->url);
			free(text);
			struct list_item *it = article_add_item(a, label, ln->url);
			ok = it != NULL;
			if (it)
				it->read = true;
		}
	}
	if (!ok) {
		article_free(a);
		return NULL;
	}
	return a;
}

static void show_links(struct ui *u)
{
	struct page *p = cur(u);
	struct article *a = links_list(p);
	if (!a || !push_view(u, a, NULL, ROLE_LINKS, SIZE_MAX)) {
		article_free(a);
		message(u, "%s", "out of memory");
		return;
	}
	if (p->sel)     /* the cursor on the link selected with Tab */
		ui_list_goto(&cur(u)->list, p->sel - 1, list_rows(u));
}

/* Rebuild a store list (after D, U, r). */
static void refresh_list(struct ui *u)
{
	struct page *p = cur(u);
	struct article *a = store_list(u, p->role);
	if (!a) {
		message(u, "%s", "Cannot read the store");
		return;
	}
	size_t sel = p->list.sel;
	replace_article(u, p, a);
	ui_list_goto(&p->list, sel, list_rows(u));
}

/* ---- read marks ---- */

static void mark_item(struct ui *u, struct page *list, size_t i, bool read)
{
	struct list_item *it = &list->a->items[i];
	it->read = read;
	if (!u->opts.mark_read)
		return;
	if (!u->load && !u->drain) {
		u->opts.mark_read(it->url, read, u->ctx);
		return;
	}
	struct mark_wait *m = realloc(u->marks, (u->nmarks + 1) * sizeof *m);
	char *url = m ? strdup(it->url) : NULL;
	if (m)
		u->marks = m;
	if (!url) {             /* no memory to wait: the store now */
		store_now(u);
		u->opts.mark_read(it->url, read, u->ctx);
		return;
	}
	u->marks[u->nmarks++] = (struct mark_wait){ url, read };
}

/* The marks made during a load, into the store once no worker holds
 * it (force: waiting for one winding down). */
static void write_marks(struct ui *u, bool force)
{
	if (!u->nmarks || u->load || (u->drain && !force))
		return;
	settle_drain(u);
	for (size_t i = 0; i < u->nmarks; i++) {
		u->opts.mark_read(u->marks[i].url, u->marks[i].read, u->ctx);
		free(u->marks[i].url);
	}
	u->nmarks = 0;
}

/* m: the item under the cursor, or the story shown when it came from a
 * list. */
static void toggle_read(struct ui *u)
{
	struct page *p = cur(u), *list = is_list(p) ? p : parent_list(u);
	size_t i = is_list(p) ? p->list.sel : p->from_item;
	if (!list || list->role != ROLE_STORIES || i >= list->a->nitems) {
		message(u, "%s", "m works in a list of stories, or a story opened from one");
		return;
	}
	bool read = !list->a->items[i].read;
	mark_item(u, list, i, read);
	message(u, "%s", read ? "Marked read" : "Marked unread (m marks it read again)");
}

static void all_read(struct ui *u)
{
	struct page *p = cur(u);
	size_t n = 0;
	if (!is_list(p) || p->role != ROLE_STORIES) {
		message(u, "%s", "M works in a list of stories");
		return;
	}
	for (size_t i = 0; i < p->a->nitems; i++)
		if (!p->a->items[i].read) {
			mark_item(u, p, i, true);
			n++;
		}
	snprintf(u->msg, sizeof u->msg, "Marked %zu stor%s read", n, n == 1 ? "y" : "ies");
}

/* J (dir 1) and K: in a list, the cursor to the next unread story; in
 * a story opened from a list, that story opened in its place. */
static void next_unread(struct ui *u, int dir)
{
	struct page *p = cur(u), *list = is_list(p) ? p : parent_list(u);
	if (!list || list->role != ROLE_STORIES) {
		message(u, "%s", "J and K work in a list of stories, or a story opened from one");
		return;
	}
	size_t from = is_list(p) ? p->list.sel : p->from_item;
	size_t i = ui_list_next_unread(list->a, from, dir);
	if (i == SIZE_MAX) {
		message(u, "%s", dir > 0 ? "No unread story below this one"
				 : "No unread story above this one");
		return;
	}
	if (is_list(p))
		ui_list_goto(&p->list, i, list_rows(u));
	else
		start_load(u, list->a->items[i].url, GOAL_SWAP, i);
}

/* ---- saving ---- */

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
	int r = reading_save(store_now(u), key, p->a, (int64_t)time(NULL));
	message(u, "%s", r == 1 ? "Saved: it opens offline too (S lists saved articles)"
		: r == 0 ? "Cannot save: the page is no longer in the cache; reload it first"
		: "Cannot save: the store reported an error");
}

/* D in the saved list: remove the item, keeping it for U. */
static void unsave_item(struct ui *u)
{
	struct page *p = cur(u);
	struct list_item *it = item_at_cursor(p);
	if (!is_list(p) || p->role != ROLE_SAVED) {
		message(u, "%s", "D works in the saved list (S)");
		return;
	}
	if (!it)
		return;
	struct store *st = store_now(u);
	if (u->undo.have)
		store_saved_free(&u->undo.s);
	u->undo.have = store_saved_get(st, it->url, &u->undo.s) == 1;
	char *url = strdup(it->url);
	int r = url ? reading_unsave(st, url) : -1;
	refresh_list(u);
	message(u, r == 1 ? "Unsaved %s (U undoes)"
		: "Could not remove %s", url ? url : "it");
	free(url);
}

static void undo_unsave(struct ui *u)
{
	struct page *p = cur(u);
	struct store_saved *s = &u->undo.s;
	if (!u->undo.have) {
		message(u, "%s", "Nothing to undo");
		return;
	}
	int r = store_save(store_now(u), s->url, s->title, s->site, s->html,
			   s->html_len, s->saved);
	message(u, r == 0 ? "Saved %s again" : "Could not put %s back",
		s->url);
	store_saved_free(s);
	u->undo.have = false;
	if (is_list(p) && p->role == ROLE_SAVED)
		refresh_list(u);
}

/* a: subscribe to the feed the page advertises (or is); feed-cli.c
 * does the work (on a worker: it fetches the page), the ui only shows
 * what came of it. */
static void subscribe(struct ui *u)
{
	struct page *p = cur(u);
	const char *key = is_list(p) && p->role != ROLE_STORIES ? NULL : page_key(p);

	if (!u->opts.subscribe || !key) {
		message(u, "%s", key ? "Subscribing is off" : "This page has no feed");
		return;
	}
	struct load *l = new_load(u, key, GOAL_RELOAD, SIZE_MAX);
	if (!l)
		return;
	l->subscribe = u->opts.subscribe;
	run_load(u, l);
}

static void reload(struct ui *u)
{
	struct page *p = cur(u);
	if (is_list(p) && (p->role == ROLE_HISTORY || p->role == ROLE_SAVED)) {
		refresh_list(u);
		return;
	}
	if (!p->source || (is_list(p) && p->role == ROLE_LINKS)) {
		message(u, "%s", "Nothing to reload (the page came from stdin)");
		return;
	}
	struct load *l = new_load(u, p->source, GOAL_RELOAD, SIZE_MAX);
	if (!l)
		return;
	if (p->role == ROLE_WHOLE_TEXT)
		l->as = UI_OPEN_WHOLE_TEXT;
	l->role = p->role;
	run_load(u, l);
}

/* v: the page shown, all its text (extract-all.h) in a view on top. */
static void whole_text(struct ui *u)
{
	struct page *p = cur(u);
	if (p->role == ROLE_WHOLE_TEXT) {
		message(u, "%s", "This is the page's whole text (q goes back)");
		return;
	}
	if (!p->source || (is_list(p) && p->role != ROLE_STORIES)) {
		message(u, "%s", p->source || is_list(p)
			? "v shows the whole text of an article, a feed or a front page"
			: "No whole text: the page came from stdin");
		return;
	}
	struct load *l = new_load(u, p->source, GOAL_PUSH, SIZE_MAX);
	if (!l)
		return;
	l->as = UI_OPEN_WHOLE_TEXT;
	l->role = ROLE_WHOLE_TEXT;
	run_load(u, l);
}

/* F: the feeds view (the same key there goes back). */
static void show_feeds(struct ui *u)
{
	if (is_list(cur(u)) && cur(u)->role == ROLE_FEEDS) {
		go_back(u, false);
		return;
	}
	if (!u->opts.feeds) {
		message(u, "%s", "No feeds view here");
		return;
	}
	struct load *l = new_load(u, u->opts.feeds, GOAL_PUSH, SIZE_MAX);
	if (!l)
		return;
	l->role = ROLE_FEEDS;
	run_load(u, l);
}

/* ---- URLs: show, copy, $BROWSER ---- */

/* The URL the reader points at: the list item under the cursor, the
 * selected link, else the page's own. */
static const char *pointed_url(struct ui *u)
{
	struct page *p = cur(u);
	if (is_list(p)) {
		struct list_item *it = item_at_cursor(p);
		return it ? it->url : p->a->url;
	}
	if (p->sel && p->sel <= p->lay->nlinks)
		return p->lay->links[p->sel - 1].url;
	return p->a->url ? p->a->url : p->source;
}

static void show_url(struct ui *u)
{
	const char *url = pointed_url(u);
	message(u, "%s", url && *url ? url : "This page has no URL");
}

/* y: hand the URL to the terminal's clipboard (OSC 52).  Only on this
 * key: nothing is ever copied unasked. */
static void copy_url(struct ui *u, FILE *term)
{
	static const char b64[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *s = (const unsigned char *)pointed_url(u);
	if (!s || !*s || !term) {
		message(u, "%s", "No URL to copy");
		return;
	}
	size_t n = strlen((const char *)s);
	fputs("\033]52;c;", term);
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)s[i] << 16 | (i + 1 < n ? (unsigned)s[i + 1] << 8 : 0) |
			     (i + 2 < n ? s[i + 2] : 0);
		fputc(b64[v >> 18 & 63], term);
		fputc(b64[v >> 12 & 63], term);
		fputc(i + 1 < n ? b64[v >> 6 & 63] : '=', term);
		fputc(i + 2 < n ? b64[v & 63] : '=', term);
	}
	fputs("\a", term);
	fflush(term);
	message(u, "Copied %s (through the terminal: OSC 52)", (const char *)s);
}

/* After a command whose output is on the terminal: keep it there until
 * the reader has seen it (a key), then curses draws the pager again. */
static void hold_output(const struct ui *u)
{
	FILE *term = u->tty ? u->tty : stdout;
	fputs("\r\nPress a key to return to folio", term);
	fflush(term);
	reset_prog_mode();      /* raw again: one key, unechoed */
	char key[32];
	while (read(u->key_fd, key, sizeof key) < 0 && errno == EINTR)
		;
}

/* Run argv[0] with the terminal given back; waits for it.  hold: its
 * output stays until a key is pressed. */
static int run_outside(const struct ui *u, char *const argv[], const char *input,
		       size_t len, bool hold)
{
	int fds[2] = { -1, -1 };
	if (input && pipe(fds) != 0)
		return -1;
	def_prog_mode();
	endwin();
	char *clear = hold ? tigetstr("clear") : NULL;
	if (clear && clear != (char *)-1) {     /* its output alone on the screen */
		putp(clear);
		fflush(stdout);
	}
	pid_t pid = fork();
	if (pid == 0) {
		if (input) {
			dup2(fds[0], STDIN_FILENO);
			close(fds[0]);
			close(fds[1]);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	if (input) {
		close(fds[0]);
		/* The command may stop reading early: no SIGPIPE for that. */
		void (*old)(int) = signal(SIGPIPE, SIG_IGN);
		for (size_t off = 0; pid > 0 && off < len;) {
			ssize_t w = write(fds[1], input + off, len - off);
			if (w <= 0 && errno != EINTR)
				break;
			off += w > 0 ? (size_t)w : 0;
		}
		close(fds[1]);
		signal(SIGPIPE, old);
	}
	int st = 0;
	if (pid > 0)
		while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
			;
	if (hold && pid > 0)
		hold_output(u);
	reset_prog_mode();
	clearok(curscr, TRUE);  /* nothing of the command's stays */
	refresh();
	return pid < 0 ? -1 : WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

static void open_browser(struct ui *u)
{
	const char *url = pointed_url(u);
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
	char *argv[] = { prog, (char *)url, NULL };
	if (run_outside(u, argv, NULL, 0, false) != 0)
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
static int prompt_edit(char *buf, size_t *len, size_t cap, int key)
{
	if (key == '\r' || key == '\n' || key == UIK_ENTER)
		return 1;
	if (key == UIK_ESC || key == UI_CTRL('g') || key == UI_CTRL('c'))
		return -1;
	if (key == UIK_BACKSPACE || key == 127 || key == 8) {
		if (!*len)
			return -1;      /* erasing past the start cancels */
		do
			(*len)--;
		while (*len && ((unsigned char)buf[*len] & 0xc0) == 0x80);
		buf[*len] = '\0';
		return 0;
	}
	if (key == UI_CTRL('u')) {
		*len = 0;
		buf[0] = '\0';
		return 0;
	}
	if (key >= UI_FN || unsafe((ucs4_t)key))
		return 0;
	uint8_t enc[6];
	int m = u8_uctomb(enc, (ucs4_t)key, sizeof enc);
	if (m > 0 && *len + (size_t)m < cap - 1) {
		memcpy(buf + *len, enc, (size_t)m);
		*len += (size_t)m;
		buf[*len] = '\0';
	}
	return 0;
}

static int read_key(void);

/* Reads a line on the status line.  Returns a malloc'd UTF-8 string, or
 * NULL when cancelled (Esc, ^G, ^C, or erasing past the start). */
static char *prompt(struct ui *u, const char *lead)
{
	char buf[1024] = "";
	size_t len = 0;
	timeout(-1);
	for (;;) {
		char shown[1100];
		snprintf(shown, sizeof shown, "%s%s", lead, buf);
		move(u->rows - 1, 0);
		attrset(A_NORMAL);
		clrtoeol();
		int c = put_str(shown, A_NORMAL, 0, u->cols);
		move(u->rows - 1, c < u->cols ? c : u->cols - 1);
		curs_set(1);
		refresh();
		int key = read_key();
		curs_set(0);
		if (key < 0)
			continue;
		if (key == UIK_RESIZE) {
			measure(u);
			page_layout(u, cur(u));
			ui_draw(u);
			continue;
		}
		int done = prompt_edit(buf, &len, sizeof buf, key);
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

/* o: open what the reader types. */
static void go_prompt(struct ui *u)
{
	char *what = prompt(u, "Open URL or file: ");
	if (what && *what)
		start_load(u, what, GOAL_PUSH, SIZE_MAX);
	free(what);
}

/* |: the article's text into a command (through sh -c). */
static void pipe_prompt(struct ui *u)
{
	struct page *p = cur(u);
	char *cmd = prompt(u, "Pipe the text to: ");
	if (!cmd || !*cmd) {
		free(cmd);
		return;
	}
	char *text = p->lay ? layout_to_text(p->lay) : article_to_text(p->a);
	char *argv[] = { "sh", "-c", cmd, NULL };
	int r = text ? run_outside(u, argv, text, strlen(text), true) : -1;
	free(text);
	if (r == 0)
		snprintf(u->msg, sizeof u->msg, "%s: done", cmd);
	else
		snprintf(u->msg, sizeof u->msg, "%s: failed (status %d)", cmd, r);
	free(cmd);
}

/* ---- commands ---- */

/* Motions common to articles (lines) and lists (items): n rows on. */
static long count_or(const struct ui_cmd *c, long one)
{
	return c->count > 0 ? c->count : one;
}

/* A motion in a list: true when c was one. */
static bool list_motion(struct ui *u, const struct ui_cmd *c)
{
	struct page *p = cur(u);
	size_t rows = list_rows(u), half = rows / 2 ? rows / 2 : 1;
	struct ui_list *l = &p->list;
	switch (c->act) {
	case ACT_DOWN: ui_list_move(l, count_or(c, 1), rows); break;
	case ACT_UP: ui_list_move(l, -count_or(c, 1), rows); break;
	case ACT_PAGE_DOWN: ui_list_page(l, 1, rows); break;
	case ACT_PAGE_UP: ui_list_page(l, -1, rows); break;
	case ACT_HALF_DOWN: ui_list_move(l, (long)half, rows); break;
	case ACT_HALF_UP: ui_list_move(l, -(long)half, rows); break;
	case ACT_TOP:
		ui_list_goto(l, c->count > 0 ? (size_t)c->count - 1 : 0, rows);
		break;
	case ACT_BOTTOM:
		ui_list_goto(l, c->count > 0 ? (size_t)c->count - 1 : SIZE_MAX, rows);
		break;
	case ACT_PERCENT:
		ui_list_goto(l, l->n ? (size_t)((l->n - 1) * (uint64_t)(c->count > 100 ? 100 : c->count) / 100) : 0, rows);
		break;
	default:
		return false;
	}
	return true;
}

/* A motion in an article: true when c was one. */
static bool page_motion(struct ui *u, const struct ui_cmd *c)
{
	struct page *p = cur(u);
	long rows = text_rows(u), half = rows / 2 > 0 ? rows / 2 : 1;
	long screen = rows > 1 ? rows - 1 : 1;
	switch (c->act) {
	case ACT_DOWN: scroll_by(u, count_or(c, 1)); break;
	case ACT_UP: scroll_by(u, -count_or(c, 1)); break;
	case ACT_PAGE_DOWN: scroll_by(u, screen * count_or(c, 1)); break;
	case ACT_PAGE_UP: scroll_by(u, -screen * count_or(c, 1)); break;
	case ACT_HALF_DOWN: scroll_by(u, half * count_or(c, 1)); break;
	case ACT_HALF_UP: scroll_by(u, -half * count_or(c, 1)); break;
	case ACT_TOP: scroll_to(u, c->count > 0 ? c->count - 1 : 0); break;
	case ACT_BOTTOM:
		scroll_to(u, c->count > 0 ? c->count - 1 : (long)max_top(u, p));
		break;
	case ACT_PERCENT: {
		size_t n = p->lay->nlines, pct = (size_t)(c->count > 100 ? 100 : c->count);
		scroll_to(u, (long)(n * pct / 100));
		break;
	}
	default:
		return false;
	}
	return true;
}

/* Search in a list: the next item whose title (or source) holds the
 * pattern, case folded unless it has a capital. */
static bool item_matches(const struct list_item *it, const char *pat, bool fold)
{
	const char *fields[] = { it->title, it->source, it->url };
	for (size_t f = 0; f < 3; f++) {
		if (!fields[f])
			continue;
		if (!fold) {
			if (strstr(fields[f], pat))
				return true;
			continue;
		}
		size_t n = 0;
		uint8_t *low = u8_tolower((const uint8_t *)fields[f], strlen(fields[f]),
					  NULL, NULL, NULL, &n);
		bool hit = false;
		if (low) {
			hit = memmem(low, n, pat, strlen(pat)) != NULL;
			free(low);
		}
		if (hit)
			return true;
	}
	return false;
}

static void list_search(struct ui *u, bool backward)
{
	struct page *p = cur(u);
	if (!u->pattern || !*u->pattern) {
		message(u, "%s", "No previous search (/ searches)");
		return;
	}
	u->fold = !has_capital(u->pattern);
	char *pat = fold_pattern(u);
	size_t n = p->a->nitems, found = SIZE_MAX, total = 0, index = 0;
	for (size_t k = 1; pat && k <= n && found == SIZE_MAX; k++) {
		size_t i = backward ? (p->list.sel + n - k) % n : (p->list.sel + k) % n;
		if (item_matches(&p->a->items[i], pat, u->fold))
			found = i;
	}
	for (size_t i = 0; pat && found != SIZE_MAX && i < n; i++)
		if (item_matches(&p->a->items[i], pat, u->fold)) {
			total++;
			if (i == found)
				index = total;
		}
	free(pat);
	if (found == SIZE_MAX) {
		message(u, "Pattern not found: %s", u->pattern);
		return;
	}
	ui_list_goto(&p->list, found, list_rows(u));
	snprintf(u->msg, sizeof u->msg, "match %zu of %zu", index, total);
}

static void find(struct ui *u, bool backward)
{
	if (is_list(cur(u)))
		list_search(u, backward);
	else
		search(u, backward);
}

/* Enter in a list: the item under the cursor, or item N of a count. */
static void open_item(struct ui *u, long count)
{
	struct page *p = cur(u);
	if (count > 0)
		ui_list_goto(&p->list, (size_t)count - 1, list_rows(u));
	struct list_item *it = item_at_cursor(p);
	if (!it) {
		message(u, "%s", "Nothing to open here");
		return;
	}
	if (p->role == ROLE_LINKS) {    /* the link list makes way for the page */
		char *url = strdup(it->url);
		pop_view(u);
		if (url)
			start_load(u, url, GOAL_PUSH, SIZE_MAX);
		free(url);
		return;
	}
	/* a story's read mark changes; a feed of the feeds view has none */
	start_load(u, it->url, GOAL_PUSH, p->role == ROLE_STORIES ? p->list.sel : SIZE_MAX);
}

/* Keys that mean one thing in lists and another in articles. */
static void view_command(struct ui *u, const struct ui_cmd *c)
{
	struct page *p = cur(u);
	if (is_list(p) ? list_motion(u, c) : page_motion(u, c))
		return;
	switch (c->act) {
	case ACT_OPEN:
		if (is_list(p))
			open_item(u, c->count);
		else if (p->sel)
			follow(u, p->sel);
		else
			scroll_by(u, 1);
		break;
	case ACT_LINK_NEXT: case ACT_LINK_PREV:
		if (!is_list(p))
			select_link(u, c->act == ACT_LINK_NEXT ? 1 : -1);
		break;
	case ACT_LINKS:
		if (is_list(p))
			message(u, "%s", "L lists an article's links");
		else
			show_links(u);
		break;
	case ACT_PIPE:
		if (is_list(p))
			message(u, "%s", "| pipes an article's text");
		else
			pipe_prompt(u);
		break;
	default:
		break;
	}
}

static void command(struct ui *u, const struct ui_cmd *c, FILE *term)
{
	switch (c->act) {
	case ACT_CLOSE: go_back(u, true); break;
	case ACT_BACK: go_back(u, false); break;
	case ACT_QUIT: u->quit = true; break;
	case ACT_NEXT_UNREAD: next_unread(u, 1); break;
	case ACT_PREV_UNREAD: next_unread(u, -1); break;
	case ACT_TOGGLE_READ: toggle_read(u); break;
	case ACT_ALL_READ: all_read(u); break;
	case ACT_SEARCH_FWD: start_search(u, false); break;
	case ACT_SEARCH_BACK: start_search(u, true); break;
	case ACT_NEXT_MATCH: find(u, u->backward); break;
	case ACT_PREV_MATCH: find(u, !u->backward); break;
	case ACT_GO: go_prompt(u); break;
	case ACT_BROWSER: open_browser(u); break;
	case ACT_SHOW_URL: show_url(u); break;
	case ACT_COPY_URL: copy_url(u, term); break;
	case ACT_RELOAD: reload(u); break;
	case ACT_SAVE: save_page(u); break;
	case ACT_SAVED: show_store_list(u, ROLE_SAVED); break;
	case ACT_HISTORY: show_store_list(u, ROLE_HISTORY); break;
	case ACT_UNSAVE: unsave_item(u); break;
	case ACT_UNDO: undo_unsave(u); break;
	case ACT_SUBSCRIBE: subscribe(u); break;
	case ACT_WHOLE_TEXT: whole_text(u); break;
	case ACT_FEEDS: show_feeds(u); break;
	case ACT_CANCEL:
		if (u->load)
			cancel_load(u, "Cancelled");
		break;
	case ACT_REDRAW: clearok(curscr, TRUE); u->pic_stale = true; break;
	case ACT_SUSPEND:
		def_prog_mode();
		endwin();
		raise(SIGTSTP);
		reset_prog_mode();
		refresh();
		break;
	case ACT_HELP: u->mode = MODE_HELP; u->help_top = 0; break;
	default: view_command(u, c); break;
	}
}

static void help_command(struct ui *u, const struct ui_cmd *c)
{
	size_t rows = (size_t)text_rows(u);
	switch (c->act) {
	case ACT_DOWN: case ACT_OPEN: u->help_top += (size_t)count_or(c, 1); break;
	case ACT_UP:
		u->help_top -= u->help_top < (size_t)count_or(c, 1) ? u->help_top
			       : (size_t)count_or(c, 1);
		break;
	case ACT_PAGE_DOWN: case ACT_HALF_DOWN: u->help_top += rows; break;
	case ACT_PAGE_UP: case ACT_HALF_UP:
		u->help_top = u->help_top > rows ? u->help_top - rows : 0;
		break;
	case ACT_TOP: u->help_top = 0; break;
	case ACT_BOTTOM: u->help_top = SIZE_MAX / 2; break;     /* draw clamps */
	case ACT_QUIT: u->quit = true; break;
	default: u->mode = MODE_PAGE; break;
	}
}

static void mouse_event(struct ui *u)
{
	MEVENT ev;
	int dir = 0;
	if (getmouse(&ev) != OK)
		return;
	if (ev.bstate & BUTTON4_PRESSED)
		dir = -1;
#ifdef BUTTON5_PRESSED
	else if (ev.bstate & BUTTON5_PRESSED)
		dir = 1;
#endif
	if (!dir || !u->depth)
		return;
	if (is_list(cur(u)))
		ui_list_move(&cur(u)->list, dir * WHEEL_LINES, list_rows(u));
	else
		scroll_by(u, dir * WHEEL_LINES);
}

static void resize(struct ui *u)
{
	u->pic_stale = true;    /* the terminal has redrawn: draw it again */
	if (!u->depth)
		return;
	place_remember(cur(u));
	measure(u);
	page_layout(u, cur(u));
}

bool ui_key(struct ui *u, int key)
{
	if (key == UIK_RESIZE) {
		resize(u);
		return true;
	}
	if (key == UIK_MOUSE) {
		if (u->mode == MODE_PAGE)
			mouse_event(u);
		return true;
	}
	struct ui_cmd c;
	if (!ui_keyseq_feed(&u->seq, &u->keys, key, &c)) {
		snprintf(u->msg, sizeof u->msg, "count %ld", u->seq.count);
		return true;
	}
	u->msg[0] = '\0';
	if (!u->depth) {        /* the first page is loading: only leaving */
		if (c.act == ACT_QUIT || c.act == ACT_CLOSE || c.act == ACT_CANCEL) {
			cancel_load(u, NULL);
			u->exit_rc = STATUS_NETWORK;
			snprintf(u->exit_err, sizeof u->exit_err, "%s: cancelled",
				 u->drain ? u->drain->what : "page");
			u->quit = true;
		}
		return !u->quit;
	}
	if (u->mode == MODE_HELP)
		help_command(u, &c);
	else if (c.act == ACT_NONE) {
		char name[16];
		ui_key_name(key, name, sizeof name);
		snprintf(u->msg, sizeof u->msg, "Unknown key %s: H for help", name);
	} else if (!(ui_action_info(c.act)->where &
		     (is_list(cur(u)) ? UI_IN_LIST : UI_IN_PAGE))) {
		char keys[64];
		ui_keymap_keys_of(&u->keys, c.act, keys, sizeof keys);
		snprintf(u->msg, sizeof u->msg, "%s works in %s", keys,
			 is_list(cur(u)) ? "an article" : "a list");
	} else
		command(u, &c, u->tty);
	if (u->quit && u->depth)
		history_leave(u, cur(u));
	feed_error_hint(u);
	return !u->quit;
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
	if (opts->keys)
		u->keys = *opts->keys;
	else
		ui_keymap_default(&u->keys);
	measure(u);
	setup_attrs(u);
	if (!first) {
		start_load(u, source, GOAL_FIRST, SIZE_MAX);
		if (!u->load && !u->depth && !u->quit) {
			free(u);
			return NULL;
		}
	} else {
		char *name = open_full_name(source);
		bool ok = push_view(u, first, name ? name : source, ROLE_STORIES, SIZE_MAX);
		free(name);
		if (!ok) {
			free(u->stack);
			free(u);
			return NULL;
		}
		if (first->notice)      /* e.g. "looks like a consent wall" */
			message(u, "%s", first->notice);
	}
	if (opts->startup_msg && *opts->startup_msg)
		message(u, "%s", opts->startup_msg);
	return u;
}

void ui_free(struct ui *u)
{
	if (!u)
		return;
	if (u->load)
		task_cancel(u->load->t);
	load_free(u->load);
	u->load = NULL;
	write_marks(u, true);
	settle_drain(u);
	free(u->marks);
	while (u->depth)
		free_page(&u->stack[--u->depth]);
	free(u->stack);
	free(u->pattern);
	buf_free(&u->j.text);
	free(u->j.map);
	free(u->hits);
	if (u->undo.have)
		store_saved_free(&u->undo.s);
	free(u);
}

/* curses' function keys -> ui-keys.h's. */
static int key_code(int k)
{
	static const struct { int curses, ui; } map[] = {
		{ KEY_UP, UIK_UP }, { KEY_DOWN, UIK_DOWN }, { KEY_LEFT, UIK_LEFT },
		{ KEY_RIGHT, UIK_RIGHT }, { KEY_PPAGE, UIK_PGUP },
		{ KEY_NPAGE, UIK_PGDN }, { KEY_HOME, UIK_HOME }, { KEY_END, UIK_END },
		{ KEY_BTAB, UIK_BTAB }, { KEY_BACKSPACE, UIK_BACKSPACE },
		{ KEY_ENTER, UIK_ENTER }, { KEY_DC, UIK_DELETE },
		{ KEY_RESIZE, UIK_RESIZE }, { KEY_MOUSE, UIK_MOUSE },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (map[i].curses == k)
			return map[i].ui;
	if (k >= KEY_F(1) && k <= KEY_F(12))
		return UIK_F1 + (k - KEY_F(1));
	return -1;
}

static int read_key(void)
{
	wint_t wc;
	int r = get_wch(&wc);
	if (r == ERR)
		return -1;
	return r == KEY_CODE_YES ? key_code((int)wc) : (int)wc;
}

/* SIGINT from outside (kill -INT; ^C itself arrives as a key in raw
 * mode): cancel like ^C, never die with the terminal in curses mode. */
static volatile sig_atomic_t got_sigint;

static void on_sigint(int sig)
{
	(void)sig;
	got_sigint = 1;
}

/* Wait for a key, the page's picture, the end of a load or (while a
 * page loads) the next tick of its progress.  True when a key is there
 * to read. */
static bool wait_event(struct ui *u, int key_fd)
{
	struct pollfd fds[4];
	int n = 0, pic = -1;
	struct page *p = u->depth ? cur(u) : NULL;
	/* Nothing but keys to wait for: curses waits (and sees a resize's
	 * signal, which poll would sleep through). */
	if ((!p || !p->pic_load) && !u->load && !u->drain)
		return true;
	if (key_waiting())
		return true;
	fds[n++] = (struct pollfd){ .fd = key_fd, .events = POLLIN };
	if (p && p->pic_load) {
		pic = n;
		fds[n++] = (struct pollfd){ .fd = image_load_fd(p->pic_load), .events = POLLIN };
	}
	if (u->load)
		fds[n++] = (struct pollfd){ .fd = task_fd(u->load->t), .events = POLLIN };
	if (u->drain)
		fds[n++] = (struct pollfd){ .fd = task_fd(u->drain->t), .events = POLLIN };
	int r = poll(fds, (nfds_t)n, u->load ? TICK_MS : -1);
	if (r < 0)      /* a signal: a resize (curses has its key) or SIGINT */
		return errno == EINTR && !got_sigint;
	if (pic >= 0 && (fds[pic].revents & POLLIN))
		picture_arrived(u, p);
	return fds[0].revents != 0;
}

static void event_loop(struct ui *u, int key_fd)
{
	while (!u->quit) {
		poll_loads(u);
		if (u->quit)
			break;
		if (u->load)
			u->spin++;
		ui_draw(u);
		int k = wait_event(u, key_fd) ? read_key() : -1;
		if (got_sigint) {
			got_sigint = 0;
			k = UI_CTRL('c');
		}
		if (k >= 0 && !ui_key(u, k))
			break;
	}
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
	raw();                  /* ^C, ^Z reach folio as keys */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	struct sigaction sa = { .sa_handler = on_sigint }, old_sa;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_sa);
	if (opts->mouse) {
		mouseinterval(0);
		mousemask(BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	}
	struct ui *u = ui_new(first, source, open, ctx, opts);
	enum status_code rc = STATUS_OK;
	char err[OPEN_ERR_MAX] = "";
	if (!u) {
		article_free(first);
		rc = STATUS_INPUT;
		snprintf(err, sizeof err, "out of memory");
	} else {
		u->tty = out;
		u->key_fd = fileno(in);
		event_loop(u, fileno(in));
		rc = u->exit_rc;
		snprintf(err, sizeof err, "%s", u->exit_err);
	}
	ui_free(u);
	endwin();
	delscreen(scr);
	sigaction(SIGINT, &old_sa, NULL);
	if (in != stdin)
		fclose(in);
	if (out != stdout)
		fclose(out);
	if (rc != STATUS_OK) {
		text_clean(err, strlen(err));
		fprintf(stderr, "folio: %s\n", err[0] ? err : status_name(rc));
	}
	return rc;
}
