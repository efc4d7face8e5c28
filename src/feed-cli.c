/* feed-cli.c - feeds on the command line and in the pager (feed-cli.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "folio/date.h"
#include "folio/fetch-cache.h"
#include "folio/feed-parse.h"
#include "folio/feed-cli.h"
#include "folio/feed-list.h"
#include "folio/feed-subs.h"
#include "folio/page-type.h"
#include "folio/feed-store.h"
#include "folio/page-kind.h"
#include "folio/text.h"

static void fetch_opts_for(const struct open_opts *opts, struct fetch_opts *fo)
{
	open_fetch_opts(opts, fo);
	fo->accept_type = page_type_accepts_any;
}

static struct store *store_of(const struct open_opts *opts)
{
	return opts ? opts->store : NULL;
}

/* The feed's stories with read marks: from the store after saving them
 * there, else straight from the parsed feed. */
static int feed_stories(struct store *st, const char *url, const struct feed *f,
			const struct fetch_result *res, struct story **s, size_t *n)
{
	if (st && feed_store_put(st, url, f, res->etag, res->last_modified,
				(int64_t)time(NULL), NULL) == 0 &&
	    feed_store_stories(st, &url, 1, FEEDCLI_LIST_MAX, s, n) == 0)
		return 0;
	if (stories_from_feed(f, url, s, n) != 0)
		return -1;
	stories_sort(*s, *n);
	return 0;
}

enum status_code feed_cli_on_feed(const char *arg, const struct fetch_result *res,
				 const struct open_opts *opts, struct article **out,
				 char err[OPEN_ERR_MAX])
{
	struct feed *f;
	char ferr[FEED_ERR_MAX];
	struct story *s = NULL;
	size_t n = 0;
	char *host;
	enum status_code rc;

	*out = NULL;
	rc = feed_parse(res->body, res->len, res->final_url ? res->final_url : arg,
			res->charset, &f, ferr);
	if (rc != STATUS_OK) {
		/* the cause without feed_parse's own "URL: " (the final URL) */
		const char *cause = strstr(ferr, ": ");
		status_message(err, OPEN_ERR_MAX, "%s: %s", arg, cause ? cause + 2 : ferr);
		return rc;
	}
	if (feed_stories(store_of(opts), arg, f, res, &s, &n) != 0) {
		feed_free(f);
		status_message(err, OPEN_ERR_MAX, "%s: out of memory", arg);
		return STATUS_INPUT;
	}
	host = f->title ? NULL : feed_list_host(arg);
	*out = feed_list_article(f->title ? f->title : host, arg, s, n);
	free(host);
	feed_free(f);
	stories_free(s, n);
	if (!*out) {
		status_message(err, OPEN_ERR_MAX, "%s: out of memory", arg);
		return STATUS_INPUT;
	}
	return STATUS_OK;
}

static bool read_in_store(const char *url, void *st)
{
	return feed_store_is_read(st, url) == 1;
}

enum status_code feed_cli_on_list(const char *arg, const struct feed *list,
				 const struct open_opts *opts, struct article **out,
				 char err[OPEN_ERR_MAX])
{
	struct store *st = store_of(opts);

	/* kept like a feed's stories, so opening one marks it read and
	 * --refresh of a subscribed page knows what is new */
	if (st)
		feed_store_put(st, arg, list, NULL, NULL, (int64_t)time(NULL), NULL);
	*out = feed_list_of(list, list->link ? list->link : arg, st ? read_in_store : NULL, st);
	if (!*out) {
		status_message(err, OPEN_ERR_MAX, "%s: out of memory", arg);
		return STATUS_INPUT;
	}
	return STATUS_OK;
}

/* ---- subscriptions ------------------------------------------------ */

/* warn: where the file's warnings go; NULL in the pager (curses owns
 * the terminal, a stray line would garble it). */
