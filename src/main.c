/* main.c - folio's command line. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "folio/article.h"
#include "folio/source.h"
#include "folio/status.h"

enum dump_format { DUMP_NONE, DUMP_JSON, DUMP_TEXT };

struct cli {
	enum dump_format dump;
	struct source_opts source;
	char **args;
	int nargs;
};

static const char usage_text[] =
"usage: folio [options] URL|FILE|-\n"
"\n"
"Reads a news article from a URL, an HTML file or standard input (-) and\n"
"shows only the article: headline, byline, lead photo caption and credit,\n"
"body text.\n"
"\n"
"options:\n"
"  --dump=json|text   print the article (JSON: one object per line) and exit\n"
"  --url URL          document URL of a file or stdin page (for its links)\n"
"  -h, --help         show this help and exit\n"
"  -V, --version      show the version and exit\n"
"\n"
"exit status:\n"
"  0 ok, 1 usage error, 2 network error, 3 input cannot be read,\n"
"  4 no article found, 5 HTTP error status, 6 not HTML or too large\n";

static void usage_error(const char *fmt, const char *what)
{
	fprintf(stderr, "folio: ");
	fprintf(stderr, fmt, what);
	fprintf(stderr, " (try 'folio --help')\n");
	exit(STATUS_USAGE);
}

enum { OPT_DUMP = 256, OPT_URL };

static void parse_args(int argc, char **argv, struct cli *cli)
{
	static const struct option longopts[] = {
		{ "dump", required_argument, NULL, OPT_DUMP },
		{ "url", required_argument, NULL, OPT_URL },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hV", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_DUMP:
			if (strcmp(optarg, "json") == 0)
				cli->dump = DUMP_JSON;
			else if (strcmp(optarg, "text") == 0)
				cli->dump = DUMP_TEXT;
			else
				usage_error("--dump: unknown format '%s' (json or text)", optarg);
			break;
		case OPT_URL:
			cli->source.base_url = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			exit(STATUS_OK);
		case 'V':
			printf("folio %s\n", FOLIO_VERSION);
			exit(STATUS_OK);
		case ':':
			usage_error("option '%s' needs a value", argv[optind - 1]);
			break;
		default:
			usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	cli->args = argv + optind;
	cli->nargs = argc - optind;
	if (cli->nargs == 0)
		usage_error("%s", "no URL or file given");
}

/* Prints one article in the chosen form; -1 when it could not be
 * formatted (out of memory). */
static int print_article(const struct article *a, enum dump_format dump)
{
	char *s = dump == DUMP_JSON ? article_to_json(a) : article_to_text(a);
	if (!s) {
		fprintf(stderr, "folio: out of memory formatting the article\n");
		return -1;
	}
	fputs(s, stdout);
	if (dump == DUMP_JSON)
		fputc('\n', stdout);
	free(s);
	return 0;
}

int main(int argc, char **argv)
{
	struct cli cli = { 0 };
	char err[SOURCE_ERR_MAX];
	struct article *article = NULL;

	parse_args(argc, argv, &cli);
	if (cli.nargs > 1)
		usage_error("%s", "one URL or file at a time");

	enum status_code rc = source_open(cli.args[0], &cli.source, &article, err);
	if (rc != STATUS_OK) {
		fprintf(stderr, "folio: %s\n", err);
		return rc;
	}
	if (article->notice)
		fprintf(stderr, "folio: %s: %s\n", cli.args[0], article->notice);
	int failed = print_article(article, cli.dump == DUMP_NONE ? DUMP_TEXT : cli.dump);
	article_free(article);
	if (fflush(stdout) != 0 || failed)
		return STATUS_INPUT;
	return STATUS_OK;
}
