/* open.c - a user's argument (URL, file, "-") -> struct article. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "folio/fetch-cache.h"
#include "folio/extract.h"
#include "folio/extract-all.h"
#include "folio/feed-parse.h"
#include "folio/fetch.h"
#include "folio/meta-refresh.h"
#include "folio/page-type.h"
#include "folio/util-ascii.h"
#include "folio/util-file.h"
#include "folio/open.h"
#include "folio/feed-list.h"
#include "folio/page-kind.h"

struct bytes {
	char *data;
	size_t len;
};

/* A file, a device, a FIFO or stdin, up to the same --max-size as a
 * URL's body: reading stops at the cap. */
static enum status_code read_source(const char *arg, const struct open_opts *opts,
				    struct bytes *out, char err[OPEN_ERR_MAX])
{
	bool in = strcmp(arg, "-") == 0;
	size_t max = opts && opts->max_size ? opts->max_size : FETCH_DEFAULT_MAX_SIZE;
	int rc = in ? file_read_fd(STDIN_FILENO, max, &out->data, &out->len)
		    : file_read_path(arg, max, &out->data, &out->len);

	if (rc == EFBIG) {
		status_message(err, OPEN_ERR_MAX, "%s: too large (over %zu bytes)",
			 in ? "<stdin>" : arg, max);
		return STATUS_NOT_HTML;
	}
	if (rc) {
		status_message(err, OPEN_ERR_MAX, "%s: %s", in ? "<stdin>" : arg, strerror(rc));
		return STATUS_INPUT;
	}
	return STATUS_OK;
}

bool open_is_url(const char *arg)
{
	/* scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":" (RFC 3986);
	 * a one-letter scheme is more likely a Windows drive than a URL. */
	size_t i = 0;
	if (!ascii_isalpha((unsigned char)arg[0]))
		return false;
	while (ascii_isalnum((unsigned char)arg[i]) || arg[i] == '+' || arg[i] == '-' || arg[i] == '.')
		i++;
	return i > 1 && arg[i] == ':';
}

/* An HTML page: classified once (page-kind.h), then either the article
 * extracted or its stories listed (opts->on_list keeps them with their
 * read marks; without it the bare list).  arg names the input in err. */
static enum status_code read_html(const char *arg, const struct extract_input *in,
				  const struct open_opts *opts, struct article **out,
				  char err[OPEN_ERR_MAX])
{
	const char *why = NULL;
	struct feed *list = NULL;
	enum status_code rc;

	if (opts && opts->whole_text) {
		xmlDocPtr doc = extract_parse(in, &why);
		rc = doc ? extract_all_text(doc, in->base_url, out, &why) : STATUS_NO_ARTICLE;
		xmlFreeDoc(doc);
		if (rc != STATUS_OK)
			status_message(err, OPEN_ERR_MAX, "%s: %s", arg, why ? why : status_name(rc));
		return rc;
	}
	rc = page_kind_read(in, out, &list, &why);

	if (rc == STATUS_OK && list) {
		if (opts && opts->on_list) {
			rc = opts->on_list(arg, list, opts, out, err);
		} else if (!(*out = feed_list_of(list, list->link ? list->link : arg, NULL, NULL))) {
			status_message(err, OPEN_ERR_MAX, "%s: out of memory", arg);
			rc = STATUS_INPUT;
		}
		feed_free(list);
	} else if (rc != STATUS_OK) {
		status_message(err, OPEN_ERR_MAX, "%s: %s", arg, why ? why : status_name(rc));
	}
	return rc;
}

char *open_full_name(const char *arg)
{
	if (!arg || strcmp(arg, "-") == 0)
		return NULL;
	if (open_is_url(arg) || arg[0] == '/')
		return strdup(arg);
	char *full = realpath(arg, NULL);       /* also resolves ".." */
	if (full)
		return full;
	char *cwd = getcwd(NULL, 0), *out = NULL;
	if (cwd && asprintf(&out, "%s/%s", cwd, arg) < 0)
		out = NULL;
	free(cwd);
	return out;
}

static enum status_code open_local(const char *arg, const struct open_opts *opts,
				   struct article **out, char err[OPEN_ERR_MAX])
{
	struct bytes page = { 0 };
	enum status_code rc = read_source(arg, opts, &page, err);
	if (rc != STATUS_OK)
		return rc;
	if (opts && opts->on_feed && !opts->whole_text &&
	    page_type_of(NULL, page.data, page.len, false) == PAGE_TYPE_FEED) {
		struct fetch_result fr = { .body = page.data, .len = page.len,
					   .final_url = (char *)opts->base_url };
		rc = opts->on_feed(strcmp(arg, "-") == 0 ? "<stdin>" : arg, &fr, opts, out, err);
		free(page.data);
		return rc;
	}

