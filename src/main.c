/* main.c - folio's command line. */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "folio/article.h"
#include "folio/layout.h"
#include "folio/source.h"
#include "folio/status.h"
#include "folio/ui.h"

enum dump_format { DUMP_NONE, DUMP_JSON, DUMP_TEXT };

struct cli {
	enum dump_format dump;
	struct source_opts source;
	char **args;
	int nargs;
	int width;              /* pager: reading measure, 0 = 80 */
	bool no_mouse;
	int jobs;               /* batch: URLs fetched at once */
};

static const char usage_text[] =
"usage: folio [options] URL|FILE|-\n"
"       folio --dump=json|text [options] URL|FILE...\n"
"\n"
"Reads a news article from a URL, an HTML file or standard input (-) and\n"
"shows only the article: headline, byline, lead photo caption and credit,\n"
"body text.\n"
"\n"
"options:\n"
"  --dump=json|text   print the article (JSON: one object per line) and exit\n"
"  --url URL          document URL of a file or stdin page (for its links)\n"
"  --timeout S        give up a fetch after S seconds (default 30)\n"
"  --max-size N       refuse pages over N bytes; suffix k, M, G (default 32M)\n"
"  --user-agent S     User-Agent header (default folio/VERSION)\n"
"  --jobs N           with several URLs: fetch N at once (default 8)\n"
"\n"
"Several URLs or files need --dump: one JSON object per line in the order\n"
"given, a failure as {\"url\",\"error\",\"status\"}; the exit status is that\n"
"of the first failure.\n"
"  --width N          pager and text: column width in cells (default 80)\n"
"  --no-mouse         pager: leave the mouse wheel to the terminal\n"
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

enum { OPT_WIDTH = 300, OPT_NO_MOUSE };
enum { OPT_DUMP = 256, OPT_URL, OPT_TIMEOUT, OPT_MAX_SIZE, OPT_USER_AGENT, OPT_JOBS };

/* A whole number in [min, max] with an optional k/M/G suffix (times
 * 1024^n) when suffixes is set; usage error otherwise. */
static long long parse_number(const char *opt, const char *s, long long min, long long max,
			      bool suffixes)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (suffixes && end != s && *end && !end[1]) {
		const char *units = "kmg";
		const char *u = strchr(units, *end | 0x20);
		for (int i = u ? (int)(u - units) + 1 : 0; i > 0 && v <= max; i--)
			v *= 1024;
		if (u)
			end++;
	}
	if (errno || end == s || *end || v < min || v > max) {
		fprintf(stderr, "folio: %s: bad value '%s' (a whole number from %lld to %lld%s)"
			" (try 'folio --help')\n", opt, s, min, max, suffixes ? ", k/M/G" : "");
		exit(STATUS_USAGE);
	}
	return v;
}

