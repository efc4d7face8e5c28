#!/bin/sh
# make bench step: fetch + extract from tests/server.py on loopback vs
# extract from the file, so the fetcher's own cost shows.
# usage: bench/fetch_bench.sh BUILD_DIR PAGE.html...
build=${1:?usage: bench/fetch_bench.sh BUILD_DIR PAGE...}
shift
. "$(dirname "$0")/../tests/server_lib.sh"
# The deepest directory holding every page is what the server serves.
root=$(cd "$(dirname "$1")" && pwd)
for page in "$@"; do
	dir=$(cd "$(dirname "$page")" && pwd)
	while [ "${dir#"$root"/}" = "$dir" ] && [ "$dir" != "$root" ]; do
		root=$(dirname "$root")
	done
done
abs=""
for page in "$@"; do
	abs="$abs $(cd "$(dirname "$page")" && pwd)/$(basename "$page")"
done
start_server --root "$root"
# The page cache (SQLite, fsync) is not the fetcher's cost: leave it out
# of both the FILE and the URL runs.
export FOLIO_NO_STORE=1
# shellcheck disable=SC2086 # page paths have no spaces (corpus and data/)
"$build/bench/fetch_bench" ./folio "http://127.0.0.1:$PORT/root/" "$root" $abs
