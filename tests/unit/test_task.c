/* Unit tests for task.c: work runs on another thread, its end is seen
 * through the pipe, progress and cancelling reach the work, and a fetch
 * run by a task is cancelled through fetch_opts.progress. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <setjmp.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <cmocka.h>

#include "folio/fetch.h"
#include "folio/task.h"

#define WAIT_MS 20000   /* anti-hang guard only; the tests wait for events */

/* Wait until the task's pipe is readable; false after WAIT_MS. */
static bool wait_done(struct task *t)
{
	struct pollfd p = { .fd = task_fd(t), .events = POLLIN };
	return poll(&p, 1, WAIT_MS) == 1 && (p.revents & POLLIN);
}

struct simple {
	pthread_t ran_on;
	int value;
};

static void set_value(struct task *t, void *arg)
{
	struct simple *s = arg;
	(void)t;
	s->ran_on = pthread_self();
	s->value = 42;
}

static void test_runs_on_worker_and_signals(void **state)
{
	(void)state;
	struct simple s = { 0 };
	struct task *t = task_start(set_value, &s);
	assert_non_null(t);
	assert_true(wait_done(t));
	assert_true(task_done(t));
	task_free(t);
	assert_int_equal(s.value, 42);
	assert_false(pthread_equal(s.ran_on, pthread_self()));
}

/* Reports progress, then waits to be cancelled. */
static void until_cancelled(struct task *t, void *arg)
{
	int *seen = arg;
	task_progress(t, 1234, 5678);
	while (!task_cancelled(t)) {
		struct timespec ts = { 0, 1000000 };
		nanosleep(&ts, NULL);
	}
	*seen = 1;
}

static void test_progress_and_cancel(void **state)
{
	(void)state;
	int seen = 0;
	uint64_t now = 0, total = 0;
	struct task *t = task_start(until_cancelled, &seen);
	assert_non_null(t);
	/* The progress is there once the worker reported it. */
	for (int i = 0; i < WAIT_MS && now == 0; i++) {
		task_get_progress(t, &now, &total);
		if (!now) {
			struct timespec ts = { 0, 1000000 };
			nanosleep(&ts, NULL);
		}
	}
	assert_int_equal(now, 1234);
	assert_int_equal(total, 5678);
	assert_false(task_done(t));
	struct pollfd p = { .fd = task_fd(t), .events = POLLIN };
	assert_int_equal(poll(&p, 1, 0), 0);    /* not readable yet */
	task_cancel(t);
	assert_true(task_cancelled(t));
	assert_true(wait_done(t));
	task_free(t);
	assert_int_equal(seen, 1);
}

static void test_xferinfo(void **state)
{
	(void)state;
	int seen = 0;
	uint64_t now, total;
	struct task *t = task_start(until_cancelled, &seen);
	assert_non_null(t);
	assert_int_equal(task_xferinfo(t, 100, 7), 0);
	task_cancel(t);
	assert_int_not_equal(task_xferinfo(t, 100, 9), 0);
	task_get_progress(t, &now, &total);
	/* The worker may have reported its own figures in between. */
	assert_true((now == 9 && total == 100) || (now == 1234 && total == 5678));
	assert_true(wait_done(t));
	task_free(t);
}

/* ---- a fetch from a server that never answers, cancelled ---- */

struct stalled_fetch {
	const char *url;
	struct fetch_result res;
};

static void fetch_it(struct task *t, void *arg)
{
	struct stalled_fetch *f = arg;
	struct fetch_opts o = { .timeout_s = 60, .progress = task_xferinfo,
				.progress_arg = t };
	fetch_url(f->url, &o, &f->res);
}

/* A listening socket that accepts nothing: the kernel completes the
 * connection, curl sends its request and waits for an answer. */
static int silent_server(int *port)
{
	struct sockaddr_in a = { .sin_family = AF_INET,
				 .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof a;
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	assert_true(fd >= 0);
	assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
	assert_int_equal(listen(fd, 4), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
	*port = ntohs(a.sin_port);
	return fd;
}

static void test_fetch_cancelled(void **state)
{
	(void)state;
	int port, fd = silent_server(&port);
	char url[64];
	snprintf(url, sizeof url, "http://127.0.0.1:%d/stall", port);
	struct stalled_fetch f = { .url = url };
	struct task *t = task_start(fetch_it, &f);
	assert_non_null(t);
	struct pollfd p = { .fd = task_fd(t), .events = POLLIN };
	assert_int_equal(poll(&p, 1, 300), 0);  /* still waiting for the server */
	task_cancel(t);
	assert_true(wait_done(t));
	task_free(t);
	close(fd);
	assert_int_equal(f.res.status, STATUS_NETWORK);
	if (!strstr(f.res.err, "cancelled"))
		fail_msg("error is '%s'", f.res.err);
	fetch_result_free(&f.res);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_runs_on_worker_and_signals),
		cmocka_unit_test(test_progress_and_cancel),
		cmocka_unit_test(test_xferinfo),
		cmocka_unit_test(test_fetch_cancelled),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
