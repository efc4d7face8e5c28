#!/bin/sh
# Every page of the shared corpus (../shared/corpus beside the checkout,
# or $FOLIO_CORPUS) through `folio --dump=json`: exit 0 or a clean "no
# article" (4), never a crash, a sanitizer report or (under make check
# VALGRIND=1, where $FOLIO runs under valgrind) a memory error or leak;
# stdout one clean JSON object.  So `make check SAN=1` and `make check
# VALGRIND=1` check every corpus page.  Skips when there is no corpus.
# Extraction quality is `make eval`'s job, not this test's.
set -u
: "${FOLIO:?FOLIO must name the folio binary}"
root=$(cd "$(dirname "$0")/../.." && pwd)
corpus=${FOLIO_CORPUS:-$root/../shared/corpus}
if [ ! -d "$corpus" ]; then
	echo "skip: no corpus at $corpus"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp" FOLIO_NO_STORE=1
find "$corpus" -name source.html | sort >"$tmp/pages"
[ -s "$tmp/pages" ] || { echo "skip: no source.html under $corpus"; exit 0; }
fails=0 n=0
while read -r page; do
	n=$((n + 1))
	"$FOLIO" --dump=json --url "https://example.org/article" "$page" >"$tmp/out.$n" 2>"$tmp/err" </dev/null
	rc=$?
	case $rc in
	0) echo "$page" >"$tmp/name.$n" ;;
	4) rm -f "$tmp/out.$n" ;;
	*) echo "FAIL $page: exit $rc"; sed 's/^/   | /' "$tmp/err" | head -n 30
	   rm -f "$tmp/out.$n"; fails=$((fails + 1)) ;;
	esac
	if [ "$rc" != 99 ] && grep -q 'Sanitizer\|^==[0-9]*==' "$tmp/err"; then
		echo "FAIL $page: sanitizer/valgrind report"; sed 's/^/   | /' "$tmp/err" | head -n 30
		fails=$((fails + 1))
	fi
done <"$tmp/pages"
# Every article: one clean JSON object (checked in one go: fast).
python3 - "$tmp" "$n" <<'PY' || fails=$((fails + 1))
import json, os, re, sys
d, n = sys.argv[1], int(sys.argv[2])
bad = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
ok = True
for i in range(1, n + 1):
    f = os.path.join(d, "out.%d" % i)
    if not os.path.exists(f):
        continue
    name = open(os.path.join(d, "name.%d" % i)).read().strip()
    try:
        doc = json.loads(open(f, "rb").read().decode("utf-8"))
        assert isinstance(doc, dict) and isinstance(doc["blocks"], list), "schema"
        stack = [doc]
        while stack:
            v = stack.pop()
            if isinstance(v, str):
                assert not bad.search(v.replace("\n", "")), "control character in %r" % v[:80]
            elif isinstance(v, dict):
                stack.extend(v.values())
            elif isinstance(v, list):
                stack.extend(v)
    except Exception as e:
        print("FAIL %s: not one clean JSON article: %s" % (name, e))
        ok = False
sys.exit(0 if ok else 1)
PY
echo "corpus sweep: $n pages, $fails failures"
[ "$fails" -eq 0 ]
