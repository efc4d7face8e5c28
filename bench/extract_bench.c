/* extract_bench.c - per-page cost of extract_article() against a bare
 * libxml2 parse (htmlReadMemory + xmlFreeDoc) of the same bytes, both
 * measured in this one run: for every page the two alternate
 * BENCH_REPS times (default 9) and the fastest of each counts, so the
 * machine's noise hits both alike.  Prints a markdown table of median
 * and p90 over the pages, and their ratios; the same figures go to
 * make bench's summary (bench_summary).
 * usage: extract_bench FILE.html... */
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench_util.h"

/* libxml2 reports encoding trouble on stderr; the timings do not care. */
static void __attribute__((format(printf, 2, 3))) quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}
#include "folio/extract.h"

/* What a plain libxml2 user would write; no encoding argument. */
#define BARE_OPTS (HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET)

static double time_bare(const char *buf, size_t len)
{
	double t0 = bench_now_ms();
	htmlDocPtr doc = htmlReadMemory(buf, (int)len, NULL, NULL, BARE_OPTS);
	xmlFreeDoc(doc);
	return bench_now_ms() - t0;
}

static double time_extract(const char *buf, size_t len, int *ok)
{
	struct extract_input in = { .bytes = buf, .len = len };
	struct article *a = NULL;
	const char *why = NULL;
	double t0 = bench_now_ms();
	enum status_code rc = extract_article(&in, &a, &why);
	article_free(a);
	double t = bench_now_ms() - t0;
	*ok = rc == STATUS_OK;
	return t;
}

static void row(const char *what, const double *v, size_t n)
{
	printf("| %s | %.2f | %.2f |\n", what, bench_quantile(v, n, 0.5),
	       bench_quantile(v, n, 0.9));
}

int main(int argc, char **argv)
{
	size_t n = (size_t)(argc > 1 ? argc - 1 : 0), used = 0, empty = 0;
	double *ext = calloc(n + 1, sizeof *ext), *bare = calloc(n + 1, sizeof *bare);
	double *ratio = calloc(n + 1, sizeof *ratio);
	int reps = bench_reps();

	if (!ext || !bare || !ratio || n == 0) {
		fprintf(stderr, "usage: extract_bench FILE.html...\n");
		return 1;
	}
	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, quiet);
	for (size_t i = 0; i < n; i++) {
		size_t len = 0;
		char *buf = bench_read_file(argv[i + 1], &len);
		if (!buf) {
			fprintf(stderr, "extract_bench: %s: cannot read\n", argv[i + 1]);
			continue;
		}
		double be = 1e30, bb = 1e30;
		int ok = 1;
		for (int r = 0; r < reps; r++) {
			double t = time_extract(buf, len, &ok);
			be = t < be ? t : be;
			t = time_bare(buf, len);
			bb = t < bb ? t : bb;
		}
		empty += !ok;
		ext[used] = be;
		bare[used] = bb;
		ratio[used] = bb > 0 ? be / bb : 0;
		used++;
		free(buf);
	}
	printf("\nPer-page time, %zu pages, fastest of %d runs each (ms):\n\n", used, reps);
	printf("| in-process | median | p90 |\n|---|---:|---:|\n");
	row("extract_article()", ext, used);
	row("bare htmlReadMemory + xmlFreeDoc", bare, used);
	printf("| ratio of the two (median / p90 of each) | %.2f | %.2f |\n",
	       bench_quantile(ext, used, 0.5) / bench_quantile(bare, used, 0.5),
	       bench_quantile(ext, used, 0.9) / bench_quantile(bare, used, 0.9));
	row("per-page ratio extract / bare", ratio, used);
	if (empty)
		printf("\n(%zu pages gave no article)\n", empty);
	bench_summary("extract.pages", "%zu", used);
	bench_summary("extract.reps", "%d", reps);
	bench_summary_q("extract.folio", ext, used);
	bench_summary_q("extract.bare", bare, used);
	bench_summary_q("extract.ratio", ratio, used);
	free(ext);
	free(bare);
	free(ratio);
	xmlCleanupParser();
	return 0;
}
