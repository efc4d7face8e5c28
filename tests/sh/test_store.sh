#!/bin/sh
# The store through the binary: conditional GET against tests/server.py
# (ETag and Last-Modified, 304 reuses the cached copy), --offline,
# --no-store / FOLIO_NO_STORE, --history, --saved, --unsave, the
# settings file, and a corrupt database.
. "$(dirname "$0")/../server_lib.sh"
start_server
U=http://127.0.0.1:$PORT
SEED=$FOLIO_BUILD/tools/store_seed

# Every run gets private directories; nothing touches the real home.
export HOME=$TMP/home XDG_DATA_HOME=$TMP/data XDG_CONFIG_HOME=$TMP/config
unset FOLIO_NO_STORE
DB=$XDG_DATA_HOME/folio/folio.db

# ---- conditional GET ----
# Each request to /etag and /lastmod is numbered; a full answer shows its
# number, a 304 has no body.  So "request number 1" on the second run
# means the cached copy was reused after a 304.
run --dump=text "$U/etag"
expect_rc 0
expect_out 'request number 1 to'
[ -f "$DB" ] || fail "no database at $DB"
[ "$(stat -c %a "$DB")" = 600 ] || fail "database mode is $(stat -c %a "$DB")"
[ "$(stat -c %a "$XDG_DATA_HOME/folio")" = 700 ] || fail "data dir is not 0700"
run --dump=text "$U/etag"
expect_rc 0
expect_out 'request number 1 to'
[ -s "$TMP/err" ] && fail "$LAST: unexpected stderr"

run --dump=json "$U/lastmod"
expect_rc 0
expect_out 'request number 1 to'
run --dump=json "$U/lastmod"
expect_rc 0
expect_out 'request number 1 to'
expect_out "\"url\":\"$U/lastmod\""

# --no-store: a plain fetch (request 3 is a full answer) and no file.
run --dump=text --no-store "$U/etag"
expect_rc 0
expect_out 'request number 3 to'
# The cached copy is still the first.
run --dump=text --offline "$U/etag"
expect_rc 0
expect_out 'request number 1 to'

# ---- offline ----
run --dump=text --offline "$U/article"
expect_rc 3
expect_err "^folio: $U/article: not in the cache (offline)$"
[ -s "$TMP/out" ] && fail "$LAST printed something"
# Offline batch: each from the cache, the missing one fails.
run --dump=json --offline "$U/etag" "$U/article"
expect_rc 3
expect_out 'request number 1 to'
expect_out '"error":"not in the cache (offline)"'
# Files need no cache.
echo '<html><body><article><h1>Local</h1><p>A local page with enough text to be an article about the harbour and its pier, the ferry, the committee, and the residents who filled the hall.</p></article></body></html>' >"$TMP/local.html"
run --dump=text --offline "$TMP/local.html"
expect_rc 0
expect_out 'local page'

# ---- history: --dump records nothing ----
run --history
expect_rc 0
[ -s "$TMP/out" ] && fail "--dump runs were recorded in the history"
"$SEED" history "$U/one" "First story" 1000000000 || fail "seed failed"
"$SEED" history "$U/two" "$(printf 'Second\033[2J story\ttab')" 1000000100 || fail "seed failed"
run --history
expect_rc 0
[ "$(wc -l <"$TMP/out")" -eq 2 ] || fail "--history: wanted 2 lines"
head -n 1 "$TMP/out" | grep -q "	$U/two	Second \[2J story tab$" ||
	fail "--history: newest first, tab-separated, control bytes blanked"
sed -n 2p "$TMP/out" | grep -q "^20[0-9][0-9]-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]	$U/one	First story$" ||
	fail "--history: second line"
grep -q "$(printf '\033')" "$TMP/out" && fail "--history printed an escape"

# ---- saved list ----
run --saved
expect_rc 0
[ -s "$TMP/out" ] && fail "--saved: not empty at first"
"$SEED" save "$U/gone-from-server" "Kept story" "$TMP/local.html" || fail "seed save failed"
run --saved
expect_rc 0
expect_out "	$U/gone-from-server	Kept story$"
# Saved articles open offline (the page is not in the cache).
run --dump=text --offline "$U/gone-from-server"
expect_rc 0
expect_out 'local page'
run --unsave "$U/gone-from-server"
expect_rc 0
run --saved
[ -s "$TMP/out" ] && fail "--unsave left it in the list"
run --unsave "$U/gone-from-server"
expect_rc 3
expect_err "not in the saved list"
run --history "$U/x"
expect_rc 1

