/* Tests for image-detect.c: the decision table from settings and
 * terminal environments to a picture mode, and the palettes. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "folio/image-detect.h"

#define ENV(...) ((char *const[]){ __VA_ARGS__, NULL })

static void test_auto(void **state)
{
	const struct {
		char *const *env;
		enum image_mode want;
	} cases[] = {
		{ ENV("TERM=xterm-256color"), IMAGE_MODE_SYMBOLS },
		{ ENV("TERM=xterm-256color", "COLORTERM=truecolor"), IMAGE_MODE_SYMBOLS },
		{ ENV("TERM=xterm-kitty"), IMAGE_MODE_KITTY },
		{ ENV("TERM=xterm-256color", "KITTY_WINDOW_ID=3"), IMAGE_MODE_KITTY },
		{ ENV("TERM=xterm-ghostty"), IMAGE_MODE_KITTY },
		{ ENV("TERM=xterm-256color", "TERM_PROGRAM=iTerm.app"), IMAGE_MODE_ITERM },
		{ ENV("TERM=xterm-256color", "TERM_PROGRAM=WezTerm"), IMAGE_MODE_SIXEL },
		{ ENV("TERM=foot"), IMAGE_MODE_SIXEL },
		{ ENV("TERM=mlterm"), IMAGE_MODE_SIXEL },
		{ ENV("TERM=linux"), IMAGE_MODE_SYMBOLS },
		/* A multiplexer: symbols, whatever the outer terminal is. */
		{ ENV("TERM=tmux-256color"), IMAGE_MODE_SYMBOLS },
		{ ENV("TERM=screen-256color", "KITTY_WINDOW_ID=3"), IMAGE_MODE_SYMBOLS },
		{ ENV("TERM=xterm-kitty", "TMUX=/tmp/tmux-0/default,9,0"), IMAGE_MODE_SYMBOLS },
		{ ENV("TERM=foot", "TMUX=/tmp/tmux-0/default,9,0"), IMAGE_MODE_SYMBOLS },
		{ ENV("TERM_PROGRAM=iTerm.app", "TERM=screen"), IMAGE_MODE_SYMBOLS },
		{ ENV("TERMX=xterm-kitty"), IMAGE_MODE_SYMBOLS },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		int got = image_detect("auto", cases[i].env);
		if (got != (int)cases[i].want) {
			fprintf(stderr, "case %zu: %s, want %s\n", i,
				image_mode_name(got), image_mode_name(cases[i].want));
			fail();
		}
		assert_int_equal(image_detect(NULL, cases[i].env), got);
	}
	static char *const empty[] = { NULL };
	assert_int_equal(image_detect("auto", empty), IMAGE_MODE_SYMBOLS);
	assert_int_equal(image_detect(NULL, NULL), IMAGE_MODE_SYMBOLS);
}

/* A setting other than auto wins over the terminal, even under tmux. */
static void test_setting(void **state)
{
	char *const *tmux = ENV("TERM=tmux-256color", "TMUX=/t,1,0");
	char *const *kitty = ENV("TERM=xterm-kitty");
	assert_int_equal(image_detect("none", kitty), IMAGE_MODE_NONE);
	assert_int_equal(image_detect("symbols", kitty), IMAGE_MODE_SYMBOLS);
	assert_int_equal(image_detect("sixel", tmux), IMAGE_MODE_SIXEL);
	assert_int_equal(image_detect("kitty", tmux), IMAGE_MODE_KITTY);
	assert_int_equal(image_detect("iterm", tmux), IMAGE_MODE_ITERM);
	assert_int_equal(image_detect("yes", kitty), -1);
	assert_int_equal(image_detect("", kitty), -1);
	assert_int_equal(image_detect("SIXEL", kitty), -1);
	assert_true(image_setting_valid("auto"));
	assert_true(image_setting_valid("none"));
	assert_false(image_setting_valid("off"));
}

static void test_replies(void **state)
{
	static const struct { const char *bytes; int want; } cases[] = {
		{ "\033[?62;4;22c", IMAGE_MODE_SIXEL },          /* xterm -ti vt340 */
		{ "\033[?4;62c", IMAGE_MODE_SIXEL },
		{ "\033[?62;22c", IMAGE_MODE_SYMBOLS },          /* xterm */
		{ "\033[?62;14;44c", IMAGE_MODE_SYMBOLS },       /* 14, 44: not 4 */
		{ "\033[?1;2c", IMAGE_MODE_SYMBOLS },            /* a VT100 */
		{ "\033_Gi=31;OK\033\\\033[?62;22c", IMAGE_MODE_KITTY },
		{ "\033_Gi=31;OK\033\\\033[?62;4c", IMAGE_MODE_KITTY },
		{ "\033_Gi=31;ENOTSUPPORTED\033\\\033[?62;4c", IMAGE_MODE_SIXEL },
		/* incomplete: wait for more */
		{ "\033_Gi=31;OK\033\\", -1 },
		{ "\033[?62;4", -1 },
		{ "\033[62;4c", -1 },
		{ "", -1 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		int got = image_detect_replies(cases[i].bytes,
					       strlen(cases[i].bytes));
		if (got != cases[i].want) {
			fprintf(stderr, "case %zu: got %d\n", i, got);
			fail();
		}
	}
}

/* The terminal is asked only when nothing else told. */
static void test_ask(void **state)
{
	assert_true(image_detect_ask("auto", ENV("TERM=xterm-256color")));
	assert_true(image_detect_ask(NULL, ENV("TERM=xterm-256color")));
	assert_false(image_detect_ask("symbols", ENV("TERM=xterm-256color")));
	assert_false(image_detect_ask("auto", ENV("TERM=xterm-kitty")));
	assert_false(image_detect_ask("auto", ENV("TERM=foot")));
	assert_false(image_detect_ask("auto", ENV("TERM=xterm-256color",
						  "TMUX=/t,1,0")));
	assert_false(image_detect_ask("auto", ENV("TERM=screen-256color")));
	assert_false(image_detect_ask("auto", ENV("TERM=linux")));
	assert_false(image_detect_ask("auto", ENV("TERM=dumb")));
	assert_false(image_detect_ask("auto", ENV("LANG=C")));
}

static void test_palette(void **state)
{
	assert_int_equal(image_palette_for(0), IMAGE_PALETTE_NONE);
	assert_int_equal(image_palette_for(2), IMAGE_PALETTE_NONE);
	assert_int_equal(image_palette_for(8), IMAGE_PALETTE_8);
	assert_int_equal(image_palette_for(16), IMAGE_PALETTE_16);
	assert_int_equal(image_palette_for(88), IMAGE_PALETTE_16);
	assert_int_equal(image_palette_for(256), IMAGE_PALETTE_240);
	assert_int_equal(image_palette_for(1 << 24), IMAGE_PALETTE_RGB);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_auto),
		cmocka_unit_test(test_setting),
		cmocka_unit_test(test_palette),
		cmocka_unit_test(test_replies),
		cmocka_unit_test(test_ask),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