	struct extract_input in = {
		.bytes = page.data, .len = page.len,
		.base_url = opts ? opts->base_url : NULL,
	};
	rc = read_html(strcmp(arg, "-") == 0 ? "<stdin>" : arg, &in, opts, out, err);
	free(page.data);
	return rc;
}

/* ---- URLs (fetch.c does the transfer) ---- */

/* A page with less body text than this that carries a meta refresh is
 * a redirect stub: the refresh is followed.  A real article that also
 * refreshes (news front pages do) is read as it is. */
#define STUB_MAX_TEXT 200
#define REFRESH_MAX_DELAY_S 10

void open_fetch_opts(const struct open_opts *opts, struct fetch_opts *fo)
{
	*fo = (struct fetch_opts){ 0 };
	if (!opts)
		return;
	fo->user_agent = opts->user_agent;
	fo->timeout_s = opts->timeout_s;
	fo->max_size = opts->max_size;
	fo->accept_type = opts->on_feed ? page_type_accepts_any : page_type_accepts_html;
	fo->progress = opts->progress;
	fo->progress_arg = opts->progress_arg;
}

/* A stub page's meta refresh target (meta-refresh.h), read from its
 * parsed DOM: an http(s) URL within REFRESH_MAX_DELAY_S, or NULL. */
static char *refresh_target(const struct fetch_result *res, const char *here)
{
	struct extract_input in = {
		.bytes = res->body, .len = res->len, .base_url = here,
		.charset = res->charset,
	};
	const char *why;
	xmlDocPtr doc = res->body && res->len ? extract_parse(&in, &why) : NULL;
	char *target = meta_refresh(doc, here, REFRESH_MAX_DELAY_S);
	xmlFreeDoc(doc);
	return target;
}

/* Read fetched bytes with the final URL as base and the header's
 * charset. */
static enum status_code extract_fetched(const char *arg, const struct fetch_result *res,
					const struct open_opts *opts, struct article **out,
					char err[OPEN_ERR_MAX])
{
	struct extract_input in = {
		.bytes = res->body, .len = res->len,
		.base_url = res->final_url ? res->final_url : arg,
		.charset = res->charset,
	};
	return read_html(arg, &in, opts, out, err);
}

/* A response that is no HTML page, as page-type.h decides from its
 * type and root element: a feed goes to opts->on_feed; the rest (and a
 * feed nobody takes) is refused.  True when handled, with *rc set. */
static bool take_other(const char *arg, const struct fetch_result *res,
		       const struct open_opts *opts, struct article **out,
		       char err[OPEN_ERR_MAX], enum status_code *rc)
{
	enum page_type t = page_type_of(res->content_type, res->body, res->len, true);

	/* a feed's whole text is its text, as a page's is */
	if (t == PAGE_TYPE_HTML || (t == PAGE_TYPE_FEED && opts && opts->whole_text))
		return false;
	if (t == PAGE_TYPE_FEED && opts && opts->on_feed) {
		*rc = opts->on_feed(arg, res, opts, out, err);
		return true;
	}
	if (res->content_type && *res->content_type)
		status_message(err, OPEN_ERR_MAX, "%s: not HTML (content type %s)", arg,
			 res->content_type);
	else
		status_message(err, OPEN_ERR_MAX, "%s: not HTML (no content type and the "
			 "bytes do not look like HTML)", arg);
	*rc = STATUS_NOT_HTML;
	return true;
}

static bool is_stub(enum status_code rc, const struct article *a)
{
	size_t text = 0;
	if (rc == STATUS_NO_ARTICLE)
		return true;
	if (rc != STATUS_OK)
		return false;
	for (size_t i = 0; i < a->nblocks && text < STUB_MAX_TEXT; i++)
		text += a->blocks[i].len;
	return text < STUB_MAX_TEXT;
}

/* A page had though not cached: its warning goes where open_page's
 * caller finds it (err, empty on success otherwise). */
static void pass_warning(enum status_code rc, const struct fetch_result *res,
			 char err[OPEN_ERR_MAX])
{
	if (rc == STATUS_OK && res->warn[0] && !err[0])
		status_message(err, OPEN_ERR_MAX, "%s", res->warn);
}

