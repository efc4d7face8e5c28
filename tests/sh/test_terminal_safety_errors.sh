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

# clean FILE WHAT: valid UTF-8, no ESC, no C0 but '\n', no DEL, no C1,
# and in JSON no control character in any decoded string either.
clean() {
	python3 - "$1" <<'PY' || fail "$2 is not terminal-safe"
import json, re, sys
text = open(sys.argv[1], "rb").read().decode("utf-8")
bad = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
m = bad.search(text)
assert not m, "control %r at %d: %r" % (m.group(), m.start(), text[max(0, m.start() - 30):m.start() + 10])
for line in text.splitlines():
    if line.startswith("{"):
        stack = [json.loads(line)]
        while stack:
            v = stack.pop()
            if isinstance(v, str):
                assert not bad.search(v.replace("\n", "")), "control in a JSON string: %r" % v[:80]
            elif isinstance(v, dict):
                stack.extend(v.values())
            elif isinstance(v, list):
                stack.extend(v)
PY
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

[ "$fails" -eq 0 ] && echo "terminal safety of error messages: all cases passed"
[ "$fails" -eq 0 ]
