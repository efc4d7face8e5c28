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

# Another process holds the database's write lock: the page is shown,
# and the status line says it was not cached (curses owns the screen:
# nothing goes to stderr).  A link followed then says so at once: the
# lock was waited for once (STORE_BUSY_TIMEOUT_MS), not for each page.
tm kill-server 2>/dev/null
store_home=$UI_TMP/home
env -u XDG_DATA_HOME -u FOLIO_NO_STORE HOME="$store_home" "$FOLIO" --dump=json \
	"$base/links-b.html" >/dev/null 2>&1 || ui_fail "could not make the database"
db=$store_home/.local/share/folio/folio.db
[ -f "$db" ] || ui_fail "no database at $db"
hold_db_lock "$db"
ui_start -x 120 NO_COLOR=1 FOLIO_NO_STORE= -- "$base/long.html"
ui_wait_text "$base/long.html: not cached: database is locked"
ui_wait_match -l 1 "^ *A long test page" "the page is not shown"
ui_keys / "other page" Enter
ui_keys Tab Enter
ui_wait_text "This is the page behind the first link."
ui_wait_text "$base/links-b.html: not cached: database is locked"
ui_keys q q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"
[ -s "$UI_TMP/stderr" ] && ui_fail "stderr: $(cat "$UI_TMP/stderr")"
exit 0
