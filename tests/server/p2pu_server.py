#!/usr/bin/env python3
"""A loopback imitation of P2PU's learning-circles API for the kiosk's tests (issue #3).

Python standard library only. Serves the feed file given with --feed on GET /api/learningcircles/
(paging, scope relative to --today, Cache-Control: max-age=900, optional ETag/Last-Modified with
304) and validates POST /api/signup/ exactly as upstream does (see p2pu_rules.py), recording every
request it receives.

It is also a webhook receiver (the kiosk's optional webhook): POST /hook records the body and
headers like any request (read them back with /_control/received?path=/hook) and answers
"hook_status" (default 204, no body); fault modes apply to it as to the other paths.

With --tls-cert/--tls-key it serves HTTPS only (the tests make a throwaway CA with openssl).

Usage:
  p2pu_server.py --port 0 --feed FILE --today 2026-11-30 [--port-file F] [--validators]
                 [--tls-cert PEM --tls-key PEM]

Control API for tests (JSON in, JSON out):
  POST /_control           {"mode": M, "path": "/api/signup/", "after": K, "times": N, ...}
                           set a fault (for N requests to path, after K went through)
                           {"validators": true|false}  {"fail_emails": ["a@x.org"]}
                           {"gzip": true}  (compress when the client accepts gzip)
                           {"hook_status": 200}  (what POST /hook answers; default 204)
  POST /_control/reset     clear fault, validators off, records and signups
  POST /_control/release   let every held response go
  POST /_control/feed      {"items": [...]} | {"file": PATH} | {"synth": N}  replace the feed
  GET  /_control/held      {"held": n}
  GET  /_control/received  {"requests": [...]}   (?path=/api/signup/ to filter)
  GET  /_control/signups   {"signups": [...]}    upstream's Application table
Fault modes: normal, delay (seconds), slowloris (interval), http500, http503 (retry_after),
http404, html_error,
captive_portal, truncated, invalid_json, wrong_types, oversized (bytes, declare_length),
redirect_loop, status_error, count_mismatch, drop, random_fail (percent, seed), hold,
empty_feed (no items), all_invalid (every start_date as YYYY/MM/DD), redirect (status, location).
"Connection refused" is a server that is not running.
"""

import argparse
import datetime
import email.utils
import gzip
import hashlib
import json
import os
import random
import ssl
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import p2pu_rules  # noqa: E402

FEED_PATH = "/api/learningcircles/"
SIGNUP_PATH = "/api/signup/"
HOOK_PATH = "/hook"
MAX_HANDLERS = 64
MAX_REQUEST_BODY = 1 << 20
HOLD_LIMIT_S = 120

HTML_500 = "<!doctype html>\n<html lang=\"en\">\n<head><title>Server Error (500)</title></head>\n" \
           "<body><h1>Server Error (500)</h1><p></p></body>\n</html>\n"
HTML_404 = "<!doctype html><html><head><title>Not Found</title></head><body><h1>Not Found</h1>" \
           "<p>The requested resource was not found on this server.</p></body></html>\n"
HTML_502 = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n" \
           "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n" \
           "</body>\r\n</html>\r\n"
HTML_PORTAL = "<!DOCTYPE html><html><head><title>Library Wi-Fi</title></head><body>" \
              "<h1>Welcome to the Library</h1><form method=\"post\" action=\"/login\">" \
              "<label><input type=\"checkbox\" name=\"terms\"> I accept the terms of use</label>" \
              "<button>Connect</button></form></body></html>\n"


