#!/usr/bin/env python3
"""Checks a kiosk --speech-log against its script's '# speech: TEXT' lines.

usage: speech_check.py LOG SCRIPT LANG
Every line of LOG is {"lang", "text", "audio_ms"}; there must be at least 3, all in LANG with
audio_ms > 0 (real audio from eSpeak NG), and each '# speech: TEXT' of SCRIPT must be part of
some utterance's text. '# speech-not: TEXT' must be part of none (personal data of others).
No-break spaces (which keep "6:00 PM" on one line) compare as spaces.
"""
import json
import sys

SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})


def main():
    log, script, lang = sys.argv[1:4]
    with open(log, encoding="utf-8") as f:
        said = [json.loads(line) for line in f if line.strip()]
    problems = []
    if len(said) < 3:
        problems.append(f"only {len(said)} utterances")
    for s in said:
        if s.get("lang") != lang:
            problems.append(f"utterance in {s.get('lang')!r}, not {lang}: {s.get('text')!r}")
        if not isinstance(s.get("audio_ms"), int) or s["audio_ms"] <= 0:
            problems.append(f"no audio for {s.get('text')!r}")
    with open(script, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            for prefix, want in (("# speech: ", True), ("# speech-not: ", False)):
                if line.startswith(prefix):
                    text = line[len(prefix):]
                    found = any(text in s.get("text", "").translate(SPACES) for s in said)
                    if found != want:
                        problems.append(("never said: " if want else "said: ") + repr(text))
    if problems:
        print("speech_check: " + "\n  ".join([log] + problems), file=sys.stderr)
        print("speech_check: the log:\n" + "\n".join(json.dumps(s, ensure_ascii=False) for s in said),
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
