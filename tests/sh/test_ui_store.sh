#!/bin/sh
# Pager in tmux with the store (a fresh HOME): reopening resumes where
# the reader left off and says so; s saves, S lists the saved articles
# (a list view: Enter opens one, D removes it, U puts it back), V shows
# the history; --no-store keeps nothing.
set -u
. "$(dirname "$0")/../ui/lib.sh"

ui_start -c "$UI_DIR" NO_COLOR=1 -- long.html
ui_expect scroll-open
ui_keys / "Paragraph 9:" Enter
ui_wait_text "Paragraph 9: passenger"
ui_keys j q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"

ui_start -c "$UI_DIR" NO_COLOR=1 -- long.html
ui_wait_text "Resumed where you left off"
ui_expect store-resumed

ui_keys s
ui_wait_text "Saved: it opens offline too"
ui_keys S
ui_wait_match -l 1 "^Saved articles +1 item" "no saved list"
ui_wait_match -l 2 "^> +A long test page +UI Tests +now" "the saved article's row"
ui_keys Enter
ui_wait_text "Resumed where you left off"
ui_wait_match -l 1 "^pier crossing passenger" "saved article not resumed"
ui_keys h
ui_wait_match -l 2 "^> +A long test page" "back lost the saved list"
ui_keys r
ui_wait_match -l 2 "^> +A long test page" "r lost the saved list"
ui_keys D
ui_wait_text "Unsaved $UI_DIR/long.html (U undoes)"
ui_wait_text "Nothing saved yet"
ui_keys U
ui_wait_text "Saved $UI_DIR/long.html again"
ui_wait_match -l 2 "^> +A long test page" "U did not put it back"
ui_keys S
ui_expect store-resumed-nomsg
ui_keys V
ui_wait_match -l 1 "^History +1 item" "no history list"
ui_wait_match -l 2 "^> +A long test page +UI Tests" "the history's row"
ui_keys V
ui_expect store-resumed-nomsg
ui_keys q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"

# --no-store: nothing is resumed or saved.
ui_start -c "$UI_DIR" NO_COLOR=1 -- --no-store long.html
ui_expect scroll-open
ui_keys s
ui_wait_text "Cannot save: no store"
ui_keys V
ui_wait_text "No store: history and the saved list are off"
ui_keys q
ui_wait_exit
