#!/bin/sh
# What kind of page a response is (issue 14, item 5): decided from the
# content type AND the document's root element (after any XML
# declaration, comments and DOCTYPE, in any encoding, UTF-16 included).
# Feeds under other names (application/x-rss+xml, application/rdf+xml,
# application/xml and text/xml holding a feed) are read as feeds; XML
# that is no feed and other types are refused.
. "$(dirname "$0")/../server_lib.sh"
export TZ=UTC
serve_www

story_page "$W/one.html" "Pier vote story"

cat >"$W/news.rss" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour News</title><link>$R/</link>
<item><title>Pier vote</title><link>one.html</link>
 <pubDate>Mon, 02 Sep 2024 10:00:00 GMT</pubDate></item>
</channel></rss>
EOF
cat >"$W/news.rdf" <<EOF
<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="$R/"><title>Harbour News</title><link>$R/</link></channel>
<item rdf:about="$R/one.html"><title>Pier vote</title><link>$R/one.html</link></item>
</rdf:RDF>
EOF
# Long comments, a processing instruction and a DOCTYPE before the root.
{
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<!-- '
	i=0; while [ $i -lt 400 ]; do printf 'a comment with <rss> and <html> in it, '; i=$((i + 1)); done
	printf -- '-->\n<?xml-stylesheet type="text/xsl" href="feed.xsl"?>\n'
	printf '<!DOCTYPE feed [ <!ENTITY site "Harbour News"> ]>\n<!-- another -->\n'
	printf '<feed xmlns="http://www.w3.org/2005/Atom"><title>&site;</title>\n'
	printf '<entry><title>Pier vote</title><link href="one.html"/><updated>2024-09-02T10:00:00Z</updated></entry></feed>\n'
} >"$W/news.atom"
# The same RSS in UTF-16, little-endian with a BOM, big-endian without.
python3 - "$W" <<'PY'
import sys
w = sys.argv[1]
text = open(w + "/news.rss", encoding="utf-8").read().replace('encoding="UTF-8"', 'encoding="UTF-16"')
open(w + "/le.rss", "wb").write(b"\xff\xfe" + text.encode("utf-16-le"))
open(w + "/be.rss", "wb").write(text.encode("utf-16-be"))
PY
printf '<?xml version="1.0"?>\n<!-- a catalogue --><catalog><book>Tides</book></catalog>\n' >"$W/catalog.xml"

# expect_feed PATH TYPE: read as a list of one story, "Pier vote".
expect_feed() {
	run --dump=json "$R/$1?type=$2"
	[ "$rc" -eq 0 ] || fail "$LAST ($2): exit $rc, wanted 0"
	expect_out '"kind":"list"'
	expect_out '"title":"Pier vote"'
}

expect_feed news.rss "application/x-rss%2Bxml"
expect_feed news.rss "application/rss%2Bxml"
expect_feed news.rss "application/xml"
expect_feed news.rss "text/xml;%20charset=utf-8"
expect_feed news.rdf "application/rdf%2Bxml"
expect_feed news.rdf "application/xml"
expect_feed news.atom "application/x-atom%2Bxml"
expect_feed news.atom "application/xml"
expect_feed news.atom "text/xml"
expect_feed le.rss "text/xml"
expect_feed le.rss "application/x-rss%2Bxml"
expect_feed be.rss "application/xml"

# Local files: the root element alone decides.
for f in news.rss news.atom le.rss be.rss; do
	run --dump=json "$W/$f"
	[ "$rc" -eq 0 ] || fail "$LAST: exit $rc, wanted 0"
	expect_out '"kind":"list"'
done

# XML that is no feed, and types that are neither HTML nor a feed.
run --dump=json "$R/catalog.xml?type=application/xml"
expect_rc 6
expect_err "not HTML (content type application/xml)"
run --dump=json "$R/news.rss?type=application/octet-stream"
expect_rc 6
expect_err "not HTML (content type application/octet-stream)"
run --dump=json "$R/one.html?type=image/png"
expect_rc 6
expect_err "not HTML (content type image/png)"
# HTML stays HTML, whatever XML type it comes under (XHTML).
run --dump=json "$R/one.html?type=application/xhtml%2Bxml"
expect_rc 0
expect_out '"kind":"article"'
echo "ok: feeds by any name, by their root element"
