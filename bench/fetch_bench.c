/* fetch_bench.c - what the fetcher itself costs: the same pages read
 * from files and fetched from tests/server.py on loopback, in-process
 * (extract_article after reading the file vs after fetch_url) and as
 * whole processes (`folio --dump=json FILE` vs `... URL`), plus a batch
 * of every page through fetch_many against one fetch_url after another,
 * with the server answering BATCH_DELAY_MS late as a distant one would
 * (on loopback with no delay the Python server is all there is to see).
 * The fastest of BENCH_REPS runs counts per page.  The Python server's
 * own time per request is inside every URL figure.  The headline
 * figures also go to make bench's summary (bench_summary).
 * usage: fetch_bench FOLIO BASE_URL ROOT FILE...
 *   (the URL of ROOT/x/y.html is BASE_URL x/y.html) */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_util.h"
#include "folio/article.h"
#include "folio/extract.h"
#include "folio/fetch.h"

extern char **environ;

static double run_process(char *const argv[])
{
	posix_spawn_file_actions_t fa;
	pid_t pid;
	int st = -1;
	double t0, ms = -1;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	t0 = bench_now_ms();
	if (posix_spawn(&pid, argv[0], &fa, NULL, argv, environ) == 0 &&
	    waitpid(pid, &st, 0) == pid)
		ms = bench_now_ms() - t0;
	posix_spawn_file_actions_destroy(&fa);
	return ms;
}

static void extract_once(const char *bytes, size_t len, const char *base,
			 const char *charset)
{
	struct extract_input in = { bytes, len, base, charset };
	struct article *a = NULL;
	const char *why;
	extract_article(&in, &a, &why);
	article_free(a);
}

static double file_extract(const char *path)
{
	double t0 = bench_now_ms();
	size_t len = 0;
	char *buf = bench_read_file(path, &len);
	if (!buf)
		return -1;
	extract_once(buf, len, NULL, NULL);
	free(buf);
	return bench_now_ms() - t0;
}

/* fetch_url alone (*fetch_ms) and fetch + extract (returned). */
static double url_extract(const char *url, double *fetch_ms)
{
	struct fetch_result res;
	double t0 = bench_now_ms();
	if (fetch_url(url, NULL, &res) != STATUS_OK) {
		fprintf(stderr, "fetch_bench: %s\n", res.err);
		fetch_result_free(&res);
		return -1;
	}
	*fetch_ms = bench_now_ms() - t0;
	extract_once(res.body, res.len, res.final_url, res.charset);
	fetch_result_free(&res);
	return bench_now_ms() - t0;
}

static double min_of(double a, double b)
{
	return b >= 0 && b < a ? b : a;
}

static void row(const char *what, const double *v, size_t n)
{
	printf("| %s | %.2f ms | %.2f ms |\n", what, bench_quantile(v, n, 0.5),
	       bench_quantile(v, n, 0.9));
}

#define BATCH_DELAY_MS 20

/* All pages through fetch_many (8 at once) vs fetch_url in turn. */
static void batch(char *const *plain, size_t n, int reps)
{
	struct fetch_result *res = calloc(n, sizeof *res);
	char **urls = calloc(n, sizeof *urls);
	double many = 1e30, serial = 1e30;
	if (!res || !urls)
		return;
	for (size_t i = 0; i < n; i++)
		if (asprintf(&urls[i], "%s?delay=%d", plain[i], BATCH_DELAY_MS) < 0)
			return;
	for (int r = 0; r < reps; r++) {
		double t0 = bench_now_ms();
		fetch_many((const char *const *)urls, n, 8, NULL, res);
		many = min_of(many, bench_now_ms() - t0);
		for (size_t i = 0; i < n; i++)
			fetch_result_free(&res[i]);
		t0 = bench_now_ms();
		for (size_t i = 0; i < n; i++) {
			fetch_url(urls[i], NULL, &res[i]);
			fetch_result_free(&res[i]);
		}
		serial = min_of(serial, bench_now_ms() - t0);
	}
	printf("\nFetching all %zu pages, each answered %d ms late: fetch_many "
	       "(8 at once) %.1f ms, fetch_url one after another %.1f ms "
	       "(fastest of %d).\n", n, BATCH_DELAY_MS, many, serial, reps);
	bench_summary("fetch.batch.many", "%.1f", many);
	bench_summary("fetch.batch.serial", "%.1f", serial);
	for (size_t i = 0; i < n; i++)
		free(urls[i]);
	free(urls);
	free(res);
}

int main(int argc, char **argv)
{
	if (argc < 5) {
		fprintf(stderr, "usage: fetch_bench FOLIO BASE_URL ROOT FILE...\n");
		return 1;
	}
	size_t n = (size_t)argc - 4, rootlen = strlen(argv[3]);
	int reps = bench_reps();
	char **urls = calloc(n, sizeof *urls);
	double *v[6];
	for (int k = 0; k < 6; k++)
		if (!(v[k] = calloc(n, sizeof *v[k])))
			return 1;
	if (!urls || fetch_global_init() != 0)
		return 1;
	for (size_t i = 0; i < n; i++) {
		const char *page = argv[i + 4], *rel = page;
		if (strncmp(page, argv[3], rootlen) == 0)
			rel = page + rootlen + (page[rootlen] == '/');
		if (asprintf(&urls[i], "%s%s", argv[2], rel) < 0)
			return 1;
		char *fargv[] = { argv[1], "--dump=json", (char *)page, NULL };
		char *uargv[] = { argv[1], "--dump=json", urls[i], NULL };
		for (int k = 0; k < 6; k++)
			v[k][i] = 1e30;
		for (int r = 0; r < reps; r++) {
			double f = 0;
			v[0][i] = min_of(v[0][i], file_extract(page));
			v[1][i] = min_of(v[1][i], url_extract(urls[i], &f));
			v[2][i] = min_of(v[2][i], f);
			v[3][i] = min_of(v[3][i], run_process(fargv));
			v[4][i] = min_of(v[4][i], run_process(uargv));
		}
		v[5][i] = v[4][i] - v[3][i];
	}
	printf("\nFetcher cost, %zu pages from tests/server.py on 127.0.0.1, "
	       "fastest of %d runs each:\n\n", n, reps);
	printf("| what | median | p90 |\n|---|---:|---:|\n");
	row("in-process: read file + extract", v[0], n);
	row("in-process: fetch_url + extract", v[1], n);
	row("in-process: fetch_url alone", v[2], n);
	row("process: folio --dump=json FILE", v[3], n);
	row("process: folio --dump=json URL", v[4], n);
	row("process: URL - FILE (per page)", v[5], n);
	bench_summary("fetch.pages", "%zu", n);
	bench_summary_q("fetch.extra", v[5], n);
	bench_summary_q("fetch.alone", v[2], n);
	batch(urls, n, reps);
	for (size_t i = 0; i < n; i++)
		free(urls[i]);
	free(urls);
	for (int k = 0; k < 6; k++)
		free(v[k]);
	return 0;
}