static enum status_code load_subs(struct feed_subs *subs, char err[OPEN_ERR_MAX],
				  FILE *warn)
{
	char *path = feed_subs_default_path();
	int rc;

	if (!path) {
		status_message(err, OPEN_ERR_MAX, "no subscription file: neither "
			 "XDG_CONFIG_HOME nor HOME is set");
		return STATUS_USAGE;
	}
	rc = feed_subs_load(subs, path, warn);
	if (rc == FEED_SUBS_UNREADABLE) {
		char cause[128];
		feed_subs_cause(errno, cause, sizeof cause);
		status_message(err, OPEN_ERR_MAX, "%s: %s", path, cause);
		free(path);
		return STATUS_INPUT;
	}
	if (rc < 0) {
		status_message(err, OPEN_ERR_MAX, "%s: out of memory", path);
		free(path);
		return STATUS_INPUT;
	}
	if (subs->n == 0) {
		status_message(err, OPEN_ERR_MAX, "no feeds subscribed: put feed URLs in %s, "
			 "one a line (or press a on a page that has a feed)", path);
		free(path);
		return STATUS_USAGE;
	}
	free(path);
	return STATUS_OK;
}

static const char **sub_urls(const struct feed_subs *subs)
{
	const char **urls = calloc(subs->n, sizeof *urls);

	for (size_t i = 0; urls && i < subs->n; i++)
		urls[i] = subs->v[i].url;
	return urls;
}

/* The user's own title for a feed beats the feed's. */
static void use_sub_titles(const struct feed_subs *subs, struct story *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct feed_sub *sub = feed_subs_find(subs, s[i].feed_url);
		char *t;

		if (sub && sub->title && (t = strdup(sub->title))) {
			free(s[i].source);
			s[i].source = t;
		}
	}
}

/* ---- refresh -------------------------------------------------------- */

struct fetched {
	const char *url;
	struct fetch_result res;
	struct feed *feed;        /* parsed when res is a fresh 200 */
	char err[OPEN_ERR_MAX];
	enum status_code status;
};

/* The stories of a fetched HTML page that is a list (page-kind.h), or
 * NULL. */
static struct feed *page_list(const char *url, const struct fetch_result *res)
{
	struct extract_input in = {
		.bytes = res->body, .len = res->len,
		.base_url = res->final_url ? res->final_url : url, .charset = res->charset,
	};
	return page_kind_list(&in);
}

/* The feeds' progress on a terminal (--refresh, folio's first fetch):
 * one line, rewritten as each feed arrives, cleared at the end. */
struct progress {
	FILE *tty;              /* NULL: no progress shown */
	const char **urls;
	size_t done, n;
};

static void progress_line(const struct progress *p, const char *url)
{
	char *host = url ? feed_list_host(url) : NULL;
	if (host)
		text_clean(host, strlen(host));    /* never an escape from the file */
	fprintf(p->tty, "\rfolio: fetching feeds: %zu of %zu done%s%s%s\033[K", p->done,
		p->n, host ? " (" : "", host ? host : "", host ? ")" : "");
	fflush(p->tty);
	free(host);
}

static void progress_done(size_t i, struct fetch_result *res, void *arg)
{
	struct progress *p = arg;
	p->done++;
	progress_line(p, p->urls[i]);
}

/* Where the progress goes: errs when it is a terminal, else nowhere. */
static struct progress progress_on(FILE *errs, const char **urls, size_t n)
{
	bool tty = errs && isatty(fileno(errs));
	return (struct progress){ tty ? errs : NULL, urls, 0, n };
}

/* Fetch every URL at once and parse what came back; progress on errs
 * when it is a terminal.  conditional: on the store's validators (a 304
 * brings no stories: only for a store that keeps them). */
