#!/usr/bin/env python3
"""The apps as libraries deploy them, one case per run (CTest runs each):

  cage-kiosk, cage-display   the unit's command line under headless cage as an unprivileged
                             user: READY=1 and WATCHDOG=1 through cage, the app's first screen
                             filling the 1280x720 output (grim, pixels against the theme's
                             colours), killing the app ends cage
  cage-signup                a scripted signup under cage is stored
  cage-xwayland-lost         Xwayland dies: the app exits non-zero and cage ends
  cage-screen-power          the display blanks outside opening hours and runs the configured
                             screen commands, at closing and at opening only
  xvfb-resize-kiosk, -display  windowed under Xvfb at --size exactly, then resized with xdotool:
                             the app follows the window

usage: deploy_test.py CASE --source DIR --out DIR --kiosk BIN --display BIN --lcctl BIN
                        --messages DIR (the build's compiled translations)
Screenshots (PNG) are kept in --out for people to look at. Prints SKIPPED when a tool is missing.
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time

import images
import stack
from stack import Cage, NotifySocket, Skip, Workspace, wait_for

KIOSK_BACKGROUND = images.hex_colour("F6F3EE")    # the kiosk's touch palette
DISPLAY_BACKGROUND = images.hex_colour("111417")  # the lobby palette
MONDAY = "2026-11-30T17:45:00-06:00"    # the kiosk e2e tests' Monday: circles open for signup
TUESDAY = "2026-12-01T17:35:00-06:00"   # the display e2e tests' Tuesday: 3101 starts soon


def prepare(args, ws, now, config_edit=None):
    """A store synced from the sample feed and a config, owned by the test user; returns the
    paths the units' /var/lib and /etc paths become."""
    db = os.path.join(ws.path, "lc.db")
    feed = "file://" + os.path.join(args.source, "tests/data/p2pu-learningcircles-sample.json")
    r = subprocess.run([args.lcctl, "--db", db, "--now", now, "sync", "--feed", feed], capture_output=True, text=True)
    assert r.returncode == 0, f"lcctl sync failed: {r.stdout}{r.stderr}"
    with open(os.path.join(args.source, "assets/config/chicago.json"), encoding="utf-8") as f:
        config = json.load(f)
    if config_edit:
        config_edit(config)
    config_path = os.path.join(ws.path, "config.json")
    with open(config_path, "w", encoding="utf-8") as f:
        json.dump(config, f)
    ws.give(ws.path)
    return db, config_path


def unit_argv(args, ws, unit, db, config):
    """The unit's ExecStart with this build's binaries and the test's store and config."""
    ws.stage_messages(args.messages)
    binaries = {"/usr/bin/cage": "cage", "/usr/bin/lc-kiosk": ws.stage(args.kiosk),
                "/usr/bin/lc-display": ws.stage(args.display)}
    ws.give(ws.path)
    paths = {stack.UNIT_DB: db, stack.UNIT_CONFIG: config}
    argv = [binaries.get(w, paths.get(w, w)) for w in stack.unit_command(args.source, unit)]
    assert argv[:3] == ["cage", "-d", "--"], f"{unit}: ExecStart is not cage -d -- ...: {argv}"
    assert "--fullscreen" in argv, f"{unit}: the app is not started --fullscreen"
    # cage 0.1.4 hands a view that covers the whole output straight to the output (direct
    # scan-out) instead of compositing it; the headless backend never shows such a buffer: any X
    # client of exactly 1280x720 (xclock -bw 0 too) stays black to grim. Turned by 180 degrees
    # (-r -r) the output is still 1280x720 landscape, and cage composites the app's window, as
    # on a real seat whenever scan-out is refused.
    return ["cage", "-r", "-r"] + argv[1:]


def run_scripted(ws, argv, what):
    """Runs `argv` (cage -- APP ...) to its end; returns the app's own exit status (cage 0.1.4
    ends with an assertion when its client exits, whatever the client's status)."""
    status_file = os.path.join(ws.path, "app-status")
    dash = argv.index("--")
    wrapped = argv[:dash + 1] + ["sh", "-c", f'"$@"; echo $? > {status_file}', "sh"] + argv[dash + 1:]
    cage = Cage(ws, wrapped)
    try:
        assert cage.wait(150) is not None, f"{what} under cage still runs after 150 s\n{cage.log()}"
    finally:
        cage.stop()
    status = _read(status_file).strip()
    assert status == "0", f"{what} under cage exited with '{status}'\n{cage.log()}"
    return cage.log()


def app_pid(cage, name):
    return wait_for(f"{name} under cage", lambda: (cage.find(name) or [None])[0], timeout=30)


