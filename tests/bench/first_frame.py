#!/usr/bin/env python3
"""Start to first frame of an lc_ui app, measured from outside the process.

lc_ui sends READY=1 to $NOTIFY_SOCKET right after its first frame is presented (glfwSwapBuffers),
which is what systemd waits for. This script binds such a socket, starts the app RUNS times
(after WARMUP unmeasured starts, so that every measured one finds the files in the page cache),
and times each from just before exec to the arrival of READY=1; then it stops the app (SIGTERM).

Usage: first_frame.py [--runs N] [--warmup N] -- APP [ARGS...]
Prints one line per run, then "median_ms <x>".
"""

import argparse
import os
import select
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

TIMEOUT_S = 30


def one_start(cmd, sock_path, sock):
    env = dict(os.environ, NOTIFY_SOCKET=sock_path)
    env.pop("WATCHDOG_USEC", None)
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = t0 + TIMEOUT_S
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or proc.poll() is not None:
                raise RuntimeError(f"no READY=1 from {cmd[0]} (exit status {proc.poll()})")
            ready, _, _ = select.select([sock], [], [], min(left, 0.5))
            if ready and b"READY=1" in sock.recv(4096):
                return (time.monotonic() - t0) * 1000.0
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
    if not cmd:
        ap.error("no command")
    with tempfile.TemporaryDirectory() as tmp:
        sock_path = os.path.join(tmp, "notify")
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        sock.bind(sock_path)
        for _ in range(args.warmup):
            one_start(cmd, sock_path, sock)
        times = []
        for run in range(1, args.runs + 1):
            ms = one_start(cmd, sock_path, sock)
            times.append(ms)
            print(f"run {run}: {ms:.1f} ms", flush=True)
        print(f"median_ms {statistics.median(times):.1f} min_ms {min(times):.1f} max_ms {max(times):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
