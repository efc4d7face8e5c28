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
# Tests never touch the user's history, cache or settings: a private
# HOME and XDG directories for the whole run.
sandbox=$(mktemp -d)
log=$sandbox/log
trap 'rm -rf "$sandbox"' EXIT
mkdir -p "$sandbox/home" "$sandbox/data" "$sandbox/config"
HOME=$sandbox/home XDG_DATA_HOME=$sandbox/data XDG_CONFIG_HOME=$sandbox/config
export HOME XDG_DATA_HOME XDG_CONFIG_HOME
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
# The pager tests run twice: in C.UTF-8 and in Turkish, whose dotless i
# breaks any case folding that follows the locale (the screens must match).
for t in "$@"; do
	run_one "$(basename "$t")" sh "$t"
	case $t in
	*/test_ui_*) run_one "$(basename "$t") [tr_TR]" env UI_LOCALE=tr_TR.UTF-8 sh "$t" ;;
	esac
done
[ -n "$failed" ] && echo "failed:$failed"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
