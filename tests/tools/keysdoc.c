/* keysdoc - the pager's key table (ui-keys.h) as the man page's and the
 * README's key lists: the one table the keymap and the help screen are
 * made from.  tests/sh/test_keys_doc.sh checks that doc/folio.1 and
 * README.md hold exactly this text between their "keys" markers.
 *
 *   keysdoc man | keysdoc markdown */
#include <stdio.h>
#include <string.h>

#include "folio/ui-keys.h"

/* Text for roff: a backslash escaped; a line never starts with a dot. */
static void roff(const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", stdout);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", stdout);
		else if (*s == '-')
			fputs("\\-", stdout);
		else
			putchar(*s);
	}
}

static void man_entry(const struct ui_keymap *m, enum ui_action a)
{
	const struct ui_action_info *in = ui_action_info(a);
	char keys[128];
	ui_keymap_keys_of(m, a, keys, sizeof keys);
	fputs(".TP\n.B \"", stdout);
	roff(keys);
	fputs("\"\n", stdout);
	roff(in->help);
	fputs(" (\\fB", stdout);
	roff(in->name);
	fputs("\\fR)\n", stdout);
}

/* Markdown: each key in backticks; a | in a table cell escaped. */
static void md_keys(const char *keys)
{
	const char *p = keys;
	while (*p) {
		size_t n = strcspn(p, " ");
		fputs("`", stdout);
		for (size_t i = 0; i < n; i++)
			fputs(p[i] == '|' ? "\\|" : (char[]){ p[i], 0 }, stdout);
		fputs("`", stdout);
		p += n;
		while (*p == ' ')
			p++;
		if (*p)
			putchar(' ');
	}
}

static void md_entry(const struct ui_keymap *m, enum ui_action a)
{
	const struct ui_action_info *in = ui_action_info(a);
	char keys[128];
	ui_keymap_keys_of(m, a, keys, sizeof keys);
	fputs("| ", stdout);
	md_keys(keys);
	printf(" | %s | `%s` |\n", in->help, in->name);
}

int main(int argc, char **argv)
{
	struct ui_keymap m;
	bool man = argc == 2 && strcmp(argv[1], "man") == 0;
	if (argc != 2 || (!man && strcmp(argv[1], "markdown") != 0)) {
		fprintf(stderr, "usage: keysdoc man|markdown\n");
		return 1;
	}
	ui_keymap_default(&m);
	if (!man)
		fputs("| Keys | Action | bind name |\n|------|--------|-----------|\n", stdout);
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
		(man ? man_entry : md_entry)(&m, (enum ui_action)a);
	return 0;
}
