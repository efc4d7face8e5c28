#!/bin/sh
# Pager in tmux: open, scroll by line, page and half page, top and bottom,
# quit.  Screens are compared whole against tests/ui/*.screen.
set -u
. "$(dirname "$0")/../ui/lib.sh"

ui_start -- tests/ui/long.html
ui_expect scroll-open
ui_keys j;           ui_expect scroll-line
ui_keys Down;        ui_expect scroll-line2
ui_keys k k;         ui_expect scroll-open
ui_keys C-e C-e;     ui_expect scroll-line2
ui_keys Up C-y;      ui_expect scroll-open
ui_keys Space;       ui_expect scroll-page
ui_keys b;           ui_expect scroll-open
ui_keys f;           ui_expect scroll-page
ui_keys PPage;       ui_expect scroll-open
ui_keys NPage;       ui_expect scroll-page
ui_keys C-b;         ui_expect scroll-open
ui_keys d;           ui_expect scroll-half
ui_keys u;           ui_expect scroll-open
ui_keys C-d;         ui_expect scroll-half
ui_keys C-u;         ui_expect scroll-open
ui_keys G;           ui_expect scroll-bottom
ui_keys j j Space;   ui_expect scroll-bottom
ui_keys g;           ui_expect scroll-open
ui_keys End;         ui_expect scroll-bottom
ui_keys Home;        ui_expect scroll-open
ui_keys k;           ui_expect scroll-open
ui_keys Enter;       ui_expect scroll-line
# The mouse wheel (xterm X10 reports, as tmux's TERM describes them):
# down scrolls three lines, up comes back.
[ "$(tm display-message -p -t t '#{mouse_any_flag}')" = 1 ] || ui_fail "mouse not enabled"
ui_keys g
ui_expect scroll-open
tm send-keys -t t -l "$(printf '\033[Ma!!')"
ui_expect scroll-wheel
tm send-keys -t t -l "$(printf '\033[M`!!')"
ui_expect scroll-open
ui_keys q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"

# --no-mouse leaves the mouse to the terminal.
ui_cleanup
UI_TMP=$(mktemp -d)
ui_start -- --no-mouse tests/ui/long.html
ui_expect scroll-open
[ "$(tm display-message -p -t t '#{mouse_any_flag}')" = 0 ] || ui_fail "mouse taken despite --no-mouse"
ui_keys q
ui_wait_exit