# ---- settings file ----
mkdir -p "$XDG_CONFIG_HOME/folio"
cat >"$XDG_CONFIG_HOME/folio/config" <<EOF
# test settings
user_agent = Config-Agent/1.0
colour = on
timeout = 7
EOF
run --dump=text --no-store "$U/ua"
expect_rc 0
expect_out 'Agent was \[Config-Agent/1.0\]'
expect_err "^folio: $XDG_CONFIG_HOME/folio/config:3: unknown key 'colour'"
# The command line wins.
run --dump=text --no-store --user-agent CLI-Agent "$U/ua"
expect_out 'Agent was \[CLI-Agent\]'
# cache_size = 0 keeps nothing.
printf 'cache_size = 0\n' >"$XDG_CONFIG_HOME/folio/config"
run --dump=text "$U/article"
expect_rc 0
run --dump=text --offline "$U/article"
expect_rc 3
rm "$XDG_CONFIG_HOME/folio/config"

# ---- --no-store and FOLIO_NO_STORE leave no trace ----
for how in flag env; do
	export XDG_DATA_HOME=$TMP/data-$how
	if [ $how = flag ]; then
		run --dump=text --no-store "$U/article"
		expect_rc 0
		run --no-store --history
	else
		export FOLIO_NO_STORE=1
		run --dump=text "$U/article"
		expect_rc 0
		run --history
		unset FOLIO_NO_STORE
	fi
	expect_rc 3
	expect_err "no store"
	[ -e "$XDG_DATA_HOME" ] && fail "no store ($how) created $XDG_DATA_HOME"
done
# Printing a file has nothing to cache or remember: no database.
export XDG_DATA_HOME=$TMP/data-file
run --dump=json "$TMP/local.html"
expect_rc 0
run "$TMP/local.html"
expect_rc 0
expect_out 'local page'
[ -e "$XDG_DATA_HOME" ] && fail "printing a file created $XDG_DATA_HOME"
export XDG_DATA_HOME=$TMP/data