static void fetch_all(const struct open_opts *opts, const char **urls, size_t n,
		      int jobs, bool conditional, FILE *errs, struct fetched *out)
{
	struct progress prog = progress_on(errs, urls, n);
	struct fetch_opts *fos = calloc(n, sizeof *fos);
	struct fetch_result *res = calloc(n, sizeof *res);
	char **etag = calloc(n, sizeof *etag), **lm = calloc(n, sizeof *lm);
	struct store *st = store_of(opts);

	for (size_t i = 0; i < n; i++) {
		out[i].url = urls[i];
		out[i].status = STATUS_INPUT;
		snprintf(out[i].err, OPEN_ERR_MAX, "%s: out of memory", urls[i]);
	}
	if (!fos || !res || !etag || !lm)
		goto done;
	for (size_t i = 0; i < n; i++) {
		fetch_opts_for(opts, &fos[i]);
		if (conditional &&
		    feed_store_validators_get(st, urls[i], &etag[i], &lm[i]) == 1) {
			fos[i].if_none_match = etag[i];
			fos[i].if_modified_since = lm[i];
		}
	}
	if (prog.tty)
		progress_line(&prog, NULL);
	fetch_many_each(urls, n, jobs, fos, res, prog.tty ? progress_done : NULL, &prog);
	if (prog.tty) {
		fputs("\r\033[K", prog.tty);      /* the results' lines follow */
		fflush(prog.tty);
	}
	for (size_t i = 0; i < n; i++) {
		struct fetched *o = &out[i];
		char ferr[FEED_ERR_MAX];

		o->res = res[i];
		o->status = res[i].status;
		if (o->status != STATUS_OK) {
			status_message(o->err, OPEN_ERR_MAX, "%s", res[i].err);
			continue;
		}
		o->err[0] = '\0';
		if (res[i].not_modified)
			continue;
		if (page_type_of(res[i].content_type, res[i].body, res[i].len, true) != PAGE_TYPE_FEED) {
			/* a subscribed front page: its stories as a feed's */
			o->feed = page_list(urls[i], &res[i]);
			o->status = o->feed ? STATUS_OK : STATUS_NO_ARTICLE;
			if (!o->feed)
				status_message(o->err, OPEN_ERR_MAX, "%s: not an RSS or Atom feed,"
					 " nor a page of stories", urls[i]);
			continue;
		}
		o->status = feed_parse(res[i].body, res[i].len,
				       res[i].final_url ? res[i].final_url : urls[i],
				       res[i].charset, &o->feed, ferr);
		if (o->status != STATUS_OK) {
			const char *cause = strstr(ferr, ": ");
			status_message(o->err, OPEN_ERR_MAX, "%s: %s", urls[i],
				 cause ? cause + 2 : ferr);
		}
	}
done:
	for (size_t i = 0; etag && lm && i < n; i++) {
		free(etag[i]);
		free(lm[i]);
	}
	free(etag);
	free(lm);
	free(fos);
	free(res);
}

static void fetched_free(struct fetched *f, size_t n)
{
	for (size_t i = 0; f && i < n; i++) {
		fetch_result_free(&f[i].res);
		feed_free(f[i].feed);
	}
	free(f);
}

/* "cause" of "URL: cause": what the feeds view shows beside the feed. */
static const char *cause_of(const char *url, const char *err)
{
	size_t n = strlen(url);
	return strncmp(err, url, n) == 0 && strncmp(err + n, ": ", 2) == 0 ? err + n + 2 : err;
}

/* Store what fetch_all brought, each feed's error kept (or cleared);
 * report each feed on out, failures on errs (either may be NULL). */
static enum status_code store_fetched(struct store *st, struct fetched *f, size_t n,
				      FILE *out, FILE *errs)
{
	enum status_code first = STATUS_OK;
	int64_t now = (int64_t)time(NULL);

	for (size_t i = 0; i < n; i++) {
		size_t added = 0;

		if (f[i].status != STATUS_OK) {
			if (errs)
				fprintf(errs, "folio: %s\n", f[i].err);
			if (first == STATUS_OK)
				first = f[i].status;
			feed_store_set_error(st, f[i].url, cause_of(f[i].url, f[i].err), now);
			continue;
		}
		feed_store_set_error(st, f[i].url, NULL, now);
		if (f[i].res.not_modified) {
			feed_store_touch(st, f[i].url, now);
			if (out)
				fprintf(out, "%s: not modified\n", f[i].url);
			continue;
		}
		if (st && feed_store_put(st, f[i].url, f[i].feed, f[i].res.etag,
					f[i].res.last_modified, now, &added) != 0) {
			if (errs)
				fprintf(errs, "folio: %s: could not store the stories\n",
					f[i].url);
			if (first == STATUS_OK)
				first = STATUS_INPUT;
			continue;
		}
		if (out && st)
			fprintf(out, "%s: %zu stor%s, %zu new\n", f[i].url, f[i].feed->nitems,
				f[i].feed->nitems == 1 ? "y" : "ies", added);
		else if (out)
			fprintf(out, "%s: %zu stor%s\n", f[i].url, f[i].feed->nitems,
				f[i].feed->nitems == 1 ? "y" : "ies");
	}
	return first;
}

