#!/bin/sh
# Bidi controls (U+202A-202E, U+2066-2069, U+061C, LRM/RLM) and tag
# characters (U+E0000-E007F) in a title and a paragraph never reach
# --dump=text, --dump=json or the pager's screen: they can reorder or
# hide text ("Trojan Source").  The text around them stays.
set -u
. "$(dirname "$0")/../ui/lib.sh"
page=$UI_TMP/bidi.html
python3 - "$page" <<'PY'
import sys
rlo, pdf, lri, pdi, alm = "\u202e", "\u202c", "\u2066", "\u2069", "\u061c"
tags = "".join(chr(0xE0000 + ord(c)) for c in "hidden") + "\U000E007F\U000E0001"
title = "Harbour " + rlo + "gnissorc" + pdf + " vote " + tags + "tonight"
para = ("The council " + lri + "will" + pdi + " vote on the crossing " + rlo + "today" + pdf +
        " after a long debate about the ferry " + alm + "timetable\u200e and the fares" + tags +
        ", and the harbour master said the pier would stay open all night.")
open(sys.argv[1], "w", encoding="utf-8").write(
    "<html><head><meta charset='utf-8'><title>%s</title></head><body><article><h1>%s</h1>"
    "<p>%s</p><p>%s</p></article></body></html>" % (title, title, para, para))
PY

# check_clean FILE WHAT: no bidi control, format or tag character in it.
check_clean() {
	python3 - "$1" "$2" <<'PY' || exit 1
import sys, unicodedata
text = open(sys.argv[1], encoding="utf-8").read()
bad = sorted({"U+%04X" % ord(c) for c in text
              if unicodedata.category(c) == "Cf" and c not in "\u200c\u200d"
              or 0xE0000 <= ord(c) <= 0xE007F})
if bad:
    print("FAIL: %s holds %s" % (sys.argv[2], " ".join(bad)))
    sys.exit(1)
for want in ("Harbour gnissorc vote tonight", "will vote on the crossing today", "timetable and the fares,"):
    if want not in " ".join(text.split()):
        print("FAIL: %s lacks %r" % (sys.argv[2], want))
        sys.exit(1)
PY
}

"$FOLIO" --dump=text "$page" >"$UI_TMP/text" || ui_fail "--dump=text failed"
check_clean "$UI_TMP/text" "--dump=text"
"$FOLIO" --dump=json "$page" >"$UI_TMP/json" || ui_fail "--dump=json failed"
python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1])), ensure_ascii=False))' \
	"$UI_TMP/json" >"$UI_TMP/json.txt"
check_clean "$UI_TMP/json.txt" "--dump=json"

ui_start NO_COLOR=1 -- "$page"
ui_wait_text "harbour master said the pier"
ui_wait_text "(END)"
ui_screen >"$UI_TMP/screen"
check_clean "$UI_TMP/screen" "the pager's screen"
ui_keys q
ui_wait_exit
[ "$UI_STATUS" = 0 ] || ui_fail "exit status $UI_STATUS"
echo "ok: no bidi control or tag character reaches the output"
