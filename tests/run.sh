#!/bin/sh
# Runs every unit-test binary and shell test; prints one line per test and
# a closing "N passed, N failed" line.  Exit 1 when any failed.
# usage: run.sh BUILD_DIR UNIT_BIN... -- SHELL_TEST...
build=$1; shift
FOLIO=${FOLIO:-$build/folio}
FOLIO=$(cd "$(dirname "$FOLIO")" && pwd)/$(basename "$FOLIO")
FOLIO_BUILD=$(cd "$build" && pwd)
export FOLIO FOLIO_BUILD
pass=0 fail=0 failed=""
log=$(mktemp); trap 'rm -f "$log"' EXIT
run_one() {
	name=$1; shift
	start=$(date +%s)
	if "$@" >"$log" 2>&1; then
		pass=$((pass + 1)); echo "ok   $name ($(($(date +%s) - start)) s)"
	else
		fail=$((fail + 1)); failed="$failed $name"; echo "FAIL $name ($(($(date +%s) - start)) s)"
		sed 's/^/     | /' "$log" | tail -n 40
	fi
}
# FOLIO_UNIT_WRAP (make check VALGRIND=1): a program to run each unit binary under.
while [ $# -gt 0 ] && [ "$1" != "--" ]; do run_one "$(basename "$1")" ${FOLIO_UNIT_WRAP:+"$FOLIO_UNIT_WRAP"} "$1"; shift; done
[ "${1:-}" = "--" ] && shift
for t in "$@"; do run_one "$(basename "$t")" sh "$t"; done
[ -n "$failed" ] && echo "failed:$failed"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