static enum status_code refresh(const struct open_opts *opts, int jobs, FILE *out,
				FILE *errs)
{
	struct feed_subs subs = { 0 };
	char err[OPEN_ERR_MAX];
	enum status_code rc = load_subs(&subs, err, errs);
	const char **urls;
	struct fetched *f;

	if (rc != STATUS_OK) {
		if (errs)
			fprintf(errs, "folio: %s\n", err);
		feed_subs_free(&subs);
		return rc;
	}
	urls = sub_urls(&subs);
	f = calloc(subs.n, sizeof *f);
	if (!urls || !f) {
		if (errs)
			fprintf(errs, "folio: out of memory\n");
		rc = STATUS_INPUT;
	} else {
		fetch_all(opts, urls, subs.n, jobs, true, errs, f);
		rc = store_fetched(store_of(opts), f, subs.n, out, errs);
	}
	fetched_free(f, subs.n);
	free(urls);
	feed_subs_free(&subs);
	return rc;
}

enum status_code feed_cli_refresh(const struct open_opts *opts, int jobs, FILE *out)
{
	return refresh(opts, jobs, out, stderr);
}

/* ---- every subscribed story -------------------------------------- */

/* No store, or one whose stories cannot be read: fetch every feed now,
 * whole, and merge their stories; *failed counts the feeds that did
 * not come. */
static int fetch_stories(const struct open_opts *opts, const char **urls, size_t n,
			 int jobs, FILE *errs, struct story **s, size_t *ns,
			 size_t *failed)
{
	struct fetched *f = calloc(n, sizeof *f);
	struct story *all = NULL;
	size_t total = 0;
	int rc = f ? 0 : -1;

	if (f)
		fetch_all(opts, urls, n, jobs, false, errs, f);
	for (size_t i = 0; f && i < n && rc == 0; i++) {
		struct story *one;
		size_t k;

		if (f[i].status != STATUS_OK || !f[i].feed) {
			if (errs)
				fprintf(errs, "folio: %s\n", f[i].err);
			++*failed;
			continue;
		}
		if (stories_from_feed(f[i].feed, urls[i], &one, &k) != 0) {
			rc = -1;
			break;
		}
		struct story *g = k ? realloc(all, (total + k) * sizeof *all) : all;
		if (k && !g) {
			stories_free(one, k);
			rc = -1;
			break;
		}
		all = g;
		if (k)
			memcpy(all + total, one, k * sizeof *one);
		total += k;
		free(one);
	}
	fetched_free(f, n);
	if (rc != 0) {
		stories_free(all, total);
		return -1;
	}
	stories_sort(all, total);
	*s = all;
	*ns = total > FEEDCLI_LIST_MAX ? FEEDCLI_LIST_MAX : total;
	if (total > *ns) {
		for (size_t i = *ns; i < total; i++) {
			struct story *x = &all[i];
			free(x->feed_url); free(x->source); free(x->url); free(x->id);
			free(x->title); free(x->date); free(x->author); free(x->summary);
		}
	}
	return 0;
}

/* How many of the feeds failed at their last fetch, by the store. */
static size_t failed_feeds(struct store *st, const char **urls, size_t n)
{
	size_t failed = 0;
	for (size_t i = 0; st && i < n; i++) {
		struct feed_state s;
		if (feed_store_state(st, urls[i], &s) == 1 && s.error)
			failed++;
		feed_state_free(&s);
	}
	return failed;
}

/* The list's notice when feeds failed: the pager shows it on top. */
static int failure_notice(struct article *a, size_t failed, size_t n, bool stored)
{
	char note[200];
	if (!failed)
		return 0;
	snprintf(note, sizeof note, "%zu of %zu feeds failed at the last fetch%s", failed, n,
		 stored ? " (F shows the feeds and why)" : "");
	return article_set(&a->notice, note);
}

/* fresh: refresh the feeds first (reload in the pager); errs: as for
 * load_subs. */
