#!/bin/sh
# Terminal safety of error messages: they name the input (a file, a URL,
# a batch entry), and a name full of escape sequences must not reach the
# terminal through stderr or the batch JSON error object (issue 6 item
# 4; the pages themselves are in test_terminal_safety.sh).
set -u
: "${FOLIO:?FOLIO must name the folio binary}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp" FOLIO_NO_STORE=1
fails=0
fail() { echo "FAIL $case: $*"; fails=$((fails + 1)); }

# clean FILE WHAT: terminal-safe (tests/tools/terminal_safe.py).
clean() {
	python3 "$(dirname "$0")/../tools/terminal_safe.py" "$1" || fail "$2 is not terminal-safe"
}

# Error messages name the input: a file or URL name full of escapes
# must not reach the terminal through stderr.
case=error-names
for arg in "$tmp/no$(printf '\033]0;owned-title\007\302\233')such.html" \
	"http://127.0.0.1:9/$(printf '\033[2J\033]52;c;Y2xpcGJvYXJk\007')x" \
	"$(printf '\033]52;c;Y2xpcGJvYXJk\007')://x"; do
	"$FOLIO" --dump=text "$arg" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	[ "$rc" = 0 ] && fail "exit 0 for a missing input"
	[ -s "$tmp/err" ] || fail "no error message"
	clean "$tmp/err" "stderr for a bad input name"
	clean "$tmp/out" "stdout for a bad input name"
done

# Batch: the error object of a missing page and its stderr line.
case=batch-error
printf '<html><body><article><p>%s</p></article></body></html>\n' \
	'A short page so that the batch has one article in it as well as the error.' >"$tmp/ok.html"
"$FOLIO" --dump=json "$tmp/ok.html" "$tmp/gone$(printf '\033]52;c;Y2xpcGJvYXJk\007\302\233').html" \
	>"$tmp/out" 2>"$tmp/err"
[ "$(wc -l <"$tmp/out")" = 2 ] || fail "expected 2 JSON lines, got $(wc -l <"$tmp/out")"
clean "$tmp/out" "batch JSON"; clean "$tmp/err" "batch stderr"

# A page read with a notice (a JavaScript or consent wall): the notice's
# line names the input too.
case=notice-name
wall="$tmp/wall$(printf '\033]0;owned-title\007\302\233').html"
printf '<html><body><p>Please ENABLE JavaScript to read this story.</p></body></html>\n' >"$wall"
"$FOLIO" --dump=text "$wall" >"$tmp/out" 2>"$tmp/err" || fail "exit $? for a page with a notice"
grep -q "needs JavaScript" "$tmp/err" || fail "no notice on stderr: $(cat "$tmp/err")"
clean "$tmp/err" "the notice's stderr line"

[ "$fails" -eq 0 ] && echo "terminal safety of error messages: all cases passed"
[ "$fails" -eq 0 ]
