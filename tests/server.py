#!/usr/bin/env python3
"""Loopback HTTP(S) server for folio's fetch tests (stdlib only).

usage: server.py [--tls CERT KEY] [--root DIR]

Binds 127.0.0.1 on a free port, prints the port on one line and serves
until killed.  With --root, /root/PATH serves DIR/PATH as text/html
(feeds: .rss, .atom, .rdf and .xml with their types, an ETag and 304
to a matching If-None-Match; pictures: .jpg, .png, .gif, .webp with theirs)
(for make bench); /root/PATH?delay=MS answers MS milliseconds late, as
a distant server would; /root/PATH?again=MS answers at once the first
time and MS milliseconds late after that (a page shown, then stalling
when asked again); /root/PATH?type=MEDIA/TYPE serves it as that.  Every path below is one behaviour the fetcher must get
right; the pages are written for these tests.
"""
import gzip
import http.server
import os
import socketserver
import ssl
import sys
import threading
import urllib.parse
import time
import zlib

PARAS = [
    "The harbour committee met on Tuesday evening to decide the future of "
    "the old ferry pier, which has stood unused since the storm of last "
    "winter tore away half of its deck and most of the railings.",
    "Residents filled the small hall beside the fish market. Several of "
    "them said the pier was the only place in town where children could "
    "fish safely, and asked that it be rebuilt rather than pulled down.",
    "The engineer who surveyed the structure told the meeting that the "
    "piles are sound below the waterline, and that a new deck would cost "
    "far less than the committee had feared when it first met in spring.",
    "A decision is expected next month, after the council has seen the "
    "full survey and the costs of both plans have been checked again.",
]


def article(title, extra="", paras=PARAS):
    body = "".join("<p>%s</p>\n" % p for p in paras)
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
            "<title>%s</title></head><body><article><h1>%s</h1>\n%s%s"
            "</article></body></html>\n" % (title, title, extra, body))


def stub(target, delay=0):
    return ("<!DOCTYPE html><html><head><meta http-equiv=\"refresh\" "
            "content=\"%d; url=%s\"><title>Redirecting</title></head>"
            "<body></body></html>" % (delay, target))


CYRILLIC = ("\u0412\u0447\u0435\u0440\u0430 \u0432 \u0433\u043e\u0440\u043e"
            "\u0434\u0435 \u043e\u0442\u043a\u0440\u044b\u043b\u0438 "
            "\u043d\u043e\u0432\u044b\u0439 \u043c\u043e\u0441\u0442")


BOMB = []


