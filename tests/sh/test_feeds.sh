#!/bin/sh
# Feeds through the binary against tests/server.py (--root serves the
# files written here; .rss/.atom/.rdf/.xml with their types and an
# ETag): RSS 2.0, Atom and RDF story lists, a malformed feed, a billion
# laughs, an external entity, a story whose link redirects, the
# subscription file, --refresh with conditional GETs, the all-feeds
# list newest first, and read marks surviving a restart.
. "$(dirname "$0")/../server_lib.sh"
export TZ=UTC
serve_www
U=http://127.0.0.1:$PORT
R=$U/root
unset FOLIO_NO_STORE
FEEDS=$XDG_CONFIG_HOME/folio/feeds

story_page "$W/one.html" "Pier vote story"
story_page "$W/two.html" "Old news story"
story_page "$W/three.html" "Atom story"

cat >"$W/news.rss" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour News</title><link>$R/</link>
<item><title>Pier vote</title><link>one.html</link>
 <pubDate>Mon, 02 Sep 2024 10:00:00 GMT</pubDate><dc:creator>Ann</dc:creator>
 <description>&lt;p&gt;The &lt;b&gt;summary&lt;/b&gt; only&lt;/p&gt;</description></item>
<item><title>Ferry returns</title><link>$U/chain/2</link>
 <pubDate>Tue, 03 Sep 2024 09:00:00 GMT</pubDate></item>
<item><title>Old news</title><link>/root/two.html</link>
 <pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate></item>
</channel></rss>
EOF

cat >"$W/blog.atom" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="$R/">
<title type="html">The &lt;i&gt;Blog&lt;/i&gt;</title>
<link rel="self" href="blog.atom"/>
<entry><title>Atom entry</title><link rel="alternate" href="three.html"/>
 <id>urn:x:1</id><updated>2024-09-02T12:00:00+02:00</updated>
 <author><name>Bo</name></author><summary>Short</summary></entry>
</feed>
EOF

cat >"$W/site.rdf" <<EOF
<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="$R/"><title>RDF Site</title><link>$R/</link></channel>
<item rdf:about="$R/one.html"><title>RDF item</title><link>$R/one.html</link>
 <dc:date>2024-08-01T00:00:00Z</dc:date></item>
</rdf:RDF>
EOF

# ---- each format: the list as an article (a store of its own) ----
export XDG_DATA_HOME=$TMP/data1
run --dump=json "$R/news.rss"
expect_rc 0
json_check "$TMP/out" 'd["title"] == "Harbour News" and d["url"] == "'"$R"'/news.rss"'
json_check "$TMP/out" '[b["text"].split(" \u00b7 ")[0] for b in d["blocks"]] == ["Ferry returns", "Pier vote", "Old news"]'
json_check "$TMP/out" '[b["links"][0]["url"] for b in d["blocks"]] == ["'"$U"'/chain/2", "'"$R"'/one.html", "'"$R"'/two.html"]'
json_check "$TMP/out" 'all(b["type"] == "li" and b["text"].endswith(" \u00b7 new") for b in d["blocks"])'
# the summary is the story's, never a block of the list
json_check "$TMP/out" '"summary only" not in json.dumps(d["blocks"])'
json_check "$TMP/out" 'd["kind"] == "list" and [s.get("summary") for s in d["stories"]] == [None, "The summary only", None]'
json_check "$TMP/out" '[s["url"] for s in d["stories"]] == ["'"$U"'/chain/2", "'"$R"'/one.html", "'"$R"'/two.html"]'

run --dump=json "$R/blog.atom"
expect_rc 0
json_check "$TMP/out" 'd["title"] == "The Blog" and len(d["blocks"]) == 1'
json_check "$TMP/out" 'd["blocks"][0]["links"][0]["url"] == "'"$R"'/three.html"'
json_check "$TMP/out" '"2024-09-02" in d["blocks"][0]["text"]'

run --dump=json "$R/site.rdf"
expect_rc 0
json_check "$TMP/out" 'd["title"] == "RDF Site" and d["blocks"][0]["text"].startswith("RDF item")'

# Printed without a terminal: the numbered list and the links.
run --width 100 "$R/news.rss"
expect_rc 0
expect_out '1\. Ferry returns'
expect_out 'Harbour News'
expect_out "$R/one.html"

