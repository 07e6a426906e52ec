"""Run one Python command line (script or -m module) and print its wall time, peak memory and stderr as JSON.

The build runs two processes at once, so the largest single process (getrusage) is not its
peak: "peak_mb" is the highest sum of resident memory over the command and its children,
sampled from /proc every 50 ms (shared pages count twice, so it errs high). Without /proc it
is the largest single process.
"""

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

INTERVAL = 0.05
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def descendants(pid: int) -> list[int]:
    """pid and every process below it, from /proc/<pid>/task/<tid>/children."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for children in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                todo += [int(child) for child in children.read_text().split()]
            except OSError:  # the process ended meanwhile
                pass
    return found


def resident_kb(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_KB
    except OSError:
        return 0


# Output goes to files rather than pipes, so this loop can sample while the command runs.
with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, *sys.argv[1:]], stdout=out, stderr=err, text=True)
    peak_kb = 0
    while True:
        peak_kb = max(peak_kb, sum(resident_kb(pid) for pid in descendants(process.pid)))
        try:
            process.wait(timeout=INTERVAL)  # returns as soon as it ends, so the time stays exact
            break
        except subprocess.TimeoutExpired:
            pass
    seconds = time.perf_counter() - start
    out.seek(0), err.seek(0)
    stdout, stderr = out.read(), err.read()
if process.returncode != 0:
    sys.stdout.write(stdout[-3000:] + stderr[-3000:])
    sys.exit(process.returncode)
peak_kb = max(peak_kb, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
# The command's own progress lines (stderr), so the bench can tell its phases apart.
print(json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024, "stderr": stderr[-4000:]}))
