#!/bin/sh
# Issue 16, item 3: --refresh, and folio's first fetch of the feeds, show
# their progress on a terminal: one line on stderr saying how many feeds
# of how many are done (and the last one's host), rewritten as each
# arrives and gone once the results are printed.  (On a pipe there is no
# such line: test_feeds.sh.)
set -u
. "$(dirname "$0")/../server_lib.sh"
. "$(dirname "$0")/../ui/lib.sh"
trap 'ui_cleanup; stop_servers' EXIT

serve_www
U=http://127.0.0.1:$PORT
for name in quick held; do
	{
		printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>%s feed</title>\n' "$name"
		printf '<item><title>%s story</title><link>%s.html</link></item>\n' "$name" "$name"
		printf '</channel></rss>\n'
	} >"$W/$name.rss"
done
release() {
	python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=10).read()' "$U/release/$1"
}

mkdir -p "$UI_TMP/home/.config/folio"
printf '%s\n%s\n' "$U/root/quick.rss" "$U/hold/feed1?file=held.rss" >"$UI_TMP/home/.config/folio/feeds"

# --refresh: the quick feed is done while the other is held.
ui_start -t -- --refresh
ui_wait_text "folio: fetching feeds: 1 of 2 done (127.0.0.1"
[ -s "$UI_TMP/status" ] && ui_fail "folio ended before the held feed came"
release feed1
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"
ui_wait_match "^$U/root/quick.rss: 1 story, 1 new$" "no result line for the quick feed"
ui_wait_match "^$U/hold/feed1\\?file=held.rss: 1 story, 1 new$" "no result line for the held feed"
ui_screen | grep -q "fetching feeds" && ui_fail "the progress line stays after the results"

# folio alone with nothing stored yet: the first fetch shows it too,
# then the pager opens on the stories.
printf '%s\n%s\n' "$U/root/quick.rss" "$U/hold/feed2?file=held.rss" >"$UI_TMP/home/.config/folio/feeds"
ui_start -t XDG_DATA_HOME="$UI_TMP/data2" NO_COLOR=1 --
ui_wait_text "folio: fetching feeds: 1 of 2 done (127.0.0.1"
release feed2
ui_wait_match "^Subscribed feeds +2 stories, 2 unread" "the pager did not open on the stories"
ui_keys Q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"
exit 0
