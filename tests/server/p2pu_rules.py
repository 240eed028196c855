"""Upstream P2PU rules imitated by the test server (shared/docs/p2pu-api.md §1, §4, §8).

Python standard library only. Kept apart from the HTTP plumbing so the rules read like the
upstream code they copy: api/schema.py validators and studygroups/views/api.py list filters.
"""

import datetime
import re

# --- api/schema.py validators -------------------------------------------------------------------

MSG_REQUIRED = "Field is required"
MSG_INTEGER = "Not a valid integer"
MSG_BOOLEAN = "Not a boolean value"
MSG_EMAIL = "Invalid email address"
MSG_PHONE = "Not a valid phone number"
MSG_CONSENT = "Consent is needed to sign up"
MSG_NO_CIRCLE = "No matching learning circle exists"

# Django's EmailValidator rules as p2pu-api.md §8 states them (no "localhost" whitelist).
_USER_RE = re.compile(
    r"(^[-!#$%&'*+/=?^_`{}|~0-9A-Z]+(\.[-!#$%&'*+/=?^_`{}|~0-9A-Z]+)*\Z"
    r'|^"([\001-\010\013\014\016-\037!#-\[\]-\177]|\\[\001-\011\013\014\016-\177])*"\Z)',
    re.IGNORECASE | re.ASCII)
_DOMAIN_RE = re.compile(
    r"((?:[A-Z0-9](?:[A-Z0-9-]{0,61}[A-Z0-9])?\.)+)(?:[A-Z0-9-]{2,63}(?<!-))\Z",
    re.IGNORECASE | re.ASCII)

# libphonenumber is not in the standard library: an approximation of is_valid_number for the
# countries our fixtures use (national significant number length and leading digits), and a
# generic E.164 rule for the rest. Only "+"-prefixed numbers pass, as upstream (no region).
_NATIONAL_RULES = {
    "1": re.compile(r"[2-9]\d{2}[2-9]\d{6}"),        # NANP
    "254": re.compile(r"(?:[17]\d{8}|20\d{7})"),    # Kenya
    "33": re.compile(r"[1-9]\d{8}"),                # France
    "44": re.compile(r"[1-9]\d{9}"),                # United Kingdom
    "34": re.compile(r"[6-9]\d{8}"),                # Spain
    "255": re.compile(r"[2-7]\d{8}"),               # Tanzania
    "256": re.compile(r"[2-7]\d{8}"),               # Uganda
}


def is_missing(value):
    """What `required=True` refuses: absent, empty string, empty object or list (not False)."""
    return value is None or (isinstance(value, (str, dict, list)) and len(value) == 0)


def to_integer(value):
    """Python's int() as upstream's integer() uses it; None on failure."""
    if isinstance(value, (dict, list)):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def to_boolean(value):
    """JSON true/false or the strings "true", "on", "false"; None when neither."""
    if isinstance(value, bool):
        return value
    if value in ("true", "on"):
        return True
    if value == "false":
        return False
    return None


def is_valid_email(value):
    if not isinstance(value, str) or value.count("@") != 1:
        return False
    user, domain = value.split("@")
    return bool(_USER_RE.match(user)) and bool(_DOMAIN_RE.match(domain))


def is_valid_mobile(value):
    if not isinstance(value, str):
        return False
    compact = re.sub(r"[\s().-]", "", value)
    match = re.fullmatch(r"\+([1-9]\d{6,14})", compact)
    if not match:
        return False
    digits = match.group(1)
    for code, rule in _NATIONAL_RULES.items():
        if digits.startswith(code):
            return bool(rule.fullmatch(digits[len(code):]))
    return 8 <= len(digits) <= 15


def _validate_questions(value):
    """signup_questions: goals and support required, custom_question optional, rest dropped."""
    errors = {}
    clean = {}
    for key in ("goals", "support"):
        if is_missing(value.get(key)):
            errors[key] = [MSG_REQUIRED]
        else:
            clean[key] = value.get(key)
    if not is_missing(value.get("custom_question")):
        clean["custom_question"] = value.get("custom_question")
    return clean, errors