/* Follow a stub's meta refresh to target, once: a second stub behind
 * it is a refresh loop or chain and is not followed. */
static enum status_code follow_refresh(const char *arg, const char *target,
				       const struct open_opts *opts,
				       const struct fetch_opts *fo, struct article **out,
				       char err[OPEN_ERR_MAX])
{
	struct fetch_result res;
	enum status_code rc = fetch_cached(opts ? opts->store : NULL, opts && opts->offline,
					  target, fo, &res, NULL);

	if (rc != STATUS_OK) {
		status_message(err, OPEN_ERR_MAX, "%s: after meta refresh: %s", arg, res.err);
		fetch_result_free(&res);
		return rc;
	}
	if (take_other(arg, &res, opts, out, err, &rc)) {
		fetch_result_free(&res);
		return rc;
	}
	rc = extract_fetched(arg, &res, opts, out, err);
	if (is_stub(rc, *out)) {
		char *again = refresh_target(&res, res.final_url ? res.final_url : target);
		if (again) {
			article_free(*out);
			*out = NULL;
			status_message(err, OPEN_ERR_MAX, "%s: no article (meta refresh to "
				 "%.200s leads to another refresh; only one is followed)",
				 arg, target);
			rc = STATUS_NO_ARTICLE;
		}
		free(again);
	}
	pass_warning(rc, &res, err);
	fetch_result_free(&res);
	return rc;
}

/* Fetched page -> article.  A redirect stub's meta refresh is followed
 * (only http/https: meta_refresh returns nothing else; never to
 * the page itself; delay at most REFRESH_MAX_DELAY_S). */
static enum status_code open_fetched(const char *arg, const struct fetch_result *res,
				     const struct open_opts *opts,
				     const struct fetch_opts *fo, struct article **out,
				     char err[OPEN_ERR_MAX])
{
	const char *here = res->final_url ? res->final_url : arg;
	enum status_code rc;

	if (take_other(arg, res, opts, out, err, &rc))
		return rc;
	rc = extract_fetched(arg, res, opts, out, err);
	char *target;

	if (!is_stub(rc, *out))
		return rc;
	target = refresh_target(res, here);
	if (!target)
		return rc;
	if (fetch_same_url(target, here) || fetch_same_url(target, arg)) {
		if (rc == STATUS_NO_ARTICLE)
			status_message(err, OPEN_ERR_MAX, "%s: no article (the page only "
				 "refreshes to itself)", arg);
		free(target);
		return rc;
	}
	article_free(*out);
	*out = NULL;
	err[0] = '\0';
	rc = follow_refresh(arg, target, opts, fo, out, err);
	free(target);
	return rc;
}

static enum status_code open_url(const char *arg, const struct open_opts *opts,
				 struct article **out, char err[OPEN_ERR_MAX])
{
	struct fetch_opts fo;
	struct fetch_result res;
	enum status_code rc;

	open_fetch_opts(opts, &fo);
	rc = fetch_cached(opts ? opts->store : NULL, opts && opts->offline, arg, &fo, &res, NULL);
	if (rc == STATUS_OK) {
		err[0] = '\0';
		rc = open_fetched(arg, &res, opts, &fo, out, err);
		pass_warning(rc, &res, err);
	} else {
		status_message(err, OPEN_ERR_MAX, "%s", res.err);
	}
	fetch_result_free(&res);
	return rc;
}

enum status_code open_page(const char *arg, const struct open_opts *opts,
			     struct article **out, char err[OPEN_ERR_MAX])
{
	*out = NULL;
	err[0] = '\0';
	if (open_is_url(arg))
		return open_url(arg, opts, out, err);
	return open_local(arg, opts, out, err);
}

/* A batch under way.  Each source is S_OPEN (opened in turn, one by
 * one: files, and URLs when they cannot be fetched together), S_WAIT
 * (its fetch or its meta refresh is under way) or S_DONE.  Results go
 * to the caller in the order given, as soon as all before are done. */
enum { S_OPEN, S_WAIT, S_DONE };

struct batch {
	const char *const *args;
	size_t n, next;                 /* next: first not yet handed over */
	const struct open_opts *opts;
	struct open_result *results;
	unsigned char *state;
	open_ready_fn *ready;
	void *arg;
	const char **urls;              /* the URLs among the args */
	size_t *idx;                    /* urls[k] is args[idx[k]] */
	bool *later;                    /* redirect stubs, followed after */
};

