"""The preview as a contributor starts and stops it: a port another program holds is named and
the next free one used; any stop signal ends the preview with all its processes."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, make_catalog


# Python with Ctrl+C as a terminal gives it (SIGINT at its default), then exec'd into the command
# (same process). A run started in the background of a script without job control inherits
# SIGINT ignored, and Python then never raises KeyboardInterrupt: the SIGINT case hung in such runs.
AS_IN_A_TERMINAL = [sys.executable, "-c", "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
                    "os.execv(sys.executable, [sys.executable, *sys.argv[1:]])"]


def start(root: Path, port: int) -> tuple[subprocess.Popen, list[str]]:
    """serve in its own session, read until it says where it runs (or ends)."""
    process = subprocess.Popen(
        [*AS_IN_A_TERMINAL, str(REPO / "build_catalog.py"), "--root", str(root), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
        env=dict(os.environ, PYTHONFAULTHANDLER="1"),  # a preview that does not stop prints where it hangs (SIGABRT below)
    )
    lines: list[str] = []
    for line in iter(process.stdout.readline, ""):
        lines.append(line.split("] ", 1)[-1].rstrip("\n"))
        if "voorbeeld op" in line:
            break
    return process, lines


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            children.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _bindable(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


@pytest.fixture
def taken_port():
    """A port this test holds, whose next port is free: both below the kernel's range for port 0
    and outgoing connections. A port from that range (bind to 0) once had its next port taken by a
    connection elsewhere in the run, and the preview rightly went on to the one after."""
    ports = Path("/proc/sys/net/ipv4/ip_local_port_range")
    low = int(ports.read_text().split()[0]) if ports.exists() else 32768
    for port in random.Random(os.getpid()).sample(range(max(1025, low - 10000), low - 1), 500):
        with socket.socket() as blocker:
            try:
                blocker.bind(("127.0.0.1", port))
            except OSError:
                continue
            if not _bindable(port + 1):
                continue
            blocker.listen()
            yield port
            return
    pytest.fail("geen vrije poort met een vrije volgende poort gevonden")


@pytest.mark.slow
@pytest.mark.parametrize("stop", ["SIGTERM", "SIGINT", "SIGHUP"])
def test_a_taken_port_is_named_and_every_stop_signal_ends_all_processes(stop, tmp_path, taken_port):
    root = make_catalog(tmp_path)
    process, lines = start(root, taken_port)
    try:
        assert lines[0] == f"poort {taken_port} is bezet (door een ander programma); het voorbeeld gebruikt poort {taken_port + 1}"
        assert lines[-1] == f"voorbeeld op http://127.0.0.1:{taken_port + 1}/ (stoppen: Ctrl+C)"
        time.sleep(1)  # the worker has started its first job
        family = descendants(process.pid)
        assert family, "the preview has a worker process"
        process.send_signal(getattr(signal, stop))
        try:
            rest = process.communicate(timeout=60)[0]
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGABRT)  # faulthandler: every thread's stack
            process.wait(timeout=30)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)  # its worker holds the output open
            pytest.fail(f"het voorbeeld stopte niet na {stop}:\n" + process.communicate(timeout=30)[0][-6000:], pytrace=False)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert "Traceback" not in rest
    deadline = time.monotonic() + 10
    while any(running(pid) for pid in family) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [pid for pid in family if running(pid)] == []


def test_no_free_port_is_a_usage_error(tmp_path, monkeypatch):
    from catalog.site import ports

    monkeypatch.setattr(ports, "_free", lambda host, port: False)
    with pytest.raises(ports.NoFreePort, match=r"^de poorten 8000 tot en met 8019 zijn bezet; kies een andere, zoals: make serve PORT=8100$"):
        ports.free_port("127.0.0.1", 8000)
