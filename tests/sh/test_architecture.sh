#!/bin/sh
# The map matches the house: doc/architecture.md names every src/*.c and
# every header-only include/folio/*.h, and every src/X.c but main.c has
# its include/folio/X.h.  Needs no build.
set -u
cd "$(dirname "$0")/../.."
map=doc/architecture.md
bad=0
fail() {
	echo "FAIL: $*" >&2
	bad=1
}
[ -f "$map" ] || { echo "FAIL: $map is missing" >&2; exit 1; }
for c in src/*.c; do
	x=$(basename "$c" .c)
	grep -qF "\`$c\`" "$map" || fail "$map does not name $c"
	[ "$x" = main ] || [ -f "include/folio/$x.h" ] || fail "$c has no include/folio/$x.h"
done
for h in include/folio/*.h; do
	x=$(basename "$h" .h)
	[ -f "src/$x.c" ] && continue
	grep -qF "\`$h\`" "$map" || fail "$map does not name $h (a header without a .c)"
done
exit $bad
