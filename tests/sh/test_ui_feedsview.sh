#!/bin/sh
# Issue 16, item 4: feed errors are on screen.  The all-feeds list says
# how many feeds failed at the last fetch; F shows the feeds view: one row
# per subscribed feed with its stories, unread count and last error
# (marked "!", the whole error in the message area while the cursor is
# on it); Enter opens a feed's stories, back shows the counts updated;
# a fetch that works again clears the error.
set -u
. "$(dirname "$0")/../server_lib.sh"
. "$(dirname "$0")/../ui/lib.sh"
trap 'ui_cleanup; stop_servers' EXIT

serve_www
story_page "$W/one.html" "First story"
story_page "$W/two.html" "Second story"
feed() {    # FILE TITLE
	{
		printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>%s</title>\n' "$2"
		printf '<item><title>First story</title><link>one.html</link></item>\n'
		printf '<item><title>Second story</title><link>two.html</link></item>\n'
		printf '</channel></rss>\n'
	} >"$1"
}
feed "$W/good.rss" "Harbour News"
mkdir -p "$UI_TMP/home/.config/folio"
printf '%s "Good News"\n%s\n' "$R/good.rss" "$R/gone.rss" >"$UI_TMP/home/.config/folio/feeds"

ui_start NO_COLOR=1 --
ui_wait_match "^Subscribed feeds +2 stories, 2 unread" "no all-feeds list"
ui_wait_text "1 of 2 feeds failed at the last fetch (F shows the feeds and why)"
# The list of every story is folio's own: it has no whole text.
ui_keys v
ui_wait_text "made by folio, no page of its own"

# ---- F: the feeds view ----
DOT=$(printf '\342\227\217')
ui_keys F
ui_wait_match "^Feeds +2 feeds, 1 failed" "no feeds view header"
ui_wait_match "^> $DOT Good News +2/2 unread +now$" "no row for the good feed"
ui_wait_match "^  ! 127\\.0\\.0\\.1:$PORT .* failed: HTTP 404" "no row for the failed feed"
ui_keys j
ui_wait_text "127.0.0.1:$PORT: the last fetch failed: HTTP 404 Not Found"

# Enter opens a feed's stories; reading one shows in the counts on return.
ui_keys k Enter
ui_wait_match "^Harbour News +2 stories, 2 unread" "Enter did not open the feed"
ui_keys Enter
ui_wait_text "First story paragraph 1"
ui_keys q
ui_wait_match "^Harbour News +2 stories, 1 unread"
ui_keys q
ui_wait_match "^> $DOT Good News +1/2 unread" "the feeds view's counts are stale"
ui_keys F
ui_wait_match "^Subscribed feeds +2 stories, 1 unread" "F did not go back"

# The feed comes back: r fetches again, the error is gone.
feed "$W/gone.rss" "Gone Feed"
ui_keys r
ui_wait_match "^Subscribed feeds +4 stories, 2 unread" "r did not fetch the feeds"
ui_screen | grep -q "feeds failed" && ui_fail "a failure is still reported"
ui_keys F
ui_wait_match "^Feeds +2 feeds, 0 failed" "the error stayed"
ui_wait_match "^  $DOT Gone Feed +1/2 unread" "the feed back has no counts"
ui_keys Q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"

# It fails again: r in the list says so.
rm "$W/gone.rss"
ui_start NO_COLOR=1 --
ui_wait_match "^Subscribed feeds +4 stories"
ui_keys r
ui_wait_text "Reloaded: 1 of 2 feeds failed at the last fetch"
ui_keys Q
ui_wait_exit
exit 0
