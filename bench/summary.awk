# summary.awk - make bench's closing table: the headline figures of
# every step, read from the "KEY VALUE" lines the bench programs wrote to
# $BENCH_SUMMARY in this run (bench_summary() in bench_util.h), set
# against the targets of issue 6.  A step that wrote nothing leaves its
# rows out.
# usage: awk -f bench/summary.awk SUMMARY_FILE

# Markdown table cells and figures.
function row(measure, folio, bare, ratio, target, met) {
	printf "| %s | %s | %s | %s | %s | %s |\n", measure, folio, bare, ratio,
		target == "" ? "-" : target, met == "" ? "-" : met
}
function has(k) { return k in v }
function ms(x) { return sprintf("%.2f ms", x) }
function mib(x) { return sprintf("%.1f MiB", x) }
function div(a, b) { return b > 0 ? sprintf("%.2f", a / b) : "-" }
function met(x, limit) { return x + 0 <= limit + 0 ? "yes" : "no" }
function size(bytes) {
	return bytes + 0 >= 1e6 ? sprintf("%.1f MB", bytes / 1e6) : sprintf("%.0f KB", bytes / 1e3)
}
# Folio and bare-parse cells of KEY's median or p90 (ms), their ratio,
# and the verdict when a limit is given.
function pair(measure, fkey, bkey, q, limit,    f, b) {
	if (!has(fkey "." q) || !has(bkey "." q))
		return
	f = v[fkey "." q]; b = v[bkey "." q]
	row(measure, ms(f), ms(b), div(f, b), limit == "" ? "" : "<= " limit,
	    limit == "" ? "" : met(f / b, limit))
}
# A page's layout and first frame (layout_bench), KEY page or longest.
function page(key, what) {
	if (!has(key ".layout"))
		return
	row("layout at 80 columns, " what " " v[key ".name"] " (" size(v[key ".bytes"]) ", " \
	    v[key ".lines"] " lines)", ms(v[key ".layout"]), "-", "-")
	row("first frame, " what, ms(v[key ".first_frame"]), "-", "-")
}

{
	k = $1
	sub(/^[^ ]+ /, "")
	if (k == "patho")
		patho[npatho++] = $0
	else
		v[k] = $0
}

