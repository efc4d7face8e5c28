#!/bin/sh
# make eval: score ./folio against ../shared/corpus/readability-dev with
# the extraction-quality targets (issue 5; they replaced the foundation's
# lower floors once met).  Skips (exit 0) when ../shared is absent,
# as on a user's machine; CI clones the repo next to a copy of shared/.
# Extra arguments go to score.py (e.g. --worst 20, --only REGEX).
set -eu
cd "$(dirname "$0")/.."
scorer=../shared/eval/score.py
corpus=../shared/corpus/readability-dev
if [ ! -f "$scorer" ] || [ ! -d "$corpus" ]; then
	echo "eval: skipped: $scorer or $corpus not found (they sit beside the checkout in CI)"
	exit 0
fi
if [ ! -x ./folio ]; then
	echo "eval: ./folio is not built (run make first)" >&2
	exit 1
fi
exec python3 "$scorer" --corpus "$corpus" \
	--cmd './folio --dump=json --url {url} {html}' \
	--min-f1 0.97 --min-title 0.97 --min-byline 0.92 \
	--min-credit 0.9 --min-caption 0.85 --min-credit-found 0.8 \
	--min-caption-found 0.5 --max-failures 0 --max-violations 0 "$@"
