#!/bin/sh
# A page opened from inside the pager (a followed link) is read the same
# in every locale.  The pager calls setlocale(LC_ALL, ""); under
# tr_TR.UTF-8 'I' does not fold to 'i', so a locale-dependent comparison
# would miss the "IMAGE CREDIT:" label and run caption and credit
# together.  The screen under tr_TR.UTF-8 must equal the C.UTF-8 one.
set -u
. "$(dirname "$0")/../ui/lib.sh"
# Without the locale folio would fall back to C and prove nothing.
locale -a 2>/dev/null | sed 's/utf8$/UTF-8/' | grep -qx tr_TR.UTF-8 || {
	echo "FAIL: locale tr_TR.UTF-8 is missing (scripts/install-deps.sh generates it)"
	exit 1
}

# follow_link LOCALE: the photo page, reached from the index by a link,
# as the pager shows it under LOCALE; the screen goes to $UI_TMP/LOCALE.
follow_link() {
	UI_LOCALE=$1
	ui_start -c "$UI_DIR" NO_COLOR=1 -- locale-index.html
	ui_wait_text "Harbour index"
	ui_keys Tab
	ui_wait_text "locale-photo.html"
	ui_keys Enter
	ui_wait_text "INITIALLY for a trial"
	ui_wait_text "(END) 100%"     # the status line: drawn after the page
	ui_screen >"$UI_TMP/$1"
	ui_keys Q
	ui_wait_exit
	[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS under $1"
}

follow_link C.UTF-8
follow_link tr_TR.UTF-8

# The caption and the credit are apart (each its own line) ...
for loc in C.UTF-8 tr_TR.UTF-8; do
	grep -q "at dawn\.\$" "$UI_TMP/$loc" && grep -q "^ *IMAGE CREDIT: Mira Holt" "$UI_TMP/$loc" || {
		echo "FAIL: caption and credit run together under $loc:"
		cat "$UI_TMP/$loc"
		exit 1
	}
done
# ... and the whole screen is the same in both locales.
if ! cmp -s "$UI_TMP/C.UTF-8" "$UI_TMP/tr_TR.UTF-8"; then
	echo "FAIL: the followed page differs under tr_TR.UTF-8:"
	diff -u "$UI_TMP/C.UTF-8" "$UI_TMP/tr_TR.UTF-8"
	exit 1
fi
echo "ok: a followed link reads the same under C.UTF-8 and tr_TR.UTF-8"