def case_cage_app(args, ws, unit, name, now, background):
    db, config = prepare(args, ws, now)
    notify = NotifySocket(ws)
    cage = Cage(ws, unit_argv(args, ws, unit, db, config) + ["--now", now], notify=notify)
    try:
        started = time.monotonic()
        assert notify.await_message("READY=1", 60), f"no READY=1 through cage\n{cage.log()}"
        ready_s = time.monotonic() - started
        assert notify.await_message("WATCHDOG=1", 5), "no WATCHDOG=1 through cage within 5 s"
        image = cage.await_screen(f"{name}-cage-1280x720", background)
        assert (image.width, image.height) == (1280, 720), f"output {image.width}x{image.height}"
        print(f"{name}: READY=1 after {ready_s:.1f} s, WATCHDOG=1 follows; output 1280x720 filled, "
              f"background {images.share(image, background):.0%}")
        pid = app_pid(cage, name)
        os.kill(pid, signal.SIGKILL)
        status = cage.wait(15)
        assert status is not None, "cage still runs 15 s after the app was killed"
        print(f"{name} killed: cage ended (status {status})")
    finally:
        cage.stop()
        notify.close()


def case_cage_signup(args, ws):
    db, config = prepare(args, ws, MONDAY)
    script = os.path.join(ws.path, "signup.txt")
    shutil.copy(os.path.join(args.source, "tests/kiosk/scripts/signup_en.txt"), script)
    ws.give(ws.path)
    run_scripted(ws, unit_argv(args, ws, "lc-kiosk.service", db, config) + ["--now", MONDAY, "--script", script],
                 "the scripted signup")
    csv = os.path.join(ws.path, "signups.csv")
    r = subprocess.run([args.lcctl, "--db", db, "export", "signups", "--csv", csv], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    with open(csv, encoding="utf-8") as f:
        stored = f.read()
    assert "María Gómez" in stored and "maria@example.org" in stored, f"the signup is not stored:\n{stored}"
    print("scripted signup under cage: stored (lcctl export shows María Gómez)")


def case_cage_xwayland_lost(args, ws):
    db, config = prepare(args, ws, MONDAY)
    cage = Cage(ws, unit_argv(args, ws, "lc-kiosk.service", db, config) + ["--now", MONDAY])
    try:
        cage.await_screen("kiosk-before-xwayland-lost", KIOSK_BACKGROUND)
        app = app_pid(cage, "lc-kiosk")
        xwayland = app_pid(cage, "Xwayland")
        os.kill(xwayland, signal.SIGKILL)
        # The app is cage's child: its exit status is cage's to reap; cage ends with it.
        status = cage.wait(20)
        assert status is not None, f"cage still runs 20 s after Xwayland died\n{cage.log()}"
        assert not os.path.exists(f"/proc/{app}"), "lc-kiosk still runs after Xwayland died"
        log = cage.log()
        assert "[ui.shell.7]" in log, f"lc-kiosk did not report the lost X connection:\n{log}"
        print(f"Xwayland killed: lc-kiosk exited reporting [ui.shell.7], cage ended (status {status})")
    finally:
        cage.stop()


def case_cage_screen_power(args, ws):
    power_log = os.path.join(ws.path, "power.log")

    def commands(config):
        config["display"]["screen_off_command"] = f"echo off >> {power_log}"
        config["display"]["screen_on_command"] = f"echo on >> {power_log}"

    # Tuesday: open 09:00-20:00. The script walks the fixed clock across closing and opening.
    db, config = prepare(args, ws, TUESDAY, commands)
    script = os.path.join(ws.path, "power.txt")
    with open(script, "w", encoding="utf-8") as f:
        f.write("advance 2h\n"                                 # 19:35, open: nothing runs
                "advance 30m\nscreenshot closed-20-05.png\n"   # 20:05: closed, off runs once
                "advance 12h\n"                                # 08:05 next day: still closed
                "advance 1h\nscreenshot open-09-05.png\n")     # 09:05: open, on runs once
    ws.give(ws.path)
    log = run_scripted(ws, unit_argv(args, ws, "lc-display.service", db, config)
                       + ["--now", TUESDAY, "--script", script], "the display's script")
    switches = [line.split(":")[1].strip() for line in log.splitlines() if line.startswith("lc-display: screen ")]
    assert switches == ["screen off", "screen on"], f"the display switched {switches}\n{log}"
    # The commands run detached from the frame: let the last one finish.
    wait_for("the off and on commands' output", lambda: _read(power_log).split() == ["off", "on"], timeout=10)
    # Decoding a PNG in pure Python takes seconds: the first closed frame and the reopening.
    for name, blank in (("closed-20-05.png", True), ("open-09-05.png", False)):
        frame = images.read_png(os.path.join(ws.path, name))
        frame.write_png(os.path.join(ws.keep_dir, "power-" + name))
        black = images.share(frame, (0, 0, 0), tolerance=1)
        problem = images.fills(frame, DISPLAY_BACKGROUND)
        assert (black > 0.999) if blank else not problem, f"{name}: black {black:.1%}; {problem}"
    print("screen power under cage: off once at 20:05 (closed), on once at 09:05 (open), none while open")


def _read(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError:
        return ""


def case_xvfb_resize(args, ws, name):
    """Re-runs this file under xvfb-run, with Xvfb's screen kept as an XWD file in a folder."""
    fbdir = ws.sub("fb")
    cmd = ["xvfb-run", "-a", "-s", f"-screen 0 1280x1024x24 -br -fbdir {fbdir}", sys.executable, __file__,
           "xvfb-resize-inner", "--app", name, "--fb", os.path.join(fbdir, "Xvfb_screen0")]
    for k in ("source", "out", "kiosk", "display", "lcctl", "messages"):
        cmd += [f"--{k}", getattr(args, k)]
    r = subprocess.run(cmd, text=True, capture_output=True, timeout=180)
    sys.stdout.write(r.stdout)
    assert r.returncode == 0, f"under Xvfb: {r.stdout}{r.stderr}"


def window_box(image):
    """The bounding box (w, h) of what is not black, from the top-left corner."""
    w = next((x for x in range(image.width - 1, -1, -1) if image.pixel(x, 4) != (0, 0, 0)), -1) + 1
    h = next((y for y in range(image.height - 1, -1, -1) if image.pixel(4, y) != (0, 0, 0)), -1) + 1
    return w, h


def case_xvfb_resize_inner(args, ws):
    name = args.app
    binary, background, now = ((args.kiosk, KIOSK_BACKGROUND, MONDAY) if name == "lc-kiosk"
                               else (args.display, DISPLAY_BACKGROUND, TUESDAY))
    db, config = prepare(args, ws, now)
    log = open(os.path.join(ws.path, "app.log"), "wb")
    app = subprocess.Popen([binary, "--config", config, "--db", db, "--now", now, "--size", "800x600"],
                           stdout=log, stderr=log, env=dict(os.environ, LC_RUN_DIR=ws.run_dir))
    try:
        for size in ((800, 600), (1100, 700), (640, 900)):
            if size != (800, 600):
                subprocess.run(["xdotool", "search", "--sync", "--name", "Learning circles", "windowsize",
                                str(size[0]), str(size[1])], check=True, timeout=30, capture_output=True)
            last = [""]

            def shown():
                screen = images.read_xwd(args.fb)
                box = window_box(screen)
                last[0] = f"window {box[0]}x{box[1]}"
                if box != size:
                    return None
                last[0] = images.fills(screen.crop(0, 0, *size), background)
                return screen if not last[0] else None

            try:
                screen = wait_for(f"{name} at {size[0]}x{size[1]}", shown, timeout=30, every=0.3)
            except AssertionError as e:
                raise AssertionError(f"{e}: {last[0]}") from None
            screen.crop(0, 0, *size).write_png(os.path.join(args.out, f"{name}-xvfb-{size[0]}x{size[1]}.png"))
            print(f"{name} under Xvfb: {size[0]}x{size[1]} window filled")
        assert app.poll() is None, "the app exited"
    finally:
        app.terminate()
        app.wait(10)
        log.close()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("case")
    for k in ("source", "out", "kiosk", "display", "lcctl", "messages"):
        p.add_argument(f"--{k}", required=True)
    p.add_argument("--app")
    p.add_argument("--fb")
    args = p.parse_args()
    cases = {
        "cage-kiosk": lambda ws: case_cage_app(args, ws, "lc-kiosk.service", "lc-kiosk", MONDAY, KIOSK_BACKGROUND),
        "cage-display": lambda ws: case_cage_app(args, ws, "lc-display.service", "lc-display", TUESDAY,
                                                 DISPLAY_BACKGROUND),
        "cage-signup": lambda ws: case_cage_signup(args, ws),
        "cage-xwayland-lost": lambda ws: case_cage_xwayland_lost(args, ws),
        "cage-screen-power": lambda ws: case_cage_screen_power(args, ws),
        "xvfb-resize-kiosk": lambda ws: case_xvfb_resize(args, ws, "lc-kiosk"),
        "xvfb-resize-display": lambda ws: case_xvfb_resize(args, ws, "lc-display"),
        "xvfb-resize-inner": lambda ws: case_xvfb_resize_inner(args, ws),
    }
    if args.case not in cases:
        sys.exit(f"unknown case {args.case}; one of {', '.join(cases)}")
    started = time.monotonic()
    try:
        if args.case.startswith("cage"):
            stack.require_tools("cage", "Xwayland", "grim", "setpriv")
        else:
            stack.require_tools("xvfb-run", "xdotool")
        ws = Workspace(args.out)
    except Skip as e:
        print(f"SKIPPED: {e}")
        return 0
    try:
        cases[args.case](ws)
    except AssertionError as e:
        print(f"FAILED: {args.case}: {e}")
        return 1
    finally:
        ws.close()
    print(f"{args.case}: passed in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
