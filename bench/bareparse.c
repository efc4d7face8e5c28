/* bareparse.c - the floor for a whole folio process: read the file,
 * parse it the way a plain libxml2 user would, free it, exit.
 * usage: bareparse [--huge | --no-nul | --xml] FILE
 *   (none)  htmlReadMemory, the plain options (make bench's pages);
 *   --huge  htmlReadMemory with folio's options, no depth limit (the
 *           scaling table's deep pages: without it libxml2 stops at
 *           depth 256 and the floor would be too low);
 *   --no-nul  --huge on the bytes without their NULs (libxml2 stops at
 *           the first NUL: the floor for pages full of them);
 *   --xml   xmlReadMemory with folio's feed options (feed shapes). */
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_util.h"

/* libxml2 reports encoding trouble on stderr; the timings do not care. */
static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int main(int argc, char **argv)
{
	const char *mode = argc == 3 ? argv[1] : "";
	size_t len = 0;
	char *buf = argc == 2 || argc == 3 ? bench_read_file(argv[argc - 1], &len) : NULL;

	xmlSetGenericErrorFunc(NULL, quiet);
	if (!buf || (*mode && strcmp(mode, "--huge") && strcmp(mode, "--no-nul") &&
		     strcmp(mode, "--xml"))) {
		fprintf(stderr, "usage: bareparse [--huge | --no-nul | --xml] FILE (readable)\n");
		return 1;
	}
	if (strcmp(mode, "--no-nul") == 0) {
		size_t kept = 0;
		for (size_t i = 0; i < len; i++)
			if (buf[i])
				buf[kept++] = buf[i];
		len = kept;
	}
	xmlDocPtr doc;
	if (strcmp(mode, "--xml") == 0)
		doc = xmlReadMemory(buf, (int)len, NULL, NULL, XML_PARSE_RECOVER |
				    XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NONET);
	else
		doc = htmlReadMemory(buf, (int)len, NULL, NULL,
			HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
			(*mode ? HTML_PARSE_RECOVER | XML_PARSE_HUGE : 0));
	xmlFreeDoc(doc);
	free(buf);
	return doc ? 0 : 2;
}
