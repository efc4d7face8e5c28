#!/bin/sh
# Issue 16's "done when": a feed served on loopback opens as a list with a
# cursor; Enter opens the first story, q returns to the list with that
# story marked read, j Enter opens the second; a story whose server stalls
# shows the loading status at once, ^C returns to the list with folio
# still running; Q quits.  Then J/K (the next/previous unread story from
# inside a story), m and M (read marks), Esc cancelling a load, keys typed
# during a load going to the list, and h/Backspace going back.
set -u
. "$(dirname "$0")/../server_lib.sh"
. "$(dirname "$0")/../ui/lib.sh"
trap 'ui_cleanup; stop_servers' EXIT

serve_www

story_page "$W/one.html" "First story"
story_page "$W/two.html" "Second story"
story_page "$W/three.html" "Third story"
story_page "$W/four.html" "Fourth story"
{
	printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Harbour News</title>\n'
	printf '<item><title>First story</title><link>one.html</link><pubDate>Mon, 02 Sep 2024 10:00:00 GMT</pubDate></item>\n'
	printf '<item><title>Second story</title><link>two.html</link><pubDate>Mon, 02 Sep 2024 09:00:00 GMT</pubDate></item>\n'
	printf '<item><title>Stalled story</title><link>three.html?delay=60000</link><pubDate>Mon, 02 Sep 2024 08:00:00 GMT</pubDate></item>\n'
	printf '<item><title>Fourth story</title><link>four.html</link><pubDate>Mon, 02 Sep 2024 07:00:00 GMT</pubDate></item>\n'
	printf '</channel></rss>\n'
} >"$W/news.rss"

# The cursor row starts with ">", an unread story has a dot before it.
DOT=$(printf '\342\227\217')
ui_start NO_COLOR=1 -- "$R/news.rss"
ui_wait_match "^Harbour News +4 stories, 4 unread" "no list header with counts"
ui_wait_match "^> $DOT First story .*Harbour News" "the cursor is not on the first story"
ui_wait_match "^  $DOT Second story" "the second story is not an unread row"

# ---- Enter opens the first story; q comes back with it read ----
ui_keys Enter
ui_wait_text "First story paragraph 1"
ui_keys q
ui_wait_match "^Harbour News +4 stories, 3 unread" "the count did not drop"
ui_wait_match "^>   First story" "the story read is not marked read under the cursor"

# ---- j Enter opens the second ----
ui_keys j Enter
ui_wait_text "Second story paragraph 1"
ui_keys q
ui_wait_match "^>   Second story" "back lost the cursor"

# ---- a stalled server: the status line says so; ^C comes back ----
ui_keys j Enter
ui_wait_match "Loading 127\.0\.0\.1:$PORT" "no loading status"
# Keys typed meanwhile go to the list: the cursor moves on.
ui_keys j
ui_wait_match "^> $DOT Fourth story" "a key typed during the load did not move the cursor"
# m during the load marks the story on screen and leaves the load going
# (its store write waits for the worker; ^C below finds it still
# loading); m again: unread.
ui_keys m
ui_wait_match "^>   Fourth story" "m during a load did not mark the story"
ui_keys m
ui_wait_match "^> $DOT Fourth story"
ui_keys C-c
ui_wait_text "Cancelled"
ui_screen | grep -q "Loading" && ui_fail "still loading after ^C"
ui_wait_match "^Harbour News +4 stories, 2 unread" "the list is not shown after ^C"
[ -s "$UI_TMP/status" ] && ui_fail "folio exited on ^C"
# Esc cancels too.
ui_keys k Enter
ui_wait_match "Loading 127\.0\.0\.1:$PORT"
ui_keys Escape
ui_wait_text "Cancelled"
ui_wait_match "^> $DOT Stalled story" "Esc left the list"

