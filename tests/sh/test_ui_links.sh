#!/bin/sh
# Pager in tmux: Tab / Shift-Tab select links on the screen, Enter follows
# (same path as the command line), L lists links (text and URL, a cursor,
# a count picks one), back keys return to the same place, O hands the URL
# to $BROWSER, = shows it, a failing link says why, cause first.
set -u
. "$(dirname "$0")/../ui/lib.sh"

cat >"$UI_TMP/browser" <<'EOS'
#!/bin/sh
printf '%s\n' "$#:$1" >"$(dirname "$0")/opened"
EOS
chmod +x "$UI_TMP/browser"

ui_start -c "$UI_DIR" NO_COLOR=1 "BROWSER=$UI_TMP/browser" -- long.html
ui_wait_text "A long test page"
ui_keys / "other page" Enter
ui_expect links-at
ui_keys Tab;   ui_expect links-sel1
ui_keys Tab;   ui_wait_text "https://example.org/x"
ui_keys BTab;  ui_expect links-sel1
ui_keys =
ui_wait_match "^ links-b\.html +H:help" "= did not show the link's URL"
ui_keys O
i=0
while [ ! -s "$UI_TMP/opened" ] && [ $i -lt "$UI_TRIES" ]; do sleep 0.05; i=$((i + 1)); done
[ "$(cat "$UI_TMP/opened" 2>/dev/null)" = "1:links-b.html" ] ||
	ui_fail "browser got '$(cat "$UI_TMP/opened" 2>/dev/null)'"
ui_wait_text "Opened links-b.html"
ui_keys Enter; ui_expect links-b
ui_keys h;     ui_expect links-sel1
ui_keys L;     ui_expect links-list
ui_keys Down;  ui_expect links-list2
ui_keys Up;    ui_expect links-list
ui_keys q;     ui_expect links-sel1
# A count picks by number: the cursor is on link 2, "1 Enter" opens 1.
ui_keys L Down; ui_expect links-list2
ui_keys 1 Enter
ui_expect links-b
ui_keys BSpace
ui_expect links-sel1
ui_keys L Enter
ui_expect links-b
ui_keys Left
ui_expect links-sel1
ui_keys h
ui_wait_text "No previous page"
ui_keys q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"

# No $BROWSER: a message says so and gives the URL; a broken link says why
# and stays on the page.
ui_cleanup
UI_TMP=$(mktemp -d)
ui_start NO_COLOR=1 -- data/sample-rt.html
ui_wait_text "Port Avel"
ui_keys G Tab
ui_wait_text "/news/47980-bus-link/"
ui_keys O
ui_wait_text "BROWSER is not set; the URL is /news/47980-bus-link/"
ui_keys Tab Enter
ui_wait_match "^ [A-Za-z].* \(/news/47980-bus-link/\)" "the cause is not first"
ui_wait_match "Halcyon Lines said" "left the page"
ui_keys q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"
