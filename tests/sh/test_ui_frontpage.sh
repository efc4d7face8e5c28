#!/bin/sh
# A site's front page in the pager (tmux, tests/server.py on loopback):
# the usual shape (data/list-front.html) opens as the list of its
# stories (the list view: a cursor, read marks), lead first, none of its
# banners; Enter reads the first story itself; back returns to the list
# with the story marked read, and it stays read after r; a subscribes to
# the front page itself.
set -u
. "$(dirname "$0")/../server_lib.sh"
. "$(dirname "$0")/../ui/lib.sh"
trap 'ui_cleanup; stop_servers' EXIT

W=$TMP/www
mkdir -p "$W/news/2024/09/02"
start_server --root "$W"
R=http://127.0.0.1:$PORT/root
H=$UI_TMP/h
mkdir -p "$H"
top=$(cd "$(dirname "$0")/../.." && pwd)
sed 's#href="/#href="#g' "$top/data/list-front.html" >"$W/front.html"
story_page "$W/news/2024/09/02/pier-vote" "Pier vote story"

ui_start -x 110 -y 30 NO_COLOR=1 TZ=UTC "HOME=$H" -- --width 100 "$R/front.html"
ui_wait_text "The Harbour Gazette"
DOT=$(printf '\342\227\217')     # the unread mark
ui_wait_match "^> $DOT Council votes to rebuild the old pier after forty years of delay .*2024-09-02$" \
	"the lead story is not first"
ui_wait_text "Record fleet turns out for the autumn regatta"
for junk in "cookies" "Log in" "Subscribe for" "Morning Tide" "Holiday cottages" "Terms and"; do
	ui_screen | grep -qF "$junk" && ui_fail "'$junk' shown as a story"
done
ui_keys =
ui_wait_text " $R/news/2024/09/02/pier-vote"
ui_keys Enter
ui_wait_text "Pier vote story paragraph 1"
ui_keys h
ui_wait_text "The Harbour Gazette"
ui_wait_match "^>   Council votes to rebuild the old pier" "the story read is still unread"
ui_keys r
ui_wait_text "Reloaded"
ui_wait_match "^>   Council votes to rebuild the old pier" "after r the story read is unread again"
ui_keys a
ui_wait_text "subscribed to $R/front.html"
grep -q "^$R/front.html \"The Harbour Gazette – News from the coast\"$" "$H/.config/folio/feeds" ||
	ui_fail "feeds file: $(cat "$H/.config/folio/feeds" 2>&1)"
ui_keys q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"
exit 0
