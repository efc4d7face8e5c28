/* layout_bench.c - what the pager costs, on an 80x24 screen drawn
 * through curses to /dev/null:
 *  - for the largest PAGE in bytes and for the PAGE with the longest
 *    article (make bench passes the corpus), the article
 *    extract_article() makes of it: layout time at 80 columns, and the
 *    first frame: ui_new() (which lays the article out at 80 columns)
 *    plus the first ui_draw() of the top screen, redrawn from scratch;
 *  - for a generated 5 KB and 5 MB article: layout time and per-key
 *    frame time (key handling plus drawing).  A key press must cost the
 *    same on both: drawing touches only the lines on screen.
 * Fastest of BENCH_REPS (default 9) layouts and first frames.  The
 * headline figures also go to make bench's summary (bench_summary).
 * usage: layout_bench [PAGE.html...] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <curses.h>

#include "bench_util.h"
#include "folio/article.h"
#include "folio/extract.h"
#include "folio/layout.h"
#include "folio/ui.h"

static const char *const words[] = {
	"harbour", "council", "ferry", "budget", "island", "village",
	"timetable", "pier", "crossing", "passengers", "the", "and", "of",
	"a", "to", "in", "mayor", "fuel", "subsidy", "talks",
};

/* One paragraph of about 600 bytes with a link; every 20th is a heading,
 * every 50th Japanese. */
static void add_para(struct article *a, unsigned i)
{
	char buf[1024];
	size_t n = 0;
	if (i % 50 == 49) {
		const char *ja = "日本語の段落は空白なしで折り返されます。";
		for (int k = 0; k < 10; k++)
			n += (size_t)snprintf(buf + n, sizeof buf - n, "%s", ja);
		article_add_block(a, BLOCK_P, buf, n);
		return;
	}
	unsigned seed = i * 2654435761u;
	while (n < 560) {
		seed = seed * 1103515245u + 12345u;
		const char *w = words[(seed >> 16) % 20];
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s",
				      n ? " " : "", w);
	}
	n += (size_t)snprintf(buf + n, sizeof buf - n, ".");
	struct block *b = article_add_block(a, i % 20 == 19 ? BLOCK_H2 : BLOCK_P,
					    buf, i % 20 == 19 ? 40 : n);
	if (b && i % 20 != 19)
		block_add_link(b, 10, 30, "https://example.org/a/link");
}

static struct article *make_article(size_t bytes)
{
	struct article *a = article_new();
	if (!a)
		return NULL;
	article_set(&a->title, "A generated article for the benchmark");
	article_set(&a->byline, "Bench Mark");
	size_t total = 0;
	for (unsigned i = 0; total < bytes; i++) {
		add_para(a, i);
		total += a->blocks[a->nblocks - 1].len;
	}
	return a;
}

static enum status_code no_open(const char *arg, enum ui_open_as as, void *ctx,
				struct task *task, struct article **out,
				char err[OPEN_ERR_MAX])
{
	snprintf(err, OPEN_ERR_MAX, "%s: not in the benchmark", arg);
	*out = NULL;
	return STATUS_INPUT;
}

/* Median and p99 of one key's frames, in microseconds; returns the
 * median.  Every `every` presses the pager goes back to the top
 * (untimed), so the key always has somewhere to go, on the short article
 * too. */
static double key_frames(struct ui *u, int key, const char *name, int n,
			 int every)
{
	double *t = malloc((size_t)n * sizeof *t);
	if (!t)
		return 0;
	for (int i = 0; i < n; i++) {
		double t0 = bench_now_ms();
		ui_key(u, key);
		ui_draw(u);
		t[i] = (bench_now_ms() - t0) * 1000;
		if ((i + 1) % every == 0) {
			ui_key(u, key == 'k' ? 'G' : 'g');
			ui_draw(u);
		}
	}
	double med = bench_quantile(t, (size_t)n, 0.5);
	printf("  %-6s %8.1f %8.1f", name, med, bench_quantile(t, (size_t)n, 0.99));
	free(t);
	return med;
}

static const struct ui_opts opts = { .width = 80, .mouse = false, .color = true };

/* Fastest of reps layouts of a at 80 columns, in ms; *lines gets the
 * layout's line count. */
static double time_layout(const struct article *a, int reps, size_t *lines)
{
	double best = 1e30;
	for (int r = 0; r < reps; r++) {
		double t0 = bench_now_ms();
		struct layout *l = layout_new(a, 80);
		double t = bench_now_ms() - t0;
		if (t < best)
			best = t;
		*lines = l ? l->nlines : 0;
		layout_free(l);
	}
	return best;
}

static struct article *extract_page(const char *path, size_t *len)
{
	char *buf = bench_read_file(path, len);
	struct extract_input in = { .bytes = buf, .len = *len };
	struct article *a = NULL;
	const char *why = NULL;
	if (buf && extract_article(&in, &a, &why) != STATUS_OK) {
		article_free(a);
		a = NULL;
	}
	free(buf);
	return a;
}

