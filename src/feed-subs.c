/* feed-subs.c - the subscription file (see feed-subs.h for its syntax). */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "folio/feed-subs.h"
#include "folio/util-xdg.h"
#include "folio/util-ascii.h"
#include "folio/util-file.h"
#include "folio/text.h"

static void sub_free(struct feed_sub *e)
{
	free(e->url);
	free(e->title);
	for (size_t i = 0; i < e->ntags; i++)
		free(e->tags[i]);
	free(e->tags);
}

void feed_subs_free(struct feed_subs *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		sub_free(&s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

const struct feed_sub *feed_subs_find(const struct feed_subs *s, const char *url)
{
	for (size_t i = 0; s && url && i < s->n; i++)
		if (strcmp(s->v[i].url, url) == 0)
			return &s->v[i];
	return NULL;
}

static bool is_web_url(const char *u)
{
	return (ascii_ncasecmp(u, "http://", 7) == 0 && u[7]) ||
	       (ascii_ncasecmp(u, "https://", 8) == 0 && u[8]);
}

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* The quoted title starting at *p (just past the opening quote), with
 * \" and \\ undone; *p ends past the closing quote.  *bad when the
 * quote is not closed. */
static char *quoted(const char **p, const char *end, bool *bad)
{
	char *t = malloc((size_t)(end - *p) + 1);
	size_t n = 0;
	const char *q = *p;

	if (!t)
		return NULL;
	while (q < end && *q != '"') {
		if (*q == '\\' && q + 1 < end && (q[1] == '"' || q[1] == '\\'))
			q++;
		t[n++] = *q++;
	}
	*bad = q >= end;
	*p = q < end ? q + 1 : q;
	t[n] = '\0';
	n = text_clean(t, n);
	if (n == 0) {
		free(t);
		return NULL;
	}
	return t;
}

/* A tag, cleaned.  One that would not read back as itself once written
 * (cleaning left a leading quote or '#', or a space from a no-break
 * space) makes the line bad: 1. */
static int add_tag(struct feed_sub *e, const char *w, size_t len)
{
	char *t = text_clean_dup(w, len), **v;

	if (!t)
		return 0;
	if (*t == '"' || *t == '#' || strchr(t, ' ')) {
		free(t);
		return 1;
	}
	v = realloc(e->tags, (e->ntags + 1) * sizeof *v);
	if (!v) {
		free(t);
		return -1;
	}
	e->tags = v;
	e->tags[e->ntags++] = t;
	return 0;
}

/* One non-comment line into *e.  Returns 0, 1 with *why on a bad line,
 * -1 on OOM. */
static int parse_line(const char *p, const char *end, struct feed_sub *e, const char **why)
{
	const char *u = p;
	bool bad = false;

	while (p < end && !blank(*p))
		p++;
	/* not text_clean_dup: its NULL would also stand for a word that
	 * cleans to nothing (a no-break space, a form feed), a bad line */
	e->url = malloc((size_t)(p - u) + 1);
	if (!e->url)
		return -1;
	memcpy(e->url, u, (size_t)(p - u));
	text_clean(e->url, (size_t)(p - u));
	if (!is_web_url(e->url) || strchr(e->url, ' ')) {
		*why = "not an http or https URL";
		return 1;
	}
	while (p < end && blank(*p))
		p++;
	if (p < end && *p == '"') {
		p++;
		e->title = quoted(&p, end, &bad);
		if (bad) {
			*why = "the title's quote is not closed";
			return 1;
		}
	}
	for (;;) {
		const char *w;

		while (p < end && blank(*p))
			p++;
		if (p >= end || *p == '#')   /* a trailing comment */
			return 0;
		w = p;
		while (p < end && !blank(*p))
			p++;
		int rc = add_tag(e, w, (size_t)(p - w));
		if (rc < 0)
			return -1;
		if (rc > 0) {
			*why = "a tag may not start with '\"' or '#' or hold a space";
			return 1;
		}
	}
}

static int push(struct feed_subs *s, struct feed_sub *e)
{
	struct feed_sub *v;

	if (feed_subs_find(s, e->url)) {
		sub_free(e);
		return 0;
	}
	v = realloc(s->v, (s->n + 1) * sizeof *v);
	if (!v) {
		sub_free(e);
		return -1;
	}
	s->v = v;
	s->v[s->n++] = *e;
	return 0;
}

/* Bad lines named one by one; past them a count (binary junk has
 * hundreds of lines). */
#define WARN_LINES_MAX 5

int feed_subs_parse(struct feed_subs *s, const char *text, size_t len,
		const char *name, FILE *warn)
{
	const char *p = text, *end = text + len;
	int warnings = 0;
	long line = 0;

	while (p < end && s->n < FEED_SUBS_MAX) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end, *why = NULL;
		struct feed_sub e = { 0 };
		int rc;

		line++;
		while (p < eol && blank(*p))
			p++;
		if (p < eol && *p != '#') {
			rc = parse_line(p, eol, &e, &why);
			if (rc < 0) {
				sub_free(&e);
				return -1;
			}
			if (rc > 0) {
				if (warn && warnings < WARN_LINES_MAX)
					fprintf(warn, "folio: %s:%ld: %s\n", name, line, why);
				warnings++;
				sub_free(&e);
			} else if (push(s, &e) < 0) {
				return -1;
			}
		}
		p = nl ? nl + 1 : end;
	}
	if (warn && warnings > WARN_LINES_MAX)
		fprintf(warn, "folio: %s: %d more bad lines skipped\n", name,
			warnings - WARN_LINES_MAX);
	if (p < end) {
		/* each line is checked against all before it for a repeat */
		if (warn)
			fprintf(warn, "folio: %s:%ld: more than %d feeds: the rest "
				"are skipped\n", name, line + 1, FEED_SUBS_MAX);
		warnings++;
	}
	return warnings;
}

char *feed_subs_default_path(void)
{
	return xdg_path(XDG_CONFIG, "feeds");
}

/* The whole file, NUL-terminated; NULL with errno set on failure
 * (EFBIG past FEED_SUBS_FILE_MAX: /dev/zero is no list). */
static char *read_all(const char *path, size_t *len)
{
	char *text;
	int rc = file_read_path(path, FEED_SUBS_FILE_MAX, &text, len);

	if (rc)
		errno = rc;
	return text;
}

int feed_subs_load(struct feed_subs *s, const char *path, FILE *warn)
{
	size_t len = 0;
	char *text = read_all(path, &len);
	int rc;

	if (!text) {
		if (errno == ENOENT)
			return 0;
		return errno == ENOMEM ? -1 : FEED_SUBS_UNREADABLE;
	}
	rc = feed_subs_parse(s, text, len, path, warn);
	free(text);
	return rc;
}

void feed_subs_cause(int err, char *out, size_t size)
{
	if (err == EFBIG)
		snprintf(out, size, "too large (over %d bytes)", FEED_SUBS_FILE_MAX);
	else
		snprintf(out, size, "%s", strerror(err));
}

char *feed_subs_format_line(const char *url, const char *title,
			const char *const *tags, size_t ntags)
{
	size_t cap = strlen(url) + 4 + (title ? 2 * strlen(title) + 3 : 0);
	char *out, *o;

	for (size_t i = 0; i < ntags; i++)
		cap += strlen(tags[i]) + 1;
	out = o = malloc(cap + 1);
	if (!out)
		return NULL;
	o += sprintf(o, "%s", url);
	if (title && *title) {
		*o++ = ' ';
		*o++ = '"';
		for (const char *t = title; *t; t++) {
			if (*t == '"' || *t == '\\')
				*o++ = '\\';
			*o++ = *t;
		}
		*o++ = '"';
	}
	for (size_t i = 0; i < ntags; i++)
		o += sprintf(o, " %s", tags[i]);
	*o = '\0';
	return out;
}

/* mkdir -p of path's directory part, new levels mode 0700. */
static int make_parent_dirs(const char *path)
{
	char *d = strdup(path);

	if (!d)
		return -1;
	for (char *p = d + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(d, 0700) < 0 && errno != EEXIST) {
			free(d);
			return -1;
		}
		*p = '/';
	}
	free(d);
	return 0;
}

