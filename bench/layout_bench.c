/* layout_bench.c - layout time and per-key frame time (key handling plus
 * drawing through curses to /dev/null) for a generated 5 KB and 5 MB
 * article.  A key press must cost the same on both: drawing touches only
 * the lines on screen.
 * usage: layout_bench [REPS]   (default 5 layouts per size) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <curses.h>

#include "bench_util.h"
#include "folio/article.h"
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

static enum status_code no_open(const char *arg, void *ctx,
				struct article **out, char err[SOURCE_ERR_MAX])
{
	snprintf(err, SOURCE_ERR_MAX, "%s: not in the benchmark", arg);
	*out = NULL;
	return STATUS_INPUT;
}

/* Median and p99 of one key's frames, in microseconds.  Every `every`
 * presses the pager goes back to the top (untimed), so the key always
 * has somewhere to go, on the short article too. */
static void key_frames(struct ui *u, int key, const char *name, int n,
		       int every)
{
	double *t = malloc((size_t)n * sizeof *t);
	if (!t)
		return;
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
	printf("  %-6s %8.1f %8.1f", name, bench_quantile(t, (size_t)n, 0.5),
	       bench_quantile(t, (size_t)n, 0.99));
	free(t);
}

static void bench_size(size_t bytes, const char *label, int reps)
{
	struct article *a = make_article(bytes);
	if (!a)
		return;
	double best = 1e30;
	size_t lines = 0;
	for (int r = 0; r < reps; r++) {
		double t0 = bench_now_ms();
		struct layout *l = layout_new(a, 80);
		double t = bench_now_ms() - t0;
		if (t < best)
			best = t;
		lines = l ? l->nlines : 0;
		layout_free(l);
	}
	printf("%-6s layout %9.2f ms (%zu lines)   frame us median/p99:", label,
	       best, lines);
	struct ui_opts o = { .width = 80, .mouse = false, .color = true };
	struct ui *u = ui_new(a, NULL, no_open, NULL, &o);
	if (!u)
		return;
	ui_draw(u);
	/* The 5 KB article has 92 lines, 69 below the first screen. */
	key_frames(u, 'j', "j", 2000, 60);
	ui_key(u, 'G');
	key_frames(u, 'k', "k", 2000, 60);
	ui_key(u, 'g');
	key_frames(u, ' ', "space", 600, 3);
	key_frames(u, 'G', "G", 200, 1);
	printf("\n");
	ui_free(u);     /* frees the article */
}

int main(int argc, char **argv)
{
	int reps = argc > 1 ? atoi(argv[1]) : 5;
	if (reps < 1)
		reps = 1;
	/* A real terminal description, output thrown away. */
	setenv("LINES", "24", 1);
	setenv("COLUMNS", "80", 1);
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	SCREEN *s = out && in ? newterm("xterm-256color", out, in) : NULL;
	if (!s) {
		fprintf(stderr, "layout_bench: cannot set up curses\n");
		return 1;
	}
	printf("layout_bench: generated articles, width 80, 80x24 screen\n");
	bench_size(5 * 1024, "5 KB", reps);
	bench_size(5 * 1024 * 1024, "5 MB", reps);
	endwin();
	delscreen(s);
	fclose(out);
	fclose(in);
	return 0;
}
