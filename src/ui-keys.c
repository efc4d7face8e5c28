/* ui-keys.c - the key table, key names, the keymap and count prefixes
 * (see ui-keys.h). */
#include "folio/ui-keys.h"

#include <stdio.h>
#include <string.h>
#include <unistr.h>

#include "folio/util-ascii.h"

static const struct ui_action_info infos[ACT_COUNT] = {
	[ACT_NONE] = { "none", "", 0 },
#define UI_ACTION_INFO(id, name, where, help, ...) [ACT_##id] = { name, help, where },
	UI_ACTIONS(UI_ACTION_INFO)
#undef UI_ACTION_INFO
};

/* The default keys, action by action (0-terminated). */
static const int defaults[ACT_COUNT][8] = {
#define UI_ACTION_KEYS(id, name, where, help, ...) [ACT_##id] = { __VA_ARGS__ },
	UI_ACTIONS(UI_ACTION_KEYS)
#undef UI_ACTION_KEYS
};

const struct ui_action_info *ui_action_info(enum ui_action a)
{
	return a >= ACT_NONE && a < ACT_COUNT ? &infos[a] : NULL;
}

int ui_action_by_name(const char *name, size_t n)
{
	for (int a = ACT_NONE; a < ACT_COUNT; a++)
		if (strlen(infos[a].name) == n && memcmp(infos[a].name, name, n) == 0)
			return a;
	return -1;
}

/* ---- key names ---- */

static const struct {
	const char *name;
	int key;
} named[] = {
	{ "Space", ' ' }, { "Tab", '\t' }, { "S-Tab", UIK_BTAB },
	{ "Enter", '\r' }, { "Enter", UIK_ENTER }, { "Esc", UIK_ESC },
	{ "Backspace", UIK_BACKSPACE }, { "Backspace", 127 },
	{ "Delete", UIK_DELETE }, { "Up", UIK_UP }, { "Down", UIK_DOWN },
	{ "Left", UIK_LEFT }, { "Right", UIK_RIGHT }, { "PgUp", UIK_PGUP },
	{ "PgDn", UIK_PGDN }, { "Home", UIK_HOME }, { "End", UIK_END },
};

int ui_key_parse(const char *name, size_t n)
{
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (strlen(named[i].name) == n && memcmp(named[i].name, name, n) == 0)
			return named[i].key;
	if (n == 2 && name[0] == '^' && ((name[1] >= '@' && name[1] <= '_') ||
					  (name[1] >= 'a' && name[1] <= 'z')))
		return UI_CTRL(name[1]);
	if (n >= 2 && n <= 3 && name[0] == 'F' && ascii_isdigit(name[1])) {
		int f = name[1] - '0';
		if (n == 3 && ascii_isdigit(name[2]))
			f = f * 10 + name[2] - '0';
		else if (n == 3)
			return -1;
		return f >= 1 && f <= 12 ? UIK_F1 + f - 1 : -1;
	}
	/* One printable character, as itself. */
	ucs4_t c;
	int len = n ? u8_mbtoucr(&c, (const uint8_t *)name, n) : -1;
	if (len > 0 && (size_t)len == n && c > ' ' && c != 0x7f &&
	    !(c >= 0x80 && c < 0xa0))
		return (int)c;
	return -1;
}

void ui_key_name(int key, char *out, size_t sz)
{
	if (!sz)
		return;
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (named[i].key == key) {
			snprintf(out, sz, "%s", named[i].name);
			return;
		}
	if (key >= UIK_F1 && key <= UIK_F12)
		snprintf(out, sz, "F%d", key - UIK_F1 + 1);
	else if (key >= 0 && key < 0x20)
		snprintf(out, sz, "^%c", key + '@');
	else if (key > 0x20 && key < UI_FN && !(key >= 0x7f && key < 0xa0)) {
		uint8_t buf[8];
		int n = u8_uctomb(buf, (ucs4_t)key, sizeof buf);
		snprintf(out, sz, "%.*s", n > 0 ? n : 1, n > 0 ? (char *)buf : "?");
	} else
		snprintf(out, sz, "?");
}

