/* main.c - folio's command line. */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "folio/article.h"
#include "folio/config.h"
#include "folio/feed-cli.h"
#include "folio/layout.h"
#include "folio/open.h"
#include "folio/status.h"
#include "folio/store.h"
#include "folio/store-reading.h"
#include "folio/task.h"
#include "folio/text.h"
#include "folio/image-detect.h"
#include "folio/image-query.h"
#include "folio/ui.h"

enum dump_format { DUMP_NONE, DUMP_JSON, DUMP_TEXT };

struct cli {
	enum dump_format dump;
	char *warnings;         /* the settings file's, for the pager too */
	struct open_opts source;
	char **args;
	int nargs;
	int width;              /* pager: reading measure, 0 = 80 */
	bool no_mouse;
	int jobs;               /* batch: URLs fetched at once */
	const struct config *config;  /* the settings file, once read */
	bool no_store;          /* --no-store: open and create nothing */
	bool list_history, list_saved;
	bool refresh;           /* --refresh: fetch every subscribed feed */
	const char *unsave;     /* --unsave URL */
	const char *subscribe;  /* --subscribe URL */
	const char *images;     /* --images MODE (--no-images: "none") */
};

static const char usage_text[] =
"usage: folio [options] URL|FILE|-\n"
"       folio --dump=json|text [options] URL|FILE...\n"
"       folio [--refresh]\n"
"\n"
"Reads a news article from a URL, an HTML file or standard input (-) and\n"
"shows only the article: headline, byline, lead photo caption and credit,\n"
"body text.  A feed (RSS or Atom) shows as a list of its stories; with\n"
"no argument, the stories of every subscribed feed, newest first.\n"
"\n"
"options:\n"
"  --dump=json|text   print the article (JSON: one object per line) and exit\n"
"  --url URL          document URL of a file or stdin page (for its links)\n"
"  --timeout S        give up a fetch after S seconds (default 30)\n"
"  --max-size N       refuse pages over N bytes; suffix k, M, G (default 32M)\n"
"  --user-agent S     User-Agent header (default folio/VERSION)\n"
"  --jobs N           with several URLs: fetch N at once (default 8)\n"
"  --width N          pager and text: column width in cells (default 80;\n"
"                     0: no wrapping, the pager as wide as the terminal)\n"
"  --no-mouse         pager: leave the mouse wheel to the terminal\n"
"  --images=MODE      pager: draw the lead photo as auto (default), symbols,\n"
"                     sixel, kitty, iterm or none\n"
"  --no-images        the same as --images=none\n"
"  --offline          read URLs only from the cache and saved list\n"
"                     (exit 3 when a page is in neither)\n"
"  --no-store         no history, cache or saved list: create nothing\n"
"                     (also FOLIO_NO_STORE=1)\n"
"  --history          list recently read articles and exit\n"
"  --saved            list saved articles and exit\n"
"  --unsave URL       remove URL from the saved list and exit\n"
"  --refresh          fetch every subscribed feed (--jobs at once), store\n"
"                     the stories, print one line per feed and exit\n"
"  --subscribe URL    subscribe to a feed or a site's front page (a page\n"
"                     of stories; else the feed a page advertises) and exit\n"
"  -h, --help         show this help and exit\n"
"  -V, --version      show the version and exit\n"
"\n"
"Several URLs or files need --dump: one JSON object per line in the order\n"
"given, a failure as {\"url\",\"error\",\"status\"}; the exit status is that\n"
"of the first failure.\n"
"\n"
"exit status:\n"
"  0 ok, 1 usage error, 2 network error, 3 input cannot be read,\n"
"  4 no article found, 5 HTTP error status, 6 not HTML or too large\n"
"\n"
"files:\n"
"  $XDG_CONFIG_HOME/folio/config  settings (~/.config/folio/config)\n"
"  $XDG_CONFIG_HOME/folio/feeds   subscribed feeds: URL [\"Title\"] [tags]\n"
"  $XDG_DATA_HOME/folio/folio.db  history, cache, saved list\n"
"                                 (~/.local/share/folio/folio.db)\n";

static void __attribute__((format(printf, 1, 2), noreturn))
usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "folio: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, " (try 'folio --help')\n");
	exit(STATUS_USAGE);
}

