#!/usr/bin/env python3
"""terminal_safe.py FILE [WORD...]: is what folio wrote to FILE safe to
show on a terminal?  Valid UTF-8; no ESC, no C0 control but '\\n', no
DEL, no C1 (U+0080..U+009F); in each line that is a JSON object, no such
control in any decoded string either (raw JSON could hide one as a
\\u001b escape); and none of the WORDs (escape payloads that must have
gone with their sequences).  Exit 1 with the reason on stderr."""
import json
import re
import sys

BAD = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def strings(v):
    stack = [v]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            yield v
        elif isinstance(v, dict):
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)


def main():
    text = open(sys.argv[1], "rb").read().decode("utf-8")
    m = BAD.search(text)
    assert not m, "control %r at %d: %r" % (m.group(), m.start(),
                                           text[max(0, m.start() - 30):m.start() + 10])
    for word in sys.argv[2:]:
        assert word not in text, "escape payload %r left in the output" % word
    for line in text.splitlines():
        if line.startswith("{"):
            for s in strings(json.loads(line)):
                assert not BAD.search(s), "control in a JSON string: %r" % s[:80]


if __name__ == "__main__":
    try:
        main()
    except (AssertionError, UnicodeDecodeError, ValueError) as e:
        print("terminal_safe: %s: %s" % (sys.argv[1], e), file=sys.stderr)
        sys.exit(1)
