"""A Flask app whose one route does nothing, served exactly as `rk serve` serves ours.

    python bench/noop.py PORT WORKERS THREADS

The ceiling for bench/throughput.py: the same gunicorn configuration (rk.commands.serve.Server:
gthread workers, threads, access log) behind the same front (rk.front: nginx) around an app
that answers "ok" at once.
"""

import sys
import tempfile
from pathlib import Path

from flask import Flask

from rk.commands.serve import Server
from rk.front import Front
from rk.web.settings import defaults

app = Flask(__name__)


@app.route("/")
def noop():
    return "ok"


class NoopServer(Server):
    """`rk serve`'s gunicorn configuration around the no-op app."""

    def load(self):
        return app


if __name__ == "__main__":
    port, workers, threads = (int(value) for value in sys.argv[1:4])
    with tempfile.TemporaryDirectory(prefix="rk-noop-") as folder:
        config = defaults() | {"PORT": port, "WORKERS": workers, "THREADS": threads,
                               "BUILD_DIR": folder, "PID_FILE": str(Path(folder) / "pid")}
        NoopServer(config, Front(config)).run()
