/* feed-list.c - stories and the story-list article (see feed-list.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "folio/date.h"
#include "folio/feed-list.h"
#include "folio/text.h"
#include "folio/util-ascii.h"
#include "folio/util-buf.h"

static void story_free(struct story *s)
{
	free(s->feed_url);
	free(s->source);
	free(s->url);
	free(s->id);
	free(s->title);
	free(s->date);
	free(s->author);
	free(s->summary);
	free(s->section);
}

void stories_free(struct story *s, size_t n)
{
	for (size_t i = 0; s && i < n; i++)
		story_free(&s[i]);
	free(s);
}

/* strdup that keeps NULL and reports OOM through *oom. */
static char *dup_or_null(const char *s, bool *oom)
{
	char *d;

	if (!s)
		return NULL;
	d = strdup(s);
	if (!d)
		*oom = true;
	return d;
}

char *feed_list_host(const char *url)
{
	const char *p, *end;

	if (!url || !(p = strstr(url, "://")))
		return NULL;
	p += 3;
	end = p + strcspn(p, "/?#");
	{
		const char *at = memchr(p, '@', (size_t)(end - p));
		if (at)
			p = at + 1;
	}
	if (end == p)
		return NULL;
	if (end - p > 4 && ascii_ncasecmp(p, "www.", 4) == 0)
		p += 4;
	return strndup(p, (size_t)(end - p));
}

int stories_from_feed(const struct feed *f, const char *feed_url,
		      struct story **out, size_t *n)
{
	struct story *v = f->nitems ? calloc(f->nitems, sizeof *v) : NULL;
	char *host = f->title ? NULL : feed_list_host(feed_url);
	const char *source = f->title ? f->title : host;
	bool oom = f->nitems && !v;

	for (size_t i = 0; i < f->nitems && !oom; i++) {
		const struct feed_item *it = &f->items[i];
		struct story *s = &v[i];

		s->feed_url = dup_or_null(feed_url, &oom);
		s->source = dup_or_null(source, &oom);
		s->url = dup_or_null(it->link, &oom);
		s->id = dup_or_null(it->id, &oom);
		s->title = dup_or_null(it->title, &oom);
		s->date = dup_or_null(it->date, &oom);
		s->time = (int64_t)it->time;
		s->author = dup_or_null(it->author, &oom);
		s->summary = dup_or_null(it->summary, &oom);
		s->section = dup_or_null(it->section, &oom);
	}
	free(host);
	if (oom) {
		stories_free(v, f->nitems);
		*out = NULL;
		*n = 0;
		return -1;
	}
	*out = v;
	*n = f->nitems;
	return 0;
}

/* Insertion sort would be quadratic on 1000s of stories: merge sort on
 * indices keeps it stable and O(n log n) without recursion. */
static bool newer(const struct story *a, const struct story *b)
{
	return a->time > b->time;
}

void stories_sort(struct story *s, size_t n)
{
	struct story *tmp;

	if (n < 2 || !(tmp = malloc(n * sizeof *tmp)))
		return;
	for (size_t width = 1; width < n; width *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * width) {
			size_t mid = lo + width < n ? lo + width : n;
			size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
			size_t i = lo, j = mid, k = lo;

			while (i < mid && j < hi)
				tmp[k++] = newer(&s[j], &s[i]) ? s[j++] : s[i++];
			while (i < mid)
				tmp[k++] = s[i++];
			while (j < hi)
				tmp[k++] = s[j++];
		}
		memcpy(s, tmp, n * sizeof *s);
	}
	free(tmp);
}

/* "2024-09-02 10:30" in local time, or the feed's own text. */
static void format_date(const struct story *s, char *out, size_t sz)
{
	struct tm tm;
	time_t t = (time_t)s->time;

	out[0] = '\0';
	if (s->time > 0 && localtime_r(&t, &tm))
		strftime(out, sz, "%Y-%m-%d %H:%M", &tm);
	else if (s->date)
		snprintf(out, sz, "%s", s->date);
}

/* The words a story is listed under when it has no title. */
static const char *story_label(const struct story *s)
{
	if (s->title && *s->title)
		return s->title;
	if (s->summary && *s->summary)
		return s->summary;
	if (s->url)
		return s->url;
	return "(untitled)";
}

/* The story's date as RFC 3339, the form articles use: the date as
 * the feed or page wrote it, keeping its offset ("…T19:02:11+01:00",
 * or a bare "2024-09-03"), else its time in UTC ("…T10:00:00+00:00").
 * *out stays NULL without a date.  Returns 0, -1 on OOM. */