/* ---- the keymap ---- */

void ui_keymap_default(struct ui_keymap *m)
{
	m->n = 0;
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
		for (const int *k = defaults[a]; *k; k++)
			ui_keymap_bind(m, *k, (enum ui_action)a);
}

int ui_keymap_bind(struct ui_keymap *m, int key, enum ui_action act)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->b[i].key == key) {
			if (act != ACT_NONE) {
				m->b[i].act = act;
				return 0;
			}
			memmove(&m->b[i], &m->b[i + 1], (m->n - i - 1) * sizeof m->b[0]);
			m->n--;
			return 0;
		}
	if (act == ACT_NONE)
		return 0;
	if (m->n == UI_KEYMAP_MAX)
		return -1;
	m->b[m->n].key = key;
	m->b[m->n].act = act;
	m->n++;
	return 0;
}

enum ui_action ui_keymap_lookup(const struct ui_keymap *m, int key)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->b[i].key == key)
			return m->b[i].act;
	return ACT_NONE;
}

size_t ui_keymap_keys_of(const struct ui_keymap *m, enum ui_action act,
			 char *out, size_t sz)
{
	size_t count = 0, len = 0;
	if (sz)
		out[0] = '\0';
	for (size_t i = 0; i < m->n; i++) {
		char name[16];
		if (m->b[i].act != act)
			continue;
		ui_key_name(m->b[i].key, name, sizeof name);
		/* Two codes of one name (Enter, Backspace) are one key to the
		 * reader. */
		bool seen = false;
		for (size_t j = 0; j < i && !seen; j++) {
			char other[16];
			ui_key_name(m->b[j].key, other, sizeof other);
			seen = m->b[j].act == act && strcmp(other, name) == 0;
		}
		if (seen)
			continue;
		int w = snprintf(out + len, sz > len ? sz - len : 0, "%s%s",
				 count ? "  " : "", name);
		if (w > 0 && len + (size_t)w < sz)
			len += (size_t)w;
		count++;
	}
	return count;
}

static bool blank(char c)
{
	return c == ' ' || c == '\t';
}

int ui_keymap_parse_bind(const char *v, size_t n, int *key, enum ui_action *act,
			 const char **why)
{
	size_t a = 0, b;
	while (a < n && blank(v[a]))
		a++;
	b = a;
	while (b < n && !blank(v[b]))
		b++;
	size_t c = b;
	while (c < n && blank(v[c]))
		c++;
	size_t d = c;
	while (d < n && !blank(v[d]))
		d++;
	size_t e = d;
	while (e < n && blank(v[e]))
		e++;
	if (a == b || c == d || e != n) {
		*why = "KEY ACTION, e.g. 'bind = x quit'";
		return -1;
	}
	int k = ui_key_parse(v + a, b - a);
	if (k < 0) {
		*why = "unknown key name (a character, ^X, Space, Tab, S-Tab, Enter, "
		       "Esc, Backspace, Delete, Up, Down, Left, Right, PgUp, PgDn, "
		       "Home, End, F1..F12)";
		return -1;
	}
	int ac = ui_action_by_name(v + c, d - c);
	if (ac < 0) {
		*why = "unknown action (see 'man folio', KEYS; 'none' unbinds)";
		return -1;
	}
	*key = k;
	*act = (enum ui_action)ac;
	return 0;
}

/* ---- count prefixes ---- */

int ui_keyseq_feed(struct ui_keyseq *s, const struct ui_keymap *m, int key,
		   struct ui_cmd *cmd)
{
	enum ui_action act = ui_keymap_lookup(m, key);
	bool digit = key >= '0' && key <= '9';
	if (digit && act == ACT_NONE && (key != '0' || s->count > 0)) {
		long d = key - '0';
		s->count = s->count > (UI_COUNT_MAX - d) / 10 ? UI_COUNT_MAX
			   : s->count * 10 + d;
		return 0;
	}
	cmd->act = act;
	cmd->count = s->count;
	cmd->key = key;
	s->count = 0;
	return 1;
}
