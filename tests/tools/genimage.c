/* genimage - writes a test picture (tests/unit/image_samples.h: four
 * coloured quadrants) made by the format's own library; photo: a JPEG
 * with a photograph's gradients and grain (for make bench).
 * usage: genimage jpeg|png|gif|webp|photo WIDTH HEIGHT OUT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../unit/image_samples.h"

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: genimage jpeg|png|gif|webp|photo W H OUT\n");
		return 1;
	}
	int w = atoi(argv[2]), h = atoi(argv[3]);
	size_t n = 0;
	uint8_t *bytes = NULL;
	if (w < 1 || h < 1 || w > 10000 || h > 10000) {
		fprintf(stderr, "genimage: bad size %sx%s\n", argv[2], argv[3]);
		return 1;
	}
	if (!strcmp(argv[1], "jpeg"))
		bytes = sample_jpeg(w, h, false, &n);
	else if (!strcmp(argv[1], "png"))
		bytes = sample_png(w, h, &n);
	else if (!strcmp(argv[1], "gif"))
		bytes = sample_gif(w, h, false, false, &n);
	else if (!strcmp(argv[1], "webp"))
		bytes = sample_webp(w, h, &n);
	else if (!strcmp(argv[1], "photo"))
		bytes = sample_jpeg_of(sample_photo_pixels(w, h), w, h, false, &n);
	FILE *f = bytes ? fopen(argv[4], "wb") : NULL;
	if (!f || fwrite(bytes, 1, n, f) != n || fclose(f) != 0) {
		fprintf(stderr, "genimage: cannot make %s\n", argv[4]);
		return 1;
	}
	free(bytes);
	return 0;
}
