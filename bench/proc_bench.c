/* proc_bench.c - whole-process cost: `FOLIO --dump=json PAGE` against
 * `BAREPARSE PAGE` (read + htmlReadMemory + free), page by page,
 * alternating BENCH_REPS times (default 9); the fastest run of each
 * counts.  Wall time, CPU time (user + system) and peak RSS come from
 * wait4(), so no shell or interpreter start-up is in the figures.  On a
 * busy machine process start-up waits for a CPU: the CPU rows are the
 * steadier comparison there.  Prints a markdown table, and the same
 * figures go to make bench's summary (bench_summary).
 * With --per-page, one table row per page instead (pathological pages),
 * and one summary line per page: "patho NAME BYTES FOLIO_MS BARE_MS
 * FOLIO_MIB BARE_MIB FOLIO_EXIT".
 * usage: proc_bench [--per-page] FOLIO BAREPARSE FILE.html... */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_util.h"

extern char **environ;

struct run {
	double ms, cpu_ms;      /* wall; user + system */
	long rss_kb;
	int status;
};

static struct run spawn_one(char *const argv[])
{
	struct run r = { 0, 0, 0, -1 };
	posix_spawn_file_actions_t fa;
	struct rusage ru;
	pid_t pid;
	int st;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	double t0 = bench_now_ms();
	if (posix_spawn(&pid, argv[0], &fa, NULL, argv, environ) == 0 &&
	    wait4(pid, &st, 0, &ru) == pid) {
		r.ms = bench_now_ms() - t0;
		r.cpu_ms = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
			   (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
		r.rss_kb = ru.ru_maxrss;
		r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	}
	posix_spawn_file_actions_destroy(&fa);
	return r;
}

static void row(const char *what, const double *v, size_t n, const char *unit)
{
	printf("| %s | %.2f %s | %.2f %s |\n", what, bench_quantile(v, n, 0.5), unit,
	       bench_quantile(v, n, 0.9), unit);
}

static int per_page(char **argv, int n)
{
	int reps = bench_reps();

	bench_summary("patho.reps", "%d", reps);
	printf("\n| page | size | folio --dump=json | bareparse | ratio | folio peak RSS | bareparse peak RSS | folio exit |\n");
	printf("|---|---:|---:|---:|---:|---:|---:|---:|\n");
	for (int i = 0; i < n; i++) {
		char *page = argv[i + 2];
		char *fargv[] = { argv[0], "--dump=json", page, NULL };
		char *bargv[] = { argv[1], page, NULL };
		struct run fb = { 1e30, 0, 0, 0 }, bb = { 1e30, 0, 0, 0 };
		struct stat st;
		/* stat, not read: a vfork-style spawn hands this process's
		 * peak RSS on to the child's ru_maxrss. */
		double len = stat(page, &st) == 0 ? (double)st.st_size : 0;
		for (int r = 0; r < reps; r++) {
			struct run f = spawn_one(fargv), b = spawn_one(bargv);
			if (f.ms < fb.ms)
				fb = f;
			if (b.ms < bb.ms)
				bb = b;
		}
		const char *name = strrchr(page, '/');
		name = name ? name + 1 : page;
		printf("| %s | %.1f MB | %.0f ms | %.0f ms | %.2f | %.1f MiB | %.1f MiB | %d |\n",
		       name, len / 1e6, fb.ms, bb.ms, fb.ms / bb.ms,
		       fb.rss_kb / 1024.0, bb.rss_kb / 1024.0, fb.status);
		bench_summary("patho", "%.*s %.0f %.1f %.1f %.2f %.2f %d",
			      (int)strcspn(name, "."), name, len, fb.ms, bb.ms,
			      fb.rss_kb / 1024.0, bb.rss_kb / 1024.0, fb.status);
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 5 && strcmp(argv[1], "--per-page") == 0)
		return per_page(argv + 2, argc - 4);
	if (argc < 4) {
		fprintf(stderr, "usage: proc_bench FOLIO BAREPARSE FILE.html...\n");
		return 1;
	}
	size_t n = (size_t)argc - 3, failed = 0, rss_over_n = 0;
	double *ft = calloc(n, sizeof *ft), *bt = calloc(n, sizeof *bt);
	double *fr = calloc(n, sizeof *fr), *br = calloc(n, sizeof *br);
	double *ratio = calloc(n, sizeof *ratio), *rss_over = calloc(n, sizeof *rss_over);
	double *fc = calloc(n, sizeof *fc), *bc = calloc(n, sizeof *bc);
	int reps = bench_reps();

	if (!ft || !bt || !fr || !br || !ratio || !rss_over || !fc || !bc)
		return 1;
	for (size_t i = 0; i < n; i++) {
		char *page = argv[i + 3];
		char *fargv[] = { argv[1], "--dump=json", page, NULL };
		char *bargv[] = { argv[2], page, NULL };
		ft[i] = bt[i] = fc[i] = bc[i] = 1e30;
		for (int r = 0; r < reps; r++) {
			struct run f = spawn_one(fargv), b = spawn_one(bargv);
			failed += r == 0 && f.status != 0;
			ft[i] = f.ms < ft[i] ? f.ms : ft[i];
			bt[i] = b.ms < bt[i] ? b.ms : bt[i];
			fc[i] = f.cpu_ms < fc[i] ? f.cpu_ms : fc[i];
			bc[i] = b.cpu_ms < bc[i] ? b.cpu_ms : bc[i];
			fr[i] = f.rss_kb / 1024.0;
			br[i] = b.rss_kb / 1024.0;
		}
		ratio[i] = ft[i] / bt[i];
		/* The target: folio's peak <= 1.5 x the bare parse's + 4 MiB. */
		rss_over[i] = fr[i] - (1.5 * br[i] + 4);
		rss_over_n += rss_over[i] > 0;
	}
	printf("\nWhole process, %zu pages, fastest of %d runs each:\n\n", n, reps);
	printf("| process | median | p90 |\n|---|---:|---:|\n");
	row("folio --dump=json FILE, wall", ft, n, "ms");
	row("bareparse FILE, wall", bt, n, "ms");
	printf("| ratio of the two (median / p90 of each) | %.2f | %.2f |\n",
	       bench_quantile(ft, n, 0.5) / bench_quantile(bt, n, 0.5),
	       bench_quantile(ft, n, 0.9) / bench_quantile(bt, n, 0.9));
	row("per-page ratio folio / bareparse", ratio, n, "");
	row("folio --dump=json FILE, CPU", fc, n, "ms");
	row("bareparse FILE, CPU", bc, n, "ms");
	printf("| ratio of the two CPU times (median / p90 of each) | %.2f | %.2f |\n",
	       bench_quantile(fc, n, 0.5) / bench_quantile(bc, n, 0.5),
	       bench_quantile(fc, n, 0.9) / bench_quantile(bc, n, 0.9));
	row("folio peak RSS", fr, n, "MiB");
	row("bareparse peak RSS", br, n, "MiB");
	printf("| folio RSS - (1.5 x bareparse RSS + 4 MiB) (target <= 0; max %.2f, %zu pages over) | %.2f MiB | %.2f MiB |\n",
	       bench_quantile(rss_over, n, 1.0), rss_over_n,
	       bench_quantile(rss_over, n, 0.5), bench_quantile(rss_over, n, 0.9));
	bench_summary("proc.pages", "%zu", n);
	bench_summary("proc.reps", "%d", reps);
	bench_summary_q("proc.folio.wall", ft, n);
	bench_summary_q("proc.bare.wall", bt, n);
	bench_summary_q("proc.ratio", ratio, n);
	bench_summary_q("proc.folio.cpu", fc, n);
	bench_summary_q("proc.bare.cpu", bc, n);
	bench_summary_q("proc.folio.rss", fr, n);
	bench_summary_q("proc.bare.rss", br, n);
	bench_summary("proc.rss.over", "%zu", rss_over_n);
	bench_summary("proc.failed", "%zu", failed);
	/* Start-up alone: what every run pays before reading a byte. */
	char *vargv[] = { argv[1], "--version", NULL };
	char *bvargv[] = { argv[2], NULL };
	double vs = 1e30, vc = 1e30, bs = 1e30, bcpu = 1e30;
	for (int r = 0; r < reps * 4; r++) {
		struct run v = spawn_one(vargv), b = spawn_one(bvargv);
		vs = v.ms < vs ? v.ms : vs;
		vc = v.cpu_ms < vc ? v.cpu_ms : vc;
		bs = b.ms < bs ? b.ms : bs;
		bcpu = b.cpu_ms < bcpu ? b.cpu_ms : bcpu;
	}
	printf("\nStart-up alone (fastest of %d): folio --version %.2f ms wall, %.2f ms CPU;"
	       " bareparse without a file %.2f ms wall, %.2f ms CPU.\n", reps * 4, vs, vc, bs, bcpu);
	bench_summary("startup.folio.wall", "%.3f", vs);
	bench_summary("startup.folio.cpu", "%.3f", vc);
	bench_summary("startup.bare.wall", "%.3f", bs);
	bench_summary("startup.bare.cpu", "%.3f", bcpu);
	if (failed)
		printf("\n(folio exited non-zero on %zu pages)\n", failed);
	free(ft); free(bt); free(fr); free(br); free(ratio); free(rss_over);
	free(fc); free(bc);
	return 0;
}
