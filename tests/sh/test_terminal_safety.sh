#!/bin/sh
# Terminal safety (issue 6 item 4): pages carrying ESC/CSI/OSC/DCS
# sequences - OSC 52 clipboard writes, OSC 0 title changes, OSC 8
# hyperlinks, CSI screen clears, 8-bit C1 controls (as UTF-8, as raw
# windows-1252 bytes, as character references, and as JSON-LD \u
# escapes) - in the title, byline, caption, credit, body, pre, table,
# link text, link URLs, canonical URL and site name.  --dump=text,
# --dump=json, the non-tty text, batch JSON and the error messages on
# stderr must carry no ESC, no C0 control but '\n', no DEL and no C1
# (U+0080..U+009F), while the words around the sequences stay.  (The
# pager's screen is checked in tmux by test_ui_misc.sh on
# data/escapes.html: screen attributes, pane title, clipboard.)
set -u
: "${FOLIO:?FOLIO must name the folio binary}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp" FOLIO_NO_STORE=1
fails=0
fail() { echo "FAIL $case: $*"; fails=$((fails + 1)); }

python3 - "$tmp" <<'PY'
import os, sys
out = sys.argv[1]
E = "\x1b"
# Sequences a terminal would act on; each one in several encodings.
seqs = [E + "]52;c;Y2xpcGJvYXJk" + "\x07",        # OSC 52 clipboard, BEL
        E + "]52;p;Y2xpcGJvYXJk" + E + "\\",       # OSC 52, ST
        E + "]0;owned-title\x07",                 # window title
        E + "]8;;https://evil.example/\x07",      # hyperlink
        E + "[2J" + E + "[H", E + "[31m", E + "[?1049h",
        E + "P1$qm" + E + "\\",                   # DCS
        E + "_apc" + E + "\\", E + "^pm" + E + "\\", E + "X" + "sos" + E + "\\",
        E + "c",                                  # full reset
        "\u009b2J", "\u009d0;c1-title\u009c", "\u009052;c;Y2xpcGJvYXJk\u009c",
        "\x07", "\x08\x08", "\x7f", "\r", "\x0e", "\x85"]
def ref(s):      # as character references (&#27; ...)
    # libxml2 drops a reference to a control character and keeps the
    # rest of the sequence as inert text: give it its own payload mark.
    s = s.replace("Y2xpcGJvYXJk", "aW5lcnQ").replace("owned-title", "inert-title")
    return "".join("&#%d;" % ord(c) if ord(c) < 0x20 or 0x7f <= ord(c) < 0xa0 else c for c in s)
def mix(words, i):
    # Words with a sequence between each, raw and as references in turn.
    parts = []
    for k, w in enumerate(words.split()):
        s = seqs[(i + k) % len(seqs)]
        parts.append(w + (s if (i + k) % 2 else ref(s)))
    return " ".join(parts)
def attr(s):     # for an attribute value: quotes escaped
    return s.replace('"', "&quot;")
body = [mix("The harbour council met on Tuesday to talk about the ferry budget", i) for i in range(8)]
page = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>%s</title>
<meta name="author" content="%s">
<meta property="og:site_name" content="%s">
<meta property="og:title" content="%s">
<meta property="og:url" content="https://news.example/%s/story">
<link rel="canonical" href="https://news.example/%s/story">
<meta property="og:image" content="https://news.example/img/%s.jpg">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council\\u001b]52;c;Y2xpcGJvYXJk\\u0007 votes\\u009b2J today",
 "author":{"@type":"Person","name":"Ann\\u001b[31m Lee\\u009d0;x\\u009c"},"datePublished":"2026-03-04T05:06:07Z\\u001b[8m"}</script>
</head><body><article>
<h1>%s</h1>
<p class="byline">By %s</p>
<figure><img src="https://news.example/img/%s.jpg" alt="%s">
<figcaption><span class="caption">%s</span> <span class="credit">Photo: %s</span></figcaption></figure>
%s
<p>Read <a href="https://news.example/%s/budget.html">%s</a> and <a href="/rel%s/x">%s</a> for more.</p>
<pre>line one %s
  line two %s</pre>