static int story_published(const struct story *s, char **out)
{
	if (s->date && (*out = date_rfc3339(s->date)))
		return 0;
	time_t t = (time_t)s->time;
	struct tm tm;
	if (!s->time || !gmtime_r(&t, &tm))
		return 0;
	struct date d = {
		.year = tm.tm_year + 1900, .month = tm.tm_mon + 1, .day = tm.tm_mday,
		.hour = tm.tm_hour, .minute = tm.tm_min, .second = tm.tm_sec,
		.has_time = true, .has_zone = true,
	};
	char buf[DATE_RFC3339_MAX];
	return article_set(out, date_format(&d, buf));
}

#define LABEL_MAX 300   /* bytes of a summary used as a title */

/* The story as the page's list item (its JSON "stories" entry); label
 * is the cleaned title, llen bytes of it. */
static int add_item(struct article *a, const struct story *s, const char *label, size_t llen)
{
	char *title = strndup(label, llen);
	struct list_item *it = title ? article_add_item(a, title, s->url) : NULL;
	free(title);
	if (!it)
		return -1;
	it->read = s->read;
	if (story_published(s, &it->published) != 0)
		return -1;
	if (s->summary && article_set(&it->summary, s->summary) != 0)
		return -1;
	if (s->source && *s->source && article_set(&it->source, s->source) != 0)
		return -1;
	if (s->section && article_set(&it->section, s->section) != 0)
		return -1;
	return 0;
}

/* One story: "Title · Source · date · new"; the link covers the title. */
static int add_story(struct article *a, const struct story *s, int ordinal, struct buf *t)
{
	static const char dot[] = " \xc2\xb7 ";
	const char *label = story_label(s);
	size_t llen = strlen(label);
	char date[64];
	struct block *b;

	t->len = 0;     /* the buffer is reused story after story */
	buf_str(t, label);
	if (!t->oom && llen > LABEL_MAX) {
		size_t cut = text_utf8_floor(t->data, LABEL_MAX);
		t->data[cut] = '\0';
		t->len = cut;
		buf_str(t, "\xe2\x80\xa6");
	}
	llen = t->len;
	if (s->source && *s->source) {
		buf_str(t, dot);
		buf_str(t, s->source);
	}
	format_date(s, date, sizeof date);
	if (date[0]) {
		buf_str(t, dot);
		buf_str(t, date);
	}
	if (!s->read) {
		buf_str(t, dot);
		buf_str(t, "new");
	}
	if (t->oom)
		return -1;
	/* story strings were cleaned when parsed or stored; clean again so
	 * a list built from anywhere keeps the article's promise */
	t->len = text_clean(t->data, t->len);
	if (llen > t->len)
		llen = t->len;
	b = article_add_block(a, BLOCK_LI, t->data, t->len);
	if (!b)
		return -1;
	b->depth = 1;
	b->ordinal = ordinal;
	if (s->url && llen > 0 && block_add_link(b, 0, llen, s->url) != 0)
		return -1;
	return s->url ? add_item(a, s, t->data, llen) : 0;
}

struct article *feed_list_article(const char *title, const char *url,
				 const struct story *s, size_t n)
{
	struct article *a = article_new();
	struct buf t = { 0 };
	size_t unread = 0;
	char count[96];

	if (!a)
		return NULL;
	a->kind = PAGE_LIST;
	for (size_t i = 0; i < n; i++)
		unread += !s[i].read;
	snprintf(count, sizeof count, "%zu stor%s, %zu new", n, n == 1 ? "y" : "ies", unread);
	if (article_set(&a->title, title && *title ? title : "Feeds") != 0 ||
	    article_set(&a->url, url) != 0 || article_set(&a->site_name, count) != 0)
		goto oom;
	for (size_t i = 0; i < n; i++)
		if (add_story(a, &s[i], (int)(i + 1), &t) != 0)
			goto oom;
	if (n == 0 && !article_add_block(a, BLOCK_P, "No stories yet.", 15))
		goto oom;
	buf_free(&t);
	return a;
oom:
	buf_free(&t);
	article_free(a);
	return NULL;
}

struct article *feed_list_of(const struct feed *f, const char *url,
			     bool (*is_read)(const char *url, void *arg), void *arg)
{
	struct story *s;
	size_t n;
	struct article *a;

	if (stories_from_feed(f, url, &s, &n) != 0)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		/* one site: its name on every line says nothing */
		free(s[i].source);
		s[i].source = NULL;
		s[i].read = is_read && s[i].url && is_read(s[i].url, arg);
	}
	a = feed_list_article(f->title, url, s, n);
	stories_free(s, n);
	return a;
}