static void parse_args(int argc, char **argv, struct cli *cli)
{
	static const struct option longopts[] = {
		{ "dump", required_argument, NULL, OPT_DUMP },
		{ "url", required_argument, NULL, OPT_URL },
		{ "timeout", required_argument, NULL, OPT_TIMEOUT },
		{ "max-size", required_argument, NULL, OPT_MAX_SIZE },
		{ "user-agent", required_argument, NULL, OPT_USER_AGENT },
		{ "jobs", required_argument, NULL, OPT_JOBS },
		{ "width", required_argument, NULL, OPT_WIDTH },
		{ "no-mouse", no_argument, NULL, OPT_NO_MOUSE },
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
		case OPT_TIMEOUT:
			cli->source.timeout_s = (long)parse_number("--timeout", optarg, 1, 86400, false);
			break;
		case OPT_MAX_SIZE:
			cli->source.max_size = (size_t)parse_number("--max-size", optarg, 1,
								     (long long)1 << 40, true);
			break;
		case OPT_USER_AGENT:
			cli->source.user_agent = optarg;
			break;
		case OPT_JOBS:
			cli->jobs = (int)parse_number("--jobs", optarg, 1, 64, false);
			break;
		case OPT_WIDTH:
			cli->width = (int)parse_number("--width", optarg, 1, 1000, false);
			break;
		case OPT_NO_MOUSE:
			cli->no_mouse = true;
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

/* The pager opens links and reloads through the same source_open. */
static enum status_code ui_open(const char *arg, void *ctx, struct article **out,
				char err[SOURCE_ERR_MAX])
{
	return source_open(arg, ctx, out, err);
}

/* No --dump: the pager on a terminal; else the wrapped text with the
 * links' URLs listed at the end.  Takes ownership of a. */
static int show_article(struct article *a, const struct cli *cli)
{
	if (isatty(STDOUT_FILENO)) {
		const char *nc = getenv("NO_COLOR");
		struct ui_opts o = { .width = cli->width, .mouse = !cli->no_mouse,
				     .color = !nc || !*nc };
		const char *src = strcmp(cli->args[0], "-") ? cli->args[0] : NULL;
		return ui_run(a, src, ui_open, (void *)&cli->source, &o);
	}
	struct layout *l = layout_new(a, cli->width > 0 ? cli->width : 80);
	char *s = l ? layout_to_text(l) : NULL;
	layout_free(l);
	article_free(a);
	if (!s) {
		fprintf(stderr, "folio: out of memory formatting the article\n");
		return STATUS_INPUT;
	}
	fputs(s, stdout);
	free(s);
	return fflush(stdout) ? STATUS_INPUT : STATUS_OK;
}

/* Several sources: every article (or failure) in the order given. */
static int print_failure(const char *arg, const struct source_result *r, enum dump_format dump)
{
	size_t n = strlen(arg);
	const char *cause = strncmp(r->err, arg, n) == 0 && strncmp(r->err + n, ": ", 2) == 0
			    ? r->err + n + 2 : r->err;
	fprintf(stderr, "folio: %s\n", r->err);
	if (dump == DUMP_TEXT) {
		printf("error: %s\n", cause);
		return 0;
	}
	json_t *o = json_pack("{s:s, s:s, s:i}", "url", arg, "error", cause, "status",
			      (int)r->status);
	char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
	json_decref(o);
	if (!s)
		return -1;
	puts(s);
	free(s);
	return 0;
}

static int run_batch(const struct cli *cli)
{
	size_t n = (size_t)cli->nargs;
	struct source_result *res = calloc(n, sizeof *res);
	int failed = 0;

	if (!res) {
		fprintf(stderr, "folio: out of memory\n");
		return STATUS_INPUT;
	}
	enum status_code rc = source_open_many((const char *const *)cli->args, n, &cli->source,
					       cli->jobs, res);
	for (size_t i = 0; i < n; i++) {
		if (cli->dump == DUMP_TEXT)
			printf("%s==> %s <==\n", i ? "\n" : "", cli->args[i]);
		if (res[i].status != STATUS_OK)
			failed |= print_failure(cli->args[i], &res[i], cli->dump);
		else
			failed |= print_article(res[i].article, cli->dump);
		article_free(res[i].article);
	}
	free(res);
	if (fflush(stdout) != 0 || failed)
		return rc != STATUS_OK ? rc : STATUS_INPUT;
	return rc;
}

int main(int argc, char **argv)
{
	struct cli cli = { 0 };
	char err[SOURCE_ERR_MAX];
	struct article *article = NULL;

	parse_args(argc, argv, &cli);
	if (cli.nargs > 1 && cli.dump == DUMP_NONE)
		usage_error("%s", "several URLs or files need --dump=json or --dump=text");
	if (cli.nargs > 1)
		return run_batch(&cli);

	enum status_code rc = source_open(cli.args[0], &cli.source, &article, err);
	if (rc != STATUS_OK) {
		fprintf(stderr, "folio: %s\n", err);
		return rc;
	}
	if (article->notice)
		fprintf(stderr, "folio: %s: %s\n", cli.args[0], article->notice);
	if (cli.dump == DUMP_NONE)
		return show_article(article, &cli);
	int failed = print_article(article, cli.dump);
	article_free(article);
	if (fflush(stdout) != 0 || failed)
		return STATUS_INPUT;
	return STATUS_OK;
}
