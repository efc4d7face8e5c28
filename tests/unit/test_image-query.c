/* Tests for image-query.c through a pseudo-terminal: a child plays the
 * terminal, reads the query and answers (or does not). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pty.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include <cmocka.h>

#include "folio/image-detect.h"
#include "folio/image-query.h"

/* The terminal: reads until the DA1 request ("ESC [ c"), checks the
 * kitty query came first, then writes answer (NULL: none).  Exits 0
 * when the query was as expected. */
static void play_terminal(int master, const char *answer)
{
	char buf[256];
	size_t len = 0;
	while (len < sizeof buf - 1) {
		ssize_t k = read(master, buf + len, sizeof buf - 1 - len);
		if (k <= 0)
			_exit(2);
		len += (size_t)k;
		buf[len] = '\0';
		if (strstr(buf, "\033[c"))
			break;
	}
	if (strncmp(buf, "\033_Gi=31,", 8) != 0)
		_exit(3);
	if (answer && write(master, answer, strlen(answer)) < 0)
		_exit(4);
	/* keep the master open until the reader is done with the slave */
	while (read(master, buf, sizeof buf) > 0)
		;
	_exit(0);
}

static int ask(const char *answer, int timeout_ms)
{
	int master, slave;
	assert_int_equal(openpty(&master, &slave, NULL, NULL, NULL), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(slave);
		play_terminal(master, answer);
	}
	close(master);
	struct termios before, after;
	assert_int_equal(tcgetattr(slave, &before), 0);
	int mode = image_query_fd(slave, timeout_ms);
	int got = tcgetattr(slave, &after);
	close(slave);
	int st;
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	assert_int_equal(got, 0);
	/* the terminal's mode is given back */
	assert_int_equal(before.c_lflag, after.c_lflag);
	return mode;
}

static void test_answers(void **state)
{
	assert_int_equal(ask("\033_Gi=31;OK\033\\\033[?62;22c", 5000),
			 IMAGE_MODE_KITTY);
	assert_int_equal(ask("\033[?62;4;22c", 5000), IMAGE_MODE_SIXEL);
	assert_int_equal(ask("\033[?62;22c", 5000), IMAGE_MODE_SYMBOLS);
}

/* A terminal that answers nothing: -1 once the time is up. */
static void test_silence(void **state)
{
	assert_int_equal(ask(NULL, 200), -1);
}

static void test_not_a_terminal(void **state)
{
	int p[2];
	assert_int_equal(pipe(p), 0);
	assert_int_equal(image_query_fd(p[0], 100), -1);
	close(p[0]);
	close(p[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_answers),
		cmocka_unit_test(test_silence),
		cmocka_unit_test(test_not_a_terminal),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
