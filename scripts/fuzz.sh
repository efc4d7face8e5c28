#!/bin/sh
# make fuzz: run each libFuzzer target for SECONDS, seeded from data/ and
# the regression inputs (the corpora are generated here, under
# build/fuzz/corpus, never committed).  Prints one line per target with
# its exec count; exits 1 when any target found a crash, leak or timeout
# (the input is kept in build/fuzz/artifacts/ - make it a regression test
# under tests/regress/).
# usage: scripts/fuzz.sh SECONDS FUZZ_BIN...
set -u
secs=${1:?usage: fuzz.sh SECONDS FUZZ_BIN...}; shift
cd "$(dirname "$0")/.."
out=build/fuzz
mkdir -p "$out/artifacts" "$out/logs"

# Seeds for the article-building targets (fuzz/fuzz_article.h format):
# each data/*.expected.json and a few hand-made articles, NUL-separated.
article_seeds() {   # DIR WIDTH_PREFIX(0/1)
	python3 - "$1" "$2" data/*.expected.json <<'PY'
import json, os, sys
out, width, files = sys.argv[1], sys.argv[2] == "1", sys.argv[3:]
types = ["p", "h2", "h3", "h4", "h5", "h6", "quote", "li", "pre",
         "caption", "table", "dt", "dd"]
def encode(doc):
    li = doc.get("lead_image") or {}
    fields = [doc.get(k) or "" for k in ("url", "title", "byline", "site_name", "published")]
    fields += [li.get(k) or "" for k in ("url", "caption", "credit")]
    parts = [f.encode() for f in fields]
    for b in doc.get("blocks", []):
        t = types.index(b["type"]) if b.get("type") in types else 0
        links = b.get("links", [])[:15]
        parts.append(bytes([t, 1, 0, len(links)]))
        parts.append(b.get("text", "").encode())
        for l in links:
            parts.append(bytes([l["start"] >> 8 & 255, l["start"] & 255,
                                l["end"] >> 8 & 255, l["end"] & 255]) + l.get("url", "https://example.org/").encode())
    return b"\0".join(parts)
docs = [json.load(open(f, encoding="utf-8")) for f in files]
docs.append({"title": "Wide \u6f22\u5b57 and e\u0301", "blocks": [
    {"type": "pre", "text": "line one\n    indented\tline\n"},
    {"type": "table", "text": "a | b\nc | d"},
    {"type": "li", "text": "item with a very-long-word-that-needs-cutting-at-narrow-widths",
     "links": [{"start": 0, "end": 4, "url": "https://example.org/x"}]},
    {"type": "quote", "text": "\u0645\u0631\u062d\u0628\u0627 \U0001F600\u200d\U0001F600"}]})
for i, d in enumerate(docs):
    data = encode(d)
    for w in ([b"\x00\x50", b"\x00\x0a", b"\x00\x03"] if width else [b""]):
        with open(os.path.join(out, "seed%d-%d" % (i, w[-1] if w else 0)), "wb") as f:
            f.write(w + data)
PY
}

# Seeds for extraction: data/ pages and regression inputs, without a
# declared charset and with a few (right and wrong) declarations.
html_seeds() {   # DIR
	n=0
	for f in data/*.html tests/regress/*.html; do
		[ -f "$f" ] || continue
		n=$((n + 1))
		cp "$f" "$1/page$n"
		for cs in utf-8 windows-1251 shift_jis; do
			{ printf '%s\n' "$cs"; cat "$f"; } >"$1/page$n-$cs"
		done
	done
}

fails=0
printf '| target | seconds | execs | exec/s | result |\n|---|---|---|---|---|\n' >"$out/summary.md"
for bin in "$@"; do
	name=$(basename "$bin")
	corpus=$out/corpus/$name
	rm -rf "$corpus"; mkdir -p "$corpus"
	dict=""
	case $name in
	fuzz_extract) html_seeds "$corpus"; dict=-dict=fuzz/html.dict; maxlen=65536 ;;
	fuzz_feed) cp fuzz/seeds/fuzz_feed/* "$corpus/"; dict=-dict=fuzz/feed.dict; maxlen=65536 ;;
	fuzz_layout) article_seeds "$corpus" 1; cp fuzz/seeds/fuzz_layout/* "$corpus/"
		maxlen=16384 ;;
	fuzz_output) article_seeds "$corpus" 0; maxlen=16384 ;;
	*) for f in fuzz/seeds/"$name"/* tests/regress/"${name#fuzz_}"*; do
		[ -f "$f" ] && cp "$f" "$corpus/"
	   done; maxlen=65536 ;;
	esac
	log=$out/logs/$name.log
	"$bin" $dict -max_total_time="$secs" -max_len=$maxlen -timeout=20 \
		-rss_limit_mb=2560 -print_final_stats=1 \
		-artifact_prefix="$out/artifacts/$name-" "$corpus" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
	if [ "$rc" -eq 0 ]; then
		result=ok
	else
		result="FAILED (exit $rc, see $log)"
		fails=$((fails + 1))
		grep -E '^(==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' "$log" | head -n 5 >&2
	fi
	printf '| %s | %s | %s | %s | %s |\n' "$name" "$secs" "${execs:-?}" "${rate:-?}" "$result" >>"$out/summary.md"
done
cat "$out/summary.md"
[ "$fails" -eq 0 ]
