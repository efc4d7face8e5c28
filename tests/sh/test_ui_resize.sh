#!/bin/sh
# Pager in tmux: the 80-cell measure centred on a wide terminal, full
# width on a narrow one; on resize the line at the top stays at the top;
# 20x5 works and 1x1 does not crash.
set -u
. "$(dirname "$0")/../ui/lib.sh"

ui_start -x 100 -y 24 NO_COLOR=1 -- tests/ui/long.html
ui_expect resize-wide
ui_keys / "Paragraph 9:" Enter
ui_expect resize-wide-p9
tm resize-window -t t -x 40 -y 24
ui_expect resize-narrow-p9
tm resize-window -t t -x 100 -y 24
ui_expect resize-wide-p9
# Mid-paragraph: the second screen line of paragraph 9 at 80 cells holds
# "pier crossing passenger harbour ferry"; at 40 cells that text is on the
# fourth line of the paragraph, which comes to the top.
ui_keys j
ui_wait_text "pier crossing passenger harbour ferry council budget island village timetable"
tm resize-window -t t -x 40 -y 24
ui_expect resize-narrow-mid
tm resize-window -t t -x 20 -y 5
ui_expect resize-20x5
ui_keys j j Space
ui_expect resize-20x5-moved
tm resize-window -t t -x 1 -y 1
ui_keys j G g / x Enter H q L q Tab
tm resize-window -t t -x 3 -y 2
ui_keys k Space
tm resize-window -t t -x 80 -y 24
ui_keys g
ui_expect scroll-open
ui_keys q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"

# --width sets the measure.
ui_cleanup
UI_TMP=$(mktemp -d)
ui_start -x 80 -y 24 NO_COLOR=1 -- --width 50 tests/ui/long.html
ui_expect width-50
ui_keys q
ui_wait_exit