int feed_subs_append(const char *path, const char *url, const char *title,
		 char err[FEEDS_ERR_MAX])
{
	struct feed_subs s = { 0 };
	char *text, *line, *clean_title = NULL, *clean_url;
	size_t len = 0;
	int fd, rc = -1;
	bool need_nl;

	err[0] = '\0';
	clean_url = url ? text_clean_dup(url, strlen(url)) : NULL;
	if (!clean_url || !is_web_url(clean_url) || strpbrk(clean_url, " \t\"")) {
		snprintf(err, FEEDS_ERR_MAX, "%s: not an http or https URL", url ? url : "");
		free(clean_url);
		return -1;
	}
	text = read_all(path, &len);
	if (!text && errno != ENOENT) {
		char cause[128];
		feed_subs_cause(errno, cause, sizeof cause);
		snprintf(err, FEEDS_ERR_MAX, "%s: %s", path, cause);
		free(clean_url);
		return -1;
	}
	if (text && feed_subs_parse(&s, text, len, path, NULL) >= 0 && feed_subs_find(&s, clean_url)) {
		rc = 0;
		goto out;
	}
	need_nl = text && len > 0 && text[len - 1] != '\n';
	if (title)
		clean_title = text_clean_dup(title, strlen(title));
	line = feed_subs_format_line(clean_url, clean_title, NULL, 0);
	if (!line || make_parent_dirs(path) < 0 ||
	    (fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600)) < 0) {
		snprintf(err, FEEDS_ERR_MAX, "%s: %s", path, line ? strerror(errno) : "out of memory");
		free(line);
		goto out;
	}
	{
		size_t n = strlen(line);
		bool ok = (!need_nl || write(fd, "\n", 1) == 1) &&
			  write(fd, line, n) == (ssize_t)n && write(fd, "\n", 1) == 1;
		if (close(fd) < 0)
			ok = false;
		if (ok)
			rc = 1;
		else
			snprintf(err, FEEDS_ERR_MAX, "%s: %s", path, strerror(errno));
	}
	free(line);
out:
	feed_subs_free(&s);
	free(text);
	free(clean_title);
	free(clean_url);
	return rc;
}
