"""The production stack for the deployment tests: a private folder an unprivileged user owns, the
unit's command line with its paths substituted, cage with the headless wlroots backend and the
pixman renderer started as that user, a systemd-style notify socket, grim screenshots."""

import os
import pwd
import shlex
import shutil
import signal
import socket
import subprocess
import tempfile
import time

import images

# The unprivileged user the tests run cage as when they run as root (CI): scripts/install-deps
# creates it. Not root: the tests run cage as whoever runs them.
TEST_USER = "lc-cage-test"
UNIT_DB = "/var/lib/learning-circles/lc.db"
UNIT_CONFIG = "/etc/learning-circles/config.json"


class Skip(Exception):
    """A tool the test needs is missing (the message says which)."""


def require_tools(*tools):
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        raise Skip(f"missing {', '.join(missing)} (scripts/install-deps installs them)")


def unit_command(source_dir, unit):
    """The unit's ExecStart as a list of words."""
    with open(os.path.join(source_dir, "systemd", unit), encoding="utf-8") as f:
        for line in f:
            if line.startswith("ExecStart="):
                return shlex.split(line[len("ExecStart="):])
    raise ValueError(f"{unit}: no ExecStart")


def wait_for(what, check, timeout=45.0, every=0.2):
    """Polls `check` (returning a value, or None/False to go on) until it answers or `timeout`
    seconds pass; raises AssertionError naming `what` then."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(every)


class Workspace:
    """A temporary folder the test user owns (store, config, runtime dir, logs)."""

    def __init__(self, keep_dir):
        self.keep_dir = keep_dir  # screenshots worth looking at are copied here
        os.makedirs(keep_dir, exist_ok=True)
        self.path = tempfile.mkdtemp(prefix="lc-deploy-")
        self.as_root = os.geteuid() == 0
        if self.as_root:
            try:
                user = pwd.getpwnam(TEST_USER)
            except KeyError:
                raise Skip(f"no user {TEST_USER} to run cage as (scripts/install-deps creates it)") from None
            self.uid, self.gid = user.pw_uid, user.pw_gid
        else:
            self.uid, self.gid = os.getuid(), os.getgid()
        self.runtime = self.sub("xdg-runtime")
        os.chmod(self.runtime, 0o700)
        self.run_dir = self.sub("run")
        self.give(self.path)

    def sub(self, name):
        p = os.path.join(self.path, name)
        os.makedirs(p, exist_ok=True)
        return p

    def give(self, path):
        """Hands `path` (and what is under it) to the test user."""
        if not self.as_root:
            return
        os.chown(path, self.uid, self.gid)
        for parent, dirs, files in os.walk(path):
            for n in dirs + files:
                os.chown(os.path.join(parent, n), self.uid, self.gid)

    def stage(self, binary):
        """A copy (a hard link when it can) of `binary` the test user can reach: the build folder
        may sit where it cannot (CI's clone under /root)."""
        bin_dir = self.sub("bin")
        target = os.path.join(bin_dir, os.path.basename(binary))
        if not os.path.exists(target):
            try:
                os.link(binary, target)
            except OSError:
                shutil.copy2(binary, target)
        return target

    def stage_messages(self, messages_dir):
        """The compiled translations, for LC_MESSAGES_DIR."""
        target = os.path.join(self.path, "i18n")
        if not os.path.exists(target):
            shutil.copytree(messages_dir, target)
        self.messages = target

    def user_prefix(self, env):
        """argv prefix running a command as the test user with exactly `env`."""
        words = ["env", "-i"] + [f"{k}={v}" for k, v in env.items()]
        if self.as_root:
            return ["setpriv", f"--reuid={self.uid}", f"--regid={self.gid}", "--clear-groups", "--"] + words
        return words

    def base_env(self):
        env = {"PATH": "/usr/bin:/bin", "HOME": self.path, "XDG_RUNTIME_DIR": self.runtime,
               "LC_RUN_DIR": self.run_dir, "LANG": "C.UTF-8"}
        if getattr(self, "messages", None):
            env["LC_MESSAGES_DIR"] = self.messages
        return env

    def close(self):
        shutil.rmtree(self.path, ignore_errors=True)


class NotifySocket:
    """A bound unix datagram socket, as systemd listens for sd_notify; the test user may send."""

    def __init__(self, ws):
        self.path = os.path.join(ws.path, "notify.sock")
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(self.path)
        os.chmod(self.path, 0o666)
        self.seen = []

    def receive(self, timeout):
        self.sock.settimeout(max(timeout, 0.01))
        try:
            message = self.sock.recv(4096).decode("utf-8", "replace")
        except socket.timeout:
            return None
        self.seen.append((time.monotonic(), message))
        return message

    def await_message(self, wanted, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.receive(deadline - time.monotonic()) == wanted:
                return True
        return False

    def close(self):
        self.sock.close()


class Cage:
    """`cage -d -- APP ARGS` as the unit starts it, as the test user, headless."""

    def __init__(self, ws, argv, notify=None, extra_env=None):
        self.ws = ws
        self.log_path = os.path.join(ws.path, "cage.log")
        env = ws.base_env()
        env.update({"WLR_BACKENDS": "headless", "WLR_RENDERER": "pixman", "WLR_LIBINPUT_NO_DEVICES": "1",
                    "XDG_SESSION_TYPE": "wayland"})
        if notify:
            env.update({"NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "2000000"})
        env.update(extra_env or {})
        # systemd names the unit's main process, cage, in WATCHDOG_PID.
        wrapper = ["sh", "-c", 'WATCHDOG_PID=$$; export WATCHDOG_PID; exec "$@"', "sh"]
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(ws.user_prefix(env) + wrapper + argv, stdout=log, stderr=log,
                                         start_new_session=True, cwd=ws.path)

    def log(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def find(self, name):
        """Pids of the processes called `name` of this cage session (its XDG_RUNTIME_DIR): the
        app is cage's child, Xwayland is not (wlroots forks it twice)."""
        marker = f"XDG_RUNTIME_DIR={self.ws.runtime}".encode()
        found = []
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/comm", encoding="utf-8", errors="replace") as f:
                    if f.read().strip() != name[:15]:
                        continue
                with open(f"/proc/{entry}/environ", "rb") as f:
                    if marker in f.read().split(b"\0"):
                        found.append(int(entry))
            except OSError:
                continue
        return found

    def grim(self, name):
        """A screenshot of cage's output (None while there is none yet); kept as NAME.png."""
        ppm = os.path.join(self.ws.path, name + ".ppm")
        env = self.ws.base_env()
        env["WAYLAND_DISPLAY"] = "wayland-0"
        r = subprocess.run(self.ws.user_prefix(env) + ["grim", "-t", "ppm", ppm], capture_output=True,
                           timeout=30, check=False)
        if r.returncode != 0 or not os.path.exists(ppm):
            return None
        image = images.read_ppm(ppm)
        image.write_png(os.path.join(self.ws.keep_dir, name + ".png"))
        os.unlink(ppm)
        return image

    def await_screen(self, name, background, timeout=45.0):
        """Screenshots until the output is the app's screen filling it; the last problem found
        is in the failure."""
        last = ["no screenshot"]

        def check():
            image = self.grim(name)
            if image is None:
                return None
            last[0] = images.fills(image, background)
            return image if not last[0] else None

        try:
            return wait_for(f"{name}: the app's screen filling the output", check, timeout, every=0.5)
        except AssertionError as e:
            raise AssertionError(f"{e}: {last[0]}\n--- cage log ---\n{self.log()}") from None

    def wait(self, timeout):
        """cage's exit status, or None while it still runs after `timeout` seconds."""
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self):
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            if self.wait(10) is None:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
