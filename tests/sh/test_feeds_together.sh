#!/bin/sh
# Two folio processes refresh the same six large feeds at once (issue
# 19): writers queue for the database, so both exit 0 and every story
# is stored once.  One used to fail with "could not store the stories".
# A third process opens a page while they write: shown and cached.
. "$(dirname "$0")/../server_lib.sh"
: "${FOLIO_BUILD:?FOLIO_BUILD must name the build directory}"
serve_www
unset FOLIO_NO_STORE
FEEDS=$XDG_CONFIG_HOME/folio/feeds
mkdir -p "$(dirname "$FEEDS")"
: >"$FEEDS"
# Six feeds of 1000 stories (the most a feed keeps), 270 KB each.
for i in 1 2 3 4 5 6; do
	"$FOLIO_BUILD/tools/genpage" feed-items "$W/feed$i.rss" 1000 ||
		fail "genpage feed-items"
	echo "$R/feed$i.rss" >>"$FEEDS"
done
story_page "$W/page.html" "A page read during the refresh"

for round in 1 2 3; do
	rm -rf "$XDG_DATA_HOME"
	"$FOLIO" --refresh >"$TMP/out1" 2>"$TMP/err1" &
	p1=$!
	"$FOLIO" --refresh >"$TMP/out2" 2>"$TMP/err2" &
	p2=$!
	"$FOLIO" --dump=text "$R/page.html" >"$TMP/out3" 2>"$TMP/err3" &
	p3=$!
	wait $p1; rc1=$?
	wait $p2; rc2=$?
	wait $p3; rc3=$?
	for k in 1 2; do
		eval "rc=\$rc$k"
		[ "$rc" = 0 ] || { cat "$TMP/err$k" >&2; fail "round $round: refresh $k exit $rc"; }
		[ -s "$TMP/err$k" ] && fail "round $round: refresh $k said: $(cat "$TMP/err$k")"
		[ "$(grep -c ': 1000 stories' "$TMP/out$k")" = 6 ] ||
			fail "round $round: refresh $k: $(cat "$TMP/out$k")"
	done
	[ "$rc3" = 0 ] || fail "round $round: the page: exit $rc3: $(cat "$TMP/err3")"
	[ -s "$TMP/err3" ] && fail "round $round: the page said: $(cat "$TMP/err3")"
	grep -q "A page read during the refresh" "$TMP/out3" || fail "round $round: page not shown"
	python3 - "$XDG_DATA_HOME/folio/folio.db" "$R/page.html" <<'PY' || fail "round $round: the database"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
per_feed = dict(db.execute("SELECT feed, count(*) FROM story GROUP BY feed"))
assert len(per_feed) == 6 and all(n == 1000 for n in per_feed.values()), per_feed
ids = db.execute("SELECT count(DISTINCT feed || id) FROM story").fetchone()[0]
assert ids == 6000, ids
cached = db.execute("SELECT count(*) FROM cache WHERE url = ?", (sys.argv[2],)).fetchone()[0]
assert cached == 1, "the page was not cached"
assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
PY
done
exit 0
