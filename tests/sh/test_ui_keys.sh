#!/bin/sh
# The pager's keys from issue 16, item 5: counts before motions (5j, 50%,
# 3G), o opens what is typed at a prompt, | pipes the article's text to a
# command, y copies the URL through the terminal (OSC 52: tmux keeps it as
# a paste buffer), = shows it; an unknown key says so.
set -u
. "$(dirname "$0")/../ui/lib.sh"

ui_start -c "$UI_DIR" NO_COLOR=1 -- long.html
ui_expect scroll-open
ui_keys 5 j
ui_wait_match -l 1 "^passenger harbour ferry council budget island village\.$" "5j did not move five lines"
ui_keys g 5 0 %
ui_wait_match -l 1 "^council budget island village timetable pier\.$" "50% did not put the middle line at the top"
ui_keys 1 G
ui_expect scroll-open
ui_keys z
ui_wait_text "Unknown key z: H for help"

# |: the text into a command.
ui_keys "|"
ui_wait_text "Pipe the text to:"
ui_keys "cat > '$UI_TMP/piped'" Enter
ui_wait_text "Press a key to return to folio"
ui_keys Space
ui_wait_text "done"
grep -q "^Paragraph 9: passenger" "$UI_TMP/piped" || ui_fail "the piped text: $(head -c 300 "$UI_TMP/piped")"
# What the command prints stays on the screen until a key is pressed;
# then the article is drawn again.
ui_keys "|"
ui_wait_text "Pipe the text to:"
ui_keys "grep -c Paragraph; echo end-of-pipe" Enter
ui_wait_text "Press a key to return to folio"
ui_wait_match "^end-of-pipe$" "the command's output is not on the screen"
ui_screen | grep -q "^[0-9][0-9]*$" || ui_fail "the command's count is not on the screen"
ui_keys x
ui_wait_text "echo end-of-pipe: done"
ui_wait_match -l 1 "^A long test page$" "the article is not drawn again"
ui_screen | grep -q "^end-of-pipe$" && ui_fail "the command's output stays over the article"

# y: the page's URL to the clipboard (tmux takes OSC 52 as a buffer).
tm set-option -s set-clipboard on
ui_keys y
ui_wait_text "Copied $UI_DIR/long.html"
i=0
until [ "$(tm show-buffer 2>/dev/null)" = "$UI_DIR/long.html" ] || [ $i -ge "$UI_TRIES" ]; do
	sleep 0.05; i=$((i + 1))
done
[ "$(tm show-buffer 2>/dev/null)" = "$UI_DIR/long.html" ] || ui_fail "clipboard: '$(tm show-buffer 2>&1)'"

# o: a page typed at the prompt opens on top; h comes back.
ui_keys o
ui_wait_text "Open URL or file:"
ui_keys "links-b.html" Enter
ui_wait_match -l 1 "^The other page$" "o did not open the page"
ui_keys =
ui_wait_text "$UI_DIR/links-b.html"
ui_keys h
ui_expect scroll-open
ui_keys q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"
exit 0