# Several feeds at once (batch): each its own list, in order.
run --dump=json "$R/news.rss" "$R/blog.atom"
expect_rc 0
[ "$(wc -l <"$TMP/out")" = 2 ] || fail "$LAST: not two objects"
head -n 1 "$TMP/out" >"$TMP/one.json"
tail -n 1 "$TMP/out" >"$TMP/two.json"
json_check "$TMP/one.json" 'd["title"] == "Harbour News" and len(d["blocks"]) == 3'
json_check "$TMP/two.json" 'd["title"] == "The Blog" and len(d["blocks"]) == 1'

# A local file is a feed too.
run --dump=text "$W/news.rss"
expect_rc 0
expect_out 'Pier vote'

# ---- malformed, hostile, not a feed ----
cat >"$W/broken.xml" <<EOF
<rss><channel><title>Broken &amp; bent &nbsp;feed</title>
<item><title>First & only <b>bold</item>
<item><title>Second</title><link>$R/two.html</link>
EOF
run --dump=json "$R/broken.xml"
expect_rc 0
json_check "$TMP/out" 'd["title"] == "Broken & bent feed"'
json_check "$TMP/out" 'any(b["text"].startswith("Second") for b in d["blocks"])'

{
	printf '<?xml version="1.0"?>\n<!DOCTYPE rss [\n <!ENTITY a "lollollollollol">\n'
	prev=a
	for i in 1 2 3 4 5 6 7 8 9 10; do
		printf ' <!ENTITY a%d "' "$i"
		for k in 1 2 3 4 5 6 7 8 9 10; do printf '&%s;' "$prev"; done
		printf '">\n'
		prev=a$i
	done
	printf ' <!ENTITY secret SYSTEM "file://%s">\n' "$W/secret.txt"
	printf ']>\n<rss><channel><title>Bomb &a10;</title>\n'
	printf '<item><title>Laugh &a10; &secret;</title><link>%s/one.html</link>' "$R"
	printf '<description>&a10;&a10;&secret;</description></item></channel></rss>\n'
} >"$W/bomb.rss"
echo "TOPSECRET" >"$W/secret.txt"
start=$(date +%s)
timeout 60 "$FOLIO" --dump=json "$R/bomb.rss" >"$TMP/out" 2>"$TMP/err"
rc=$?
LAST="folio --dump=json bomb.rss"
expect_rc 0
[ $(($(date +%s) - start)) -lt 30 ] || fail "$LAST: took over 30 s"
[ "$(wc -c <"$TMP/out")" -lt 4000 ] || fail "$LAST: the entities were expanded"
! grep -q lollol "$TMP/out" || fail "$LAST: the entities were expanded"
! grep -q TOPSECRET "$TMP/out" || fail "$LAST: the external entity was read"
json_check "$TMP/out" 'd["blocks"][0]["links"][0]["url"] == "'"$R"'/one.html"'
# As text/xml: known for a feed by its root, past the DOCTYPE's subset.
cp "$W/bomb.rss" "$W/bomb.xml"
run --dump=json "$R/bomb.xml"
expect_rc 0
! grep -q lollol "$TMP/out" || fail "$LAST: the entities were expanded"
json_check "$TMP/out" 'len(d["blocks"]) == 1 and d["blocks"][0]["type"] == "li"'

# An encoding nobody knows, in the prolog or in the header: the bytes
# are read as UTF-8, as a page's are (the feed was refused, exit 3,
# "Unsupported encoding x-bogus").
printf '<?xml version="1.0" encoding="x-bogus"?>\n<rss><channel><title>Caf\303\251 feed</title><item><title>Bogus item</title><link>%s/one.html</link></item></channel></rss>\n' "$R" >"$W/bogus.rss"
sed 's/ encoding="x-bogus"//' "$W/bogus.rss" >"$W/bogus2.rss"
for u in "$R/bogus.rss" "$R/bogus2.rss?type=application/rss%2Bxml;%20charset=x-bogus"; do
	run --dump=json "$u"
	expect_rc 0
	json_check "$TMP/out" 'd["title"] == "Caf\u00e9 feed" and d["stories"][0]["title"] == "Bogus item"'
done

