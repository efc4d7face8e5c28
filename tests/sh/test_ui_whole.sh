#!/bin/sh
# Issue 16, item 5: v shows the page's whole text, nothing left out (the
# menu, the aside, the footer the article leaves out), as a view on the
# stack: q comes back to the article, r reloads it as whole text, and it
# stays out of the history.  Over loopback (the page again through the
# cache) and from a file (read again).
set -u
. "$(dirname "$0")/../server_lib.sh"
. "$(dirname "$0")/../ui/lib.sh"
trap 'ui_cleanup; stop_servers' EXIT

serve_www
{
	printf '<html><head><title>Pier vote</title><script>var hidden = "script text";</script></head><body>\n'
	printf '<nav><a href="/">Front page menu</a> <a href="/sport">Sport menu</a></nav>\n'
	printf '<article><h1>Pier vote</h1>\n'
	for i in 1 2 3 4; do
		printf '<p>Pier paragraph %d: the harbour committee met again on a wet evening and heard the engineers explain why the old pier should be rebuilt.</p>\n' "$i"
	done
	printf '</article><aside>Most read aside text</aside>\n'
	printf '<footer>Contact the newsroom footer</footer></body></html>\n'
} >"$W/pier.html"

wait_gone() {       # TEXT WHY: until TEXT is no longer on the screen
	i=0
	while ui_screen | grep -q -- "$1"; do
		[ $i -ge "$UI_TRIES" ] && ui_fail "$2"
		sleep 0.05
		i=$((i + 1))
	done
}

check_whole() {     # N: the history's entries after it (one per run)
	ui_wait_text "Pier paragraph 1"
	ui_screen | grep -q "Contact the newsroom" && ui_fail "the article itself holds the footer"
	ui_keys v
	ui_wait_text "The page's whole text, nothing left out (q goes back)"
	ui_wait_match "^Front page menu Sport menu$" "the menu is not in the whole text"
	ui_screen | grep -q "script text" && ui_fail "a script's text is shown"
	ui_keys G
	ui_wait_match "^Contact the newsroom footer$" "the footer is not in the whole text"
	ui_screen | grep -q "^Most read aside text$" || ui_fail "the aside is not in the whole text"
	ui_keys r
	ui_wait_text "Reloaded"
	ui_screen | grep -q "^Contact the newsroom footer$" || ui_fail "r did not reload the whole text"
	ui_keys q
	wait_gone "Contact the newsroom" "q did not go back to the article"
	ui_wait_text "Pier paragraph 1"
	# The history has the article once, not its whole text.
	ui_keys V
	ui_wait_match "^History +$1 items?" "the whole text went into the history"
	ui_keys q q
	ui_wait_exit
	[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"
}

ui_start NO_COLOR=1 -- "$R/pier.html"
check_whole 1
ui_start -c "$W" NO_COLOR=1 -- pier.html
check_whole 2

# A feed's whole text: its every text (titles, descriptions), not its
# story list.
{
	printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Harbour News</title>\n'
	printf '<item><title>Pier vote tonight</title><link>pier.html</link>'
	printf '<description>The council meets at seven.</description></item>\n'
	printf '</channel></rss>\n'
} >"$W/news.rss"
ui_start NO_COLOR=1 -- "$R/news.rss"
ui_wait_match "^Harbour News +1 story" "the feed is not a list"
ui_keys v
ui_wait_text "The page's whole text"
ui_wait_text "The council meets at seven."
ui_screen | grep -q "Pier vote tonight" || ui_fail "the feed's item title is not in its whole text"
ui_keys q
ui_wait_match "^Harbour News +1 story" "q did not go back to the list"
ui_keys Q
ui_wait_exit

# A list of history or links has no page of its own.
ui_start -c "$W" NO_COLOR=1 -- pier.html
ui_wait_text "Pier paragraph 1"
ui_keys L
ui_wait_match "^Links of Pier vote"
ui_keys v
ui_wait_text "v shows the whole text of an article, a feed or a front page"
ui_keys Q
ui_wait_exit
exit 0
