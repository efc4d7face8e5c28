#!/bin/sh
# Feeds in the pager (tmux, tests/server.py on loopback): the story list,
# Enter opens the story under the cursor (not the feed's summary), back
# returns to the list at the same place, the story is then marked read
# and stays so after a restart; a on a page that advertises a feed
# subscribes to it (once); folio alone lists the subscribed stories and
# r there fetches the feeds again.
set -u
. "$(dirname "$0")/../server_lib.sh"
. "$(dirname "$0")/../ui/lib.sh"
trap 'ui_cleanup; stop_servers' EXIT
DOT=$(printf '\342\227\217')     # the unread mark

serve_www
H=$UI_TMP/h
mkdir -p "$H"

story_page "$W/one.html" "Pier vote story"
story_page "$W/two.html" "Old news story"
{
	printf '<html><head><title>Front page</title>\n'
	printf '<link rel="alternate" type="application/rss+xml" title="Harbour RSS" href="news.rss">\n'
	printf '</head><body><article><h1>Front page</h1>\n'
	for i in 1 2 3; do
		printf '<p>Front page paragraph %d: the town council will meet on Thursday to hear from the harbour committee about the pier and the ferry.</p>\n' "$i"
	done
	printf '</article></body></html>\n'
} >"$W/page.html"

{
	printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Harbour News</title>\n'
	printf '<item><title>Pier vote</title><link>one.html</link><description>Summary only, never shown as the story</description>\n'
	printf ' <pubDate>Mon, 02 Sep 2024 10:00:00 GMT</pubDate></item>\n'
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25; do
		printf '<item><title>Filler %02d</title><link>two.html?n=%d</link>' "$i" "$i"
		printf '<pubDate>Sun, 01 Sep 2024 %02d:00:00 GMT</pubDate></item>\n' "$((24 - i < 0 ? 0 : 24 - i))"
	done
	printf '</channel></rss>\n'
} >"$W/news.rss"

# ---- the list, a story, back ----
ui_start NO_COLOR=1 "HOME=$H" -- "$R/news.rss"
ui_wait_text "Harbour News"
ui_wait_text "26 stories, 26 unread"
ui_wait_match "^> $DOT Pier vote" "no unread first story under the cursor"
ui_keys G
ui_wait_match "^> $DOT Filler 25" "G did not go to the last story"
ui_keys g =
ui_wait_text " $R/one.html"
ui_keys Enter
ui_wait_text "Pier vote story paragraph 1"
ui_screen | grep -q "Summary only" && ui_fail "the feed's summary was shown"
ui_keys h
ui_wait_text "26 stories, 25 unread"
ui_wait_match -l 1 "^Harbour News" "back lost the place"
# The cursor stayed: j goes on to the next story.
ui_keys j =
ui_wait_text " $R/two.html?n=1"
ui_keys q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"

# ---- a restart: the story read is marked so ----
tm kill-server 2>/dev/null
ui_start NO_COLOR=1 "HOME=$H" -- "$R/news.rss"
ui_wait_text "26 stories, 25 unread"
ui_wait_match "^>   Pier vote" "the story read is still unread"
ui_wait_match "^  $DOT Filler 01" "an unread story lost its mark"
# a on the feed list: subscribes to the feed itself.
ui_keys a
ui_wait_text "subscribed to $R/news.rss"
grep -q "^$R/news.rss \"Harbour News\"$" "$H/.config/folio/feeds" ||
	ui_fail "feeds file: $(cat "$H/.config/folio/feeds" 2>&1)"
ui_keys q
ui_wait_exit

# ---- a on an HTML page that advertises the feed ----
tm kill-server 2>/dev/null
rm -f "$H/.config/folio/feeds"
ui_start NO_COLOR=1 "HOME=$H" -- "$R/page.html"
ui_wait_text "Front page paragraph 1"
ui_keys a
ui_wait_text "subscribed to $R/news.rss"
ui_keys a
ui_wait_text "already subscribed to $R/news.rss"
[ "$(grep -c . "$H/.config/folio/feeds")" = 1 ] || ui_fail "subscribed twice"
grep -q "^$R/news.rss \"Harbour RSS\"$" "$H/.config/folio/feeds" ||
	ui_fail "feeds file: $(cat "$H/.config/folio/feeds" 2>&1)"
ui_keys q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"

# ---- folio with no argument: the subscribed stories ----
tm kill-server 2>/dev/null
ui_start NO_COLOR=1 "HOME=$H" -- 
ui_wait_text "Subscribed feeds"
ui_wait_text "26 stories, 25 unread"
# r on this list fetches the feeds anew: a story added meanwhile shows.
sed 's#<channel><title>Harbour News</title>#&<item><title>Breaking story</title><link>one.html?b</link><pubDate>Tue, 03 Sep 2024 10:00:00 GMT</pubDate></item>#' \
	"$W/news.rss" >"$W/news.tmp" && mv "$W/news.tmp" "$W/news.rss"
ui_keys r
ui_wait_text "27 stories, 26 unread"
ui_wait_match -l 2 "^. $DOT Breaking story" "the new story is not first"
ui_keys q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"
# That list is no page a URL names: the history holds only what the
# user opened (the stories read above), never "folio:feeds".
HOME=$H XDG_DATA_HOME= "$FOLIO" --history >"$UI_TMP/hist" 2>&1 || ui_fail "--history failed"
grep -q "$R/one.html" "$UI_TMP/hist" || ui_fail "history: $(cat "$UI_TMP/hist")"
grep -q "folio:" "$UI_TMP/hist" && ui_fail "a pseudo-URL in the history: $(cat "$UI_TMP/hist")"
exit 0
