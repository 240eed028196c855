#!/usr/bin/env python3
"""Where a process's memory goes: PSS from /proc/PID/smaps, grouped by what maps it.

Usage: mem_breakdown.py PID [PID...]   (the PSS of several pids is summed, group by group)

Prints one `group kB` line per group, largest first, then `total kB` (equal to smaps_rollup's
Pss) and `rss kB`. PSS divides each page among the processes mapping it, so another process
using software GL at the same moment lowers libLLVM's share; RSS does not depend on that. Groups: software GL (libLLVM, Mesa's drivers and gallium), other shared libraries, the
heap ([heap] and anonymous maps, which is where malloc puts large blocks and llvmpipe its
textures and framebuffers), stacks, X shared memory (SYSV segments), and the executable.
"""

import os
import re
import sys

GROUPS = [
    ("software GL: libLLVM", re.compile(r"libLLVM")),
    ("software GL: Mesa drivers", re.compile(r"(dri/|libgallium|swrast|libglapi|libGLX_mesa|libEGL_mesa|libgbm)")),
    ("X shared memory", re.compile(r"SYSV|/dev/shm|/memfd:")),
    ("heap", re.compile(r"^\[heap\]$")),
    ("stacks", re.compile(r"^\[stack")),
    ("shared libraries", re.compile(r"\.so")),
]


def group_of(path, exe):
    if path == "":
        return "anonymous maps (malloc arenas, GL textures and buffers)"
    for name, rx in GROUPS:
        if rx.search(path):
            return name
    if exe and path == exe:
        return "executable"
    return "other"


def main():
    totals = {}
    rss = 0
    for pid in sys.argv[1:]:
        try:
            exe = os.path.realpath(f"/proc/{pid}/exe")
            path = ""
            with open(f"/proc/{pid}/smaps") as f:
                for line in f:
                    if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
                        parts = line.split(None, 5)
                        path = parts[5].strip() if len(parts) > 5 else ""
                    elif line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        g = group_of(path, exe)
                        totals[g] = totals.get(g, 0) + int(line.split()[1])
        except OSError as e:
            sys.exit(f"mem_breakdown: cannot read pid {pid}: {e}")
    for g, kb in sorted(totals.items(), key=lambda kv: -kv[1]):
        print(f"{g}\t{kb}")
    print(f"total\t{sum(totals.values())}")
    print(f"rss\t{rss}")


if __name__ == "__main__":
    main()