enum { OPT_WIDTH = 300, OPT_NO_MOUSE };
enum { OPT_OFFLINE = 400, OPT_NO_STORE, OPT_HISTORY, OPT_SAVED, OPT_UNSAVE };
enum { OPT_REFRESH = 500, OPT_SUBSCRIBE };
enum { OPT_IMAGES = 600, OPT_NO_IMAGES };
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
		/* only in range is multiplied: a large negative number
		 * times 1024^n overflows (and once wrapped to 1 GiB) */
		for (int i = u ? (int)(u - units) + 1 : 0; i > 0 && v >= min && v <= max; i--)
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
		{ "offline", no_argument, NULL, OPT_OFFLINE },
		{ "no-store", no_argument, NULL, OPT_NO_STORE },
		{ "history", no_argument, NULL, OPT_HISTORY },
		{ "saved", no_argument, NULL, OPT_SAVED },
		{ "unsave", required_argument, NULL, OPT_UNSAVE },
		{ "refresh", no_argument, NULL, OPT_REFRESH },
		{ "subscribe", required_argument, NULL, OPT_SUBSCRIBE },
		{ "images", required_argument, NULL, OPT_IMAGES },
		{ "no-images", no_argument, NULL, OPT_NO_IMAGES },
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
			/* 0: no wrapping (kept as -1: 0 is "not given") */
			cli->width = (int)parse_number("--width", optarg, 0, 1000, false);
			if (!cli->width)
				cli->width = -1;
			break;
		case OPT_NO_MOUSE:
			cli->no_mouse = true;
			break;
		case OPT_OFFLINE:
			cli->source.offline = true;
			break;
		case OPT_NO_STORE:
			cli->no_store = true;
			break;
		case OPT_HISTORY:
			cli->list_history = true;
			break;
		case OPT_SAVED:
			cli->list_saved = true;
			break;
		case OPT_UNSAVE:
			cli->unsave = optarg;
			break;
		case OPT_REFRESH:
			cli->refresh = true;
			break;
		case OPT_SUBSCRIBE:
			cli->subscribe = optarg;
			break;
		case OPT_IMAGES:
			if (!image_setting_valid(optarg))
				usage_error("--images: unknown mode '%s' (auto, symbols, "
					    "sixel, kitty, iterm or none)", optarg);
			cli->images = optarg;
			break;
		case OPT_NO_IMAGES:
			cli->images = "none";
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
	if (cli->list_history + cli->list_saved + !!cli->unsave > 1 ||
	    ((cli->list_history || cli->list_saved || cli->unsave) && cli->nargs))
		usage_error("%s", "--history, --saved and --unsave go alone");
	if (cli->refresh && (cli->nargs || cli->list_history || cli->list_saved || cli->unsave))
		usage_error("%s", "--refresh goes alone");
	if (cli->subscribe && (cli->nargs || cli->refresh || cli->list_history ||
			       cli->list_saved || cli->unsave))
		usage_error("%s", "--subscribe goes alone");
}

#define NO_WRAP_WIDTH (1 << 20)  /* --width 0: a line per paragraph */

/* The text the pager shows, wrapped at width (0: 80, < 0: not at all),
 * and its links listed as the pager's link list has them. */
static char *wrapped_text(const struct article *a, int width)
{
	struct layout *l = layout_new(a, width < 0 ? NO_WRAP_WIDTH : width ? width : 80);
	char *s = l ? layout_to_text(l) : NULL;
	layout_free(l);
	return s;
}

/* Prints one article in the chosen form; -1 when it could not be
 * formatted (out of memory). */
static int print_article(const struct article *a, enum dump_format dump, int width)
{
	if (dump == DUMP_JSON) {
		/* streamed: a long article is not copied into one string */
		if (article_write_json(a, stdout) != 0)
			return -1;
		fputc('\n', stdout);
		return 0;
	}
	char *s = wrapped_text(a, width);
	if (!s) {
		fprintf(stderr, "folio: out of memory formatting the article\n");
		return -1;
	}
	fputs(s, stdout);
	free(s);
	return 0;
}

/* The pager opens links and reloads through the same open_page; the
 * list of every subscribed story has no page to open: it is made
 * again, the feeds fetched anew. */
/* The pager's options for a fetch on its worker: progress, and Esc
 * cancels. */
static struct open_opts task_opts(const void *ctx, struct task *task)
{
	struct open_opts opts = *(const struct open_opts *)ctx;
	if (task) {
		opts.progress = task_xferinfo;
		opts.progress_arg = task;
	}
	return opts;
}