# Bytes that are not UTF-8 where UTF-8 is said (by the prolog, or by
# nothing): windows-1252, as a page's bytes outrank their label (the
# letters were dropped: "Caf feed").  A prolog naming the charset is
# believed.
printf '<?xml version="1.0" encoding="UTF-8"?>\n<rss><channel><title>Caf\351 feed</title><item><title>Na\357ve \223item\224</title><link>%s/one.html</link></item></channel></rss>\n' "$R" >"$W/lying.rss"
sed 's/ encoding="UTF-8"//' "$W/lying.rss" >"$W/lying2.rss"
for f in lying lying2; do
	run --dump=json "$R/$f.rss"
	expect_rc 0
	json_check "$TMP/out" 'd["title"] == "Caf\u00e9 feed" and d["stories"][0]["title"] == "Na\u00efve \u201citem\u201d"'
done
printf '<?xml version="1.0" encoding="iso-8859-5"?>\n<rss><channel><title>\274\336\341\342</title><item><title>One</title><link>%s/one.html</link></item></channel></rss>\n' "$R" >"$W/cyr.rss"
run --dump=json "$R/cyr.rss"
expect_rc 0
json_check "$TMP/out" 'd["title"] == "\u041c\u043e\u0441\u0442"'

: >"$W/empty.rss"
run --dump=json "$R/empty.rss"
expect_rc 4
expect_err "^folio: $R/empty.rss: empty feed$"
printf 'this is not xml at all' >"$W/garbage.rss"
run --dump=json "$R/garbage.rss"
expect_rc 3
expect_err "$R/garbage.rss: not readable as XML"

printf '<?xml version="1.0"?><catalog><book/></catalog>' >"$W/other.xml"
run --dump=json "$R/other.xml"
expect_rc 6
expect_err "not HTML"
printf '<?xml version="1.0"?><feedback><x/></feedback>' >"$W/other2.rss"
run --dump=json "$R/other2.rss"
expect_rc 4
expect_err "$R/other2.rss: not an RSS or Atom feed (root element <feedback>)"

# ---- subscriptions, --refresh, the all-feeds list (a fresh store) ----
export XDG_DATA_HOME=$TMP/data2
run
expect_rc 1
expect_err "no feeds subscribed: put feed URLs in $FEEDS"

mkdir -p "$(dirname "$FEEDS")"
cat >"$FEEDS" <<EOF
# test feeds
$R/news.rss "My Harbour" local
$R/blog.atom
ftp://nowhere.example/feed
EOF
run --refresh
expect_rc 0
expect_err "$FEEDS:4: not an http or https URL"
expect_out "^$R/news.rss: 3 stories, 3 new$"
expect_out "^$R/blog.atom: 1 story, 1 new$"
# Not a terminal: no progress line, only the results (test_ui_refresh
# has the terminal's).
grep -q "fetching feeds" "$TMP/err" && fail "--refresh: a progress line on a pipe"
# Second time: the server answers 304 to the stored ETag.
run --refresh
expect_rc 0
expect_out "^$R/news.rss: not modified$"
expect_out "^$R/blog.atom: not modified$"

# A changed feed: one new story (the others keep their marks).
sed 's#<item><title>Old news#<item><title>Late story</title><link>/root/three.html</link><pubDate>Wed, 04 Sep 2024 08:00:00 GMT</pubDate></item>\n<item><title>Old news#' \
	"$W/news.rss" >"$W/news.tmp" && mv "$W/news.tmp" "$W/news.rss"
run --refresh
expect_rc 0
expect_out "^$R/news.rss: 4 stories, 1 new$"

# Every subscribed story, newest first; the user's title for the feed.
run --dump=json
expect_rc 0
json_check "$TMP/out" 'd["title"] == "Subscribed feeds"'
json_check "$TMP/out" '[b["text"].split(" \u00b7 ")[0] for b in d["blocks"]] == ["Late story", "Ferry returns", "Atom entry", "Pier vote", "Old news"]'
json_check "$TMP/out" '" \u00b7 My Harbour \u00b7 " in d["blocks"][0]["text"] and " \u00b7 The Blog \u00b7 " in d["blocks"][2]["text"]'
json_check "$TMP/out" 'all(b["text"].endswith(" \u00b7 new") for b in d["blocks"])'

