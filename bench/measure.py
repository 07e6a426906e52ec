"""Run one Python command line (script or -m module) and print its wall time, peak memory and stderr as JSON.

The build runs two processes at once, so the largest single process (getrusage) is not its
peak: "peak_mb" is the highest sum of resident memory over the command and its children,
sampled from /proc every 50 ms (shared pages count twice, so it errs high). Without /proc it
is the largest single process.
"""

import json
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

INTERVAL = 0.05


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
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def sample_peak(process: subprocess.Popen, peak: list[int]) -> None:
    while process.poll() is None:
        peak[0] = max(peak[0], sum(resident_kb(pid) for pid in descendants(process.pid)))
        time.sleep(INTERVAL)


start = time.perf_counter()
process = subprocess.Popen([sys.executable, *sys.argv[1:]], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
peak = [0]
sampler = threading.Thread(target=sample_peak, args=(process, peak), daemon=True)
sampler.start()
stdout, stderr = process.communicate()
seconds = time.perf_counter() - start
sampler.join()
if process.returncode != 0:
    sys.stdout.write(stdout[-3000:] + stderr[-3000:])
    sys.exit(process.returncode)
largest_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
# The command's own progress lines (stderr), so the bench can tell its phases apart.
print(json.dumps({
    "seconds": seconds, "peak_mb": max(peak[0], largest_kb) / 1024, "stderr": stderr[-4000:],
}))
