#!/usr/bin/env python3
"""Fills template.html with the schedule of a store, for the browser side of tests/bench/run.

Reads `lcctl --db DB --json circles` and `lcctl --db DB --json meetings --from TODAY --days 7`
(the same store lc-display shows), draws each open circle's signup QR code as an SVG (with
libqrencode, the library lc-display uses, through ctypes), and writes OUT/index.html (the lobby
schedule) and OUT/browse.html (the kiosk's circle list, for the scroll comparison).

Usage: make_page.py --lcctl PATH --db DB --out DIR [--from YYYY-MM-DD]
"""

import argparse
import ctypes
import ctypes.util
import datetime
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MARK = "/* SCHEDULE_DATA */ null"


class _QRcode(ctypes.Structure):
    _fields_ = [("version", ctypes.c_int), ("width", ctypes.c_int),
                ("data", ctypes.POINTER(ctypes.c_ubyte))]


def _qrencode():
    name = ctypes.util.find_library("qrencode") or "libqrencode.so.4"
    lib = ctypes.CDLL(name)
    lib.QRcode_encodeString.restype = ctypes.POINTER(_QRcode)
    lib.QRcode_encodeString.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.c_int, ctypes.c_int,
                                        ctypes.c_int]
    lib.QRcode_free.argtypes = [ctypes.POINTER(_QRcode)]
    return lib


def qr_svg(lib, text):
    """An SVG of `text` as a QR code (level M, 8-bit mode), with a 4-module quiet zone."""
    code = lib.QRcode_encodeString(text.encode("utf-8"), 0, 1, 2, 1)  # QR_ECLEVEL_M, QR_MODE_8
    if not code:
        return ""
    w = code.contents.width
    data = code.contents.data
    path = []
    for y in range(w):
        for x in range(w):
            if data[y * w + x] & 1:
                path.append(f"M{x + 4} {y + 4}h1v1h-1z")
    lib.QRcode_free(code)
    size = w + 8
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
            f'shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/>'
            f'<path d="{"".join(path)}" fill="#000"/></svg>')


def lcctl_json(lcctl, db, *args):
    out = subprocess.run([lcctl, "--db", db, "--json", *args], check=True, capture_output=True,
                         text=True)
    return json.loads(out.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lcctl", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--from", dest="start", default=datetime.date.today().isoformat())
    args = ap.parse_args()

    circles = lcctl_json(args.lcctl, args.db, "circles")
    meetings = lcctl_json(args.lcctl, args.db, "meetings", "--from", args.start, "--days", "7")
    try:
        lib = _qrencode()
        qr = {c["id"]: qr_svg(lib, c["url"]) for c in circles if c["signup"] == "open" and c["url"]}
    except OSError as e:
        print(f"make_page: no QR codes ({e})", file=sys.stderr)
        qr = {}
    data = {"from": args.start, "circles": circles, "meetings": meetings, "qr": qr}

    # "</" is escaped so that no feed text can close the <script> element.
    blob = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    os.makedirs(args.out, exist_ok=True)
    # index.html: the lobby schedule; browse.html: the kiosk's circle list, scrolling itself.
    for name, out in (("template.html", "index.html"), ("browse_template.html", "browse.html")):
        with open(os.path.join(HERE, name), encoding="utf-8") as f:
            template = f.read()
        if MARK not in template:
            sys.exit(f"make_page: {name} lost its SCHEDULE_DATA mark")
        with open(os.path.join(args.out, out), "w", encoding="utf-8") as f:
            f.write(template.replace(MARK, blob))
    print(f"make_page: {len(circles)} circles, {len(meetings)} meetings this week, "
          f"{len(qr)} QR codes -> {os.path.join(args.out, 'index.html')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
