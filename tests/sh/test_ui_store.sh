#!/bin/sh
# Pager in tmux with the store (a fresh HOME): reopening resumes where
# the reader left off and says so; s saves, S lists the saved articles
# (Enter opens one, D removes it), h shows the history; --no-store keeps
# nothing.
set -u
. "$(dirname "$0")/../ui/lib.sh"

ui_start -c "$UI_DIR" NO_COLOR=1 -- long.html
ui_expect scroll-open
ui_keys / "Paragraph 9:" Enter
ui_wait_text "Paragraph 9: passenger"
ui_keys j q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"

tm kill-server
ui_start -c "$UI_DIR" NO_COLOR=1 -- long.html
ui_wait_text "Resumed where you left off"
ui_expect store-resumed

ui_keys s
ui_wait_text "Saved: it opens offline too"
ui_keys S
ui_expect store-saved
ui_keys Tab Enter
ui_wait_text "Resumed where you left off"
ui_wait_match -l 1 "^pier crossing passenger" "saved article not resumed"
ui_keys B
ui_expect store-saved-sel       # link 1 still selected: its URL below
ui_keys r
ui_expect store-saved
ui_keys D
ui_wait_text "Select an article with Tab first"
ui_keys Tab D
ui_wait_text "Removed long.html from the saved list"
ui_wait_text "Nothing saved yet"
ui_keys S
ui_expect store-resumed-nomsg
ui_keys h
ui_expect store-history
ui_keys h
ui_expect store-resumed-nomsg
ui_keys q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"

# --no-store: nothing is resumed or saved.
tm kill-server
ui_start -c "$UI_DIR" NO_COLOR=1 -- --no-store long.html
ui_expect scroll-open
ui_keys s
ui_wait_text "Cannot save: no store"
ui_keys h
ui_wait_text "No store: history and the saved list are off"
ui_keys q
ui_wait_exit
