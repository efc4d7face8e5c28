/* image_bench.c - the lead picture's cost (issue 18): decode + render
 * time of a 1600x900 JPEG and the memory it takes.
 *
 * usage: image_bench FILE.jpg   (make bench writes one with genimage photo)
 *
 * Decode at full size and as the pager asks (want_width 640: 80 columns
 * of 8 pixels, which libjpeg serves at 1/2 scale); render as symbols for
 * an 80 x 16 box and as sixels.  Memory: the process's peak RSS growth
 * over the file read into memory, and the RGBA buffer's own size. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "bench_util.h"
#include "folio/image-decode.h"
#include "folio/image-render.h"

#define REPS 15

static long peak_kb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static double time_decode(const char *bytes, size_t len, int want,
			  struct image *keep)
{
	double t[REPS];
	for (int i = 0; i < REPS; i++) {
		struct image img;
		double t0 = bench_now_ms();
		if (image_decode(bytes, len, want, &img) != IMAGE_OK) {
			fprintf(stderr, "image_bench: cannot decode\n");
			exit(1);
		}
		t[i] = bench_now_ms() - t0;
		if (i == REPS - 1)
			*keep = img;
		else
			image_free(&img);
	}
	return bench_quantile(t, REPS, 0.5);
}

static double time_render(const struct image *img, enum image_mode mode)
{
	struct image_box box = { .mode = mode, .max_cols = 80, .max_rows = 16,
				 .palette = IMAGE_PALETTE_240 };
	double t[REPS];
	for (int i = 0; i < REPS; i++) {
		double t0 = bench_now_ms();
		struct image_art *art = image_render(img, &box);
		t[i] = bench_now_ms() - t0;
		if (!art) {
			fprintf(stderr, "image_bench: cannot render\n");
			exit(1);
		}
		image_art_free(art);
	}
	return bench_quantile(t, REPS, 0.5);
}

int main(int argc, char **argv)
{
	size_t len = 0;
	char *bytes = argc == 2 ? bench_read_file(argv[1], &len) : NULL;
	if (!bytes) {
		fprintf(stderr, "usage: image_bench FILE.jpg\n");
		return 1;
	}
	long base_kb = peak_kb();
	struct image full, pager;
	double d_full = time_decode(bytes, len, 0, &full);
	double d_pager = time_decode(bytes, len, 640, &pager);
	double r_sym = time_render(&pager, IMAGE_MODE_SYMBOLS);
	double r_six = time_render(&pager, IMAGE_MODE_SIXEL);
	long grown_kb = peak_kb() - base_kb;

	printf("\nLead picture (%s, %zu KB, %dx%d), median of %d:\n", argv[1],
	       len / 1024, full.width, full.height, REPS);
	printf("| step | time | pixels decoded | RGBA |\n|---|---|---|---|\n");
	printf("| decode, full size | %.2f ms | %dx%d | %.1f MiB |\n", d_full,
	       full.width, full.height, full.width * 4.0 * full.height / 1048576);
	printf("| decode for the pager (want 640 px) | %.2f ms | %dx%d | %.1f MiB |\n",
	       d_pager, pager.width, pager.height,
	       pager.width * 4.0 * pager.height / 1048576);
	printf("| render symbols, 80x16 box | %.2f ms | - | - |\n", r_sym);
	printf("| render sixels, 80x16 box | %.2f ms | - | - |\n", r_six);
	printf("| pager's path: decode + symbols | %.2f ms | - | - |\n",
	       d_pager + r_sym);
	printf("peak RSS growth over the file in memory: %.1f MiB\n",
	       grown_kb / 1024.0);
	bench_summary("image.decode_full", "%.3f", d_full);
	bench_summary("image.decode_pager", "%.3f", d_pager);
	bench_summary("image.render_symbols", "%.3f", r_sym);
	bench_summary("image.render_sixel", "%.3f", r_six);
	bench_summary("image.rss_growth_mib", "%.1f", grown_kb / 1024.0);
	image_free(&full);
	image_free(&pager);
	free(bytes);
	return 0;
}
