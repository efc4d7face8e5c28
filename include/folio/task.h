/* task.h - one piece of slow work (a fetch) on a worker thread, so the
 * screen stays alive while it runs.
 *
 * task_start runs fn(task, arg) on a new thread.  The thread that
 * started it (the ui) learns of the end by polling task_fd() — one byte
 * becomes readable when fn has returned — or by calling task_done()
 * between keys; then task_free joins the thread and fn's results (kept
 * in arg by fn) may be read.
 *
 * Progress and cancelling go through the task: fn reports bytes with
 * task_progress and looks at task_cancelled now and then; a fetch does
 * both through task_xferinfo, which has the shape of fetch_opts'
 * progress callback (fetch.h), so libcurl aborts the transfer within
 * about a second of task_cancel (it calls the callback at least once a
 * second, more often while bytes arrive).
 *
 * Only fn runs on the worker: whatever it touches must not be used by
 * the ui thread until the task is done.  In particular the store (one
 * SQLite connection whose prepared statements are shared) is not safe
 * from two threads at once: a ui that lets a task open pages through
 * the store waits for it (task_free) before its own store calls. */
#ifndef FOLIO_TASK_H
#define FOLIO_TASK_H

#include <stdbool.h>
#include <stdint.h>

struct task;
typedef void task_fn(struct task *t, void *arg);

/* Start fn(t, arg) on a worker thread.  NULL when no thread (or pipe)
 * could be made; fn has then not run. */
struct task *task_start(task_fn *fn, void *arg);

/* Readable (one byte) once fn has returned; for poll(). */
int task_fd(const struct task *t);

/* Has fn returned?  Never blocks. */
bool task_done(const struct task *t);

/* Ask fn to stop (it sees task_cancelled); returns at once. */
void task_cancel(struct task *t);
bool task_cancelled(const struct task *t);

/* From fn: bytes received so far and expected in all (0: unknown). */
void task_progress(struct task *t, uint64_t now, uint64_t total);
/* The last figures fn reported (0, 0 before any). */
void task_get_progress(const struct task *t, uint64_t *now, uint64_t *total);

/* fetch_opts.progress for a fetch run by a task (arg is the task):
 * records the bytes, returns nonzero (abort) once cancelled. */
int task_xferinfo(void *task, uint64_t dltotal, uint64_t dlnow);

/* Wait for fn to return and release the task (NULL: nothing).  Call
 * task_cancel first to make it quick. */
void task_free(struct task *t);

#endif
