/* store_seed - puts entries into folio's default store for the shell
 * tests (what the pager would record), through the store API.
 *
 *   store_seed history URL TITLE WHEN   record an opened article
 *   store_seed histories PREFIX N       record PREFIX1 .. PREFIXN, in order
 *   store_seed save URL TITLE FILE      save FILE's bytes as URL's page
 *   store_seed position URL             print "BLOCK OFFSET" or "none" */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "folio/util-file.h"
#include "folio/store.h"

int main(int argc, char **argv)
{
	char warn[STORE_WARN_MAX];
	int rc = 1;
	if (argc < 3) {
		fprintf(stderr, "usage: store_seed history|save|position URL ...\n");
		return 2;
	}
	struct store *st = store_open_default(warn);
	if (!st) {
		fprintf(stderr, "store_seed: %s\n", warn[0] ? warn : "store disabled");
		return 1;
	}
	if (strcmp(argv[1], "history") == 0 && argc == 5) {
		rc = store_history_record(st, argv[2], argv[3], NULL, atoll(argv[4])) != 0;
	} else if (strcmp(argv[1], "histories") == 0 && argc == 4) {
		rc = 0;
		for (long i = 1; i <= atol(argv[3]) && !rc; i++) {
			char url[512];
			snprintf(url, sizeof url, "%s%ld", argv[2], i);
			rc = store_history_record(st, url, NULL, NULL, 1000000000 + i) != 0;
		}
	} else if (strcmp(argv[1], "save") == 0 && argc == 5) {
		size_t len;
		char *html;
		file_read_path(argv[4], 0, &html, &len);
		rc = !html || store_save(st, argv[2], argv[3], NULL, html, len, 1000) != 0;
		free(html);
	} else if (strcmp(argv[1], "position") == 0 && argc == 3) {
		long block, offset;
		int found = store_history_get_position(st, argv[2], &block, &offset);
		if (found == 1)
			printf("%ld %ld\n", block, offset);
		else
			puts("none");
		rc = found < 0;
	} else {
		fprintf(stderr, "store_seed: bad arguments\n");
	}
	store_free(st);
	return rc;
}
