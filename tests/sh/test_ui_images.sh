#!/bin/sh
# The lead photo in the pager (issue 18), in a plain TERM=xterm-256color
# tmux pane: the text shows at once while the picture is still on its way
# (the server holds it until told), then the picture comes as rows of
# coloured symbols above the caption and credit without moving the place;
# it is cached with the page (--offline shows it), redrawn on a resize;
# --no-images asks for no picture and draws none; sixels are written
# after curses draws (symbols when partly scrolled off); a format folio
# does not draw is one line in the status bar, and so is a library that
# cannot be loaded.
set -u
. "$(dirname "$0")/../server_lib.sh"
. "$(dirname "$0")/../ui/lib.sh"
trap 'ui_cleanup; stop_servers' EXIT

root=$TMP/root
mkdir -p "$root"
"$FOLIO_BUILD/tools/genimage" jpeg 1600 900 "$root/photo.jpg" || fail "genimage"
story() {   # story FILE PICTURE-URL [FIRST-PARAGRAPH-HTML]
	{
		printf '<!DOCTYPE html><html><head><meta charset="utf-8">\n'
		printf '<title>The pier will be rebuilt</title>\n'
		printf '<meta property="og:image" content="%s"></head><body><article>\n' "$2"
		printf '<h1>The pier will be rebuilt</h1>\n<figure><img src="%s">' "$2"
		printf '<figcaption>The old ferry pier at low tide. <span class="credit">'
		printf 'Photo: Ann Example</span></figcaption></figure>\n'
		[ -n "${3:-}" ] && printf '<p>%s</p>\n' "$3"
		for i in 1 2 3 4 5 6 7 8; do
			printf '<p>Paragraph %d: the harbour committee met again on a wet evening and heard the engineers explain why the old pier should be rebuilt.</p>\n' "$i"
		done
		printf '</article></body></html>\n'
	} >"$1"
}
story "$root/held.html" "/hold/pic?file=photo.jpg"
story "$root/held2.html" "/hold/pic2?file=photo.jpg"
story "$root/none.html" "/hold/nopic?file=photo.jpg"
printf 'BM\066\0\0\0\0\0\0\0\066\0\0\0' >"$root/odd.png"   # a BMP
story "$root/odd.html" "/root/odd.png"
story "$root/plain.html" "/root/photo.jpg" \
	'See <a href="/root/plain2.html">the other story</a> on the pier.'
"$FOLIO_BUILD/tools/genimage" jpeg 1600 900 "$root/photo2.jpg" || fail "genimage"
story "$root/plain2.html" "/root/photo2.jpg"
start_server --root "$root"
U=http://127.0.0.1:$PORT
# get PATH: the server's answer to PATH.
get() {
	python3 -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=10).read().decode().strip())' "$U$1"
}
release() { get "/release/$1" >/dev/null; }
asked() { get "/count/$1"; }

# until_true WHY CMD...: poll CMD until it succeeds, or fail with WHY.
until_true() {
	why=$1; shift
	i=0
	until "$@"; do
		i=$((i + 1))
		[ $i -lt "$UI_TRIES" ] || ui_fail "$why"
		sleep 0.05
	done
}