/* Layout and first frame of path's article; what says which page it is
 * and key is its summary keys' prefix. */
static int bench_page(const char *path, const char *what, const char *key,
		      int reps)
{
	size_t len = 0, lines = 0;
	struct article *a = extract_page(path, &len);
	if (!a) {
		fprintf(stderr, "layout_bench: %s: no article\n", path);
		return 1;
	}
	double lay = time_layout(a, reps, &lines), first = 1e30;
	article_free(a);
	for (int r = 0; r < reps; r++) {
		/* A fresh article (the ui takes it) and a screen curses
		 * must repaint whole, as for the first frame of a run. */
		if (!(a = extract_page(path, &len)))
			return 1;
		clearok(curscr, TRUE);
		double t0 = bench_now_ms();
		struct ui *u = ui_new(a, NULL, no_open, NULL, &opts);
		if (u)
			ui_draw(u);
		double t = bench_now_ms() - t0;
		if (!u)
			return 1;
		ui_free(u);     /* frees the article */
		if (t < first)
			first = t;
	}
	/* The last two parts of the path: corpus pages are DIR/source.html. */
	const char *name = path;
	for (const char *c = path, *prev = NULL; *c; c++)
		if (*c == '/') {
			name = prev ? prev + 1 : path;
			prev = c;
		}
	printf("%s, %s (%.0f KB): layout %.2f ms (%zu lines), first frame"
	       " (ui_new + first draw) %.2f ms\n", what, name, len / 1e3, lay,
	       lines, first);
	char k[64];
	snprintf(k, sizeof k, "%s.name", key);
	bench_summary(k, "%s", name);
	snprintf(k, sizeof k, "%s.bytes", key);
	bench_summary(k, "%zu", len);
	snprintf(k, sizeof k, "%s.lines", key);
	bench_summary(k, "%zu", lines);
	snprintf(k, sizeof k, "%s.layout", key);
	bench_summary(k, "%.3f", lay);
	snprintf(k, sizeof k, "%s.first_frame", key);
	bench_summary(k, "%.3f", first);
	return 0;
}

/* The largest of the pages in bytes and the one with the longest
 * article (its blocks' text), both run through bench_page. */
static int bench_pages(char **pages, int n, int reps)
{
	const char *largest = NULL, *longest = NULL;
	size_t max_len = 0, max_text = 0;
	for (int i = 0; i < n; i++) {
		size_t len = 0, text = 0;
		struct article *a = extract_page(pages[i], &len);
		if (!a)
			continue;
		for (size_t b = 0; b < a->nblocks; b++)
			text += a->blocks[b].len;
		article_free(a);
		if (!largest || len > max_len)
			largest = pages[i], max_len = len;
		if (!longest || text > max_text)
			longest = pages[i], max_text = text;
	}
	if (!largest) {
		fprintf(stderr, "layout_bench: no page gave an article\n");
		return 1;
	}
	return bench_page(largest, "largest page", "page", reps) |
	       bench_page(longest, "longest article", "longest", reps);
}

static void bench_size(size_t bytes, const char *label, const char *key,
		       int reps)
{
	struct article *a = make_article(bytes);
	if (!a)
		return;
	size_t lines = 0;
	double best = time_layout(a, reps, &lines);
	printf("%-6s layout %9.2f ms (%zu lines)   frame us median/p99:", label,
	       best, lines);
	struct ui *u = ui_new(a, NULL, no_open, NULL, &opts);
	if (!u)
		return;
	ui_draw(u);
	/* The 5 KB article has 92 lines, 69 below the first screen. */
	double j = key_frames(u, 'j', "j", 2000, 60);
	ui_key(u, 'G');
	key_frames(u, 'k', "k", 2000, 60);
	ui_key(u, 'g');
	key_frames(u, ' ', "space", 600, 3);
	key_frames(u, 'G', "G", 200, 1);
	printf("\n");
	ui_free(u);     /* frees the article */
	char k[64];
	snprintf(k, sizeof k, "gen.%s.layout", key);
	bench_summary(k, "%.3f", best);
	snprintf(k, sizeof k, "gen.%s.key_j_us", key);
	bench_summary(k, "%.1f", j);
}

int main(int argc, char **argv)
{
	int reps = bench_reps(), rc = 0;
	/* A real terminal description, output thrown away. */
	setenv("LINES", "24", 1);
	setenv("COLUMNS", "80", 1);
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	SCREEN *s = out && in ? newterm("xterm-256color", out, in) : NULL;
	if (!s) {
		fprintf(stderr, "layout_bench: cannot set up curses\n");
		return 1;
	}
	printf("\nlayout_bench: width 80, 80x24 screen, fastest of %d\n", reps);
	if (argc > 1)
		rc = bench_pages(argv + 1, argc - 1, reps);
	bench_size(5 * 1024, "5 KB", "5k", reps);
	bench_size(5 * 1024 * 1024, "5 MB", "5m", reps);
	endwin();
	delscreen(s);
	fclose(out);
	fclose(in);
	return rc;
}
