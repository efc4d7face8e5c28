#!/bin/sh
# Batch: several URLs and files in one run, fetched concurrently, one JSON
# object per line in the order given, failures as {"url","error","status"}.
. "$(dirname "$0")/../server_lib.sh"
start_server
U=http://127.0.0.1:$PORT
cat >"$TMP/local.html" <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8"><title>Local file</title></head>
<body><article><h1>Local file</h1>
<p>This page was read from a file in the same batch as the pages fetched from the test server, which must keep their order.</p>
<p>Its second paragraph is here so that there is enough text in it to be an article of its own, as a real page would be.</p>
</article></body></html>
HTML

run --dump=json "$U/article" "$U/404" "$TMP/local.html" "$U/chain/2" "$U/pdf"
expect_rc 5
[ "$(wc -l <"$TMP/out")" -eq 5 ] || fail "$LAST: wanted 5 lines"
expect_err "$U/404: HTTP 404 Not Found" 2
expect_err "$U/pdf: not HTML" 2
python3 - "$TMP/out" "$U" "$TMP/local.html" <<'PY' || fail "$LAST: wrong objects"
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
u, local = sys.argv[2], sys.argv[3]
objs = [json.loads(l) for l in lines]
assert objs[0]["url"] == u + "/article" and objs[0]["blocks"], objs[0]
assert objs[1] == {"url": u + "/404", "error": "HTTP 404 Not Found",
                   "status": 5}, objs[1]
assert objs[2]["title"] == "Local file" and "error" not in objs[2], objs[2]
assert objs[3]["url"] == u + "/sub/dir/page.html", objs[3]
assert objs[4]["status"] == 6 and "application/pdf" in objs[4]["error"], objs[4]
assert objs[4]["url"] == u + "/pdf"
PY

# Redirect stubs in a batch are followed (once) after the fetches.
run --dump=json "$U/refresh-ok" "$U/refresh-a" "$U/article"
expect_rc 4
[ "$(wc -l <"$TMP/out")" -eq 3 ] || fail "$LAST: wanted 3 lines"
python3 - "$TMP/out" "$U" <<'PY' || fail "$LAST: wrong objects"
import json, sys
objs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
u = sys.argv[2]
assert objs[0]["url"] == u + "/article" and objs[0]["blocks"], objs[0]
assert objs[1]["status"] == 4 and "refresh" in objs[1]["error"], objs[1]
assert objs[2]["url"] == u + "/article", objs[2]
PY

# Output streams: the first article is out while a later fetch is still
# open (/hold/x answers only once /release/x is asked for).
"$FOLIO" --dump=json "$U/article" "$U/hold/x" >"$TMP/stream" 2>&1 &
folio_pid=$!
until=$(($(date +%s) + 12))  # under the 15 s low-speed limit
while [ ! -s "$TMP/stream" ] && [ "$(date +%s)" -lt "$until" ]; do
	sleep 0.05
done
grep -q 'harbour committee' "$TMP/stream" || fail "first article not printed while the second was pending"
kill -0 "$folio_pid" 2>/dev/null || fail "folio ended before the held page was released"
python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=10).read()' "$U/release/x"
wait "$folio_pid" || fail "streamed batch failed"
[ "$(wc -l <"$TMP/stream")" -eq 2 ] || fail "streamed batch: wanted 2 lines"
grep -q 'Held page x' "$TMP/stream" || fail "held page missing"

# All fine: exit 0.
run --dump=json "$U/article" "$U/gzip"
expect_rc 0
[ "$(wc -l <"$TMP/out")" -eq 2 ] || fail "$LAST: wanted 2 lines"

# Concurrency without timing: /barrier/G/3/* answers only when 3 requests
# of group G are in flight at once.
run --dump=json --jobs 3 "$U/barrier/a/3/1" "$U/barrier/a/3/2" "$U/barrier/a/3/3"
expect_rc 0
expect_out 'Together a/3/3'
# With --jobs 1 they arrive one at a time, so the group never forms.
run --dump=json --jobs 1 "$U/barrier/b/2/1?t=1" "$U/barrier/b/2/2?t=1"
expect_rc 5
expect_err "HTTP 503" 2

# Text: each article under a header naming its source, failures too.
run --dump=text "$U/article" "$U/500"
expect_rc 5
expect_out "^==> $U/article <==\$"
expect_out "^==> $U/500 <==\$"
expect_out "^error: HTTP 500 Internal Server Error\$"
expect_out 'harbour committee'

# Several sources without --dump is a usage error.
run "$U/article" "$U/gzip"
expect_rc 1
exit 0