static enum status_code ui_open(const char *arg, enum ui_open_as as, void *ctx,
				struct task *task, struct article **out,
				char err[OPEN_ERR_MAX])
{
	struct open_opts opts = task_opts(ctx, task);
	opts.whole_text = as == UI_OPEN_WHOLE_TEXT;
	if (opts.whole_text && (strcmp(arg, FEEDCLI_ALL) == 0 || strcmp(arg, FEEDCLI_FEEDS) == 0)) {
		status_message(err, OPEN_ERR_MAX, "%s: made by folio, no page of its own", arg);
		return STATUS_USAGE;
	}
	if (strcmp(arg, FEEDCLI_ALL) == 0)
		return feed_cli_reload_all(&opts, out, err);
	if (strcmp(arg, FEEDCLI_FEEDS) == 0)
		return feed_cli_feeds(&opts, out, err);
	/* A file opens with the URL it was last read with (--url; the
	 * history keeps it), not the command line's, which is another
	 * file's; without a store, the command line's is all there is. */
	char *base = NULL;
	if (opts.store && !open_is_url(arg)) {
		reading_base(opts.store, arg, &base);
		opts.base_url = base;
	}
	enum status_code rc = open_page(arg, &opts, out, err);
	free(base);
	return rc;
}

/* The pager's m and M. */
static int ui_mark_read(const char *url, bool read, void *ctx)
{
	return reading_mark(((const struct open_opts *)ctx)->store, url, read,
			    (int64_t)time(NULL));
}

static int ui_is_read(const char *url, void *ctx)
{
	return reading_is_read(((const struct open_opts *)ctx)->store, url);
}

/* The pager's a key. */
static int ui_subscribe(const char *url, void *ctx, struct task *task, char msg[256])
{
	struct open_opts opts = task_opts(ctx, task);
	return feed_cli_subscribe(url, &opts, msg);
}

/* The lead picture's mode: --images, else the settings file, else what
 * the terminal takes (its environment, else its answer to a query). */
#define IMAGE_QUERY_TIMEOUT_MS 1000
static int picture_mode(const struct cli *cli)
{
	const char *setting = cli->images;
	if (!setting && cli->config && cli->config->images[0])
		setting = cli->config->images;
	int m = image_detect(setting, environ);
	/* Nothing told a graphics protocol: the terminal may still speak
	 * one (xterm with sixels, a kitty-like terminal); ask it. */
	if (m == IMAGE_MODE_SYMBOLS && image_detect_ask(setting, environ)) {
		int asked = image_query_terminal(IMAGE_QUERY_TIMEOUT_MS);
		if (asked >= 0)
			m = asked;
	}
	return m < 0 ? IMAGE_MODE_NONE : m;
}

/* No --dump: the pager on a terminal; else the wrapped text with the
 * links' URLs listed at the end.  Takes ownership of a. */
