#!/bin/sh
# History that helps (issue 16, item 6): a file is remembered by its
# absolute path, one page under two names (a #fragment) is one row, each
# row shows when it was read and where (the paragraph), and lists are not
# recorded; --history prints the same entries; a file read with --url U
# opens again from the history (and on r) as U's page.
set -u
. "$(dirname "$0")/../server_lib.sh"
. "$(dirname "$0")/../ui/lib.sh"
trap 'ui_cleanup; stop_servers' EXIT

start_server --root "$UI_DIR"
base=http://127.0.0.1:$PORT/root
H=$UI_TMP/h
mkdir -p "$H"

read_and_leave() {     # DIR ARG: open ARG from DIR, read on to paragraph 9, quit
	ui_start -c "$1" NO_COLOR=1 "HOME=$H" -- "$2"
	ui_wait_text "A long test page"
	ui_keys / "Paragraph 9:" Enter
	ui_wait_match -l 1 "^Paragraph 9:" "the search did not scroll"
	ui_keys q
	ui_wait_exit
	[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"
}
read_and_leave "$UI_DIR" "$base/long.html"
read_and_leave "$UI_DIR" "$base/long.html#top"
read_and_leave "$UI_DIR" long.html

ui_start -c / NO_COLOR=1 "HOME=$H" -- "$base/links-b.html"
ui_wait_text "The other page"
ui_keys V
ui_wait_match -l 1 "^History +3 items" "not one row per page"
ui_wait_match -l 2 "^> +The other page " "the page shown is not first"
ui_wait_match -l 3 "^  +A long test page +UI Tests · ¶[0-9]+ +now$" "no place or time in a row"
ui_wait_match -l 4 "^  +A long test page +UI Tests · ¶[0-9]+ +now$" "no place or time in a row"
ui_screen | grep -c "A long test page" | grep -qx 2 || ui_fail "the URL with a #fragment is a row of its own"
ui_keys j =
ui_wait_match "^ $UI_DIR/long\\.html " "the file is not remembered by its absolute path"
# Opening it from elsewhere (cwd /) works, and resumes.
ui_keys Enter
ui_wait_text "Resumed where you left off"
ui_wait_match -l 1 "^Paragraph 9:" "not resumed at paragraph 9"
ui_keys Q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"

HOME=$H XDG_DATA_HOME= "$FOLIO" --history >"$UI_TMP/hist" 2>&1 || ui_fail "--history failed"
[ "$(grep -c . "$UI_TMP/hist")" = 3 ] || ui_fail "--history: $(cat "$UI_TMP/hist")"
grep -q "	$UI_DIR/long.html	" "$UI_TMP/hist" || ui_fail "--history: $(cat "$UI_TMP/hist")"
# ---- --url kept: the file reopens from the history with it ----
H2=$UI_TMP/h2
mkdir -p "$H2"
ui_start -c "$UI_DIR" NO_COLOR=1 "HOME=$H2" -- --url https://news.example/a/other.html links-b.html
ui_wait_text "The other page"
ui_keys =
ui_wait_text "https://news.example/a/other.html"
# Another file opened in the same session is not read with that URL.
ui_keys o
ui_wait_text "Open URL or file:"
ui_keys "long.html" Enter
ui_wait_text "A long test page"
ui_keys =
ui_wait_match "^ $UI_DIR/long\\.html " "another file took the command line's --url"
ui_keys Q
ui_wait_exit
ui_start -c / NO_COLOR=1 "HOME=$H2" -- "$base/links-b.html"
ui_wait_text "The other page"
ui_keys V
ui_wait_match -l 1 "^History +3 items" "not three rows"
ui_keys j j Enter
ui_wait_text "This is the page behind the first link"
ui_keys =
ui_wait_text "https://news.example/a/other.html"
ui_keys r
ui_wait_text "Reloaded"
ui_keys =
ui_wait_text "https://news.example/a/other.html"
ui_keys Q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"

# ---- only articles: a list (a feed's stories) is never a row ----
H3=$UI_TMP/h3
mkdir -p "$H3"
{
	printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Harbour News</title>\n'
	printf '<item><title>Pier vote</title><link>%s/long.html</link></item>\n' "$base"
	printf '</channel></rss>\n'
} >"$UI_TMP/news.rss"
ui_start -c "$UI_TMP" NO_COLOR=1 "HOME=$H3" -- news.rss
ui_wait_match -l 1 "^Harbour News +1 story" "the feed is not a list"
ui_keys Enter
ui_wait_text "A long test page"
ui_keys V
ui_wait_match -l 1 "^History +1 item" "the feed's list went into the history"
ui_wait_match -l 2 "^> +A long test page" "the story read is not the one row"
ui_keys Q
ui_wait_exit
exit 0
