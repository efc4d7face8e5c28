#!/bin/sh
# Pager in tmux: help screen from the key table, a page full of escape
# sequences (nothing reaches the terminal), the page from stdin with keys
# from the terminal, and the text form when stdout is not a terminal.
set -u
. "$(dirname "$0")/../ui/lib.sh"
esc=$(printf '\033')

ui_start NO_COLOR=1 -- tests/ui/long.html
ui_expect scroll-open
ui_keys H;       ui_expect help
ui_keys j;       ui_wait_text "forward one line"
ui_keys q;       ui_expect scroll-open
ui_keys F1;      ui_expect help
ui_keys Escape;  ui_expect scroll-open
# Every action of the key table is on the help screen (it scrolls).
ui_keys H G
ui_wait_text "this help [help]"
ui_keys q q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"

# Help wraps to a narrow window rather than cutting its lines.
ui_start -x 40 NO_COLOR=1 -- tests/ui/long.html
ui_wait_text "A long test page"
ui_keys H
ui_wait_match "^     forward one line; in a list, the$" "a help line is not wrapped"
ui_wait_match "^     next item \[down\]$" "a help line is cut, not wrapped"
ui_keys Q
ui_wait_exit

# Escape sequences in the page: the screen shows plain text only.
ui_cleanup
UI_TMP=$(mktemp -d)
ui_start NO_COLOR=1 -- data/escapes.html
title=$(tm display-message -p -t t '#{pane_title}')
# What extraction leaves of the sequences may change; what must hold is
# that the screen shows the article from its first line, as plain text.
ui_wait_text "Photo: © Sam"
ui_wait_match -l 1 "^Council approves" "title not on the first line"
ui_wait_match "^ Council approves.*100%$" "status line damaged"
ui_wait_match "fishing fleet" "body missing"
for sgr in '31m' '41m' '5m' '8m' '2J'; do
	if ui_screen_attrs | grep -qF "${esc}[$sgr"; then
		ui_fail "the page's ESC[$sgr reached the screen"
	fi
done
[ "$(tm display-message -p -t t '#{pane_title}')" = "$title" ] ||
	ui_fail "the page changed the terminal title"
[ -z "$(tm list-buffers 2>/dev/null)" ] || ui_fail "the page set the clipboard"
ui_keys q
ui_wait_exit

# '-': the page from stdin, keys from the terminal.
ui_cleanup
UI_TMP=$(mktemp -d)
ui_start -i tests/ui/long.html NO_COLOR=1 -- -
ui_expect scroll-open
ui_keys Space
ui_expect scroll-page
ui_keys r
ui_wait_text "Nothing to reload"
ui_keys q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"

# r reads the page again through the same path and keeps the place.
ui_cleanup
UI_TMP=$(mktemp -d)
cp tests/ui/long.html "$UI_TMP/page.html"
ui_start NO_COLOR=1 -- "$UI_TMP/page.html"
ui_expect scroll-open
ui_keys / "Paragraph 9:" Enter
ui_wait_text "Paragraph 9: passenger"
sed 's/Paragraph 9:/Paragraph nine:/' tests/ui/long.html >"$UI_TMP/page.html"
ui_keys r
ui_wait_text "Reloaded"
ui_wait_match -l 1 "^Paragraph nine: passenger" "reload lost the place"
ui_keys q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"

# An unknown terminal type: one clear line and status 3, no crash.
# (libtinfo keeps the block it allocated for the failed newterm; leak
# checking is off for this one run so an ASan build judges folio only.)
tm kill-server
ui_start TERM=nosuchterm "ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" -- tests/ui/long.html
ui_wait_exit
[ "$UI_STATUS" = 3 ] || ui_fail "exit status $UI_STATUS with an unknown TERM"
grep -q "^folio: cannot use the terminal (TERM=nosuchterm)" "$UI_TMP/stderr" ||
	ui_fail "no message for an unknown TERM"