static enum status_code open_all(const struct open_opts *opts, int jobs, bool fresh,
				 FILE *errs, struct article **out, char err[OPEN_ERR_MAX])
{
	struct feed_subs subs = { 0 };
	struct store *st = store_of(opts);
	enum status_code rc = load_subs(&subs, err, errs);
	struct story *s = NULL;
	size_t n = 0;
	const char **urls;
	int got = -1;
	size_t failed = 0;

	*out = NULL;
	if (rc != STATUS_OK) {
		feed_subs_free(&subs);
		return rc;
	}
	urls = sub_urls(&subs);
	/* a read-only store keeps no new stories: fetch_stories below */
	if (urls && st && !store_read_only(st)) {
		if (fresh && !(opts && opts->offline))
			refresh(opts, jobs, NULL, errs);
		got = feed_store_stories(st, urls, subs.n, FEEDCLI_LIST_MAX, &s, &n);
		if (got == 0 && n == 0 && !fresh && !(opts && opts->offline)) {
			refresh(opts, jobs, NULL, errs);
			got = feed_store_stories(st, urls, subs.n, FEEDCLI_LIST_MAX, &s, &n);
		}
	}
	if (urls && got == 0)
		failed = failed_feeds(st, urls, subs.n);
	else if (urls)
		got = fetch_stories(opts, urls, subs.n, jobs, errs, &s, &n, &failed);
	if (got == 0) {
		use_sub_titles(&subs, s, n);
		*out = feed_list_article("Subscribed feeds", FEEDCLI_ALL, s, n);
		if (*out && failure_notice(*out, failed, subs.n, st != NULL) != 0) {
			article_free(*out);
			*out = NULL;
		}
	}
	stories_free(s, n);
	free(urls);
	feed_subs_free(&subs);
	if (!*out) {
		status_message(err, OPEN_ERR_MAX, "feeds: out of memory");
		return STATUS_INPUT;
	}
	return STATUS_OK;
}

enum status_code feed_cli_open_all(const struct open_opts *opts, int jobs,
				  struct article **out, char err[OPEN_ERR_MAX])
{
	return open_all(opts, jobs, false, stderr, out, err);
}

/* The pager's reload (or history) of the all-feeds list: fetch the
 * feeds anew, quietly (curses owns the terminal). */
enum status_code feed_cli_reload_all(const struct open_opts *opts, struct article **out,
				     char err[OPEN_ERR_MAX])
{
	return open_all(opts, 0, true, NULL, out, err);
}

/* ---- the feeds view ---------------------------------------------- */

/* One subscribed feed as a row of the feeds view. */
static bool add_feed_row(struct article *a, const struct feed_sub *sub,
			 const struct feed_state *s)
{
	char *host = sub->title || s->title ? NULL : feed_list_host(sub->url);
	const char *name = sub->title ? sub->title : s->title ? s->title
			   : host ? host : sub->url;
	char title[600], counts[64], when[DATE_RFC3339_MAX], why[700];
	if (s->error)
		snprintf(title, sizeof title, "%s \xe2\x80\x94 failed: %s", name, s->error);
	else
		snprintf(title, sizeof title, "%s", name);
	if (s->fetched || s->stories)
		snprintf(counts, sizeof counts, "%zu/%zu unread", s->unread, s->stories);
	else
		snprintf(counts, sizeof counts, "never fetched");
	snprintf(why, sizeof why, "%s: the last fetch failed: %s", name,
		 s->error ? s->error : "");
	free(host);
	struct list_item *it = article_add_item(a, title, sub->url);
	if (!it)
		return false;
	it->read = s->unread == 0 && !s->error;
	return article_set(&it->source, counts) == 0 &&
	       (!date_of_epoch(s->error ? s->error_at : s->fetched, when) ||
		article_set(&it->published, when) == 0) &&
	       (!s->error || article_set(&it->summary, why) == 0);
}

enum status_code feed_cli_feeds(const struct open_opts *opts, struct article **out,
				char err[OPEN_ERR_MAX])
{
	struct feed_subs subs = { 0 };
	struct store *st = store_of(opts);
	enum status_code rc = load_subs(&subs, err, NULL);

	*out = NULL;
	if (rc == STATUS_OK && !st) {
		status_message(err, OPEN_ERR_MAX, "feeds: no store (the feeds' counts and errors are"
			 " kept there)");
		rc = STATUS_INPUT;
	}
	struct article *a = rc == STATUS_OK ? article_new() : NULL;
	bool ok = a && article_set(&a->title, "Feeds") == 0 &&
		  article_set(&a->url, FEEDCLI_FEEDS) == 0;
	for (size_t i = 0; ok && i < subs.n; i++) {
		struct feed_state s;
		ok = feed_store_state(st, subs.v[i].url, &s) >= 0 &&
		     add_feed_row(a, &subs.v[i], &s);
		feed_state_free(&s);
	}
	feed_subs_free(&subs);
	if (rc != STATUS_OK)
		return rc;
	if (!ok) {
		article_free(a);
		status_message(err, OPEN_ERR_MAX, "feeds: cannot read the store");
		return STATUS_INPUT;
	}
	a->kind = PAGE_LIST;
	*out = a;
	return STATUS_OK;
}

