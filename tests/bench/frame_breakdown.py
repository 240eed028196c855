#!/usr/bin/env python3
"""Where a frame's CPU time goes, from a `perf record` of an app while it draws, for
tests/bench/run.

Usage: frame_breakdown.py PERF_DATA

Debian's Mesa has no symbols, so samples are sorted by the object they ran in (and, inside our
executable, by symbol):

  rasterisation       llvmpipe's JIT-compiled shaders: shading and blending pixels
  Mesa driver         swrast_dri.so: GL state, vertex upload, binning triangles into tiles,
                      tile loads and stores, the copy of the frame for the swap
  ImGui vertex build  Dear ImGui's functions in the executable (ImGui::*, ImDrawList::*, ImFont::*)
  our code            the rest of the executable (lc::*)
  C library           malloc, memcpy and friends, whoever called them
  kernel and X        the kernel (scheduling, the X socket, shared memory) and libX11/xcb
  shader compiles     libLLVM (new pipeline states compile shaders; ~0 once warm)
  other               everything else

Prints `category percent` lines, largest first. Percentages are of the app's samples (all its
threads: llvmpipe rasterises on its own threads).
"""

import re
import subprocess
import sys


def category(dso, sym):
    if dso.startswith("[JIT]") or dso.startswith("//anon") or dso == "[unknown]":
        return "rasterisation"
    if "dri.so" in dso or "gallium" in dso or "glapi" in dso or "libGL" in dso:
        return "Mesa driver"
    if "LLVM" in dso:
        return "shader compiles"
    if dso.startswith("[kernel") or dso == "[vdso]" or "libX" in dso or "libxcb" in dso:
        return "kernel and X"
    if dso.startswith("lib") and (dso.startswith("libc.") or dso.startswith("libstdc++") or
                                  dso.startswith("libm.") or dso.startswith("libgcc")):
        return "C library"
    if dso.startswith("lib"):
        return "other"
    if re.match(r"(ImGui|ImDraw|ImFont|Im[A-Z]|stb)", sym):
        return "ImGui vertex build"
    return "our code"


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = subprocess.run(["perf", "report", "-i", sys.argv[1], "--no-children", "--sort", "dso,sym",
                          "-g", "none", "--stdio", "--percent-limit", "0"],
                         capture_output=True, text=True, check=True).stdout
    totals = {}
    for line in out.splitlines():
        m = re.match(r"\s*([\d.]+)%\s+(.+?)\s+\[[.k]\]\s+(.*)$", line)
        if m:
            cat = category(m.group(2).strip(), m.group(3).strip())
            totals[cat] = totals.get(cat, 0.0) + float(m.group(1))
    for cat, pct in sorted(totals.items(), key=lambda kv: -kv[1]):
        print(f"{cat}\t{pct:.1f}")


if __name__ == "__main__":
    main()
