#!/usr/bin/env python3
"""make bench's scaling table (issue 19): for each pathological shape,
folio's whole-process CPU time at n, 2n, 4n and 8n, the growth per
doubling, and folio against a bare libxml2 parse of the same bytes at 8n
(time and peak memory).  Pages come from tests/tools/genpage.c.

libxml2 stops at a page's first NUL, so the floor for NUL runs is the
parse of the same bytes without them (bareparse --no-nul).

Targets: growth per doubling <= 2.3x (linear, or n log n, with noise);
time <= 3x the bare parse; peak RSS <= 1.5x the bare parse's + 4 MiB.
The growth is the geometric mean over the last two doublings
((t(8n) / t(2n)) ** 0.5): at n the process start-up still weighs.

usage: scale.py GENPAGE FOLIO BAREPARSE [SHAPE...]
  (BENCH_SCALE_REPS: runs per size, fastest kept, default 3;
   BENCH_SUMMARY: "scale.SHAPE.KEY VALUE" lines appended there)
"""
import os
import subprocess
import sys
import tempfile

# shape: (genpage kind, n, bare-parse mode, what)
SHAPES = {
    "flat": ("flat-50mb", 1500000, "--huge", "N bytes of paragraphs"),
    "deep-closed": ("deep-100k", 12500, "--huge", "a paragraph N divs deep"),
    "deep-unclosed": ("deep-unclosed", 12500, "--huge", "N unclosed <b>"),
    "many-links": ("links-one-para", 12500, "--huge", "N links in one paragraph"),
    "huge-title": ("title-1mb", 524288, "--huge", "title, og:title, h1 of N bytes"),
    "invalid-utf8": ("invalid-utf8", 10000, "--huge", "N paragraphs, bad bytes after each word"),
    "nul-runs": ("nul-sparse", 10000, "--no-nul", "N paragraphs, NULs every ~50 bytes"),
    "short-lines": ("short-lines", 12500, "--huge", "a short article, then N short lines"),
    "stray-end-tags": ("stray-end-tags", 4000, "--huge", "N open divs, then N stray </p>"),
    "nested-headings": ("nested-headings", 5000, "--huge", "N unclosed <h1><h2> pairs"),
    "feed-items": ("feed-items", 5000, "--xml", "an RSS feed of N items"),
}
GROWTH_MAX, RATIO_MAX, MEM_FACTOR, MEM_EXTRA_KB = 2.3, 3.0, 1.5, 4096


def run(argv):
    """CPU seconds (user + sys) and peak RSS (KiB) of one process."""
    with open(os.devnull, "wb") as null:
        p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=null,
                             stderr=null)
        _, status, ru = os.wait4(p.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 4):      # 4: no article (a deep page may have none)
        raise RuntimeError("%s: exit %d" % (" ".join(argv), code))
    return ru.ru_utime + ru.ru_stime, ru.ru_maxrss


def best(argv, reps):
    runs = [run(argv) for _ in range(reps)]
    return min(t for t, _ in runs), min(m for _, m in runs)


def measure(shape, genpage, folio, bare, reps, tmp):
    kind, n, mode, _ = SHAPES[shape]
    times, size = [], 0
    page = os.path.join(tmp, shape + ".page")
    for k in (1, 2, 4, 8):
        subprocess.run([genpage, kind, page, str(n * k)], check=True,
                       stdout=subprocess.DEVNULL)
        size = os.path.getsize(page)
        t, rss = best([folio, "--dump=json", "--max-size", "1G", page], reps)
        times.append(t)
    bt, brss = best([bare, mode, page], reps)
    os.unlink(page)
    growth = (times[3] / times[1]) ** 0.5 if times[1] > 0 else 0.0
    ratio = times[3] / bt if bt > 0 else float("inf")
    mem_ok = rss <= MEM_FACTOR * brss + MEM_EXTRA_KB
    return dict(n=n, size=size, times=times, growth=growth, bare=bt,
                ratio=ratio, rss=rss, bare_rss=brss, mem_ok=mem_ok,
                ok=growth <= GROWTH_MAX and ratio <= RATIO_MAX and mem_ok)


def summary(key, value):
    path = os.environ.get("BENCH_SUMMARY")
    if path:
        with open(path, "a") as f:
            f.write("%s %s\n" % (key, value))


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    genpage, folio, bare = sys.argv[1:4]
    shapes = sys.argv[4:] or list(SHAPES)
    reps = int(os.environ.get("BENCH_SCALE_REPS", "3"))
    print("\nScaling of the pathological shapes (CPU time, fastest of %d; "
          "8n against a bare parse):\n" % reps)
    print("| shape | n | 8n bytes | t(n) | t(2n) | t(4n) | t(8n) | growth/doubling "
          "| bare t(8n) | ratio | RSS | bare RSS | within targets |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    met = 0
    with tempfile.TemporaryDirectory() as tmp:
        for s in shapes:
            r = measure(s, genpage, folio, bare, reps, tmp)
            met += r["ok"]
            verdict = "yes" if r["ok"] else "NO (%s)" % ", ".join(
                w for w, bad in (("growth", r["growth"] > GROWTH_MAX),
                                 ("time", r["ratio"] > RATIO_MAX),
                                 ("memory", not r["mem_ok"])) if bad)
            print("| %s | %d | %.1f MB | %s | %.2fx | %.2f s | %.2fx | %.0f MiB | %.0f MiB | %s |" % (
                s, r["n"], r["size"] / 1e6,
                " | ".join("%.3f s" % t for t in r["times"]),
                r["growth"], r["bare"], r["ratio"], r["rss"] / 1024,
                r["bare_rss"] / 1024, verdict))
            summary("scale.%s.growth" % s, "%.2f" % r["growth"])
            summary("scale.%s.ratio" % s, "%.2f" % r["ratio"])
            summary("scale.%s.rss_ratio" % s, "%.2f" % (r["rss"] / max(r["bare_rss"], 1)))
    print("\nTargets: growth <= %.1fx per doubling, time <= %.0fx and peak RSS <= "
          "%.1fx + %d MiB of a bare parse at 8n; %d of %d shapes within them." % (
              GROWTH_MAX, RATIO_MAX, MEM_FACTOR, MEM_EXTRA_KB // 1024, met, len(shapes)))
    summary("scale.met", "%d/%d" % (met, len(shapes)))


if __name__ == "__main__":
    main()
