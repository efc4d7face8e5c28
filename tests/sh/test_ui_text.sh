#!/bin/sh
# Not a terminal: folio prints the article wrapped at the measure, links
# numbered inline and listed at the end with their text and URL (URLs are
# never wrapped: they must stay whole to be copied).
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
out=$(mktemp); trap 'rm -f "$out"' EXIT

"$FOLIO" data/sample-rt.html >"$out" || fail "exit status $?"
grep -q '^Port Avel mayor invites rival council to talks on shared ferry route$' "$out" ||
	fail "no headline line"
grep -q 'bus link\[1\]' "$out" || fail "link not numbered inline"
[ "$(tail -n 2 "$out")" = "Links:
[1] faster bus link: /news/47980-bus-link/" ] || fail "no link list at the end: $(tail -n 2 "$out")"
# Every line fits 80 cells (the sample is ASCII but for the middle dot).
awk '/^Links:$/ { exit bad } length($0) > 81 { bad = 1; print "too long: " $0 } END { exit bad }' "$out" ||
	fail "line wider than 80"

"$FOLIO" --width 40 data/sample-rt.html >"$out" || fail "--width 40: exit status $?"
awk '/^Links:$/ { exit bad } length($0) > 41 { bad = 1; print "too long: " $0 } END { exit bad }' "$out" ||
	fail "line wider than 40"
grep -q '^Tomas Arndt, the mayor of Port Avel, on$' "$out" || fail "not wrapped at 40"

# CJK wraps by display width: 40 cells are at most 20 ideographs.
"$FOLIO" --width 40 data/cjk.html >"$out" || fail "cjk: exit status $?"
python3 - "$out" <<'EOP' || fail "a CJK line is wider than 40 cells"
import sys, unicodedata
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    w = sum(2 if unicodedata.east_asian_width(c) in "WF" else
            0 if unicodedata.combining(c) else 1 for c in line)
    if w > 40:
        print("too wide:", w, line); sys.exit(1)
EOP

# --dump=text is the same text: wrapped like the pager, links listed like
# its link list; --width 0 wraps nothing.
"$FOLIO" data/sample-rt.html >"$out.pipe" || fail "exit status $?"
"$FOLIO" --dump=text data/sample-rt.html >"$out" || fail "--dump=text: exit status $?"
cmp -s "$out" "$out.pipe" || fail "--dump=text differs from the piped text"
rm -f "$out.pipe"
"$FOLIO" --dump=text --width 40 data/sample-rt.html >"$out" || fail "exit status $?"
grep -q '^Tomas Arndt, the mayor of Port Avel, on$' "$out" || fail "--dump=text not wrapped at 40"
"$FOLIO" --dump=text --width 0 data/sample-rt.html >"$out" || fail "--width 0: exit status $?"
grep -q '^Tomas Arndt, the mayor of Port Avel, on Thursday invited members of the Strand town council to a round of talks on the future of the ferry that links the two harbours, after the operator warned it could stop the crossing at the end of the year\.$' "$out" ||
	fail "--width 0 wrapped a paragraph"
grep -q '^\[1\] faster bus link: /news/47980-bus-link/$' "$out" || fail "--dump=text: no link list"
"$FOLIO" --width -1 data/sample-rt.html >/dev/null 2>&1
[ $? -eq 1 ] || fail "--width -1 is not a usage error"
exit 0
