#!/usr/bin/env python3
"""Checks one --dump-view of the display matrix. Usage: check_display_dump.py DUMP.json WxH INSTANT"""
import json
import math
import sys

dump = json.load(open(sys.argv[1]))
width, height = (int(v) for v in sys.argv[2].split("x"))
when = sys.argv[3]
problems = []
min_qr = math.ceil(min(width, height) / 5)

if when == "closed":
    if not dump["blank"]:
        problems.append("outside opening hours the screen is not blank")
else:
    for i, page in enumerate(dump["pages"]):
        cap = page.get("body_cap_px", 0)
        if cap < 0.022 * height - 0.5:
            problems.append(f"page {i} ({page['kind']}): body cap height {cap:.1f} px < 2.2 % of {height}")
        if page["kind"] == "join":
            sizes = {r["qr_px"] for r in page["rows"]}
            if len(sizes) != 1 or min(sizes) < min_qr:
                problems.append(f"page {i}: QR sizes {sorted(sizes)} (want one size >= {min_qr})")
    kinds = [p["kind"] for p in dump["pages"]]
    if when == "clock" and kinds[0] != "upcoming":
        problems.append(f"implausible clock: first page is {kinds[0]}")
    if when == "busy":
        first = {r["circle_id"]: r["state"] for r in dump["pages"][0]["rows"]}
        if first.get(4104) != "in_session" or first.get(4105) != "starting_soon":
            problems.append(f"13:50: first page rows {first}")
        today = [r["circle_id"] for p in dump["pages"] if p["kind"] == "today" for r in p["rows"]]
        if sorted(today) != list(range(4101, 4110)):
            problems.append(f"13:50: Today pages hold {sorted(today)}")
    if when == "stale" and dump["stale"] is None:
        problems.append("two days after the last sync: no stale note")
for p in problems:
    print(f"{sys.argv[1]}: {p}", file=sys.stderr)
sys.exit(1 if problems else 0)