# ---- the network fails, a cached copy exists: the error says so ----
start_server
U2=http://127.0.0.1:$PORT
run --dump=text "$U2/article"
expect_rc 0
down=${SERVER_PIDS##* }
kill "$down"
wait "$down" 2>/dev/null
run --dump=text "$U2/article"
expect_rc 2
expect_err "^folio: $U2/article: .*(a cached copy can be read with --offline)$"
run --dump=text --offline "$U2/article"
expect_rc 0
expect_out 'harbour committee'

# ---- --history is the pager's h list: the 500 newest ----
export XDG_DATA_HOME=$TMP/data-long
"$SEED" histories "$U/story-" 501 || fail "seed failed"
run --history
expect_rc 0
[ "$(wc -l <"$TMP/out")" -eq 500 ] || fail "--history: wanted 500 lines, got $(wc -l <"$TMP/out")"
head -n 1 "$TMP/out" | grep -q "	$U/story-501	" || fail "--history: the newest first"
tail -n 1 "$TMP/out" | grep -q "	$U/story-2	" || fail "--history: the oldest one past 500 shown"

# ---- a read-only database: --history and --saved list it, read-only ----
# (They failed with exit 3.)  Root may write any file it can chmod, so
# as root the file and its directory are made immutable (chattr +i).
export XDG_DATA_HOME=$TMP/data-ro
"$SEED" history "$U/ro" "Read-only story" 1000000000 || fail "seed failed"
ro=$XDG_DATA_HOME/folio
read_only() {   # on | off
	if [ "$(id -u)" = 0 ]; then
		flag=+i; [ "$1" = off ] && flag=-i
		chattr "$flag" "$ro/folio.db" "$ro" 2>/dev/null
	else
		mode=a-w; [ "$1" = off ] && mode=u+w
		chmod "$mode" "$ro/folio.db" "$ro"
	fi
}
trap 'read_only off; stop_servers' EXIT    # never leave it immutable
if read_only on && ! (: >>"$ro/folio.db") 2>/dev/null; then
	run --history
	expect_rc 0
	expect_out "	$U/ro	Read-only story$"
	expect_err "^folio: $ro/folio.db: read-only: the lists are read, nothing new is remembered$"
	run --saved
	expect_rc 0
	read_only off
else
	read_only off
	echo "read-only database: skipped (cannot make a file read-only here)"
fi
trap stop_servers EXIT

# ---- a corrupt database: one warning, articles still read ----
export XDG_DATA_HOME=$TMP/data-bad
mkdir -p "$XDG_DATA_HOME/folio"
head -c 20000 /dev/urandom >"$XDG_DATA_HOME/folio/folio.db"
run --dump=text "$U/article"
expect_rc 0
expect_out 'harbour committee'
expect_err "^folio: $XDG_DATA_HOME/folio/folio.db: .*carrying on without history$"
run --history
expect_rc 3
expect_err "carrying on without history" 2
# ---- the stories' table is damaged, the feeds' is not: the list of
# every feed fetches them whole.  It fell back to fetching them on the
# validators it could still read: each answered 304 with no stories,
# and each was counted failed with an empty line "folio: ".
serve_www
cat >"$W/f.rss" <<EOF
<?xml version="1.0"?><rss version="2.0"><channel><title>Damage</title>
<item><title>First story</title><link>$R/one.html</link></item>
<item><title>Second story</title><link>$R/two.html</link></item>
</channel></rss>
EOF
export XDG_DATA_HOME=$TMP/data-story XDG_CONFIG_HOME=$TMP/config-story
mkdir -p "$XDG_CONFIG_HOME/folio"
echo "$R/f.rss" >"$XDG_CONFIG_HOME/folio/feeds"
run --refresh
expect_rc 0
python3 - "$XDG_DATA_HOME/folio/folio.db" <<'PY' || fail "could not damage the story table"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
size = db.execute("PRAGMA page_size").fetchone()[0]
root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'story'").fetchone()[0]
db.close()
with open(sys.argv[1], "r+b") as f:
    f.seek((root - 1) * size)
    f.write(b"\x5a" * size)
PY
run --dump=json
expect_rc 0
grep -q '^folio: *$' "$TMP/err" && fail "$LAST: an empty error line"
grep -q 'failed at the last fetch' "$TMP/err" && fail "$LAST: the feed was counted failed"
json_check "$TMP/out" '[s["title"] for s in d["stories"]] == ["First story", "Second story"]'

# ---- a read-only store: the list of every feed shows what it fetched
# (the stories could not be stored, and the list, read from the store,
# was empty: "No stories yet"; a second line said so).
export XDG_DATA_HOME=$TMP/data-ro-list
run --dump=text "$U/article"
expect_rc 0
ro=$XDG_DATA_HOME/folio
trap 'read_only off; stop_servers' EXIT
if read_only on && ! (: >>"$ro/folio.db") 2>/dev/null; then
	run --dump=json
	expect_rc 0
	json_check "$TMP/out" '[s["title"] for s in d["stories"]] == ["First story", "Second story"]'
	expect_err "^folio: $ro/folio.db: read-only: the lists are read, nothing new is remembered$"
	# A page: that one warning, not one more for the cache ("not
	# cached: attempt to write a readonly database").
	run --dump=text "$U/etag"
	expect_rc 0
	expect_err "^folio: $ro/folio.db: read-only: the lists are read, nothing new is remembered$"
else
	echo "read-only database (feeds): skipped (cannot make a file read-only here)"
fi
read_only off
trap stop_servers EXIT
# ---- no HOME, or one where nothing can be written: a page is read,
# with one warning; what needs the store or the subscription file says
# why in one line (exit 3, exit 1).
nohome() {
	env -u HOME -u XDG_DATA_HOME -u XDG_CONFIG_HOME "$FOLIO" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	LAST="folio (no HOME) $*"
}
nohome --dump=text "$U/article"
expect_rc 0
expect_out 'harbour committee'
expect_err "^folio: no HOME or XDG_DATA_HOME for the database; carrying on without history$"
nohome --history
expect_rc 3
expect_err "^folio: --history: no store (the database cannot be opened)$" 2
nohome --refresh
expect_rc 1
expect_err "^folio: no subscription file: neither XDG_CONFIG_HOME nor HOME is set$" 2
export HOME=$TMP/home-ro
unset XDG_DATA_HOME XDG_CONFIG_HOME
mkdir -p "$HOME"
ro_home() {   # on | off (as root: immutable, as read_only above)
	if [ "$(id -u)" = 0 ]; then
		flag=+i; [ "$1" = off ] && flag=-i
		chattr "$flag" "$HOME" 2>/dev/null
	else
		mode=a-w; [ "$1" = off ] && mode=u+w
		chmod "$mode" "$HOME"
	fi
}
trap 'ro_home off; stop_servers' EXIT
if ro_home on && ! mkdir "$HOME/probe" 2>/dev/null; then
	run --dump=text "$U/article"
	expect_rc 0
	expect_out 'harbour committee'
	expect_err "^folio: $HOME/.local/share/folio: .*; carrying on without history$"
	run --subscribe "$R/f.rss"
	expect_rc 3
	expect_err "^folio: $R/f.rss: $HOME/.config/folio/feeds: " 2
else
	echo "unwritable HOME: skipped (cannot make a directory read-only here)"
fi
ro_home off
trap stop_servers EXIT
exit 0