<table><tr><td>cell %s one</td><td>cell two</td></tr><tr><td>row two</td><td>end %s</td></tr></table>
<ul><li>item %s one</li><li>item two %s</li></ul>
</article></body></html>
""" % (mix("Council votes on harbour budget", 1), attr(mix("Ann Lee", 2)), attr(mix("Harbour Gazette", 3)),
       attr(mix("Council votes on harbour budget", 4)), attr(seqs[0]), attr(seqs[4]), attr(seqs[12]),
       mix("Council votes on harbour budget", 5), mix("Ann Lee", 6), attr(seqs[1]), attr(mix("Boats at dawn", 7)),
       mix("Boats in the harbour at dawn", 8), mix("Sam Reid / Harbour Gazette", 9),
       "\n".join("<p>%s</p>" % b for b in body), attr(seqs[2]), mix("the full budget document", 10),
       attr(seqs[12]), mix("the minutes", 11), seqs[3], ref(seqs[5]), seqs[6], ref(seqs[7]), seqs[13], ref(seqs[0]))
with open(os.path.join(out, "esc-utf8.html"), "w", encoding="utf-8") as f:
    f.write(page)
# The same page after a UTF-8 byte-order mark (the BOM path once left
# the "parse in place" flag unset: valgrind saw it, escapes could pass).
with open(os.path.join(out, "esc-bom.html"), "wb") as f:
    f.write(b"\xef\xbb\xbf" + page.encode("utf-8"))
# windows-1252: 0x81 0x8d 0x8f 0x90 0x9d are unassigned; browsers decode
# them to the C1 controls U+0081...  folio's decoder drops them, which
# leaves the rest of such a sequence as inert text (its own payload mark).
w = ("<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 \x1b[2J news \x9d0;t\x9c here</title></head><body><article>"
     "<h1>Caf\xe9 news</h1>"
     + "".join("<p>The caf\xe9 \x9d52;c;aW5lcnQ\x07 on the square \x90q\x9c re-opened \x81\x8d\x8f this week, paragraph %d.</p>" % i for i in range(6))
     + "</article></body></html>\n")
with open(os.path.join(out, "esc-1252.html"), "wb") as f:
    f.write(w.encode("latin-1"))
PY

# clean FILE WHAT: terminal-safe (tests/tools/terminal_safe.py: no
# control but '\n', valid UTF-8, none in JSON strings either), with no
# trace of an OSC 52 payload or the title-changing payloads.
clean() {
	python3 "$(dirname "$0")/../tools/terminal_safe.py" "$1" Y2xpcGJvYXJk owned-title c1-title ||
		fail "$2 is not terminal-safe"
}

# words_kept FILE: the JSON articles of a UTF-8 page keep its words.
words_kept() {
	python3 - "$1" <<'PY' || fail "the JSON lost words of the page"
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    t = json.dumps(json.loads(line), ensure_ascii=False)
    for w in ("Council", "votes", "harbour", "budget", "Ann", "Lee", "Boats", "dawn",
              "Sam", "Reid", "ferry", "full", "minutes", "line", "cell two", "item two"):
        assert w in t, "lost the words %r" % w
PY
}

for page in esc-utf8 esc-bom esc-1252; do
	case=$page
	f=$tmp/$page.html
	for mode in --dump=json --dump=text --width=60; do
		"$FOLIO" $mode --url "https://news.example/a/b" "$f" >"$tmp/out" 2>"$tmp/err"
		rc=$?
		[ "$rc" = 0 ] || fail "$mode: exit $rc: $(head -c 300 "$tmp/err")"
		clean "$tmp/out" "$mode output"
		clean "$tmp/err" "$mode stderr"
		[ "$mode" = --dump=json ] && [ "$page" != esc-1252 ] && words_kept "$tmp/out"
	done
	grep -q "caf" "$tmp/out" || grep -q "Council" "$tmp/out" || fail "the text is gone"
done

# Batch JSON: both pages, one object per line.
case=batch
"$FOLIO" --dump=json "$tmp/esc-utf8.html" "$tmp/esc-1252.html" >"$tmp/out" 2>"$tmp/err"
[ "$(wc -l <"$tmp/out")" = 2 ] || fail "expected 2 JSON lines, got $(wc -l <"$tmp/out")"
clean "$tmp/out" "batch output"; clean "$tmp/err" "batch stderr"

# A feed (RSS and Atom) carrying the same sequences and a bidi override
# in its title, the items' titles, summaries, authors and categories:
# the list through the same three outputs.
case=feed
python3 - "$tmp" <<'PY'
import os, sys
E = "\x1b"
bad = (E + "]52;c;Y2xpcGJvYXJk\x07 " + E + "[2J" + E + "]0;owned-title\x07 \u009b31m "
       "\u202egnissorc\u202c \u009d0;c1-title\u009c \x08\x7f")
def x(s):        # XML 1.0 has no raw C0 but tab/LF/CR: those as they come
    return s.replace("&", "&amp;").replace("<", "&lt;")
items = "".join("<item><title>Ferry %d %s</title><link>https://news.example/%d</link>"
                "<description>%s harbour</description><author>%s</author>"
                "<category>%s</category></item>" % (i, x(bad), i, x(bad), x(bad), x(bad))
                for i in range(3))
rss = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
       "<title>Harbour %s News</title><link>https://news.example/</link>%s"
       "</channel></rss>" % (x(bad), items))
with open(os.path.join(sys.argv[1], "esc.rss"), "wb") as f:
    f.write(rss.encode("utf-8"))
entries = "".join("<entry><title>Ferry %d %s</title><link href=\"https://news.example/a%d\"/>"
                  "<id>urn:x:%d</id><summary>%s</summary><author><name>%s</name></author>"
                  "</entry>" % (i, x(bad), i, i, x(bad), x(bad)) for i in range(3))
atom = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Harbour %s News</title>%s</feed>" % (x(bad), entries))
with open(os.path.join(sys.argv[1], "esc.atom"), "wb") as f:
    f.write(atom.encode("utf-8"))
PY
for f in "$tmp/esc.rss" "$tmp/esc.atom"; do
	for mode in --dump=json --dump=text --width=60; do
		"$FOLIO" $mode "$f" >"$tmp/out" 2>"$tmp/err"
		rc=$?
		[ "$rc" = 0 ] || fail "$mode $f: exit $rc: $(head -c 300 "$tmp/err")"
		clean "$tmp/out" "$mode output of $(basename "$f")"
		clean "$tmp/err" "$mode stderr of $(basename "$f")"
		grep -q "Ferry 2" "$tmp/out" || fail "$mode $f: the items are gone"
		[ "$mode" = --dump=json ] || ! grep -q "$(printf '\342\200\256')" "$tmp/out" ||
			fail "$mode $f: a bidi override in the output"
	done
done

[ "$fails" -eq 0 ] && echo "terminal safety: all cases passed"
[ "$fails" -eq 0 ]
