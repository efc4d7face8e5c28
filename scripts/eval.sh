#!/bin/sh
# make eval: score ./folio on the two shared corpora and fail below the
# floors (issue 5's targets on readability-dev; issue 15's on
# trafilatura-dev, raised as extraction improves):
#   readability-dev  score.py (body F1 by 4-gram shingles, title, byline,
#                    lead-image caption and credit)
#   trafilatura-dev  score-snippets.py (must-have / must-not-have snippets)
# Skips (exit 0) when the shared folder is absent, as on a user's machine;
# CI clones the repo next to a copy of shared/.  FOLIO_SHARED names it
# when it is not ../shared (a git worktree elsewhere).
# Extra arguments go to score.py (e.g. --worst 20, --only REGEX).
set -eu
cd "$(dirname "$0")/.."
shared=${FOLIO_SHARED:-../shared}
scorer=$shared/eval/score.py
snippets=$shared/eval/score-snippets.py
corpus=$shared/corpus/readability-dev
tcorpus=$shared/corpus/trafilatura-dev
if [ ! -f "$scorer" ] || [ ! -d "$corpus" ]; then
	echo "eval: skipped: $scorer or $corpus not found (they sit beside the checkout in CI)"
	exit 0
fi
if [ ! -x ./folio ]; then
	echo "eval: ./folio is not built (run make first)" >&2
	exit 1
fi
status=0
min_author=0.815       # trafilatura-dev author found (issue 15 target 0.85)
python3 "$scorer" --corpus "$corpus" \
	--cmd './folio --dump=json --url {url} {html}' \
	--min-f1 0.983 --min-title 0.975 --min-byline 0.95 \
	--min-credit 0.98 --min-caption 0.97 --min-credit-found 0.95 \
	--min-caption-found 0.94 --max-failures 0 --max-violations 0 "$@" || status=1
if [ -f "$snippets" ] && [ -d "$tcorpus" ]; then
	echo
	echo "trafilatura-dev:"
	saved=$(mktemp)
	python3 "$snippets" --corpus "$tcorpus" --jobs 2 --label folio --save "$saved" \
		--cmd './folio --dump=json --url {url} {html}' --min-f1 0.951 || status=1
	# author found (at least one gold name right) over the labelled
	# pages: score-snippets.py prints it but has no floor of its own
	python3 - "$saved" "$min_author" <<'PY' || status=1
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
gold = [r for r in rows if r.get("author_gold")]
found = sum(1 for r in gold if r.get("author_found"))
rate = found / len(gold) if gold else 1.0
floor = float(sys.argv[2])
print("author found %.3f (floor %.3f)%s" % (rate, floor, "" if rate >= floor else "  BELOW FLOOR"))
sys.exit(0 if rate >= floor else 1)
PY
	rm -f "$saved"
else
	echo "eval: trafilatura-dev skipped: $snippets or $tcorpus not found"
fi
exit $status
