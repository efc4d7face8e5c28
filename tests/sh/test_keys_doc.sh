#!/bin/sh
# The man page's and README's key lists are the key table's (ui-keys.h,
# which also makes the keymap and the help screen): every key and action
# of the pager, nothing else.  After changing the table, put the output of
#   build/rel/tools/keysdoc man        between the keys markers of doc/folio.1
#   build/rel/tools/keysdoc markdown   between those of README.md
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
tool=${FOLIO_BUILD:?FOLIO_BUILD must name the build directory}/tools/keysdoc
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# between FILE BEGIN END: the lines strictly between the two markers.
between() {
	B=$2 E=$3 awk 'index($0, ENVIRON["E"]) == 1 { on = 0 } on { print }
		index($0, ENVIRON["B"]) == 1 { on = 1 }' "$1"
}

check() {   # NAME FILE FORMAT BEGIN END
	"$tool" "$3" >"$tmp/want" || { echo "FAIL: keysdoc $3"; exit 1; }
	between "$2" "$4" "$5" >"$tmp/got"
	[ -s "$tmp/got" ] || { echo "FAIL: no keys markers in $1"; exit 1; }
	cmp -s "$tmp/want" "$tmp/got" || {
		echo "FAIL: the key list of $1 is not the key table's:"
		diff -u "$tmp/got" "$tmp/want"
		exit 1
	}
}
check doc/folio.1 "$top/doc/folio.1" man '.\" keys begin' '.\" keys end'
check README.md "$top/README.md" markdown '<!-- keys begin' '<!-- keys end'

# And every key the pager knows is in them: each default key name and
# each action name appears in both (the table is not empty or cut).
"$tool" man | grep -c '^\.TP' >"$tmp/n"
[ "$(cat "$tmp/n")" -ge 40 ] || { echo "FAIL: only $(cat "$tmp/n") actions"; exit 1; }
for name in down up open close back quit next-unread prev-unread toggle-read all-read \
	go browser show-url copy-url pipe history saved unsave undo cancel help; do
	roff=$(printf '%s' "$name" | sed 's/-/\\-/g')      # next\-unread
	grep -qF "(\\fB$roff\\fR)" "$top/doc/folio.1" || { echo "FAIL: man page lacks $name"; exit 1; }
	grep -q "| \`$name\` |" "$top/README.md" || { echo "FAIL: README lacks $name"; exit 1; }
done
exit 0