# Rows above the caption drawn in 256 colours (the picture).
picture_rows() {
	ui_screen_attrs | awk '/The old ferry pier at low tide/ { exit }
		/\[[34]8;5;[0-9]+m/ { n++ } END { print n + 0 }'
}
has_rows() { [ "$(picture_rows)" -ge "$1" ]; }
wait_picture() { until_true "no picture of $1 rows" has_rows "$1"; }
top_line() { ui_screen | head -n 1; }
status_line() { ui_screen | tail -n 1; }
status_is_not() { [ "$(status_line)" != "$1" ]; }
# sixels_written N: N or more sixel sequences sent to the terminal.
sixels_written() {
	[ "$(grep -o "$(printf '\033')Pq\|$(printf '\033')P[0-9;]*q" "$UI_TMP/raw" 2>/dev/null | wc -l)" -ge "$1" ]
}

# open ROWS ARGS...: folio in an xterm-256color pane of 80 x ROWS (and
# the environment $open_env), until the page's text (the credit) shows.
open_env=
open() {
	h=$1; shift
	ui_start TERM=xterm-256color $open_env -x 80 -y "$h" -- "$@"
	ui_wait_text "Photo: Ann Example"
}
quit() {
	ui_keys q
	ui_wait_exit
	[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"
}

# The text at once; the picture when it comes, above the caption, the
# title still at the top.
open 24 "$U/root/held.html"
[ "$(top_line)" = "The pier will be rebuilt" ] || ui_fail "not at the title"
[ "$(picture_rows)" = 0 ] || ui_fail "a picture before it was sent"
release pic
wait_picture 6
[ "$(top_line)" = "The pier will be rebuilt" ] || ui_fail "the picture moved the place"
ui_screen | grep -q "^The old ferry pier at low tide.$" || ui_fail "caption gone"
ui_screen | grep -q "^Photo: Ann Example$" || ui_fail "credit gone"
# Caption and credit right under the picture.
ui_screen_attrs | awk '/[34]8;5;/ { last = NR } /The old ferry pier/ { cap = NR }
	END { exit !(cap == last + 1) }' || ui_fail "caption not under the picture"
shown=$(picture_rows)
[ "$shown" -le 8 ] || ui_fail "$shown rows: more than a third of 24"

# A resize draws it again for the new window: a third of 45 rows now.
tm resize-window -t t -x 100 -y 45
wait_picture $((shown + 3))
[ "$(picture_rows)" -le 15 ] || ui_fail "more than a third of 45"
quit

# Cached with the page: offline, the picture comes from the cache.  (And
# with TMUX empty folio asks the terminal, tmux, which answers without
# sixels or kitty: symbols.)
open_env="TMUX="
open 24 --offline "$U/root/held.html"
open_env=""
wait_picture 6
quit
[ "$(asked pic)" = 1 ] || ui_fail "the picture was fetched $(asked pic) times"

# Scrolled below the picture's place: the same line stays at the top
# when it comes (the status line's percentage says it came).
open 12 --no-store "$U/root/held2.html"
ui_keys j j j j j     # title, blank, caption, credit, blank: gone by
ui_wait_match -l 1 "^Paragraph 1: " "did not scroll to paragraph 1"
before_top=$(top_line)
before_status=$(status_line)
release pic2
until_true "the picture never came" status_is_not "$before_status"
[ "$(top_line)" = "$before_top" ] || ui_fail "the place moved: $(top_line)"
ui_keys g
wait_picture 3
quit

# --no-images: none asked for, none drawn (the picture is free to come).
release nopic
open 24 --no-store --no-images "$U/root/none.html"
[ "$(picture_rows)" = 0 ] || ui_fail "a picture with --no-images"
quit
[ "$(asked nopic)" = 0 ] || ui_fail "--no-images fetched the picture"

# Sixels (--images=sixel; tmux drops them, so the cells stay blank): the
# picture is written over the blank rows after curses has drawn, again
# after ^L; partly scrolled off, its visible rows are symbols instead.
open 16 --no-store --images=sixel "$U/root/plain.html"
ui_wait_match -l 3 "^$" "no room made for the picture"
[ "$(picture_rows)" = 0 ] || ui_fail "symbols drawn under a whole sixel picture"
tm pipe-pane -t t -o "cat >'$UI_TMP/raw'"
ui_keys C-l
until_true "no sixel sequence written" sixels_written 1
# Another page's picture in the same place is written too, and the
# first again on the way back.
ui_keys Tab Enter
until_true "no sixels for the other page" sixels_written 2
ui_keys h
until_true "no sixels back on the first page" sixels_written 3
ui_keys j j j
wait_picture 1
quit

# A picture of another format: one quiet line in the status bar.
open 24 --no-store "$U/root/odd.html"
ui_wait_match "^ No picture: $U/root/odd.png: not a JPEG"
[ "$(picture_rows)" = 0 ] || ui_fail "a picture from a BMP"
[ "$(top_line)" = "The pier will be rebuilt" ] || ui_fail "not at the title"
quit

# The picture's libraries are loaded when it comes (src/util-dl.c); one
# that cannot be (named by $FOLIO_LIBJPEG, $FOLIO_LIBCHAFA) is one line
# in the status bar, and the page is read without the picture.
# screen_says TEXT: TEXT on the screen, lines joined (the status bar
# wraps a long message; the loader's own words follow the locale).
screen_says() { ui_screen | tr -s ' \n' '  ' | grep -qF -- "$1"; }
open_env="FOLIO_LIBJPEG=/nonexistent/libjpeg.so.62"
open 24 --no-store "$U/root/plain2.html"
until_true "no word of libjpeg" screen_says \
	"No picture: $U/root/photo2.jpg: cannot load libjpeg (/nonexistent/libjpeg.so.62: "
[ "$(picture_rows)" = 0 ] || ui_fail "a picture without libjpeg"
quit
open_env="FOLIO_LIBCHAFA=/nonexistent/libchafa.so.0"
open 24 --no-store "$U/root/plain2.html"
until_true "no word of libchafa" screen_says \
	"No picture: cannot load libchafa (/nonexistent/libchafa.so.0: "
[ "$(picture_rows)" = 0 ] || ui_fail "a picture without libchafa"
ui_screen | grep -q "^The old ferry pier at low tide.$" || ui_fail "caption gone"
quit
open_env=

# --dump=text, --dump=json and the text written to a pipe: no picture in
# any (no block symbols, no escapes), and the JSON's lead_image as ever.
for how in --dump=text --dump=json --width=80; do
	"$FOLIO" --no-store "$how" "$U/root/plain.html" >"$TMP/out" 2>"$TMP/err" ||
		fail "folio $how: $(cat "$TMP/err")"
	grep -q "Photo: Ann Example" "$TMP/out" || fail "$how: no credit"
	! grep -q "$(printf '\342\226')\|$(printf '\033')" "$TMP/out" ||
		fail "$how: picture symbols or escapes in the output"
done
"$FOLIO" --no-store --dump=json "$U/root/plain.html" | python3 -c '
import json, sys
li = json.load(sys.stdin)["lead_image"]
assert sorted(li) == ["caption", "credit", "url"], li
assert li["url"].endswith("/root/photo.jpg"), li' || fail "--dump=json lead_image changed"
echo ok