static void hand_over(struct batch *b)
{
	while (b->next < b->n) {
		size_t i = b->next;
		struct open_result *r = &b->results[i];
		if (b->state[i] == S_OPEN) {
			r->status = open_page(b->args[i], b->opts, &r->article, r->err);
			b->state[i] = S_DONE;
		}
		if (b->state[i] != S_DONE)
			return;
		if (b->ready)
			b->ready(i, r, b->arg);
		b->next++;
	}
}

/* A fetch has finished: extract at once and drop the body, so a long
 * batch holds articles, not pages.  A stub with a meta refresh keeps
 * its body; it is followed once all fetches are in. */
static void batch_fetched(size_t k, struct fetch_result *res, void *arg)
{
	struct batch *b = arg;
	struct open_result *r = &b->results[b->idx[k]];
	char *target;

	b->state[b->idx[k]] = S_DONE;
	if (res->status != STATUS_OK) {
		r->status = res->status;
		status_message(r->err, OPEN_ERR_MAX, "%s", res->err);
		fetch_result_free(res);
	} else if (take_other(b->urls[k], res, b->opts, &r->article, r->err, &r->status)) {
		fetch_result_free(res);
	} else {
		r->status = extract_fetched(b->urls[k], res, b->opts, &r->article, r->err);
		if (is_stub(r->status, r->article) &&
		    (target = refresh_target(res, res->final_url ? res->final_url : b->urls[k]))) {
			free(target);
			article_free(r->article);
			r->article = NULL;
			b->later[k] = true;
			b->state[b->idx[k]] = S_WAIT;
			return;
		}
		fetch_result_free(res);
	}
	hand_over(b);
}

/* Fetch the URLs among the args together (sources left S_OPEN when
 * there is no memory for it). */
static void open_urls_together(struct batch *b, int jobs)
{
	size_t n = b->n, nurl = 0;
	struct fetch_result *fr = calloc(n, sizeof *fr);
	struct fetch_opts fo;

	b->urls = calloc(n, sizeof *b->urls);
	b->idx = calloc(n, sizeof *b->idx);
	b->later = calloc(n, sizeof *b->later);
	if (!b->urls || !b->idx || !fr || !b->later)
		goto out;
	for (size_t i = 0; i < n; i++)
		if (open_is_url(b->args[i])) {
			b->urls[nurl] = b->args[i];
			b->idx[nurl++] = i;
			b->state[i] = S_WAIT;
		}
	open_fetch_opts(b->opts, &fo);
	fetch_many_cb(b->urls, nurl, jobs, &fo, fr, batch_fetched, b);
	for (size_t k = 0; k < nurl; k++) {
		struct open_result *r = &b->results[b->idx[k]];
		if (!b->later[k])
			continue;
		r->err[0] = '\0';
		r->status = open_fetched(b->urls[k], &fr[k], b->opts, &fo, &r->article, r->err);
		fetch_result_free(&fr[k]);
		b->state[b->idx[k]] = S_DONE;
		hand_over(b);
	}
out:
	free(b->urls);
	free(b->idx);
	free(b->later);
	free(fr);
}

enum status_code open_many(const char *const *args, size_t n,
				  const struct open_opts *opts, int jobs,
				  struct open_result *results,
				  open_ready_fn *ready, void *arg)
{
	struct batch b = {
		.args = args, .n = n, .opts = opts, .results = results,
		.state = calloc(n ? n : 1, 1), .ready = ready, .arg = arg,
	};
	enum status_code first = STATUS_OK;

	for (size_t i = 0; i < n; i++) {
		results[i].status = STATUS_OK;
		results[i].article = NULL;
		results[i].err[0] = '\0';
	}
	if (!b.state) {
		/* No memory even for the bookkeeping: one by one. */
		for (size_t i = 0; i < n; i++) {
			results[i].status = open_page(args[i], opts, &results[i].article,
							results[i].err);
			if (ready)
				ready(i, &results[i], arg);
		}
	} else {
		/* Offline, every URL comes from the store, one by one. */
		if (n && !(opts && opts->offline))
			open_urls_together(&b, jobs);
		hand_over(&b);
		free(b.state);
	}
	for (size_t i = 0; i < n; i++)
		if (first == STATUS_OK && results[i].status != STATUS_OK)
			first = results[i].status;
	return first;
}
