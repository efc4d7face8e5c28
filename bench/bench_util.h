/* bench_util.h - small helpers shared by the bench programs (header
 * only: the Makefile builds every .c file in bench/ as its own program). */
#ifndef FOLIO_BENCH_UTIL_H
#define FOLIO_BENCH_UTIL_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static inline double bench_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static inline int bench_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Quantile q (0..1) of v[0..n), nearest rank; sorts a copy. */
static inline double bench_quantile(const double *v, size_t n, double q)
{
	if (n == 0)
		return 0;
	double *s = malloc(n * sizeof *s);
	if (!s)
		return 0;
	memcpy(s, v, n * sizeof *s);
	qsort(s, n, sizeof *s, bench_cmp_double);
	size_t rank = (size_t)(q * (double)n + 0.999999);
	double r = s[rank == 0 ? 0 : (rank > n ? n : rank) - 1];
	if (q == 0.5 && n % 2 == 0)
		r = (s[n / 2 - 1] + s[n / 2]) / 2;
	free(s);
	return r;
}

/* Whole file into a malloc'd buffer; NULL on error. */
static inline char *bench_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1))) {
		*len = fread(buf, 1, (size_t)n, f);
		buf[*len] = '\0';
	}
	fclose(f);
	return buf;
}

static inline int bench_reps(void)
{
	const char *e = getenv("BENCH_REPS");
	int n = e ? atoi(e) : 0;
	return n > 0 ? n : 9;
}

/* make bench's summary: one "KEY VALUE" line appended to the file named
 * by $BENCH_SUMMARY (bench/run.sh sets it, bench/summary.awk turns the
 * lines into the closing table); nothing when it is unset. */
__attribute__((format(printf, 2, 3)))
static inline void bench_summary(const char *key, const char *fmt, ...)
{
	const char *path = getenv("BENCH_SUMMARY");
	FILE *f = path && *path ? fopen(path, "a") : NULL;
	va_list ap;

	if (!f)
		return;
	fprintf(f, "%s ", key);
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fputc('\n', f);
	fclose(f);
}

/* The median and p90 of v[0..n) as KEY.median and KEY.p90. */
static inline void bench_summary_q(const char *key, const double *v, size_t n)
{
	char k[128];
	snprintf(k, sizeof k, "%s.median", key);
	bench_summary(k, "%.3f", bench_quantile(v, n, 0.5));
	snprintf(k, sizeof k, "%s.p90", key);
	bench_summary(k, "%.3f", bench_quantile(v, n, 0.9));
}

#endif
