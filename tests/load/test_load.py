"""64 concurrent clients for 60 s (RK_LOAD_SECONDS to shorten) against a real `rk serve`
with a 2 s time limit, via bench/load.py, while 64 slow connections stay open: no request
fails except the runaways' 503s, and the server's memory stays bounded (issues 7, 18).
The figures go to test-artifacts/load.json."""

import json
import os
import subprocess
import sys

from rk.paths import PROJECT_ROOT

SECONDS = float(os.environ.get("RK_LOAD_SECONDS", "60"))
CLIENTS = 64
SLOW = 64  # slow connections (headers or body a piece every 2 s) open all the while
MEMORY_MARGIN = 64 * 2**20  # bytes allowed on top of 1.5 × the start


def test_load(dataset_dir):
    figures_file = PROJECT_ROOT / "test-artifacts" / "load.json"
    command = [sys.executable, str(PROJECT_ROOT / "bench" / "load.py"), "--build-dir", str(dataset_dir),
               "--clients", str(CLIENTS), "--seconds", str(SECONDS), "--time-limit", "2",
               "--runaway-every", "4", "--slow", str(SLOW), "--json", str(figures_file)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=SECONDS + 300)
    print(done.stdout)
    assert done.returncode == 0, done.stderr
    figures = json.loads(figures_file.read_text(encoding="utf-8"))
    assert figures["failures"] == 0, figures["failed_statuses"]
    assert figures["kinds"]["runaway"]["requests"] >= 1
    assert all(figures["kinds"][kind]["requests"] > 0 for kind in ("catalogue", "page", "search", "dump"))
    assert figures["rss_end"] < 1.5 * figures["rss_start"] + MEMORY_MARGIN
    assert figures["slow"]["open_min"] >= SLOW