END {
	print ""
	printf "## Summary: make bench"
	if (has("corpus"))
		printf ", %s pages of %s", v["corpus.pages"], v["corpus"]
	if (has("extract.reps"))
		printf ", fastest of %s runs each", v["extract.reps"]
	printf "\n\n"
	print "| measure | folio | bare parse | ratio | target | met? |"
	print "|---|---:|---:|---:|---|---|"

	# The targets are read on each page's own ratio (the same bytes in
	# the same run); the medians of the two columns come from different
	# pages, so their ratio jumps with the pages that sit at the middle.
	n = v["extract.pages"]
	if (has("extract.ratio.median")) {
		row("extraction in-process, extract_article / bare parse of the same page, median of " n " pages",
		    "-", "-", sprintf("%.2f", v["extract.ratio.median"]), "<= 1.3",
		    met(v["extract.ratio.median"], 1.3))
		row("extraction in-process, the same per-page ratio, p90", "-", "-",
		    sprintf("%.2f", v["extract.ratio.p90"]), "<= 2", met(v["extract.ratio.p90"], 2))
	}
	pair("extraction in-process (extract_article vs htmlReadMemory + xmlFreeDoc), median time",
	     "extract.folio", "extract.bare", "median")
	pair("extraction in-process, p90 time", "extract.folio", "extract.bare", "p90")

	pair("whole process wall (folio --dump=json FILE vs bareparse FILE), median",
	     "proc.folio.wall", "proc.bare.wall", "median", 2.2)
	pair("whole process wall, p90", "proc.folio.wall", "proc.bare.wall", "p90")
	if (has("proc.ratio.median"))
		row("whole process wall, per-page ratio: median, p90", "-", "-",
		    sprintf("%.2f, %.2f", v["proc.ratio.median"], v["proc.ratio.p90"]))
	pair("whole process CPU (user + system), median", "proc.folio.cpu", "proc.bare.cpu", "median")
	if (has("startup.folio.wall"))
		row("start-up alone (folio --version vs bareparse without a file), wall",
		    ms(v["startup.folio.wall"]), ms(v["startup.bare.wall"]),
		    div(v["startup.folio.wall"], v["startup.bare.wall"]))
	if (has("proc.folio.rss.median")) {
		f = v["proc.folio.rss.median"]; b = v["proc.bare.rss.median"]
		limit = 1.5 * b + 4
		row("peak RSS, median", mib(f), mib(b), div(f, b),
		    sprintf("<= 1.5 x %.1f + 4 = %.1f MiB", b, limit), met(f, limit))
		row("peak RSS, p90", mib(v["proc.folio.rss.p90"]), mib(v["proc.bare.rss.p90"]),
		    div(v["proc.folio.rss.p90"], v["proc.bare.rss.p90"]))
		row("pages whose peak RSS is over 1.5 x their bare parse's + 4 MiB",
		    v["proc.rss.over"] " of " v["proc.pages"], "-", "-")
	}
	if (has("proc.failed") && v["proc.failed"] + 0 > 0)
		row("pages where folio exited non-zero", v["proc.failed"], "-", "-")

	if (has("fetch.extra.median")) {
		row("fetcher's extra cost per page (folio --dump=json URL - FILE, loopback), median",
		    ms(v["fetch.extra.median"]), "-", "-")
		row("fetcher's extra cost per page, p90", ms(v["fetch.extra.p90"]), "-", "-")
		row("fetching all " v["fetch.pages"] " pages, each answered 20 ms late: fetch_many (8 at once), fetch_url one after another",
		    sprintf("%.0f ms, %.0f ms", v["fetch.batch.many"], v["fetch.batch.serial"]), "-", "-")
	}

	page("page", "largest page")
	page("longest", "longest article")
	if (has("gen.5m.layout")) {
		row("layout at 80 columns, generated 5 MB article", ms(v["gen.5m.layout"]), "-", "-")
		row("key press j + redraw, median: generated 5 KB article, 5 MB article",
		    sprintf("%.0f us, %.0f us", v["gen.5k.key_j_us"], v["gen.5m.key_j_us"]), "-", "-")
	}
	if (has("store.open.median"))
		row("store open + close, median", ms(v["store.open.median"]), "-", "-")
	if (has("image.decode_full")) {
		row("lead picture 1600x900 JPEG: decode full size; for the pager (1/2 scale)",
		    ms(v["image.decode_full"]) "; " ms(v["image.decode_pager"]), "-", "-")
		row("lead picture: render 80x16 as symbols; as sixels",
		    ms(v["image.render_symbols"]) "; " ms(v["image.render_sixel"]), "-", "-")
		row("lead picture: peak RSS growth (decodes + renders)",
		    mib(v["image.rss_growth_mib"]), "-", "-")
	}

	for (i = 0; i < npatho; i++) {
		split(patho[i], p, " ")   # NAME BYTES FOLIO_MS BARE_MS FOLIO_MIB BARE_MIB EXIT
		row("pathological page " p[1] " (" size(p[2]) "): wall; peak RSS",
		    sprintf("%.0f ms; %s%s", p[3], mib(p[5]), p[7] + 0 != 0 ? "; exit " p[7] : ""),
		    sprintf("%.0f ms; %s", p[4], mib(p[6])),
		    sprintf("%s; %s", div(p[3], p[4]), div(p[5], p[6])))
	}

	if (has("scale.met"))
		row("scaling table (issue 19): shapes within all three targets",
		    v["scale.met"], "-", "-", "growth <= 2.3x/doubling, <= 3x time, <= 1.5x + 4 MiB RSS",
		    split(v["scale.met"], sm, "/") && sm[1] == sm[2] ? "yes" : "no")

	print ""
	print "ratio: folio / bare parse (at the median: of the two medians; at p90: of the two p90s),"
	print "except the extraction target rows: each page's extract_article time over its own bare"
	print "parse in the same run, then the median and p90 of those per-page ratios."
	print "bare parse without XML_PARSE_HUGE stops at depth 256: on deep-100k it parses a fraction."
	print "first frame: ui_new() (lays the article out at 80 columns) + the first ui_draw()"
	print "of an 80x24 screen through curses to /dev/null, for the article extract_article()"
	print "makes of that corpus page.  Targets: issue 6."
	if (npatho)
		print "Pathological pages (tests/tools/genpage.c): fastest of " v["patho.reps"] " run(s) each."
}