/* ---- the a key ---------------------------------------------------- */

/* The a key and --subscribe: 1 subscribed, 0 nothing done (already
 * subscribed: *already set), -1 error with *status (the fetch's). */
static int subscribe(const char *url, const struct open_opts *opts,
		     char msg[FEEDCLI_MSG_MAX], bool *already, enum status_code *status)
{
	struct fetch_opts fo;
	struct fetch_result res;
	struct feed_link *links = NULL;
	size_t nl = 0;
	char *path = NULL, ferr[FEEDS_ERR_MAX], *title = NULL;
	const char *target = NULL;
	struct feed *list;
	int rc = -1;

	if (!url || strcmp(url, FEEDCLI_ALL) == 0) {
		snprintf(msg, FEEDCLI_MSG_MAX, "these are the subscribed feeds");
		return 0;
	}
	fetch_opts_for(opts, &fo);
	*already = false;
	*status = fetch_cached(store_of(opts), opts && opts->offline, url, &fo, &res, NULL);
	if (*status != STATUS_OK) {
		status_message(msg, FEEDCLI_MSG_MAX, "%s", res.err);
		fetch_result_free(&res);
		return -1;
	}
	if (page_type_of(res.content_type, res.body, res.len, true) == PAGE_TYPE_FEED) {
		struct feed *f;
		char e[FEED_ERR_MAX];
		target = url;
		if (feed_parse(res.body, res.len, url, res.charset, &f, e) == STATUS_OK) {
			title = f->title ? strdup(f->title) : NULL;
			feed_free(f);
		}
	} else if ((list = page_list(url, &res))) {
		/* a front page: what it lists is what one subscribes to */
		target = url;
		title = list->title ? strdup(list->title) : NULL;
		feed_free(list);
	} else if (feed_discover(res.body, res.len, res.final_url ? res.final_url : url,
				 &links, &nl) == 0 && nl > 0) {
		target = links[0].url;
		title = links[0].title ? strdup(links[0].title) : NULL;
	}
	if (!target) {
		snprintf(msg, FEEDCLI_MSG_MAX, "this page is no list of stories and"
			 " advertises no RSS or Atom feed");
		*status = STATUS_NO_ARTICLE;
		rc = 0;
	} else if (!(path = feed_subs_default_path())) {
		snprintf(msg, FEEDCLI_MSG_MAX, "no subscription file (HOME is not set)");
		*status = STATUS_USAGE;
	} else {
		rc = feed_subs_append(path, target, title, ferr);
		if (rc == 1)
			snprintf(msg, FEEDCLI_MSG_MAX, "subscribed to %s", target);
		else if (rc == 0)
			snprintf(msg, FEEDCLI_MSG_MAX, "already subscribed to %s", target);
		else
			status_message(msg, FEEDCLI_MSG_MAX, "%s", ferr);
		*already = rc == 0;
		*status = rc < 0 ? STATUS_INPUT : STATUS_OK;
	}
	text_clean(msg, strlen(msg));
	free(title);
	free(path);
	feed_links_free(links, nl);
	fetch_result_free(&res);
	return rc;
}

int feed_cli_subscribe(const char *url, const struct open_opts *opts,
		      char msg[FEEDCLI_MSG_MAX])
{
	bool already;
	enum status_code status;

	return subscribe(url, opts, msg, &already, &status);
}

enum status_code feed_cli_subscribe_command(const char *url, const struct open_opts *opts,
					   FILE *out)
{
	char msg[FEEDCLI_MSG_MAX];
	bool already;
	enum status_code status;
	int rc = subscribe(url, opts, msg, &already, &status);

	if (rc == 1 || already) {
		fprintf(out, "%s\n", msg);
		return STATUS_OK;
	}
	/* the fetch's error already names the URL */
	if (rc < 0 && status != STATUS_INPUT && status != STATUS_USAGE)
		fprintf(stderr, "folio: %s\n", msg);
	else
		fprintf(stderr, "folio: %s: %s\n", url, msg);
	return status != STATUS_OK ? status : STATUS_INPUT;
}
