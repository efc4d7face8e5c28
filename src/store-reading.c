/* store-reading.c - history, places, saved list and read marks: the
 * rules the pager and the command line share (store-reading.h). */
#include <stdlib.h>
#include <string.h>

#include "folio/feed-store.h"
#include "folio/open.h"
#include "folio/store-reading.h"
#include "folio/fetch.h"
#include "folio/util-file.h"

/* A saved file's bytes are read whole; beyond this it is not saved. */
#define SAVE_FILE_MAX ((size_t)64 << 20)

static bool has_scheme(const char *name, const char *scheme)
{
	size_t i = 0;

	for (; scheme[i]; i++)
		if ((name[i] | 0x20) != scheme[i])   /* ASCII letters only */
			return false;
	return name[i] == ':';
}

bool reading_rememberable(const char *name)
{
	if (!name || !*name || strcmp(name, "-") == 0)
		return false;
	return !open_is_url(name) || has_scheme(name, "http") || has_scheme(name, "https");
}

int reading_opened(struct store *st, const char *name, int64_t when)
{
	if (!st || !name)
		return -1;
	return feed_store_mark_read(st, name, when) < 0 ? -1 : 0;
}

int reading_mark(struct store *st, const char *url, bool read, int64_t when)
{
	int rc = read ? feed_store_mark_url(st, url, when) : feed_store_mark_unread(st, url);
	return rc < 0 ? -1 : 0;
}

int reading_is_read(struct store *st, const char *url)
{
	return feed_store_is_read(st, url);
}

int reading_shown(struct store *st, const char *name, const struct article *a,
		  int64_t when)
{
	int rc = reading_opened(st, name, when);

	if (rc == 0 && reading_rememberable(name))
		rc = store_history_record(st, name, a->title, a->site_name, when);
	/* a file read as a URL's page (--url) opens as it again */
	if (rc == 0 && reading_rememberable(name) && !open_is_url(name))
		rc = store_history_set_base(st, name, a->url && open_is_url(a->url) ? a->url
					    : NULL);
	return rc;
}

int reading_base(struct store *st, const char *name, char **base)
{
	*base = NULL;
	if (!reading_rememberable(name) || open_is_url(name))
		return 0;
	return store_history_base(st, name, base);
}

int reading_place_get(struct store *st, const char *name, long *block, long *offset)
{
	if (!reading_rememberable(name))
		return 0;
	return store_history_get_position(st, name, block, offset);
}

int reading_place_set(struct store *st, const char *name, long block, long offset)
{
	if (!reading_rememberable(name))
		return 0;
	return store_history_set_position(st, name, block, offset);
}

/* One page under two names (a fragment, a default port, the host's
 * case) is one row: the newest, which comes first, stays. */
static void merge_duplicates(struct store_entry *e, size_t *n)
{
	size_t kept = 0;
	for (size_t i = 0; i < *n; i++) {
		bool dup = false;
		for (size_t k = 0; k < kept && !dup; k++)
			dup = fetch_same_url(e[k].url, e[i].url);
		if (dup) {
			free(e[i].url);
			free(e[i].title);
			free(e[i].site);
		} else {
			e[kept++] = e[i];
		}
	}
	*n = kept;
}

int reading_list(struct store *st, enum reading_list which,
		 struct store_entry **out, size_t *n)
{
	if (which == READING_SAVED)
		return store_saved_list(st, out, n);
	int rc = store_history_list(st, READING_HISTORY_MAX, out, n);
	if (rc == 0)
		merge_duplicates(*out, n);
	return rc;
}

int reading_save(struct store *st, const char *name, const struct article *a,
		 int64_t when)
{
	if (!st || !reading_rememberable(name))
		return -1;
	int r = store_save_from_cache(st, name, a->title, a->site_name, when);
	if (r == 0 && !open_is_url(name)) {    /* a file: save its bytes */
		char *html = NULL;
		size_t len;

		file_read_path(name, SAVE_FILE_MAX, &html, &len);
		r = html && store_save(st, name, a->title, a->site_name, html, len, when) == 0
		    ? 1 : -1;
		free(html);
	}
	return r;
}

int reading_unsave(struct store *st, const char *url)
{
	return store_unsave(st, url);
}
