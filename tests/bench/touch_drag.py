#!/usr/bin/env python3
"""Synthetic touch input for the kiosk frame-time bench: XTest events on $DISPLAY, no packages.

Optionally taps (--tap X,Y[;X,Y...]: press, release, a second apart), then either drags a finger
up and down over a column (--drag X,Y0,Y1) at 60 events a second for --seconds, the way a patron
scrolls the circle list, or types (--type TEXT: key presses on a physical keyboard, 5 a second,
the text repeated and erased with BackSpace for --seconds), the way a patron fills a form field.
Each moving press makes lc_ui draw frames into the live window (the production path, no
offscreen copy), so the app's LC_UI_FRAME_STATS describe frames a patron would see.
"""

import argparse
import ctypes
import sys
import time

STEP_S = 1 / 60
STEP_PX = 12


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tap", default="")
    ap.add_argument("--drag", default="")
    ap.add_argument("--type", default="")
    ap.add_argument("--seconds", type=float, default=10)
    args = ap.parse_args()

    x11 = ctypes.CDLL("libX11.so.6")
    xtst = ctypes.CDLL("libXtst.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XFlush.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    xtst.XTestFakeMotionEvent.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_int,
                                          ctypes.c_ulong]
    xtst.XTestFakeButtonEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
    xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
    x11.XStringToKeysym.argtypes = [ctypes.c_char_p]
    x11.XStringToKeysym.restype = ctypes.c_ulong
    x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
    x11.XKeysymToKeycode.restype = ctypes.c_ubyte
    dpy = x11.XOpenDisplay(None)
    if not dpy:
        sys.exit("touch_drag: cannot open $DISPLAY")

    def move(x, y):
        xtst.XTestFakeMotionEvent(dpy, -1, x, y, 0)
        x11.XFlush(dpy)

    def button(down):
        xtst.XTestFakeButtonEvent(dpy, 1, 1 if down else 0, 0)
        x11.XFlush(dpy)

    def key(name):
        code = x11.XKeysymToKeycode(dpy, x11.XStringToKeysym(name.encode()))
        xtst.XTestFakeKeyEvent(dpy, code, 1, 0)
        xtst.XTestFakeKeyEvent(dpy, code, 0, 0)
        x11.XFlush(dpy)

    for tap in filter(None, args.tap.split(";")):
        tx, ty = (int(v) for v in tap.split(","))
        move(tx, ty)
        time.sleep(0.2)
        button(True)
        time.sleep(0.1)
        button(False)
        time.sleep(1.0)

    if args.type:
        keys, end = 0, time.monotonic() + args.seconds
        while time.monotonic() < end:
            for c in args.type:
                key("space" if c == " " else c)
                keys += 1
                time.sleep(0.2)
            for _ in args.type:
                key("BackSpace")
                keys += 1
                time.sleep(0.2)
        x11.XCloseDisplay(dpy)
        print(f"touch_drag: {keys} keys in {args.seconds:.0f} s")
        return 0
    if not args.drag:
        sys.exit("touch_drag: --drag or --type is needed")

    x, y0, y1 = (int(v) for v in args.drag.split(","))
    lo, hi = min(y0, y1), max(y0, y1)
    y, direction, moves = y0, -1 if y1 < y0 else 1, 0
    move(x, y)
    button(True)
    end = time.monotonic() + args.seconds
    while time.monotonic() < end:
        y += direction * STEP_PX
        if y <= lo or y >= hi:
            direction = -direction
            y = max(lo, min(hi, y))
        move(x, y)
        moves += 1
        time.sleep(STEP_S)
    button(False)
    x11.XCloseDisplay(dpy)
    print(f"touch_drag: {moves} moves in {args.seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
