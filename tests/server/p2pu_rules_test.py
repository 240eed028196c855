#!/usr/bin/env python3
"""Checks the test server's upstream rules against the recorded samples (standard library only).

Run: python3 tests/server/p2pu_rules_test.py  (CTest runs it as "server: rules").
"""

import datetime
import json
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
sys.path.insert(0, HERE)
import p2pu_rules  # noqa: E402

TODAY = datetime.date(2026, 11, 30)


def load(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as handle:
        return json.load(handle)


class SignupRules(unittest.TestCase):
    def setUp(self):
        self.samples = load("p2pu-signup-samples.json")
        # The samples' circle ids are illustrative: make them exist, 2890 with a signup_question.
        self.circles = {2890: {"id": 2890, "signup_question": "Do you have a computer?"},
                        2871: {"id": 2871}}

    def test_sample_bodies_are_created(self):
        for key in ("request_body", "request_body_minimal"):
            clean, errors = p2pu_rules.validate_signup(self.samples[key], self.circles)
            self.assertEqual(errors, {}, key)
            self.assertEqual(clean["email"], self.samples[key]["email"])

    def test_several_errors_in_schema_order(self):
        case = self.samples["error_responses"][0]
        _, errors = p2pu_rules.validate_signup(case["request_body"], self.circles)
        self.assertEqual(json.dumps(errors), json.dumps(case["body"]["errors"]))

    def test_custom_question_only_after_the_rest(self):
        body = dict(self.samples["request_body"])
        body["signup_questions"] = {"goals": "g", "support": "s"}
        _, errors = p2pu_rules.validate_signup(body, self.circles)
        self.assertEqual(errors, self.samples["error_responses"][1]["body"]["errors"])
        body["email"] = "amina@"
        _, errors = p2pu_rules.validate_signup(body, self.circles)
        self.assertEqual(errors, {"email": ["Invalid email address"]})

    def test_single_field_errors(self):
        base = self.samples["request_body_minimal"]
        cases = [({"learning_circle": 999}, self.samples["error_responses"][2]),
                 ({"learning_circle": "abc"}, self.samples["error_responses"][3]),
                 ({"email": "amina@"}, self.samples["error_responses"][4]),
                 ({"consent": None}, self.samples["error_responses"][5]),
                 ({"signup_questions": {}}, self.samples["error_responses"][6]),
                 ({"communications_opt_in": "yes"}, self.samples["error_responses"][7])]
        for change, expected in cases:
            body = dict(base, **change)
            body = {k: v for k, v in body.items() if v is not None}
            _, errors = p2pu_rules.validate_signup(body, self.circles)
            self.assertEqual(errors, expected["body"]["errors"], expected["case"])

    def test_lenient_forms_upstream_accepts(self):
        base = self.samples["request_body_minimal"]
        for change in ({"learning_circle": "2871"}, {"mobile": ""}, {"consent": "on"},
                       {"communications_opt_in": "true"}, {"mobile": "+33612345678"}):
            _, errors = p2pu_rules.validate_signup(dict(base, **change), self.circles)
            self.assertEqual(errors, {}, change)

    def test_email_rule(self):
        for good in ("a@b.co", "first.last+tag@mail.example.org", '"odd..user"@example.com'):
            self.assertTrue(p2pu_rules.is_valid_email(good), good)
        for bad in ("josé@exemple.fr", "ana@correo.c", "ana@localhost", "a@@b.com", ".a@b.com",
                    "a..b@c.com", "a@-b.com", "a@b-.com", "a@b.co-"):
            self.assertFalse(p2pu_rules.is_valid_email(bad), bad)

    def test_not_an_object_crashes_like_upstream(self):
        with self.assertRaises(TypeError):
            p2pu_rules.validate_signup([1, 2], self.circles)


class ListRules(unittest.TestCase):
    def setUp(self):
        self.items = load("p2pu-learningcircles-sample.json")["items"]

    def test_envelope_without_paging(self):
        body = p2pu_rules.list_circles(self.items, {}, TODAY)
        self.assertEqual(list(body), ["count", "signup_open_count", "signup_closed_count", "items"])
        self.assertEqual(body["count"], len(self.items))
        self.assertNotIn("next_meeting_date", body["items"][0])

    def test_paging_ascending_id(self):
        first = p2pu_rules.list_circles(self.items, {"limit": "5"}, TODAY)
        self.assertEqual(list(first)[3:5], ["offset", "limit"])
        rest = p2pu_rules.list_circles(self.items, {"limit": "5", "offset": "5"}, TODAY)
        ids = [it["id"] for it in first["items"] + rest["items"]]
        self.assertEqual(ids, sorted(ids))
        self.assertEqual(len(ids), 10)

    def test_scope(self):
        active = p2pu_rules.list_circles(self.items, {"scope": "active"}, TODAY)
        self.assertIn("next_meeting_date", active["items"][0])
        upcoming = p2pu_rules.list_circles(self.items, {"scope": "upcoming"}, TODAY)
        self.assertTrue(all(it["start_date"] > "2026-11-30" for it in upcoming["items"]))
        later = p2pu_rules.list_circles(self.items, {"scope": "completed"},
                                        datetime.date(2027, 1, 10))
        self.assertTrue(all(it["last_meeting_date"] < "2027-01-10" for it in later["items"]))

    def test_bad_limit(self):
        self.assertEqual(p2pu_rules.list_circles(self.items, {"limit": "ten"}, TODAY),
                         {"status": "error", "errors": {"limit": ["Not a valid integer"]}})


if __name__ == "__main__":
    unittest.main()