# ---- read marks ----
# Reading a story (its link redirects: /chain/2 -> /sub/dir/page.html)
# marks it read under the feed's URL for it; a new process sees that.
run --dump=text "$U/chain/2"
expect_rc 0
run --dump=json
expect_rc 0
json_check "$TMP/out" '[b["text"].endswith(" \u00b7 new") for b in d["blocks"]] == [True, False, True, True, True]'
json_check "$TMP/out" 'd["site_name"] == "5 stories, 4 new"'
# The single-feed list shows the same marks.
run --dump=json "$R/news.rss"
expect_rc 0
json_check "$TMP/out" '[b["text"].split(" \u00b7 ")[0] for b in d["blocks"] if not b["text"].endswith("new")] == ["Ferry returns"]'
# Without the store nothing is remembered: all new again, fetched now.
run --dump=json --no-store
expect_rc 0
json_check "$TMP/out" 'all(b["text"].endswith(" \u00b7 new") for b in d["blocks"]) and len(d["blocks"]) == 5'

# A feed that fails is reported, the others still refresh.  A redirect
# target's bidi override is made harmless like its controls (the error
# line goes to the terminal as it is).
printf '%s\n' "$U/404" "$U/to-bidi" >>"$FEEDS"
run --refresh
expect_rc 5
expect_err "$U/404: HTTP 404" 3
expect_err "^folio: $U/to-bidi: redirect to a malformed URL: /sub/?evil?x$" 3
! grep -q "$(printf '\342\200\256')" "$TMP/err" || fail "a bidi override reached stderr"
expect_out "^$R/blog.atom: not modified$"
# --refresh fetches the feeds together: /barrier/G/3/I answers only
# when all three requests are in flight at once (503 otherwise).  The
# answers are HTML, so each feed then fails as no feed (exit 4), not
# as a lone request (HTTP 503, exit 5).  The barrier waits up to 30 s
# (?t=30): together, the three pass at once; the wait only bounds a
# machine so loaded that one request is slow to arrive.
printf '%s\n' "$U/barrier/f/3/1?t=30" "$U/barrier/f/3/2?t=30" "$U/barrier/f/3/3?t=30" >"$FEEDS"
run --refresh
expect_rc 4
! grep -q 503 "$TMP/err" || fail "$LAST: the feeds were not fetched together"
[ "$(grep -c "not an RSS or Atom feed" "$TMP/err")" = 3 ] || fail "$LAST: three failures expected"
# ---- a subscription file with bad lines, junk, or no end ----
export XDG_DATA_HOME=$TMP/data3
# A line holding only a no-break space or a form feed (pasted from a web
# page) is one bad line; it read as "out of memory" and lost every feed.
printf '%s\n\302\240\n\f\n%s\n' "$R/news.rss" "$R/blog.atom" >"$FEEDS"
run --refresh
expect_rc 0
expect_err "^folio: $FEEDS:2: not an http or https URL$" 2
expect_out "^$R/news.rss: 4 stories, 4 new$"
expect_out "^$R/blog.atom: 1 story, 1 new$"
# Binary junk (about 800 lines): a few warnings and one line for the
# rest, not one for each; no feed in it.
"$FOLIO_BUILD/tools/genpage" junk "$FEEDS" || fail "genpage junk"
run --refresh
expect_rc 1
expect_err "^folio: $FEEDS: [0-9]* more bad lines skipped$" 7
expect_err "^folio: no feeds subscribed: put feed URLs in $FEEDS" 7
# Unreadable: one line naming the file and the cause, exit 3 (it said
# "no feeds subscribed" after it, exit 1).  /dev/zero was read until
# memory ran out (ulimit: a guard for this machine, not a measure).
rm -f "$FEEDS"
mkdir "$FEEDS"
run --refresh
expect_rc 3
expect_err "^folio: $FEEDS: Is a directory$"
rmdir "$FEEDS"
ln -s /dev/zero "$FEEDS"
[ "${FOLIO_VALGRIND:-0}" = 1 ] || case $FOLIO_BUILD in */san) ;; *) ulimit -v 2000000 ;; esac
timeout 120 "$FOLIO" --refresh >"$TMP/out" 2>"$TMP/err"
rc=$?
LAST="folio --refresh (feeds: /dev/zero)"
expect_rc 3
expect_err "^folio: $FEEDS: too large (over [0-9]* bytes)$"
rm -f "$FEEDS"
exit 0
