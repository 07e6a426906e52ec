"""Run one Python command line (script or -m module) and print its wall time, peak memory and stderr as JSON."""

import json
import resource
import subprocess
import sys
import time

start = time.perf_counter()
result = subprocess.run([sys.executable, *sys.argv[1:]], capture_output=True, text=True)
seconds = time.perf_counter() - start
if result.returncode != 0:
    sys.stdout.write(result.stdout[-3000:] + result.stderr[-3000:])
    sys.exit(result.returncode)
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
# The command's own progress lines (stderr), so the bench can tell its phases apart.
print(json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024, "stderr": result.stderr[-4000:]}))
