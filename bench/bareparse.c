/* bareparse.c - the floor for a whole folio process: read the file,
 * htmlReadMemory it the way a plain libxml2 user would, free it, exit.
 * usage: bareparse FILE.html */
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

int main(int argc, char **argv)
{
	size_t len = 0;
	char *buf = argc == 2 ? bench_read_file(argv[1], &len) : NULL;

	xmlSetGenericErrorFunc(NULL, quiet);
	if (!buf) {
		fprintf(stderr, "usage: bareparse FILE.html (readable)\n");
		return 1;
	}
	htmlDocPtr doc = htmlReadMemory(buf, (int)len, NULL, NULL,
		HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	xmlFreeDoc(doc);
	free(buf);
	return doc ? 0 : 2;
}
