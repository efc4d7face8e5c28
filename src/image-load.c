/* image-load.c - fetch + decode of a lead picture on a task (see
 * image-load.h). */
#include "folio/image-load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "folio/task.h"

struct image_load {
	struct task *task;
	char *url;
	struct fetch_opts fo;
	int want_width;
	char *cached;           /* the cache's copy, or NULL: fetch */
	size_t cached_len;
	/* results, read once the task is done */
	struct fetch_result res;
	struct image img;
	enum status_code status;
	char err[FETCH_ERR_MAX];
	bool finished;
};

static void decode(struct image_load *l, const char *bytes, size_t len)
{
	enum image_status st = image_decode(bytes, len, l->want_width, &l->img);
	if (st == IMAGE_OK) {
		l->status = STATUS_OK;
		return;
	}
	l->status = st == IMAGE_NO_MEMORY ? STATUS_INPUT : STATUS_NOT_HTML;
	snprintf(l->err, sizeof l->err, "%s: %s", l->url,
		 st == IMAGE_NO_LIBRARY ? image_library_error(bytes, len)
					: image_status_text(st));
}

/* On the worker: only l is touched. */
static void run(struct task *t, void *arg)
{
	struct image_load *l = arg;
	if (l->cached) {
		decode(l, l->cached, l->cached_len);
		return;
	}
	l->fo.progress = task_xferinfo;
	l->fo.progress_arg = t;
	if (fetch_url(l->url, &l->fo, &l->res) != STATUS_OK) {
		l->status = l->res.status;
		snprintf(l->err, sizeof l->err, "%s", l->res.err);
		return;
	}
	decode(l, l->res.body, l->res.len);
}

static bool image_type(const char *media_type, void *arg)
{
	return strncmp(media_type, "image/", 6) == 0;
}

struct image_load *image_load_start(const char *url,
				    const struct fetch_opts *fo,
				    char *cached, size_t cached_len,
				    int want_width)
{
	struct image_load *l = calloc(1, sizeof *l);
	if (!l || !(l->url = strdup(url))) {
		free(l);
		free(cached);
		return NULL;
	}
	if (fo)
		l->fo = *fo;
	l->fo.accept_type = image_type;     /* the decoder tells formats */
	l->fo.accept_arg = NULL;
	l->fo.if_none_match = l->fo.if_modified_since = NULL;
	l->want_width = want_width;
	l->cached = cached;
	l->cached_len = cached_len;
	l->status = STATUS_INPUT;
	/* curl's global set-up is not for two threads at once: done here,
	 * on the caller's thread, before the worker fetches. */
	if (!cached)
		fetch_global_init();
	l->task = task_start(run, l);
	if (!l->task) {
		image_load_free(l);
		return NULL;
	}
	return l;
}

int image_load_fd(const struct image_load *l)
{
	return task_fd(l->task);
}

enum status_code image_load_finish(struct image_load *l, struct image *img,
				   struct fetch_result *fetched,
				   char err[FETCH_ERR_MAX])
{
	task_free(l->task);
	l->task = NULL;
	*img = l->img;
	memset(&l->img, 0, sizeof l->img);
	*fetched = l->res;
	memset(&l->res, 0, sizeof l->res);
	if (l->status != STATUS_OK || !fetched->body) {
		fetch_result_free(fetched);     /* nothing worth caching */
		fetched->status = STATUS_INPUT;
	}
	snprintf(err, FETCH_ERR_MAX, "%s", l->err);
	return l->status;
}

void image_load_free(struct image_load *l)
{
	if (!l)
		return;
	if (l->task) {
		task_cancel(l->task);
		task_free(l->task);
	}
	fetch_result_free(&l->res);
	image_free(&l->img);
	free(l->cached);
	free(l->url);
	free(l);
}
