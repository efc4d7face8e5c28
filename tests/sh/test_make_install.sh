#!/bin/sh
# The Makefile as packagers use it: CPPFLAGS reaches the compiler, and
# `make install` then `make uninstall` with the same DESTDIR and PREFIX
# leave no file behind.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# A make of its own: not the SAN=1 or VALGRIND=1 of a make check around it.
mk() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$root" SAN=0 VALGRIND=0 "$@"; }

# -n -B: what make would run for one object, rebuilt or not.
mk -n -B CPPFLAGS=-DFOLIO_PACKAGER_FLAG build/rel/article.o >"$tmp/cmd" ||
	fail "make -n failed"
grep -q -- '-DFOLIO_PACKAGER_FLAG' "$tmp/cmd" || fail "CPPFLAGS is not passed to the compiler: $(cat "$tmp/cmd")"

mk -n -B LDFLAGS=-Wl,--as-needed build/rel/folio >"$tmp/cmd" || fail "make -n failed"
grep -q -- '-Wl,--as-needed' "$tmp/cmd" || fail "LDFLAGS is not passed to the linker"

# Header dependencies: each object's .d names the headers it includes
# (whichever build, plain or SAN=1, made this check's binaries).
cat "$root"/build/*/article.d 2>/dev/null | grep -q 'include/folio/article.h' ||
	fail "no header dependencies recorded (build/*/article.d)"

mk install DESTDIR="$tmp/root" PREFIX=/usr >"$tmp/log" 2>&1 || fail "install: $(cat "$tmp/log")"
[ -x "$tmp/root/usr/bin/folio" ] || fail "install put no binary in DESTDIR/PREFIX/bin"
[ -f "$tmp/root/usr/share/man/man1/folio.1" ] || fail "install put no man page"
mk uninstall DESTDIR="$tmp/root" PREFIX=/usr >"$tmp/log" 2>&1 || fail "uninstall: $(cat "$tmp/log")"
left=$(find "$tmp/root" -type f)
[ -z "$left" ] || fail "uninstall left: $left"
echo "ok"
