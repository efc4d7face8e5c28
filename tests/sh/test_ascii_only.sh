#!/bin/sh
# Page data, markup, protocols and headers are compared ASCII-only
# (include/folio/util-ascii.h): the pager calls setlocale(LC_ALL, ""), and
# under e.g. tr_TR.UTF-8 <ctype.h> and strcasecmp() no longer fold 'I'.
# Fails when src/ calls one of the locale-dependent functions again.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
calls='(strn?casecmp|strcasestr|to(lower|upper)|is(alpha|alnum|digit|xdigit|space|upper|lower|punct|print|graph|cntrl|blank))[[:space:]]*\('
found=$(grep -nE "(^|[^A-Za-z0-9_])$calls" "$root"/src/*.c "$root"/include/folio/*.h |
	grep -v 'include/folio/util-ascii.h')
if [ -n "$found" ]; then
	echo "FAIL: locale-dependent calls (use the ascii_* helpers of folio/util-ascii.h):"
	echo "$found"
	exit 1
fi
echo "ok: no locale-dependent character calls in src/"
