#!/bin/sh
# The lead photo in the pager (issue 18), in a plain TERM=xterm-256color
# tmux pane: the text shows at once while the picture is still on its way
# (the server holds it until told), then the picture comes as rows of
# coloured symbols above the caption and credit without moving the place;
# it is cached with the page (--offline shows it), redrawn on a resize;
# --no-images asks for no picture and draws none; sixels are written
# after curses draws (symbols when partly scrolled off); a format folio
# does not draw is one line in the status bar.
set -u
. "$(dirname "$0")/../server_lib.sh"
. "$(dirname "$0")/../ui/lib.sh"
trap 'ui_cleanup; stop_servers' EXIT

root=$TMP/root
mkdir -p "$root"
"$FOLIO_BUILD/tools/genimage" jpeg 1600 900 "$root/photo.jpg" || fail "genimage"
story() {   # story FILE PICTURE-URL
	{
		printf '<!DOCTYPE html><html><head><meta charset="utf-8">\n'
		printf '<title>The pier will be rebuilt</title>\n'
		printf '<meta property="og:image" content="%s"></head><body><article>\n' "$2"
		printf '<h1>The pier will be rebuilt</h1>\n<figure><img src="%s">' "$2"
		printf '<figcaption>The old ferry pier at low tide. <span class="credit">'
		printf 'Photo: Ann Example</span></figcaption></figure>\n'
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
story "$root/plain.html" "/root/photo.jpg"
start_server --root "$root"
U=http://127.0.0.1:$PORT
release() {
	python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=10).read()' "$U/release/$1"
}
asked() {
	python3 -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=10).read().decode().strip())' "$U/count/$1"
}

# Rows above the caption drawn in 256 colours (the picture).
picture_rows() {
	ui_screen_attrs | awk '/The old ferry pier at low tide/ { exit }
		/\[[34]8;5;[0-9]+m/ { n++ } END { print n + 0 }'
}
wait_picture() {
	i=0
	while [ "$(picture_rows)" -lt "$1" ]; do
		i=$((i + 1))
		[ $i -lt "$UI_TRIES" ] || ui_fail "no picture of $1 rows"
		sleep 0.05
	done
}
top_line() {
	ui_screen | head -n 1
}
status_line() {
	ui_screen | tail -n 1
}

# The text at once; the picture when it comes, above the caption, the
# title still at the top.
ui_start TERM=xterm-256color -x 80 -y 24 -- "$U/root/held.html"
ui_wait_text "Photo: Ann Example"
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
rows=$(picture_rows)
[ "$rows" -le 8 ] || ui_fail "$rows rows: more than a third of 24"

# A resize draws it again for the new window: a third of 45 rows now.
tm resize-window -t t -x 100 -y 45
wait_picture $((rows + 3))
[ "$(picture_rows)" -le 15 ] || ui_fail "more than a third of 45"
ui_keys q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"

# Cached with the page: offline, the picture comes from the cache.
ui_start TERM=xterm-256color -x 80 -y 24 -- --offline "$U/root/held.html"
ui_wait_text "Photo: Ann Example"
wait_picture 6
ui_keys q
ui_wait_exit
[ "$(asked pic)" = 1 ] || ui_fail "the picture was fetched $(asked pic) times"

# Scrolled below the picture's place: the same line stays at the top
# when it comes (the status line's percentage says it came).
ui_start TERM=xterm-256color -x 80 -y 12 -- --no-store "$U/root/held2.html"
ui_wait_text "Photo: Ann Example"
ui_keys j j j j j     # title, blank, caption, credit, blank: gone by
ui_wait_match -l 1 "^Paragraph 1: " "did not scroll to paragraph 1"
before_top=$(top_line)
before_status=$(status_line)
release pic2
i=0
while [ "$(status_line)" = "$before_status" ]; do
	i=$((i + 1))
	[ $i -lt "$UI_TRIES" ] || ui_fail "the picture never came"
	sleep 0.05
done
[ "$(top_line)" = "$before_top" ] || ui_fail "the place moved: $(top_line)"
ui_keys g
wait_picture 3
ui_keys q
ui_wait_exit

# --no-images: none asked for, none drawn (the picture is free to come).
release nopic
ui_start TERM=xterm-256color -x 80 -y 24 -- --no-store --no-images "$U/root/none.html"
ui_wait_text "Photo: Ann Example"
[ "$(picture_rows)" = 0 ] || ui_fail "a picture with --no-images"
ui_keys q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"
[ "$(asked nopic)" = 0 ] || ui_fail "--no-images fetched the picture"

# Sixels (--images=sixel; tmux drops them, so the cells stay blank): the
# picture is written over the blank rows after curses has drawn, again
# after ^L; partly scrolled off, its visible rows are symbols instead.
ui_start TERM=xterm-256color -x 80 -y 16 -- --no-store --images=sixel "$U/root/plain.html"
ui_wait_text "Photo: Ann Example"
ui_wait_match -l 3 "^$" "no room made for the picture"
[ "$(picture_rows)" = 0 ] || ui_fail "symbols drawn under a whole sixel picture"
tm pipe-pane -t t -o "cat >'$UI_TMP/raw'"
ui_keys C-l
i=0
until grep -q "$(printf '\033')P" "$UI_TMP/raw" 2>/dev/null; do
	i=$((i + 1))
	[ $i -lt "$UI_TRIES" ] || ui_fail "no sixel sequence written"
	sleep 0.05
done
ui_keys j j j
wait_picture 1
ui_keys q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"

# A picture of another format: one quiet line in the status bar.
ui_start TERM=xterm-256color -x 80 -y 24 -- --no-store "$U/root/odd.html"
ui_wait_text "Photo: Ann Example"
ui_wait_match -l 24 "^ No picture: $U/root/odd.png: not a JPEG"
[ "$(picture_rows)" = 0 ] || ui_fail "a picture from a BMP"
[ "$(top_line)" = "The pier will be rebuilt" ] || ui_fail "not at the title"
ui_keys q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"
echo ok