def validate_signup(data, circles_by_id):
    """Upstream's SignupView.post after json.loads: (clean, errors) with errors in schema order.

    Raises TypeError/AttributeError where upstream crashes (HTTP 500): a body that is not an
    object, or signup_questions that is not an object.
    """
    if not isinstance(data, dict):
        raise TypeError("body is not a JSON object")
    errors = {}
    clean = {}
    circle = data.get("learning_circle")
    if is_missing(circle):
        errors["learning_circle"] = [MSG_REQUIRED]
    elif to_integer(circle) is None:
        errors["learning_circle"] = [MSG_INTEGER]
    elif to_integer(circle) not in circles_by_id:
        errors["learning_circle"] = [MSG_NO_CIRCLE]
    else:
        clean["learning_circle"] = to_integer(circle)

    if is_missing(data.get("name")):
        errors["name"] = [MSG_REQUIRED]
    else:
        clean["name"] = str(data.get("name"))

    email = data.get("email")
    if is_missing(email):
        errors["email"] = [MSG_REQUIRED]
    elif not is_valid_email(email):
        errors["email"] = [MSG_EMAIL]
    else:
        clean["email"] = email

    opt_in = data.get("communications_opt_in")
    if opt_in is None:
        clean["communications_opt_in"] = False
    elif to_boolean(opt_in) is None:
        errors["communications_opt_in"] = [MSG_BOOLEAN]
    else:
        clean["communications_opt_in"] = to_boolean(opt_in)

    consent = data.get("consent")
    if is_missing(consent):
        errors["consent"] = [MSG_REQUIRED]
    elif to_boolean(consent) is None:
        errors["consent"] = [MSG_BOOLEAN]
    elif not to_boolean(consent):
        errors["consent"] = [MSG_CONSENT]

    mobile = data.get("mobile")
    if mobile is None or mobile == "":
        clean["mobile"] = ""
    elif not is_valid_mobile(mobile):
        errors["mobile"] = [MSG_PHONE]
    else:
        clean["mobile"] = mobile

    questions = data.get("signup_questions")
    if is_missing(questions):
        errors["signup_questions"] = [MSG_REQUIRED]
    else:
        if not isinstance(questions, dict):
            raise AttributeError("signup_questions is not an object")
        clean_q, q_errors = _validate_questions(questions)
        if q_errors:
            errors["signup_questions"] = [q_errors]
        clean["signup_questions"] = clean_q

    if errors:
        return None, errors
    circle_item = circles_by_id[clean["learning_circle"]]
    if circle_item.get("signup_question") and is_missing(
            clean["signup_questions"].get("custom_question")):
        return None, {"signup_questions": [{"custom_question": [MSG_REQUIRED]}]}
    return clean, {}


# --- studygroups/views/api.py LearningCircleListView ----------------------------------------------

def _date(text):
    return datetime.date.fromisoformat(text)


def in_scope(item, scope, today):
    start = _date(item["start_date"])
    end = _date(item["last_meeting_date"])
    if scope == "active":
        return end >= today
    if scope == "upcoming":
        return start > today
    if scope == "current":
        return start <= today <= end
    if scope == "completed":
        return end < today
    return True


def next_meeting_date(item, today):
    """The feed file's value when it has one, else weekly from start_date for `weeks` meetings."""
    if "next_meeting_date" in item:
        value = item["next_meeting_date"]
        if value is None or _date(value) >= today:
            return value
    start = _date(item["start_date"])
    end = _date(item["last_meeting_date"])
    for week in range(max(int(item.get("weeks", 1)), 1)):
        day = start + datetime.timedelta(days=7 * week)
        if day > end:
            break
        if day >= today:
            return day.isoformat()
    return end.isoformat() if end >= today else None


def list_circles(items, query, today):
    """The list view's answer for a parsed query string (dict of first values): (status, body)."""
    errors = {}
    paging = "limit" in query or "offset" in query
    limit = offset = None
    for key, default in (("limit", 100), ("offset", 0)):
        if key in query:
            value = to_integer(query[key])
            if value is None:
                errors[key] = [MSG_INTEGER]
            elif key == "limit":
                limit = value
            else:
                offset = value
        elif key == "limit":
            limit = default
        else:
            offset = default
    team_id = None
    if "team_id" in query:
        team_id = to_integer(query["team_id"])
        if team_id is None:
            errors["team_id"] = [MSG_INTEGER]
    if errors:
        return {"status": "error", "errors": errors}

    scope = query.get("scope")
    selected = [it for it in sorted(items, key=lambda it: it["id"]) if not it.get("draft")]
    if "id" in query:
        wanted = to_integer(query["id"])
        selected = [it for it in items if it["id"] == wanted]
    if "city" in query:
        selected = [it for it in selected if it.get("city") == query["city"]]
    if team_id is not None:
        selected = [it for it in selected if it.get("team_id") == team_id]
    if scope:
        selected = [it for it in selected if in_scope(it, scope, today)]

    open_count = sum(1 for it in selected
                     if it.get("signup_open") and _date(it["last_meeting_date"]) >= today)
    body = {"count": len(selected), "signup_open_count": open_count,
            "signup_closed_count": len(selected) - open_count}
    if paging:
        body["offset"] = offset
        body["limit"] = limit
        selected = selected[offset:offset + limit] if limit >= 0 else selected[offset:limit]
    out = []
    for item in selected:  # only the page is copied: paging 10,000 circles stays cheap
        copy = {k: v for k, v in item.items() if k not in ("next_meeting_date", "team_id")}
        if scope in ("active", "upcoming", "current"):
            copy["next_meeting_date"] = next_meeting_date(item, today)
        out.append(copy)
    body["items"] = out
    return body


def synthesize(template_items, count):
    """`count` circles cloned from the template items with fresh ascending ids (for figures)."""
    result = []
    for index in range(count):
        item = dict(template_items[index % len(template_items)])
        item["id"] = 100000 + index
        item["name"] = "%s %d" % (item.get("name", "Circle"), index)
        result.append(item)
    return result