# ---- J in a story: the next unread one opens in its place ----
ui_keys g Enter
ui_wait_text "First story paragraph 1"
ui_keys J
ui_wait_match "Loading|Stalled" "J did not go on"
ui_keys C-c
ui_wait_text "Cancelled"
ui_wait_text "First story paragraph 1"
# m marks the stalled story read from the list; J then skips it.
ui_keys q
ui_wait_match "^>   First story"
ui_keys j j m
ui_wait_match "^>   Stalled story" "m did not mark the story read"
ui_wait_match "^Harbour News +4 stories, 1 unread"
ui_keys g Enter
ui_wait_text "First story paragraph 1"
ui_keys J
ui_wait_text "Fourth story paragraph 1"
# Backspace goes back to the list, the cursor on the story J opened.
ui_keys BSpace
ui_wait_match "^>   Fourth story" "J did not move the list's cursor"
ui_wait_match "^Harbour News +4 stories, 0 unread"
# m again: unread; M: all read.
ui_keys m
ui_wait_match "^> $DOT Fourth story"
# K in a story: the previous unread one (the stalled story, unread
# again) opens in its place; ^C keeps the story shown.
ui_keys k m
ui_wait_match "^> $DOT Stalled story" "m did not mark the story unread again"
ui_keys j Enter
ui_wait_text "Fourth story paragraph 1"
ui_keys K
ui_wait_match "Loading 127\.0\.0\.1:$PORT" "K did not open the previous unread story"
ui_keys C-c
ui_wait_text "Cancelled"
ui_wait_text "Fourth story paragraph 1"
ui_keys q
ui_wait_match "^>   Fourth story" "back from the story lost the cursor"
ui_wait_match "^Harbour News +4 stories, 1 unread"
ui_keys M
ui_wait_match "^Harbour News +4 stories, 0 unread"
# h at the first view does not quit; q there does.  Q quits from a story.
ui_keys h
ui_wait_text "No previous page (q quits)"
ui_keys Enter
ui_wait_text "Fourth story paragraph 1"
ui_keys Q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"

# ---- the page of the command line loads with its progress too ----
ui_start NO_COLOR=1 -- "$R/one.html?delay=60000"
ui_wait_match "Loading 127\.0\.0\.1:$PORT" "no loading status for the first page"
ui_keys Escape
ui_wait_exit
[ "$UI_STATUS" = 2 ] || ui_fail "exit status $UI_STATUS after cancelling the first page"
grep -q "^folio: .*one.html?delay=60000: cancelled$" "$UI_TMP/stderr" || ui_fail "no 'cancelled' line"
ui_start NO_COLOR=1 -- "$R/one.html?delay=300"
ui_wait_text "First story paragraph 1"
ui_keys q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"
# A first page that fails: its error on stderr once the screen is back.
ui_start NO_COLOR=1 -- "$R/missing.html"
ui_wait_exit
[ "$UI_STATUS" = 5 ] || ui_fail "exit status $UI_STATUS for a missing page"
grep -q "^folio: $R/missing.html: HTTP 404" "$UI_TMP/stderr" || ui_fail "no error line"

# ---- the settings file's warnings are on the first screen ----
mkdir -p "$UI_TMP/home/.config/folio"
# ... and its bind lines rebind keys: x quits, q no longer does.
printf 'colour = on\nbind = x quit\nbind = q none\n' >"$UI_TMP/home/.config/folio/config"
ui_start NO_COLOR=1 -- "$R/one.html"
ui_wait_text "unknown key 'colour'"
ui_wait_text "First story paragraph 1"
ui_keys q
ui_wait_text "Unknown key q: H for help"
ui_keys x
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS after x"
rm -f "$UI_TMP/home/.config/folio/config"

# ---- a (subscribe) fetches on the worker too: the keys keep working,
# Esc cancels it, and a second a subscribes ----
ui_start NO_COLOR=1 -- "$R/news.rss?again=60000"
ui_wait_match "^Harbour News +4 stories" "no list"
ui_keys a
ui_wait_text "Looking for a feed on 127.0.0.1:$PORT"
ui_keys j
ui_wait_match "^> .* Second story" "a key typed while subscribing did not move the cursor"
ui_screen | grep -q "Looking for a feed" || ui_fail "the subscribing ended early"
ui_keys Escape
ui_wait_text "Cancelled"
[ -s "$UI_TMP/status" ] && ui_fail "folio exited on Esc"
grep -qs "news.rss" "$UI_TMP/home/.config/folio/feeds" && ui_fail "subscribed though cancelled"
ui_keys Q
ui_wait_exit
ui_start NO_COLOR=1 -- "$R/news.rss?delay=200"
ui_wait_match "^Harbour News +4 stories" "no list"
ui_keys a
ui_wait_text "subscribed to $R/news.rss?delay=200"
grep -q "^$R/news.rss?delay=200 " "$UI_TMP/home/.config/folio/feeds" || ui_fail "not in the feeds file"
ui_keys Q
ui_wait_exit
rm -f "$UI_TMP/home/.config/folio/feeds"

# ---- the marks stay after a restart ----
# (In a window of three list rows: PgDn and PgUp move the cursor by a
# screen less one row, as less does; End goes to the last.)
ui_start -y 5 NO_COLOR=1 -- "$R/news.rss"
ui_wait_match "^Harbour News +4 stories, 0 unread" "read marks were not kept"
ui_wait_match "^>   First story"
ui_keys NPage
ui_wait_match "^>   Stalled story" "PgDn did not move the cursor a screen on"
ui_keys PPage
ui_wait_match "^>   First story" "PgUp did not move the cursor back"
ui_keys End
ui_wait_match "^>   Fourth story" "End did not go to the last story"
ui_keys q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"
exit 0
