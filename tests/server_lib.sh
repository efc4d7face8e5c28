# server_lib.sh - sourced by tests/sh/test_fetch*.sh and bench/fetch_bench.sh.
# start_server [--tls CERT KEY]: runs tests/server.py on 127.0.0.1 (a free
# port chosen by the kernel), sets PORT; every server is stopped and $TMP
# removed when the script exits.  serve_www: a fresh directory $W served
# at $R (start_server --root).  Helpers run folio and check outcomes.

TESTS_DIR=$(cd "$(dirname "$0")/.." && pwd)
[ -f "$TESTS_DIR/server.py" ] || TESTS_DIR=$(cd "$(dirname "$0")/../tests" && pwd)
TMP=$(mktemp -d)
SERVER_PIDS=""

stop_servers() {
	for pid in $SERVER_PIDS; do
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	done
	SERVER_PIDS=""
	rm -rf "$TMP"
}
trap stop_servers EXIT
trap 'exit 1' INT TERM HUP

# folio's settings, history and cache live in private directories here.
mkdir -p "$TMP/home"
export HOME="$TMP/home" XDG_DATA_HOME="$TMP/data" XDG_CONFIG_HOME="$TMP/config" \
	XDG_CACHE_HOME="$TMP/cache"

# Nothing may leave the machine: no proxy from the environment.
unset http_proxy https_proxy HTTPS_PROXY all_proxy ALL_PROXY
export no_proxy='*' NO_PROXY='*'

serve_www() {
	W=$TMP/www
	mkdir -p "$W"
	start_server --root "$W"
	R=http://127.0.0.1:$PORT/root
}

# wait_for_file FILE: until FILE has something in it (20 s at most).
wait_for_file() {
	i=0
	while [ ! -s "$1" ] && [ $i -lt 400 ]; do
		sleep 0.05
		i=$((i + 1))
	done
}

start_server() {
	portfile=$TMP/port.$$.$(date +%s%N)
	python3 "$TESTS_DIR/server.py" "$@" >"$portfile" 2>"$TMP/server.err" &
	SERVER_PIDS="$SERVER_PIDS $!"
	wait_for_file "$portfile"
	PORT=$(head -n 1 "$portfile")
	case $PORT in
	''|*[!0-9]*) echo "test server did not start:" >&2
		cat "$TMP/server.err" >&2
		exit 1 ;;
	esac
}

# hold_db_lock DB: another process takes the database's write lock (a
# sqlite3 shell's BEGIN EXCLUSIVE) and keeps it until killed; returns
# once it holds it, LOCKER its pid (killed at exit like the servers).
hold_db_lock() {
	lockfile=$TMP/locked.$$.$(date +%s%N)
	python3 - "$1" "$lockfile" <<'PY' &
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
db.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").write("locked\n")
time.sleep(300)
PY
	LOCKER=$!
	SERVER_PIDS="$SERVER_PIDS $LOCKER"
	wait_for_file "$lockfile"
	[ -s "$lockfile" ] || { echo "the lock holder did not start" >&2; exit 1; }
}

# story_page FILE TITLE: an ordinary article page (a story link's target).
story_page() {
	{
		printf '<html><head><title>%s</title></head><body><article><h1>%s</h1>\n' "$2" "$2"
		for i in 1 2 3 4; do
			printf '<p>%s paragraph %d: the harbour committee met again on a wet evening and heard the engineers explain at length why the old pier should be rebuilt.</p>\n' "$2" "$i"
		done
		printf '</article></body></html>\n'
	} >"$1"
}

fail() {
	echo "FAIL: $*" >&2
	[ -f "$TMP/out" ] && { echo "--- stdout:" >&2; head -c 2000 "$TMP/out" >&2; }
	[ -f "$TMP/err" ] && { echo "--- stderr:" >&2; cat "$TMP/err" >&2; }
	exit 1
}

# run ARGS...: folio's stdout in $TMP/out, stderr in $TMP/err, status in $rc.
run() {
	"$FOLIO" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	LAST="folio $*"
}

# json_check FILE PYTHON: fails unless PYTHON holds with d = the JSON
# object in FILE.
json_check() {
	python3 - "$1" "$2" <<'PY' || fail "$LAST: $2"
import json, sys
d = json.load(open(sys.argv[1]))
ok = eval(sys.argv[2])
sys.exit(0 if ok else 1)
PY
}

expect_rc() {
	[ "$rc" -eq "$1" ] || fail "$LAST: exit $rc, wanted $1"
}

expect_err() {
	grep -q -- "$1" "$TMP/err" || fail "$LAST: stderr lacks '$1'"
	[ "$(wc -l <"$TMP/err")" -le "${2:-1}" ] || fail "$LAST: more than ${2:-1} error line(s)"
}

expect_out() {
	grep -q -- "$1" "$TMP/out" || fail "$LAST: stdout lacks '$1'"
}

expect_no_out() {
	! grep -q -- "$1" "$TMP/out" || fail "$LAST: stdout has '$1'"
}

# expect_web_only: only http and https are fetched, for the first URL
# and for every redirect (a redirect to file:// is refused, an ftp:// URL
# too), with nothing on stdout.  Needs a server started (PORT).
expect_web_only() {
	run --dump=text "http://127.0.0.1:$PORT/to-file"
	expect_rc 2
	expect_err "http://127.0.0.1:$PORT/to-file: redirect to an unsupported scheme.*file:///etc/passwd"
	[ -s "$TMP/out" ] && fail "redirect to file:// printed something"
	run --dump=text "ftp://127.0.0.1:$PORT/x"
	expect_rc 2
	expect_err "unsupported scheme"
}
