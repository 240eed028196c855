#!/usr/bin/env python3
"""A busy day at Harold Washington Library Center for the display matrix: on Tuesday 2026-12-01,
9 circles in 5 rooms (English, Spanish, Swahili) from 09:30 to 20:30, plus a Thursday circle for
the week, and the display's config (rooms, opening hours). Writes FEED.json and CONFIG.json.
Usage: busy_day_feed.py FEED.json CONFIG.json"""
import json
import sys
from datetime import date, timedelta

VENUE = "Harold Washington Library Center"
# id, name, language, start, end, room, signup limit, signups
CIRCLES = [
    (4101, "Resume Writing Workshop", "en", "09:30", "11:00", "Lower Level Classroom", 15, 15),
    (4102, "English Conversation Club", "en", "10:00", "11:30", "Room 3N-5", None, 22),
    (4103, "Conversación en inglés para principiantes", "es", "11:00", "12:30", "Community Room", 20, 13),
    (4104, "Public Speaking", "en", "13:00", "15:00", "Room 4N-1 (4th floor)", 12, 5),
    (4105, "Python for Beginners: Automate the Boring Stuff", "en", "14:00", "15:30", "Computer Lab 2", 16, 9),
    (4106, "Kiswahili kwa Wanaoanza", "sw", "15:30", "17:00", "Lower Level Classroom", None, 4),
    (4107, "Programación para principiantes", "es", "16:00", "17:30", "Computer Lab 2", 16, 15),
    (4108, "Learning How to Learn: Powerful Mental Tools", "en", "18:00", "19:30", "Room 3N-5", 25, 11),
    (4109, "Digital Photography for Everyone", "en", "19:00", "20:30", "Community Room", 10, 2),
]
THURSDAY = (4110, "Chess for Everyone", "en", "17:00", "18:30", "Community Room", None, 6)


def item(spec, first, weeks):
    cid, name, lang, start, end, _room, limit, count = spec
    last = first + timedelta(weeks=weeks - 1)
    return {
        "course": {"id": cid, "title": name, "provider": "P2PU", "link": "https://example.org/",
                   "course_page_url": f"https://learningcircles.p2pu.org/en/course/{cid}/"},
        "id": cid, "name": name, "facilitator": "Ana", "facilitators": ["Ana"],
        "venue": VENUE, "venue_address": "400 S State St, Chicago", "venue_website": "",
        "city": "Chicago", "region": "Illinois", "country": "United States of America",
        "country_en": "United States of America", "latitude": "41.850030", "longitude": "-87.650050",
        "place_id": "", "online": False, "language": lang, "day": first.strftime("%A"),
        "start_date": first.isoformat(), "start_datetime": f"{first.isoformat()}T{start}:00-06:00",
        "meeting_time": f"{start}:00", "time_zone": "CST", "last_meeting_date": last.isoformat(),
        "end_time": f"{end}:00", "weeks": weeks,
        "url": f"https://learningcircles.p2pu.org/en/signup/harold-washington-library-center-{cid}/",
        "report_url": f"https://learningcircles.p2pu.org/en/studygroup/{cid}/report/",
        "studygroup_path": f"/en/studygroup/{cid}/", "draft": False,
        "signup_limit": limit, "signup_count": count, "signup_open": True,
        "next_meeting_date": "2026-12-01", "status": "in_progress",
    }


def main():
    items = [item(c, date(2026, 11, 17), 8) for c in CIRCLES]
    items.append(item(THURSDAY, date(2026, 11, 19), 8))
    feed = {"count": len(items), "signup_open_count": len(items), "signup_closed_count": 0, "items": items}
    hours = {d: ["08:30", "21:00"] for d in ("mon", "tue", "wed", "thu")}
    hours.update({"fri": ["09:00", "17:00"], "sat": ["09:00", "17:00"], "sun": []})
    config = {
        "library": {"name": VENUE, "time_zone": "America/Chicago", "country": "US",
                    "data_controller": "Chicago Public Library"},
        "venues": [{"name": VENUE, "city": "Chicago", "default_room": "Lower Level Classroom"}],
        "circle_rooms": {str(c[0]): c[5] for c in CIRCLES + [THURSDAY]},
        "display": {"languages": ["en"], "rotation_s": 12, "stale_after_h": 24, "opening_hours": hours},
    }
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        json.dump(feed, f, ensure_ascii=False, indent=1)
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(config, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
