#!/bin/sh
# A page read while another process holds the database's write lock
# (issue 19): the page is shown (exit 0) and one line on stderr says it
# was not cached, and why.  folio waits for the lock as README says
# (STORE_BUSY_TIMEOUT_MS, 5 s) once, not once per write it wanted to
# make; the guard below only catches a wait without end.
. "$(dirname "$0")/../server_lib.sh"
start_server
U=http://127.0.0.1:$PORT
unset FOLIO_NO_STORE
DB=$XDG_DATA_HOME/folio/folio.db

run --dump=json "$U/article"          # makes the database
expect_rc 0
[ -s "$TMP/err" ] && fail "$LAST: unexpected stderr: $(cat "$TMP/err")"

hold_db_lock "$DB"
start=$(date +%s)
run --dump=json "$U/article?busy=1"
waited=$(($(date +%s) - start))
expect_rc 0
expect_out '"kind":"article"'
expect_out 'The harbour committee met'
[ "$(cat "$TMP/err")" = "folio: $U/article?busy=1: not cached: database is locked" ] ||
	fail "$LAST: stderr is not the one warning: $(cat "$TMP/err")"
[ "$waited" -lt 60 ] || fail "$LAST: waited $waited s for the lock"

# The same as text: the warning does not depend on the form.
run --dump=text "$U/article?busy=2"
expect_rc 0
expect_out 'The harbour committee met'
expect_err "^folio: $U/article?busy=2: not cached: database is locked\$"
kill "$LOCKER"
wait "$LOCKER" 2>/dev/null

# The lock gone, the next page is cached without a word.
run --dump=json "$U/article?busy=3"
expect_rc 0
[ -s "$TMP/err" ] && fail "$LAST: unexpected stderr: $(cat "$TMP/err")"
python3 - "$DB" "$U/article?busy=3" "$U/article?busy=1" <<'PY' || fail "the cache is not as it should be"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
n = lambda url: db.execute("SELECT count(*) FROM cache WHERE url = ?", (url,)).fetchone()[0]
assert n(sys.argv[2]) == 1, "the page after the lock was not cached"
assert n(sys.argv[3]) == 0, "the page said not cached is in the cache"
PY
exit 0
