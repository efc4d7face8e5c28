#!/bin/sh
# make bench: timings against a bare libxml2 parse.  One step per block,
# each printing its own detailed figures; every step's headline figures
# also go, as "KEY VALUE" lines, to $BENCH_SUMMARY (bench_summary() in
# bench/bench_util.h), which bench/summary.awk turns into the one table
# printed at the end.  Add new benches as new steps before that.
# usage: bench/run.sh BUILD_DIR    (BENCH_REPS=N: runs per page, default 9)
set -eu
build=${1:?usage: bench/run.sh BUILD_DIR}
cd "$(dirname "$0")/.."
BENCH_SUMMARY=$(cd "$build" && pwd)/bench/summary.txt
export BENCH_SUMMARY
: >"$BENCH_SUMMARY"

# Pages: the shared corpus beside the checkout, else our own samples.
corpus=../shared/corpus/readability-dev
if [ -d "$corpus" ]; then
	pages=$(ls "$corpus"/*/source.html)
	echo "bench: $(echo "$pages" | wc -l) pages from $corpus"
else
	pages=$(ls data/*.html)
	echo "bench: $corpus not found; using the $(echo "$pages" | wc -l) sample pages in data/ (figures are not comparable)"
	corpus=data
fi
echo "corpus $corpus" >>"$BENCH_SUMMARY"
echo "corpus.pages $(echo "$pages" | wc -l)" >>"$BENCH_SUMMARY"

# Step 1: extract_article() vs htmlReadMemory in one process.
"$build/bench/extract_bench" $pages

# Step 2: whole process, ./folio vs a bare-parse program.  The bare
# program is linked again against libxml2 alone: the Makefile's bench
# rule links every library folio uses, whose start-up would inflate the
# floor.
lean="$build/bench/bareparse.lean"
${CC:-cc} -O2 -Ibench $(pkg-config --cflags libxml-2.0) -o "$lean" bench/bareparse.c $(pkg-config --libs libxml-2.0)
"$build/bench/proc_bench" ./folio "$lean" $pages

# Step 3: the fetcher's own cost: the same pages fetched from tests/server.py.
sh bench/fetch_bench.sh "$build" $pages

# Step: layout time and first frame of the largest page and of the
# longest article; per-key frame time, 5 KB vs 5 MB generated article.
"$build/bench/layout_bench" $pages

# Step: the store (SQLite): open, history, resume lookup, cache put/get.
"$build/bench/store_bench"

# Step: the lead picture (issue 18): decode + render of a 1600x900 JPEG
# with a photograph's texture (tests/tools/genimage, built by make bench).
pic=$(mktemp)
"$build/tools/genimage" photo 1600 900 "$pic"
"$build/bench/image_bench" "$pic"
rm -f "$pic"

# Step: the pathological pages of issue 6 (tests/tools/genpage.c, built
# by make bench; generated, not committed), whole process, one run each
# (BENCH_PATHO_REPS to change).
patho=$(mktemp -d)
trap 'rm -rf "$patho"' EXIT
files=
for kind in flat-50mb deep-100k word-1mb links-100k links-one-para attr-10mb \
	entities invalid-utf8 nul-sparse nul-dense title-1mb; do
	"$build/tools/genpage" $kind "$patho/$kind.html" >/dev/null
	files="$files $patho/$kind.html"
done
echo
echo "Pathological pages, whole process:"
BENCH_REPS=${BENCH_PATHO_REPS:-1} "$build/bench/proc_bench" --per-page ./folio "$lean" $files
rm -rf "$patho"

# Step: the scaling table (issue 19): each pathological shape at n, 2n,
# 4n and 8n, growth per doubling, and against a bare parse at 8n
# (bench/scale.py; BENCH_SCALE_REPS runs per size, default 3).
python3 bench/scale.py "$build/tools/genpage" ./folio "$lean"

# The one table: every step's headline figures from this run.
awk -f bench/summary.awk "$BENCH_SUMMARY"
echo "(the figures behind it: $BENCH_SUMMARY)"