def gzip_bomb():
    """64 MiB of spaces gzipped once per run (about 64 KB)."""
    if not BOMB:
        z = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        block = b" " * (1 << 20)
        BOMB.append(b"".join([z.compress(block) for _ in range(64)]
                             + [z.flush()]))
    return BOMB[0]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # else keep-alive stalls on delayed ACKs

    def log_message(self, fmt, *args):
        pass

    def send(self, code, body, ctype="text/html; charset=utf-8",
             headers=()):
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.send_response(code)
        if ctype is not None:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def redirect(self, where, headers=(), code=302):
        self.send(code, "<p>moved</p>", headers=[("Location", where)]
                  + list(headers))

    def do_GET(self):
        p = self.path.split("?")[0]
        route = ROUTES.get(p)
        if route:
            return route(self)
        if p.startswith("/chain/"):
            n = int(p[len("/chain/"):])
            return self.redirect("/chain/%d" % (n - 1) if n > 0
                                 else "/sub/dir/page.html")
        if p.startswith("/root/") and ROOT:
            query = urllib.parse.parse_qs(self.path.partition("?")[2])
            delay = query.get("delay", ["0"])[0]
            if "again" in query:
                with BARRIERS_LOCK:
                    seen = REQUESTS.get("again " + self.path, 0)
                    REQUESTS["again " + self.path] = seen + 1
                delay = query["again"][0] if seen else "0"
            return self.serve_file(p[len("/root/"):], int(delay),
                                   query.get("type", [None])[0])
        if p.startswith("/hold/") or p.startswith("/release/"):
            return self.hold(p.startswith("/hold/"), p.split("/")[2])
        if p.startswith("/count/"):
            return self.count(p.split("/")[2])
        if p.startswith("/barrier/"):
            return self.barrier(p.split("/")[2:])
        if p.startswith("/slow/"):
            time.sleep(float(p[len("/slow/"):]))
            return self.send(200, article("Slow page " + p))
        self.send(404, "<html><body><h1>Not Found</h1><p>" + "There is no "
                  "such page on this server, sorry. " * 10 + "</p></body>"
                  "</html>")

    def serve_file(self, rel, delay_ms=0, ctype=None):
        time.sleep(delay_ms / 1000)
        path = os.path.realpath(os.path.join(ROOT, rel))
        if not path.startswith(ROOT + os.sep) or not os.path.isfile(path):
            return self.send(404, "<p>no such file</p>")
        with open(path, "rb") as f:
            body = f.read()
        ext = os.path.splitext(path)[1]
        ctype = ctype or FEED_TYPES.get(ext) or IMAGE_TYPES.get(ext)
        if not ctype:
            return self.send(200, body, ctype="text/html")
        tag = '"%08x"' % zlib.crc32(body)
        if self.headers.get("If-None-Match") == tag:
            return self.send(304, b"", ctype=None, headers=[("ETag", tag)])
        self.send(200, body, ctype=ctype, headers=[("ETag", tag)])

    def hold(self, holding, name):
        """/hold/NAME answers only after /release/NAME was asked for (or
        30 s): a test can look at folio while a fetch is still open.
        /hold/NAME?file=PATH then answers with the --root file PATH;
        /count/NAME says how many times /hold/NAME was asked for."""
        with BARRIERS_LOCK:
            ev = HOLDS.setdefault(name, threading.Event())
            if holding:
                REQUESTS["hold/" + name] = REQUESTS.get("hold/" + name, 0) + 1
        if not holding:
            ev.set()
            return self.send(200, "<p>released</p>")
        ev.wait(60)
        query = self.path.partition("?")[2]
        if query.startswith("file=") and ROOT:
            return self.serve_file(query[len("file="):])
        self.send(200, article("Held page " + name))

    def count(self, name):
        with BARRIERS_LOCK:
            n = REQUESTS.get("hold/" + name, 0)
        self.send(200, "%d\n" % n, ctype="text/plain")

    def barrier(self, parts):
        """/barrier/GROUP/N/I[?t=S]: answers only once N requests of GROUP
        are in flight together (proof of concurrency without timing); 503
        when they do not all arrive within S seconds (default 5)."""
        group, n = parts[0], int(parts[1])
        query = self.path.partition("?")[2]
        wait = float(query[2:]) if query.startswith("t=") else 5.0
        with BARRIERS_LOCK:
            b = BARRIERS.setdefault(group, threading.Barrier(n, timeout=wait))
        try:
            b.wait()
        except threading.BrokenBarrierError:
            return self.send(503, "<p>alone</p>")
        self.send(200, article("Together " + "/".join(parts)))

    # ---- routes ----
    def r_article(self):
        self.send(200, article("Pier to be rebuilt"))

    def r_sub_page(self):
        extra = ('<figure><img src="../img/pier.jpg" alt="pier">'
                 '<figcaption>The old pier.</figcaption></figure>'
                 '<p>See <a href="other.html">the survey</a> and '
                 '<a href="/top.html">the index</a> for more.</p>')
        self.send(200, article("Relative links", extra))

    def r_to_404(self):
        self.redirect("/404")

    def r_loop(self):
        self.redirect("/loop")

    def r_to_file(self):
        self.redirect("file:///etc/passwd")

    def r_cookie_set(self):
        # Without a cookie engine, /cookie-check sends the client back
        # here forever.
        self.redirect("/cookie-check", [("Set-Cookie", "seen=1; Path=/")])

    def r_cookie_check(self):
        if "seen=1" in (self.headers.get("Cookie") or ""):
            return self.send(200, article("Cookie accepted"))
        self.redirect("/cookie-set")

    def r_404(self):
        self.send(404, article("This page is an error page"))

    def r_500(self):
        self.send(500, article("This page is a server error page"))

    def r_410_empty(self):
        self.send(410, b"", ctype=None)

    def r_gzip(self):
        if "gzip" not in (self.headers.get("Accept-Encoding") or ""):
            return self.send(406, "<p>gzip needed</p>")
        self.send(200, gzip.compress(article("Compressed page").encode()),
                  headers=[("Content-Encoding", "gzip")])

    def cut_short(self, body, headers, length=None):
        """Send the first half of body, then close: length is the
        Content-Length to announce (None: none, the close ends it)."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        for k, v in headers:
            self.send_header(k, v)
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body[:len(body) // 2])
        self.wfile.flush()
        self.close_connection = True

    def gzipped_article(self):
        return gzip.compress(article("Truncated page").encode())

    def r_gzip_half(self):
        # Content-Length honest about the half sent: only the gzip
        # stream itself says it ended early.
        half = self.gzipped_article()[:len(self.gzipped_article()) // 2]
        self.send(200, half, headers=[("Content-Encoding", "gzip")])

    def r_gzip_half_close(self):
        self.cut_short(self.gzipped_article(), [("Content-Encoding", "gzip")])

    def r_short_length(self):
        body = article("Truncated page").encode()
        self.cut_short(body, [], length=len(body))

    def r_short_chunked(self):
        body = article("Truncated page").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        half = body[:len(body) // 2]
        self.wfile.write(b"%x\r\n%s\r\n" % (len(half), half))  # no last chunk
        self.wfile.flush()
        self.close_connection = True

    def r_to_control(self):
        # A Location with an escape sequence and a newline-free CR.
        self.redirect("/sub/dir/page.html\x1b[31m\x07x")

    def r_to_bidi(self):
        # A Location with a bidi override (raw UTF-8 bytes) and a BEL.
        self.redirect("/sub/\u202eevil\x07x".encode().decode("latin-1"))

    def r_silent(self):
        time.sleep(30)

    def r_endless(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Connection", "close")
        self.end_headers()
        chunk = ("<p>" + "endless text " * 300 + "</p>\n").encode()
        try:
            self.wfile.write(b"<html><body>")
            for _ in range(100000):
                self.wfile.write(chunk)
        except OSError:
            pass
        self.close_connection = True

    def r_huge_length(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(1 << 40))
        self.end_headers()
        try:
            self.wfile.write(b"<html><body><p>start</p>")
            time.sleep(5)
        except OSError:
            pass
        self.close_connection = True

    def r_pdf(self):
        self.send(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
                  ctype="application/pdf")

    def r_json(self):
        self.send(200, '{"title": "not a page"}', ctype="application/json")

    def r_notype(self):
        self.send(200, article("Page without a type"), ctype=None)

    def r_notype_binary(self):
        self.send(200, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ctype=None)

    def r_cp1251(self):
        paras = [CYRILLIC + ". " + p for p in PARAS]
        page = article(CYRILLIC, paras=paras).replace(
            '<meta charset="utf-8">', "")
        self.send(200, page.encode("cp1251"),
                  ctype="text/html; charset=windows-1251")

    def r_bogus_charset(self):
        paras = [CYRILLIC + ". " + p for p in PARAS]
        self.send(200, article("Bogus charset", paras=paras),
                  ctype="text/html; charset=x-no-such-charset")

    def r_xhtml(self):
        self.send(200, article("XHTML page"),
                  ctype="application/xhtml+xml; charset=utf-8")

    def r_refresh_ok(self):
        self.send(200, stub("/article"))

    def r_refresh_a(self):
        self.send(200, stub("/refresh-b"))

    def r_refresh_b(self):
        self.send(200, stub("/refresh-a"))

    def r_refresh_self(self):
        self.send(200, stub("/refresh-self"))

    def r_refresh_slow(self):
        self.send(200, stub("/article", delay=60))

    def r_refresh_file(self):
        self.send(200, stub("file:///etc/passwd"))

    def r_refresh_article(self):
        # A real article that also carries a refresh: read it, stay.
        page = article("Article with a refresh").replace(
            "<title>", '<meta http-equiv="refresh" content="0; url=/404">'
            "<title>")
        self.send(200, page)

    def r_ua(self):
        ua = (self.headers.get("User-Agent") or "").replace("<", "")
        self.send(200, article("Agent", "<p>Agent was [%s].</p>" % ua))

    # Conditional GET: 304 when the client holds the validator; every
    # request is numbered and a full answer says its number, so a test
    # sees whether a cached copy was reused.
    def conditional(self, name, header, value, match):
        with BARRIERS_LOCK:
            REQUESTS[name] = REQUESTS.get(name, 0) + 1
            n = REQUESTS[name]
        if match:
            return self.send(304, b"", ctype=None, headers=[(header, value)])
        self.send(200, article("Cached page", "<p>This answers request "
                               "number %d to this page.</p>" % n),
                  headers=[(header, value)])

    def r_etag(self):
        tag = '"v1-etag"'
        self.conditional("etag", "ETag", tag,
                         self.headers.get("If-None-Match") == tag)

    def r_lastmod(self):
        date = "Wed, 21 Oct 2015 07:28:00 GMT"
        self.conditional("lastmod", "Last-Modified", date,
                         self.headers.get("If-Modified-Since") == date)

    def r_odd_status(self):
        self.send_response(499, "Custom \x1b[31mPhrase")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def r_lying_reason(self):
        self.send_response(404, "Everything Is Fine")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def r_control(self):
        self.send(418, "<p>teapot</p>")

    def r_gzip_bomb(self):
        # 64 MiB of one byte, about 64 KB on the wire: decoding must
        # stop at the size cap, not fill memory.
        self.send(200, gzip_bomb(), headers=[("Content-Encoding", "gzip")])

    def r_stall_headers(self):
        # The headers, then nothing: neither a body nor a close.
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "5000")
        self.end_headers()
        self.wfile.flush()
        time.sleep(60)
        self.close_connection = True

    def r_long_length(self):
        # A Content-Length larger than the body, the connection left
        # open: only a timeout ends the wait.
        body = article("Lying length").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body) + 1000))
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()
        time.sleep(60)
        self.close_connection = True

    def r_short_body_length(self):
        # A Content-Length smaller than the body: the rest is not read.
        body = article("Short length").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body) // 2))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True

    def r_to_ftp(self):
        self.redirect("ftp://127.0.0.1/pub/x")

    def r_utf16_bom(self):
        page = article("Sixteen bits").replace('charset="utf-8"', 'charset="utf-16"')
        self.send(200, page.encode("utf-16"), ctype="text/html")

    def r_utf16_nobom(self):
        page = article("Sixteen bits").replace('charset="utf-8"', 'charset="utf-16"')
        self.send(200, page.encode("utf-16-le"), ctype="text/html; charset=utf-16le")

    def r_utf16_untold(self):
        page = article("Sixteen bits").replace('<meta charset="utf-8">', "")
        self.send(200, page.encode("utf-16-le"), ctype="text/html")

    def r_nul_early(self):
        self.send(200, article("Nul early").replace("<head>", "<head>\0"))

    def r_empty_200(self):
        self.send(200, b"")

    def r_junk_200(self):
        # every byte value, NULs and controls included, as text/html
        self.send(200, bytes(range(256)) * 40, ctype="text/html")

    def r_no_text(self):
        self.send(200, "<!DOCTYPE html><html><head><title>Nothing</title>"
                  "</head><body><div></div></body></html>")


ROUTES = {
    "/article": Handler.r_article,
    "/sub/dir/page.html": Handler.r_sub_page,
    "/to-404": Handler.r_to_404,
    "/loop": Handler.r_loop,
    "/to-file": Handler.r_to_file,
    "/to-control": Handler.r_to_control,
    "/to-bidi": Handler.r_to_bidi,
    "/cookie-set": Handler.r_cookie_set,
    "/cookie-check": Handler.r_cookie_check,
    "/404": Handler.r_404,
    "/500": Handler.r_500,
    "/410-empty": Handler.r_410_empty,
    "/gzip": Handler.r_gzip,
    "/gzip-half": Handler.r_gzip_half,
    "/gzip-half-close": Handler.r_gzip_half_close,
    "/short-length": Handler.r_short_length,
    "/short-chunked": Handler.r_short_chunked,
    "/silent": Handler.r_silent,
    "/endless": Handler.r_endless,
    "/huge-length": Handler.r_huge_length,
    "/pdf": Handler.r_pdf,
    "/json": Handler.r_json,
    "/notype": Handler.r_notype,
    "/notype-binary": Handler.r_notype_binary,
    "/cp1251": Handler.r_cp1251,
    "/xhtml": Handler.r_xhtml,
    "/bogus-charset": Handler.r_bogus_charset,
    "/refresh-ok": Handler.r_refresh_ok,
    "/refresh-a": Handler.r_refresh_a,
    "/refresh-b": Handler.r_refresh_b,
    "/refresh-self": Handler.r_refresh_self,
    "/refresh-slow": Handler.r_refresh_slow,
    "/refresh-file": Handler.r_refresh_file,
    "/refresh-article": Handler.r_refresh_article,
    "/ua": Handler.r_ua,
    "/teapot": Handler.r_control,
    "/odd-status": Handler.r_odd_status,
    "/lying-reason": Handler.r_lying_reason,
    "/gzip-bomb": Handler.r_gzip_bomb,
    "/stall-headers": Handler.r_stall_headers,
    "/long-length": Handler.r_long_length,
    "/short-body-length": Handler.r_short_body_length,
    "/to-ftp": Handler.r_to_ftp,
    "/utf16-bom": Handler.r_utf16_bom,
    "/utf16-nobom": Handler.r_utf16_nobom,
    "/utf16-untold": Handler.r_utf16_untold,
    "/nul-early": Handler.r_nul_early,
    "/no-text": Handler.r_no_text,
    "/empty-200": Handler.r_empty_200,
    "/junk-200": Handler.r_junk_200,
    "/etag": Handler.r_etag,
    "/lastmod": Handler.r_lastmod,
}


ROOT = None
FEED_TYPES = {".rss": "application/rss+xml", ".atom": "application/atom+xml",
              ".rdf": "application/rdf+xml", ".xml": "text/xml"}
IMAGE_TYPES = {".jpg": "image/jpeg", ".png": "image/png", ".gif": "image/gif",
               ".webp": "image/webp"}
BARRIERS = {}
HOLDS = {}
REQUESTS = {}
BARRIERS_LOCK = threading.Lock()


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64


def main():
    global ROOT
    srv = Server(("127.0.0.1", 0), Handler)
    args = sys.argv[1:]
    while args:
        if args[0] == "--tls" and len(args) >= 3:
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(args[1], args[2])
            srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
            args = args[3:]
        elif args[0] == "--root" and len(args) >= 2:
            ROOT = os.path.realpath(args[1])
            args = args[2:]
        else:
            sys.exit(__doc__)
    print(srv.server_address[1], flush=True)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