class State:
    """Everything the handlers share, behind one lock."""

    def __init__(self, items, today, validators):
        self.lock = threading.Lock()
        self.today = today
        self.validators = validators
        self.gzip = False
        self.hook_status = 204
        self.fault = {"mode": "normal"}
        self.fail_emails = set()
        self.received = []
        self.signups = {}  # (circle id, email lower) -> application dict
        self.held = 0
        self.release_event = threading.Event()
        self.rng = random.Random(0)
        self.set_items(items)

    def set_items(self, items):
        self.items = list(items)
        self.circles = {it["id"]: it for it in self.items}
        self.version = getattr(self, "version", -1) + 1
        midnight = datetime.datetime.combine(self.today, datetime.time(), datetime.timezone.utc)
        self.last_modified = midnight - datetime.timedelta(days=1) + \
            datetime.timedelta(hours=self.version)

    def set_fault(self, spec):
        fault = dict(spec)
        fault.setdefault("mode", "normal")
        if fault["mode"] == "random_fail":
            self.rng = random.Random(fault.get("seed", 0))
        self.fault = fault

    def fault_for(self, path):
        """The fault mode that applies to this request, consuming one of `times` if set."""
        fault = self.fault
        if fault["mode"] == "normal":
            return fault
        if fault.get("path") and not path.startswith(fault["path"]):
            return {"mode": "normal"}
        if fault.get("after", 0) > 0:  # let this many matching requests through first
            fault["after"] -= 1
            return {"mode": "normal"}
        if "times" in fault:
            if fault["times"] <= 0:
                return {"mode": "normal"}
            fault["times"] -= 1
        if fault["mode"] == "random_fail":
            failed = self.rng.random() * 100.0 < float(fault.get("percent", 50))
            return {"mode": "http500"} if failed else {"mode": "normal"}
        return fault


def load_items(path):
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    return data["items"] if isinstance(data, dict) else data


def dumps(obj):
    # upstream: json.dumps(..., cls=DjangoJSONEncoder, ensure_ascii=False)
    return json.dumps(obj, ensure_ascii=False).encode("utf-8")


