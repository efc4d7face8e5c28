/* ui-keys.h - the pager's keys as data: one table of actions with their
 * names, help texts and default keys drives the key handling, the help
 * screen, the man page and README (tests/tools/keysdoc.c writes their
 * key sections, tests/sh/test_keys_doc.sh checks them) and the config
 * file's "bind = KEY ACTION" lines.  Pure: no curses here; ui.c turns
 * curses' key codes into the UIK_* codes below.
 *
 * Count prefixes: digits before a key make a count ("5j", "50%",
 * "3G"); ui_keyseq_feed collects them. */
#ifndef FOLIO_UI_KEYS_H
#define FOLIO_UI_KEYS_H

#include <stdbool.h>
#include <stddef.h>

/* Keys are characters (Unicode code points, control characters as
 * themselves) or these function keys. */
#define UI_FN 0x1000000
enum ui_fn_key {
	UIK_UP = UI_FN + 1, UIK_DOWN, UIK_LEFT, UIK_RIGHT, UIK_PGUP, UIK_PGDN,
	UIK_HOME, UIK_END, UIK_BTAB, UIK_BACKSPACE, UIK_ENTER, UIK_DELETE,
	UIK_F1, UIK_F12 = UIK_F1 + 11,
	UIK_RESIZE, UIK_MOUSE,
};
#define UI_CTRL(c) ((c) & 0x1f)
#define UIK_ESC 27

/* Where an action does something. */
#define UI_IN_PAGE 1u   /* an article */
#define UI_IN_LIST 2u   /* a list of stories, history, saved, links */
#define UI_IN_ALL (UI_IN_PAGE | UI_IN_LIST)

/* X(ID, name, where, help, default keys...) */
#define UI_ACTIONS(X) \
	X(DOWN, "down", UI_IN_ALL, "forward one line; in a list, the next item", \
	  'j', UIK_DOWN, UI_CTRL('e'), UI_CTRL('n')) \
	X(UP, "up", UI_IN_ALL, "back one line; in a list, the previous item", \
	  'k', UIK_UP, UI_CTRL('y'), UI_CTRL('p')) \
	X(PAGE_DOWN, "page-down", UI_IN_ALL, "forward one screen", \
	  ' ', 'f', UIK_PGDN, UI_CTRL('f')) \
	X(PAGE_UP, "page-up", UI_IN_ALL, "back one screen", \
	  'b', UIK_PGUP, UI_CTRL('b')) \
	X(HALF_DOWN, "half-down", UI_IN_ALL, "forward half a screen", \
	  'd', UI_CTRL('d')) \
	X(HALF_UP, "half-up", UI_IN_ALL, "back half a screen", 'u', UI_CTRL('u')) \
	X(TOP, "top", UI_IN_ALL, "the top (with a count N: line or item N)", \
	  'g', '<', UIK_HOME) \
	X(BOTTOM, "bottom", UI_IN_ALL, "the end (with a count N: line or item N)", \
	  'G', '>', UIK_END) \
	X(PERCENT, "percent", UI_IN_ALL, "with a count N: N% of the way down", '%') \
	X(OPEN, "open", UI_IN_ALL, \
	  "open the item under the cursor, or follow the selected link", \
	  '\r', '\n', UIK_ENTER, 'l', UIK_RIGHT) \
	X(CLOSE, "close", UI_IN_ALL, \
	  "back one level (close help, a list, a story); quit at the first page", \
	  'q') \
	X(BACK, "back", UI_IN_ALL, "back one level (never quits)", \
	  UIK_BACKSPACE, 127, UI_CTRL('h'), 'h', UIK_LEFT) \
	X(QUIT, "quit", UI_IN_ALL, "quit from anywhere", 'Q') \
	X(NEXT_UNREAD, "next-unread", UI_IN_ALL, \
	  "the next unread story (from a story: open it without going back)", 'J') \
	X(PREV_UNREAD, "prev-unread", UI_IN_ALL, \
	  "the previous unread story (from a story: open it)", 'K') \
	X(TOGGLE_READ, "toggle-read", UI_IN_ALL, \
	  "mark the story read, or unread again", 'm') \
	X(ALL_READ, "all-read", UI_IN_LIST, "mark every story of the list read", 'M') \
	X(SEARCH_FWD, "search", UI_IN_ALL, \
	  "search forward (literal; capitals: case matters)", '/') \
	X(SEARCH_BACK, "search-back", UI_IN_ALL, "search backward", '?') \
	X(NEXT_MATCH, "next-match", UI_IN_ALL, "next match", 'n') \
	X(PREV_MATCH, "prev-match", UI_IN_ALL, "previous match", 'N') \
	X(LINK_NEXT, "next-link", UI_IN_PAGE, \
	  "select the next link on the screen", '\t') \
	X(LINK_PREV, "prev-link", UI_IN_PAGE, \
	  "select the previous link on the screen", UIK_BTAB) \
	X(LINKS, "links", UI_IN_PAGE, "list the page's links (text and URL)", 'L') \
	X(GO, "go", UI_IN_ALL, "open a URL or file typed at a prompt", 'o') \
	X(BROWSER, "browser", UI_IN_ALL, \
	  "open the selected link (or the page) in $BROWSER", 'O') \
	X(SHOW_URL, "show-url", UI_IN_ALL, \
	  "show the URL of the page, link or item", '=') \
	X(COPY_URL, "copy-url", UI_IN_ALL, \
	  "copy that URL to the clipboard (through the terminal, OSC 52)", 'y') \
	X(PIPE, "pipe", UI_IN_PAGE, \
	  "pipe the article's text to a command (its output stays until a key)", '|') \
	X(WHOLE_TEXT, "whole-text", UI_IN_ALL, \
	  "the page's whole text, nothing left out (for what the article lacks)", 'v') \
	X(RELOAD, "reload", UI_IN_ALL, "reload the page or list", 'r') \
	X(SAVE, "save", UI_IN_PAGE, "save the article (it then opens offline too)", 's') \
	X(SAVED, "saved", UI_IN_ALL, "the saved list", 'S') \
	X(HISTORY, "history", UI_IN_ALL, "history: articles read lately", 'V') \
	X(UNSAVE, "unsave", UI_IN_LIST, \
	  "in the saved list: remove the item (U undoes)", 'D') \
	X(UNDO, "undo", UI_IN_LIST, "put back what D removed", 'U') \
	X(FEEDS, "feeds", UI_IN_ALL, \
	  "the subscribed feeds: each one's stories, unread and last error", 'F') \
	X(SUBSCRIBE, "subscribe", UI_IN_ALL, \
	  "subscribe to the feed or front page shown, else to the page's feed", 'a') \
	X(CANCEL, "cancel", UI_IN_ALL, \
	  "cancel the load under way; clear the message", UIK_ESC, UI_CTRL('c')) \
	X(REDRAW, "redraw", UI_IN_ALL, "redraw the screen", UI_CTRL('l')) \
	X(SUSPEND, "suspend", UI_IN_ALL, "suspend folio (fg resumes)", UI_CTRL('z')) \
	X(HELP, "help", UI_IN_ALL, "this help", 'H', UIK_F1)

