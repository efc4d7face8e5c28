#!/usr/bin/env python3
"""Writes the pathological pages of issue 6 into DIR (used by
test_pathological.sh; the pages are big, so they are made at test time).
usage: pathological_gen.py DIR [NAME...]"""
import os
import random
import sys

HEAD = ('<!DOCTYPE html><html><head><meta charset="utf-8">'
        '<title>%s</title></head><body><article><h1>%s</h1>\n')
TAIL = '</article></body></html>\n'
OPEN = '<p>The opening paragraph is an ordinary sentence about the harbour council meeting.</p>\n'
CLOSE = '<p>The closing paragraph after the strange part must still reach the reader.</p>\n'


def page(title, middle):
    return (HEAD % (title, title) + OPEN).encode() + middle + (CLOSE + TAIL).encode()


def word_1mb():
    # One 1 MB "word" (no break opportunity) inside a paragraph.
    return page('A one megabyte word', b'<p>Before the word ' + b'x' * (1 << 20) + b' after the word.</p>\n')


def links_100k():
    # 100 000 links inside 20 000 ordinary paragraphs, 5 short links each.
    parts = []
    for i in range(20000):
        links = ''.join(' the <a href="/story/%d/%d">ferry %d</a> crossing' % (i, k, k) for k in range(5))
        parts.append('<p>Paragraph %d of many: the council talked about%s and the budget for the winter timetable.</p>\n' % (i, links))
    return page('One hundred thousand links', ''.join(parts).encode())


def links_one_para():
    # 100 000 links in one paragraph (JSON link offsets were once counted
    # from the start of the text for every link: 30 s of CPU).
    links = ' '.join('<a href="/l/%d">link %d</a>' % (i, i) for i in range(100000))
    return page('One paragraph of links', ('<p>' + links + '</p>\n').encode())


def attr_10mb():
    # A 10 MB attribute value on a div, and a 10 MB href on a link.
    big = b'q' * (10 << 20)
    return page('A ten megabyte attribute',
                b'<div data-blob="' + big + b'"><p>Text inside the division with the huge attribute stays readable.</p></div>\n'
                b'<p>A paragraph with <a href="https://example.org/' + big + b'">a huge link</a> in its middle.</p>\n')


def entities():
    # A page of nothing but character references, named and numeric,
    # including ones that name control characters (ESC, CSI, NUL, C1).
    ents = ['&amp;', '&lt;', '&gt;', '&quot;', '&eacute;', '&nbsp;', '&mdash;', '&hellip;',
            '&#x1F600;', '&#233;', '&#x1b;', '&#27;', '&#155;', '&#x9d;', '&#0;', '&#x0;',
            '&#x110000;', '&#xD800;', '&#99999999999;', '&bogus;', '&', '&#', '&#x;', '&amp']
    r = random.Random(6)
    body = ''.join(r.choice(ents) for _ in range(1000000))
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>' + body[:20000] +
            '</title></head><body><article>' + OPEN + '<p>' + body + '</p>' + CLOSE + TAIL).encode()


def invalid_utf8():
    # Declared UTF-8; every word followed by an invalid sequence (stray
    # continuation bytes, overlong forms, surrogates, truncated sequences).
    bad = [b'\x80', b'\xbf', b'\xc0\xaf', b'\xe0\x80\xaf', b'\xed\xa0\x80', b'\xf4\x90\x80\x80',
           b'\xf8\x88\x80\x80\x80', b'\xfe', b'\xff', b'\xe2\x82', b'\xc3']
    r = random.Random(8)
    paras = []
    for i in range(5000):
        words = ('Paragraph %d says the council voted on the ferry budget again' % i).split()
        paras.append(b'<p>' + b''.join(w.encode() + r.choice(bad) + b' ' for w in words) + b'</p>\n')
    return page('Invalid \xff UTF-8'.replace('\xff', ''), b''.join(paras)).replace(b'<title>', b'<title>\xff\xfe')


def nul_sparse():
    # A NUL byte about every 50 bytes, in text, tags and attributes
    # (under the 5 % of control bytes at which folio calls a file binary).
    paras = []
    for i in range(5000):
        paras.append(b'<p class="x\0y">Paragraph %d says the council\0 voted on the ferry budget again\0</p>\n' % i)
    return page('Nul bytes', b''.join(paras))


def nul_dense():
    # A NUL before every word: a quarter of the bytes or so.
    paras = []
    for i in range(5000):
        words = ('Paragraph %d says the council voted on the ferry budget again' % i).split()
        paras.append(b'<p\0 class="x\0y">' + b'\0 '.join(w.encode() for w in words) + b'\0</p>\n')
    return page('Nul bytes', b''.join(paras))


def title_1mb():
    # A <title> of 1 MB (words, so it can be wrapped) and an og:title of 1 MB.
    t = ('Harbour council votes on ferry budget ' * 30000)[:1 << 20]
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>' + t + '</title>'
            '<meta property="og:title" content="' + t + '"></head><body><article><h1>' + t + '</h1>' +
            OPEN + CLOSE + TAIL).encode()


CASES = {
    'word-1mb': word_1mb, 'links-100k': links_100k, 'links-one-para': links_one_para, 'attr-10mb': attr_10mb,
    'entities': entities, 'invalid-utf8': invalid_utf8, 'nul-sparse': nul_sparse, 'nul-dense': nul_dense,
    'title-1mb': title_1mb,
}

if __name__ == '__main__':
    out = sys.argv[1]
    for name in sys.argv[2:] or CASES:
        with open(os.path.join(out, name + '.html'), 'wb') as f:
            f.write(CASES[name]())