class Handler(BaseHTTPRequestHandler):
    server_version = "nginx"
    sys_version = ""
    timeout = 60  # a client that stalls does not hold a thread forever

    # --- plumbing -------------------------------------------------------------------------------

    @property
    def state(self):
        return self.server.state

    def log_message(self, fmt, *args):  # quiet: tests read /_control/received instead
        pass

    def split(self):
        parsed = urllib.parse.urlsplit(self.path)
        query = {k: v[0] for k, v in urllib.parse.parse_qs(parsed.query,
                                                            keep_blank_values=True).items()}
        return parsed.path, query

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(min(length, MAX_REQUEST_BODY)) if length > 0 else b""

    def send(self, status, body, content_type="application/json", headers=None):
        with self.state.lock:
            compress = self.state.gzip
        if compress and body and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body)
            headers = dict(headers or {}, **{"Content-Encoding": "gzip"})
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD" and body:
            self.wfile.write(body)

    def record(self, path, query, body, outcome):
        entry = {"method": self.command, "path": path, "query": query,
                 "headers": {k.lower(): v for k, v in self.headers.items()},
                 "body": body.decode("utf-8", "replace"), "outcome": outcome}
        with self.state.lock:
            self.state.received.append(entry)
        return entry

    # --- verbs ----------------------------------------------------------------------------------

    def do_GET(self):
        path, query = self.split()
        if path.startswith("/_control"):
            return self.control_get(path, query)
        entry = self.record(path, query, b"", "pending")
        if self.apply_fault(path, entry):
            return
        if path == FEED_PATH:
            return self.serve_feed(query, entry)
        entry["outcome"] = "404"
        self.send(404, HTML_404.encode(), "text/html")

    def do_POST(self):
        path, query = self.split()
        body = self.read_body()
        if path.startswith("/_control"):
            return self.control_post(path, body)
        entry = self.record(path, query, body, "pending")
        if path == SIGNUP_PATH and self.email_fails(body):
            entry["outcome"] = "fault:fail_email"
            return self.send(500, HTML_500.encode(), "text/html")
        if self.apply_fault(path, entry):
            return
        if path == SIGNUP_PATH:
            return self.serve_signup(body, entry)
        if path == HOOK_PATH:
            return self.serve_hook(entry)
        entry["outcome"] = "404"
        self.send(404, HTML_404.encode(), "text/html")

    # --- the two upstream endpoints -------------------------------------------------------------

    def serve_feed(self, query, entry):
        with self.state.lock:
            items, today = self.state.items, self.state.today
            validators, last_modified = self.state.validators, self.state.last_modified
        answer = p2pu_rules.list_circles(items, query, today)
        body = dumps(answer)
        content_type = "application/json"
        if query.get("callback"):
            body = query["callback"].encode() + b"(" + body + b");"
            content_type = "text/javascript"
        headers = {"Cache-Control": "max-age=900"}
        if validators:
            etag = '"%s"' % hashlib.sha1(body).hexdigest()
            headers["ETag"] = etag
            headers["Last-Modified"] = email.utils.format_datetime(last_modified, usegmt=True)
            if self.not_modified(etag, last_modified):
                entry["outcome"] = "304"
                self.send_response(304)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                return
        entry["outcome"] = "200"
        self.send(200, body, content_type, headers)

    def not_modified(self, etag, last_modified):
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            tags = [t.strip() for t in if_none_match.split(",")]
            return "*" in tags or etag in tags or ("W/" + etag) in tags
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                return last_modified <= email.utils.parsedate_to_datetime(since)
            except (TypeError, ValueError):
                return False
        return False

    def serve_signup(self, body, entry):
        try:
            data = json.loads(body.decode("utf-8"))
            with self.state.lock:
                clean, errors = p2pu_rules.validate_signup(data, self.state.circles)
        except (ValueError, TypeError, AttributeError, UnicodeDecodeError):
            entry["outcome"] = "500"
            return self.send(500, HTML_500.encode(), "text/html")
        if errors:
            entry["outcome"] = "error"
            return self.send(200, dumps({"status": "error", "errors": errors}))
        self.upsert(clean)
        entry["outcome"] = "created"
        self.send(200, dumps({"status": "created"}))

    def serve_hook(self, entry):
        with self.state.lock:
            status = self.state.hook_status
        entry["outcome"] = str(status)
        if status == 204:
            self.send_response(204)
            self.end_headers()
            return
        self.send(status, dumps({"ok": 200 <= status < 300}))

    def upsert(self, clean):
        key = (clean["learning_circle"], clean["email"].lower())
        with self.state.lock:
            app = self.state.signups.get(key)
            if app is None:
                self.state.signups[key] = dict(clean, updates=0)
                return
            app["name"] = clean["name"]
            app["signup_questions"] = clean["signup_questions"]
            app["communications_opt_in"] = clean["communications_opt_in"]
            if clean["mobile"]:
                app["mobile"] = clean["mobile"]
            app["updates"] += 1

    def email_fails(self, body):
        with self.state.lock:
            if not self.state.fail_emails:
                return False
            wanted = self.state.fail_emails
        try:
            data = json.loads(body.decode("utf-8"))
            return isinstance(data, dict) and str(data.get("email", "")).lower() in wanted
        except (ValueError, UnicodeDecodeError):
            return False

    # --- faults ---------------------------------------------------------------------------------

    def apply_fault(self, path, entry):
        """Answer with the configured fault; True when the request is done."""
        with self.state.lock:
            fault = dict(self.state.fault_for(path))
        mode = fault["mode"]
        if mode == "normal":
            return False
        entry["outcome"] = "fault:" + mode
        if mode == "hold":
            self.hold()
            entry["outcome"] = "pending"
            return False
        if mode == "delay":
            time.sleep(float(fault.get("seconds", 5)))
            entry["outcome"] = "pending"
            return False
        handler = getattr(self, "fault_" + mode, None)
        if handler is None:
            self.send(400, dumps({"unknown_mode": mode}))
            return True
        handler(path, fault)
        return True

    def hold(self):
        with self.state.lock:
            self.state.held += 1
            event = self.state.release_event
        event.wait(HOLD_LIMIT_S)
        with self.state.lock:
            self.state.held -= 1

    def fault_http500(self, _path, _fault):
        self.send(500, HTML_500.encode(), "text/html")

    def fault_http503(self, _path, fault):
        headers = {"Retry-After": str(fault["retry_after"])} if "retry_after" in fault else {}
        self.send(503, HTML_502.replace("502 Bad Gateway", "503 Service Unavailable").encode(),
                  "text/html", headers)

    def fault_http404(self, _path, _fault):
        self.send(404, HTML_404.encode(), "text/html")

    def fault_html_error(self, _path, _fault):
        self.send(502, HTML_502.encode(), "text/html")

    def fault_captive_portal(self, _path, _fault):
        self.send(200, HTML_PORTAL.encode(), "text/html; charset=utf-8")

    def fault_status_error(self, path, _fault):
        field = "limit" if path == FEED_PATH else "learning_circle"
        message = p2pu_rules.MSG_INTEGER if path == FEED_PATH else p2pu_rules.MSG_NO_CIRCLE
        self.send(200, dumps({"status": "error", "errors": {field: [message]}}))

    def fault_invalid_json(self, _path, _fault):
        self.send(200, b'{"count": 13, "signup_open_count": 12, "items": [{"id": 3101, "name": "Pub')

    def fault_wrong_types(self, path, _fault):
        if path == FEED_PATH:
            body = {"count": "13", "signup_open_count": None, "items": {"id": "3101"}}
        else:
            body = {"status": ["created"]}
        self.send(200, dumps(body))

    def fault_count_mismatch(self, _path, _fault):
        _, query = self.split()
        with self.state.lock:
            answer = p2pu_rules.list_circles(self.state.items, query, self.state.today)
        if "count" in answer:
            answer["count"] += 5
        self.send(200, dumps(answer), headers={"Cache-Control": "max-age=900"})

    def fault_empty_feed(self, _path, _fault):
        self.send(200, dumps({"count": 0, "next": None, "previous": None, "items": []}))

    def fault_all_invalid(self, path, _fault):
        """The normal answer with every start_date as YYYY/MM/DD (an upstream format change)."""
        answer = json.loads(self.normal_body(path))
        for item in answer.get("items", []):
            item["start_date"] = str(item.get("start_date", "")).replace("-", "/")
        self.send(200, dumps(answer))

    def fault_redirect(self, _path, fault):
        """A redirect (status, default 302) to fault["location"]: a 307 or a captive portal's 302."""
        self.send(int(fault.get("status", 302)), b"", "text/html", {"Location": fault["location"]})

    def fault_redirect_loop(self, _path, _fault):
        self.send(302, b"", "text/html", {"Location": self.path})

    def fault_drop(self, _path, _fault):
        self.close_connection = True  # no status line at all: "empty reply from server"

    def fault_truncated(self, path, _fault):
        body = self.normal_body(path)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body[:len(body) // 2])
        self.wfile.flush()
        self.close_connection = True

    def fault_slowloris(self, path, fault):
        body = self.normal_body(path)
        interval = float(fault.get("interval", 1.0))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            for index in range(len(body)):
                self.wfile.write(body[index:index + 1])
                self.wfile.flush()
                time.sleep(interval)
        except OSError:
            pass  # the client gave up, as it should
        self.close_connection = True

    def fault_oversized(self, _path, fault):
        size = int(fault.get("bytes", 25 * 1024 * 1024))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if fault.get("declare_length"):
            self.send_header("Content-Length", str(size))
        self.end_headers()
        head = b'{"count": 1, "items": [], "pad": "'
        chunk = b"x" * 65536
        try:
            self.wfile.write(head)
            sent = len(head)
            while sent < size - 2:
                piece = chunk[:max(0, min(len(chunk), size - 2 - sent))]
                self.wfile.write(piece)
                sent += len(piece)
            self.wfile.write(b'"}')
        except OSError:
            pass  # the client aborted at its cap
        self.close_connection = True

    def normal_body(self, path):
        _, query = self.split()
        if path == FEED_PATH:
            with self.state.lock:
                return dumps(p2pu_rules.list_circles(self.state.items, query, self.state.today))
        return dumps({"status": "created"})

    # --- control --------------------------------------------------------------------------------

    def control_get(self, path, query):
        with self.state.lock:
            if path == "/_control/held":
                answer = {"held": self.state.held}
            elif path == "/_control/received":
                wanted = query.get("path")
                answer = {"requests": [r for r in self.state.received
                                       if not wanted or r["path"] == wanted]}
            elif path == "/_control/signups":
                answer = {"signups": list(self.state.signups.values())}
            else:
                answer = {"fault": self.state.fault, "validators": self.state.validators,
                          "items": len(self.state.items)}
        self.send(200, dumps(answer))

    def control_post(self, path, body):
        try:
            spec = json.loads(body.decode("utf-8")) if body else {}
        except ValueError:
            return self.send(400, dumps({"error": "control body is not JSON"}))
        with self.state.lock:
            answer = self.control_locked(path, spec)
        self.send(200 if "error" not in answer else 400, dumps(answer))

    def control_locked(self, path, spec):
        state = self.state
        if path == "/_control":
            if "validators" in spec:
                state.validators = bool(spec.pop("validators"))
            if "gzip" in spec:
                state.gzip = bool(spec.pop("gzip"))
            if "hook_status" in spec:
                state.hook_status = int(spec.pop("hook_status"))
            if "fail_emails" in spec:
                state.fail_emails = {str(e).lower() for e in spec.pop("fail_emails")}
            if spec:
                state.set_fault(spec)
            return {"ok": True}
        if path == "/_control/reset":
            state.set_fault({"mode": "normal"})
            state.validators = False
            state.gzip = False
            state.hook_status = 204
            state.fail_emails = set()
            state.received = []
            state.signups = {}
            return {"ok": True}
        if path == "/_control/release":
            released = state.held
            state.release_event.set()
            state.release_event = threading.Event()
            if state.fault.get("mode") == "hold":
                state.set_fault({"mode": "normal"})
            return {"released": released}
        if path == "/_control/feed":
            if "items" in spec:
                state.set_items(spec["items"])
            elif "file" in spec:
                state.set_items(load_items(spec["file"]))
            elif "synth" in spec:
                state.set_items(p2pu_rules.synthesize(state.items, int(spec["synth"])))
            return {"ok": True, "items": len(state.items)}
        return {"error": "unknown control path " + path}


class Server(ThreadingHTTPServer):
    """One thread per request, at most MAX_HANDLERS at once (others wait in the accept queue)."""
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, state):
        super().__init__(address, Handler)
        self.state = state
        self.slots = threading.BoundedSemaphore(MAX_HANDLERS)

    def handle_error(self, request, client_address):
        # A client that went away (killed by a test, or at its size cap) is expected here.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError, ssl.SSLError)):
            return
        super().handle_error(request, client_address)

    def process_request(self, request, client_address):
        self.slots.acquire()
        try:
            super().process_request(request, client_address)
        except Exception:
            self.slots.release()
            raise

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--port-file", help="write the bound port here (atomically)")
    parser.add_argument("--feed", required=True, help="a list response or a list of items")
    parser.add_argument("--today", required=True, help="the server's date, YYYY-MM-DD (UTC)")
    parser.add_argument("--validators", action="store_true", help="send ETag/Last-Modified")
    parser.add_argument("--synth", type=int, default=0, help="serve N circles cloned from --feed")
    parser.add_argument("--tls-cert", help="serve HTTPS with this PEM certificate (chain)")
    parser.add_argument("--tls-key", help="the PEM private key of --tls-cert")
    args = parser.parse_args(argv)
    if bool(args.tls_cert) != bool(args.tls_key):
        parser.error("--tls-cert and --tls-key go together")

    items = load_items(args.feed)
    if args.synth:
        items = p2pu_rules.synthesize(items, args.synth)
    state = State(items, datetime.date.fromisoformat(args.today), args.validators)
    server = Server(("127.0.0.1", args.port), state)
    if args.tls_cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        # The handshake runs in accept(); a client that refuses our certificate raises an
        # SSLError (an OSError) there, which socketserver drops quietly.
        server.socket = context.wrap_socket(server.socket, server_side=True)
    port = server.server_address[1]
    if args.port_file:
        tmp = args.port_file + ".tmp"
        with open(tmp, "w", encoding="ascii") as handle:
            handle.write("%d\n" % port)
        os.replace(tmp, args.port_file)
    else:
        print(port, flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        state.release_event.set()
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
