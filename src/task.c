/* task.c - slow work on a worker thread (see task.h). */
#include "folio/task.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

struct task {
	pthread_t thread;
	task_fn *fn;
	void *arg;
	int pipe[2];            /* [0]: the ui polls it; [1]: the worker's */
	atomic_bool done, cancelled;
	atomic_uint_fast64_t now, total;
};

static void *run(void *p)
{
	struct task *t = p;
	t->fn(t, t->arg);
	atomic_store(&t->done, true);
	/* One byte says "done"; the pipe is never full (one write ever). */
	while (write(t->pipe[1], "", 1) < 0 && errno == EINTR)
		;
	return NULL;
}

struct task *task_start(task_fn *fn, void *arg)
{
	struct task *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	t->fn = fn;
	t->arg = arg;
	atomic_init(&t->done, false);
	atomic_init(&t->cancelled, false);
	atomic_init(&t->now, 0);
	atomic_init(&t->total, 0);
	if (pipe2(t->pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
		free(t);
		return NULL;
	}
	/* The worker takes no signals: SIGINT, SIGWINCH and the like stay
	 * with the thread that owns the terminal. */
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	int rc = pthread_create(&t->thread, NULL, run, t);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		close(t->pipe[0]);
		close(t->pipe[1]);
		free(t);
		return NULL;
	}
	return t;
}

int task_fd(const struct task *t)
{
	return t->pipe[0];
}

bool task_done(const struct task *t)
{
	return atomic_load(&t->done);
}

void task_cancel(struct task *t)
{
	atomic_store(&t->cancelled, true);
}

bool task_cancelled(const struct task *t)
{
	return atomic_load(&((struct task *)t)->cancelled);
}

void task_progress(struct task *t, uint64_t now, uint64_t total)
{
	atomic_store(&t->now, now);
	atomic_store(&t->total, total);
}

void task_get_progress(const struct task *t, uint64_t *now, uint64_t *total)
{
	struct task *m = (struct task *)t;
	*now = atomic_load(&m->now);
	*total = atomic_load(&m->total);
}

int task_xferinfo(void *task, uint64_t dltotal, uint64_t dlnow)
{
	struct task *t = task;
	task_progress(t, dlnow, dltotal);
	return task_cancelled(t) ? 1 : 0;
}

void task_free(struct task *t)
{
	if (!t)
		return;
	pthread_join(t->thread, NULL);
	close(t->pipe[0]);
	close(t->pipe[1]);
	free(t);
}
