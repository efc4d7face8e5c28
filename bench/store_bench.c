/* store_bench.c - what the store costs folio: opening the database
 * (every run pays it), recording history and a reading position,
 * caching a page and reading it back.  Runs in a temporary
 * XDG_DATA_HOME, removed afterwards.  The open's median goes to make
 * bench's summary.
 * usage: store_bench [REPS]   (default 200 per operation) */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_util.h"
#include "folio/store.h"

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb; (void)flag; (void)ftw;
	return remove(path);
}

static void report(const char *what, const double *ms, int n)
{
	printf("store: %-34s median %8.3f ms  p90 %8.3f ms\n", what,
	       bench_quantile(ms, (size_t)n, 0.5), bench_quantile(ms, (size_t)n, 0.9));
}

static struct store *open_or_die(void)
{
	char warn[STORE_WARN_MAX];
	struct store *st = store_open_default(warn);
	if (!st) {
		fprintf(stderr, "store_bench: %s\n", warn);
		exit(1);
	}
	return st;
}

int main(int argc, char **argv)
{
	int reps = argc > 1 ? atoi(argv[1]) : 200;
	char dir[] = "/tmp/folio-store-bench-XXXXXX";
	double *ms = calloc((size_t)(reps > 0 ? reps : 1), sizeof *ms);
	size_t page_len = 300 * 1024;   /* a typical news page */
	char *page = malloc(page_len + 1);

	if (reps <= 0 || !ms || !page || !mkdtemp(dir))
		return 1;
	memset(page, 'x', page_len);
	page[page_len] = '\0';
	setenv("XDG_DATA_HOME", dir, 1);
	unsetenv("FOLIO_NO_STORE");
	store_free(open_or_die());   /* creation is a one-off */

	for (int i = 0; i < reps; i++) {
		double t = bench_now_ms();
		store_free(open_or_die());
		ms[i] = bench_now_ms() - t;
	}
	report("open + close", ms, reps);
	bench_summary("store.open.median", "%.3f", bench_quantile(ms, (size_t)reps, 0.5));

	struct store *st = open_or_die();
	char url[64];
	for (int i = 0; i < reps; i++) {
		snprintf(url, sizeof url, "https://news.example/%d", i);
		double t = bench_now_ms();
		store_history_record(st, url, "A headline", "News", i);
		store_history_set_position(st, url, i, 10);
		ms[i] = bench_now_ms() - t;
	}
	report("history record + position", ms, reps);

	for (int i = 0; i < reps; i++) {
		long b, o;
		snprintf(url, sizeof url, "https://news.example/%d", i);
		double t = bench_now_ms();
		store_history_get_position(st, url, &b, &o);
		ms[i] = bench_now_ms() - t;
	}
	report("resume lookup", ms, reps);

	for (int i = 0; i < reps; i++) {
		snprintf(url, sizeof url, "https://news.example/%d", i);
		struct store_cache_entry e = {
			.url = url, .body = page, .len = page_len,
			.etag = "\"abc\"", .fetched = i,
		};
		double t = bench_now_ms();
		store_cache_put(st, &e);
		ms[i] = bench_now_ms() - t;
	}
	report("cache put 300 KB (+ LRU check)", ms, reps);

	for (int i = 0; i < reps; i++) {
		struct store_cache_entry e;
		snprintf(url, sizeof url, "https://news.example/%d", i);
		double t = bench_now_ms();
		store_cache_get(st, url, &e);
		store_cache_touch(st, url, i);
		ms[i] = bench_now_ms() - t;
		store_cache_entry_free(&e);
	}
	report("cache get 300 KB + touch (a 304)", ms, reps);

	store_free(st);
	nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(ms);
	free(page);
	return 0;
}
