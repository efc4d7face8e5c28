#!/bin/sh
# Pager in tmux over HTTP (tests/server.py on loopback): a link followed
# inside folio is fetched and extracted like the command line does, then
# back returns to the first page at the same place.
set -u
. "$(dirname "$0")/../server_lib.sh"
. "$(dirname "$0")/../ui/lib.sh"
trap 'ui_cleanup; stop_servers' EXIT

start_server --root "$UI_DIR"
base=http://127.0.0.1:$PORT/root
ui_start NO_COLOR=1 FOLIO_NO_STORE=1 "HOME=$UI_TMP" -- --no-store "$base/long.html"
ui_expect scroll-open
ui_keys / "other page" Enter
ui_expect links-at
ui_keys Tab
ui_wait_text " $base/links-b.html"
ui_keys Enter
ui_wait_text "This is the page behind the first link."
ui_wait_match -l 1 "^The other page$" "not the other page"
ui_keys h
ui_wait_text "See the other page[1] and an outside page[2] for more."
ui_wait_match -l 1 "^See the other page" "back lost the place"
# The selection survived the round trip: Tab goes on to link 2.
ui_keys Tab
ui_wait_text "https://example.org/x"
ui_keys g L
ui_wait_match "^Links of A long test page +2 items" "no link list"
ui_wait_match "^> +\\[1\\] the other page +$base/links-b.html" "the link list lacks a text or URL"
ui_keys q
ui_expect scroll-open
ui_keys q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"

# A link to a missing page: the reason is shown and the page stays.
tm kill-server 2>/dev/null
ui_start NO_COLOR=1 FOLIO_NO_STORE=1 "HOME=$UI_TMP" -- --no-store "$base/broken.html"
ui_wait_text "A page with a broken link"
ui_keys Tab Enter
# The cause first; the message wraps rather than being cut.
ui_wait_match "^ HTTP 404 Not Found" "the cause is not first"
ui_wait_text "($base/missing.html)"
ui_wait_match -l 1 "^A page with a broken link$" "left the page"
ui_keys q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"