static int show_article(struct article *a, const struct cli *cli)
{
	if (isatty(STDOUT_FILENO)) {
		const char *nc = getenv("NO_COLOR");
		struct ui_opts o = { .width = cli->width, .mouse = !cli->no_mouse,
				     .color = cli->config && cli->config->color >= 0
					      ? cli->config->color : !nc || !*nc,
				     .store = cli->source.store,
				     .subscribe = ui_subscribe,
				     .images = picture_mode(cli),
				     .picture_from = &cli->source,
				     .mark_read = ui_mark_read,
				     .is_read = ui_is_read,
				     .feeds = FEEDCLI_FEEDS,
				     .startup_msg = cli->warnings,
				     .keys = cli->config ? &cli->config->keys : NULL };
		const char *src = cli->nargs == 0 ? FEEDCLI_ALL
				  : strcmp(cli->args[0], "-") ? cli->args[0] : NULL;
		return ui_run(a, src, ui_open, (void *)&cli->source, &o);
	}
	char *s = wrapped_text(a, cli->width);
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
static int print_failure(const char *arg, const struct open_result *r, enum dump_format dump)
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

struct batch_out {
	const struct cli *cli;
	int failed;
};

/* One source of a batch, printed (and flushed) as soon as its turn comes. */
static void print_ready(size_t i, struct open_result *r, void *arg)
{
	struct batch_out *out = arg;
	const struct cli *cli = out->cli;
	/* Names may hold escape sequences: never echo them raw. */
	char *name = text_clean_dup(cli->args[i], strlen(cli->args[i]));

	text_clean(r->err, strlen(r->err));
	if (cli->dump == DUMP_TEXT)
		printf("%s==> %s <==\n", i ? "\n" : "", name ? name : "");
	if (r->status != STATUS_OK) {
		out->failed |= print_failure(name ? name : "", r, cli->dump);
	} else {
		if (r->err[0])          /* a warning: the page is there */
			fprintf(stderr, "folio: %s\n", r->err);
		out->failed |= print_article(r->article, cli->dump, cli->width);
	}
	article_free(r->article);
	r->article = NULL;
	free(name);
	if (fflush(stdout) != 0)
		out->failed = -1;
}

static int run_batch(const struct cli *cli)
{
	size_t n = (size_t)cli->nargs;
	struct open_result *res = calloc(n, sizeof *res);
	struct batch_out out = { cli, 0 };

	if (!res) {
		fprintf(stderr, "folio: out of memory\n");
		return STATUS_INPUT;
	}
	enum status_code rc = open_many((const char *const *)cli->args, n, &cli->source,
					       cli->jobs, res, print_ready, &out);
	for (size_t i = 0; i < n; i++)
		article_free(res[i].article);
	free(res);
	if (out.failed)
		return rc != STATUS_OK ? rc : STATUS_INPUT;
	return rc;
}

/* ---- settings file and store ---------------------------------------- */

/* Process-lifetime resources, released at exit whichever way main
 * leaves (usage errors exit from deep inside). */
static struct config settings;
static struct store *store;

static char *config_warnings;

static void release_store(void)
{
	free(config_warnings);
	config_warnings = NULL;
	store_free(store);
	store = NULL;
	config_free(&settings);
}

/* The pager remembers what it shows; printed output only caches URLs;
 * so printing files neither opens nor creates the database. */
static bool needs_store(const struct cli *cli)
{
	if ((cli->dump == DUMP_NONE && isatty(STDOUT_FILENO)) ||
	    cli->list_history || cli->list_saved || cli->unsave ||
	    cli->refresh || cli->nargs == 0)
		return true;
	for (int i = 0; i < cli->nargs; i++)
		if (open_is_url(cli->args[i]))
			return true;
	return false;
}

/* The settings file fills in what the command line left unset; then
 * the store opens unless --no-store / FOLIO_NO_STORE says otherwise.  A
 * store that cannot open is one warning: folio reads on without it. */
static void setup_store(struct cli *cli)
{
	char *path = config_default_path();
	char warn[STORE_WARN_MAX];

	config_init(&settings);
	atexit(release_store);
	if (path) {
		/* Said on stderr, and again in the pager, whose screen would
		 * hide them. */
		size_t len = 0;
		FILE *w = open_memstream(&config_warnings, &len);
		config_load(&settings, path, w ? w : stderr);
		if (w && fclose(w) == 0 && config_warnings)
			fputs(config_warnings, stderr);
		cli->warnings = config_warnings;
	}
	free(path);
	cli->config = &settings;
	if (!cli->source.timeout_s && settings.timeout_s)
		cli->source.timeout_s = settings.timeout_s;
	if (!cli->source.user_agent && settings.user_agent)
		cli->source.user_agent = settings.user_agent;
	if (!cli->width && settings.width)
		cli->width = settings.width;
	if (settings.mouse == 0)
		cli->no_mouse = true;
	if (cli->no_store || !needs_store(cli))
		return;
	store = store_open_default(warn);
	if (warn[0])    /* no store, or a read-only one */
		fprintf(stderr, "folio: %s\n", warn);
	if (store && settings.cache_mb >= 0)
		store_cache_set_cap(store, (int64_t)settings.cache_mb << 20);
	cli->source.store = store;
}

/* A field of a listing: a tampered database must not reach the
 * terminal as control sequences (C0, DEL, C1 in UTF-8), nor break
 * the tab-separated lines. */
static void put_field(const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	for (; *p; p++) {
		if (*p < 0x20 || *p == 0x7f)
			putchar(' ');
		else if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			putchar(' '), p++;
		else
			putchar(*p);
	}
}

/* "YYYY-MM-DD HH:MM<TAB>URL<TAB>TITLE", local time. */
static void put_entry(int64_t when, const char *url, const char *title)
{
	char date[32] = "?";
	time_t t = (time_t)when;
	struct tm tm;
	if (localtime_r(&t, &tm))
		strftime(date, sizeof date, "%Y-%m-%d %H:%M", &tm);
	printf("%s\t", date);
	put_field(url);
	putchar('\t');
	put_field(title);
	putchar('\n');
}

/* --history, --saved: the lists the pager's h and S show. */
static int list_entries(enum reading_list which)
{
	const char *what = which == READING_HISTORY ? "history" : "saved list";
	struct store_entry *e;
	size_t n;
	if (reading_list(store, which, &e, &n) != 0) {
		fprintf(stderr, "folio: cannot read the %s\n", what);
		return STATUS_INPUT;
	}
	for (size_t i = 0; i < n; i++)
		put_entry(e[i].when, e[i].url, e[i].title);
	if (n == 0 && isatty(STDOUT_FILENO))
		fprintf(stderr, "folio: the %s is empty\n", what);
	store_entries_free(e, n);
	return fflush(stdout) ? STATUS_INPUT : STATUS_OK;
}

/* --history, --saved, --unsave: they need the store (exit 3 without). */
static int store_command(const struct cli *cli)
{
	const char *what = cli->list_history ? "--history" : cli->list_saved ? "--saved"
				: "--unsave";
	if (!store) {
		fprintf(stderr, "folio: %s: no store (%s)\n", what,
			cli->no_store || store_disabled_by_env()
			? "--no-store or FOLIO_NO_STORE" : "the database cannot be opened");
		return STATUS_INPUT;
	}
	if (cli->list_history || cli->list_saved)
		return list_entries(cli->list_history ? READING_HISTORY : READING_SAVED);
	int rc = reading_unsave(store, cli->unsave);
	if (rc == 1)
		return STATUS_OK;
	fprintf(stderr, "folio: %s: %s\n", cli->unsave,
		rc == 0 ? "not in the saved list" : "cannot change the saved list");
	return STATUS_INPUT;
}

int main(int argc, char **argv)
{
	struct cli cli = { 0 };
	char err[OPEN_ERR_MAX] = "";
	struct article *article = NULL;

	parse_args(argc, argv, &cli);
	setup_store(&cli);
	if (cli.list_history || cli.list_saved || cli.unsave)
		return store_command(&cli);
	cli.source.on_feed = feed_cli_on_feed;
	cli.source.on_list = feed_cli_on_list;
	if (cli.refresh)
		return feed_cli_refresh(&cli.source, cli.jobs, stdout);
	if (cli.subscribe)
		return feed_cli_subscribe_command(cli.subscribe, &cli.source, stdout);
	if (cli.nargs > 1 && cli.dump == DUMP_NONE)
		usage_error("%s", "several URLs or files need --dump=json or --dump=text");
	if (cli.nargs > 1)
		return run_batch(&cli);

	/* A URL for the pager: it opens it itself, its progress on the
	 * status line (Esc cancels). */
	if (cli.dump == DUMP_NONE && isatty(STDOUT_FILENO) && cli.nargs == 1 &&
	    open_is_url(cli.args[0]))
		return show_article(NULL, &cli);
	enum status_code rc = cli.nargs == 0
		? feed_cli_open_all(&cli.source, cli.jobs, &article, err)
		: open_page(cli.args[0], &cli.source, &article, err);
	if (rc != STATUS_OK) {
		text_clean(err, strlen(err));   /* the name may hold escapes */
		fprintf(stderr, "folio: %s\n", err);
		return rc;
	}
	if (err[0]) {           /* the page came, with something to know */
		text_clean(err, strlen(err));
		fprintf(stderr, "folio: %s\n", err);
	}
	if (article->notice) {  /* the name may hold escapes, as above */
		char *name = cli.nargs ? text_clean_dup(cli.args[0], strlen(cli.args[0])) : NULL;
		fprintf(stderr, "folio: %s: %s\n", name ? name : cli.nargs ? "" : FEEDCLI_ALL,
			article->notice);
		free(name);
	}
	/* A story printed is read; the pager marks what it shows itself. */
	if (cli.nargs && !(cli.dump == DUMP_NONE && isatty(STDOUT_FILENO)))
		reading_opened(store, cli.args[0], (int64_t)time(NULL));
	if (cli.dump == DUMP_NONE)
		return show_article(article, &cli);
	int failed = print_article(article, cli.dump, cli.width);
	article_free(article);
	if (fflush(stdout) != 0 || failed)
		return STATUS_INPUT;
	return STATUS_OK;
}