enum ui_action {
	ACT_NONE,
#define UI_ACTION_ENUM(id, ...) ACT_##id,
	UI_ACTIONS(UI_ACTION_ENUM)
#undef UI_ACTION_ENUM
	ACT_COUNT
};

struct ui_action_info {
	const char *name;       /* for "bind = KEY NAME" */
	const char *help;
	unsigned where;         /* UI_IN_* */
};

/* Info of an action (ACT_NONE..ACT_COUNT-1); NULL beyond. */
const struct ui_action_info *ui_action_info(enum ui_action a);
/* The action called name (n bytes), ACT_NONE for "none", -1 unknown. */
int ui_action_by_name(const char *name, size_t n);

/* A key from its name: a character as itself ("j", "%", "é"), "^X"
 * for control keys, "Space", "Tab", "S-Tab", "Enter", "Esc",
 * "Backspace", "Delete", "Up", "Down", "Left", "Right", "PgUp", "PgDn",
 * "Home", "End", "F1".."F12".  -1 when unknown. */
int ui_key_parse(const char *name, size_t n);
/* The name of a key, as ui_key_parse reads it ("?" when unnamed). */
void ui_key_name(int key, char *out, size_t sz);

#define UI_KEYMAP_MAX 160
struct ui_keymap {
	struct { int key; enum ui_action act; } b[UI_KEYMAP_MAX];
	size_t n;
};

/* The default keys. */
void ui_keymap_default(struct ui_keymap *m);
/* Bind key to act (ACT_NONE unbinds it).  -1 when the map is full. */
int ui_keymap_bind(struct ui_keymap *m, int key, enum ui_action act);
enum ui_action ui_keymap_lookup(const struct ui_keymap *m, int key);
/* The names of the keys bound to act, in binding order, separated by
 * two spaces ("j  Down  ^E  ^N"), cut to sz.  Returns how many. */
size_t ui_keymap_keys_of(const struct ui_keymap *m, enum ui_action act,
			 char *out, size_t sz);

/* A "bind" value of the settings file: "KEY ACTION" (blanks between).
 * 0 with *key and *act set, else -1 with *why saying what is wrong. */
int ui_keymap_parse_bind(const char *value, size_t n, int *key,
			 enum ui_action *act, const char **why);

/* Typing: digits collect a count for the key after them. */
struct ui_keyseq {
	long count;             /* 0: none typed yet */
};
struct ui_cmd {
	enum ui_action act;     /* ACT_NONE: the key is bound to nothing */
	long count;             /* 0 when none was typed */
	int key;
};
#define UI_COUNT_MAX 99999999L

/* Feed one key.  0: a digit went into the count, nothing to do yet;
 * 1: *cmd is ready (its count then starts afresh).  Digits count only
 * when not bound themselves ("0" alone is a key when bound). */
int ui_keyseq_feed(struct ui_keyseq *s, const struct ui_keymap *m, int key,
		   struct ui_cmd *cmd);

#endif
