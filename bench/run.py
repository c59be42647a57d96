"""`make bench`: run the engine, HTTP and scale benchmarks and write docs/performance.md.

    python bench/run.py [--output docs/performance.md]

Knobs (environment): BENCH_QUICK=1 for a quick run (sizes 10^4 and 10^5, one round of
3 s per wrk run, 3 runs per query; the full run: 10^4 to 10^7, three rounds of 5 s, 5
runs); BENCH_SIZES (e.g. "1e4,1e6"), BENCH_DURATION (seconds per wrk run), BENCH_ROUNDS
(rounds of wrk runs) and BENCH_REPEAT (runs per query) override either mode; BENCH_BEFORE=DIR
adds the checkout DIR (another version of this project) as the peer "before" of the HTTP
benchmark; BENCH_PARTS (e.g. "throughput") runs only those of engines, throughput and scale
and keeps the other sections of the output file as they are. Each benchmark prints Markdown; this script adds a description of the machine and
puts them together.
"""

import argparse
import datetime
import os
import platform
import shutil
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

from rk.paths import PROJECT_ROOT

BENCH = Path(__file__).resolve().parent


def settings() -> dict:
    quick = os.environ.get("BENCH_QUICK") == "1"
    return {
        "quick": quick,
        "sizes": os.environ.get("BENCH_SIZES", "1e4,1e5" if quick else "1e4,1e5,1e6,1e7"),
        "duration": os.environ.get("BENCH_DURATION", "3" if quick else "5"),
        "rounds": os.environ.get("BENCH_ROUNDS", "1" if quick else "3"),
        "repeat": os.environ.get("BENCH_REPEAT", "3" if quick else "5"),
        "before": os.environ.get("BENCH_BEFORE", ""),
        "parts": os.environ.get("BENCH_PARTS", "engines,throughput,scale").split(","),
    }


def machine() -> list[str]:
    cpu = next((line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo")
                if line.startswith("model name")), platform.processor() or "?")
    memory = next((int(line.split()[1]) / 2**20 for line in _read("/proc/meminfo")
                   if line.startswith("MemTotal")), 0)
    os_name = next((line.split("=", 1)[1].strip().strip('"') for line in _read("/etc/os-release")
                    if line.startswith("PRETTY_NAME=")), platform.platform())
    return [
        f"- date: {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %z}",
        f"- CPU: {cpu}, {os.cpu_count()} cores; RAM: {memory:.1f} GiB",
        f"- OS: {os_name}, kernel {platform.release()}; Python {platform.python_version()}",
        "- versions: " + ", ".join(f"{name} {_version(name)}" for name in
                                   ("pyoxigraph", "oxigraph", "rdflib", "gunicorn", "flask",
                                    "rdflib-endpoint", "uvicorn"))
        + f", Virtuoso {_virtuoso_version()}, {_wrk_version()}",
    ]


def run(title: str, script: str, *options: str) -> list[str]:
    """Run one benchmark; its Markdown under a heading, with how long it took."""
    print(f"== {title}", file=sys.stderr, flush=True)
    started = time.monotonic()
    done = subprocess.run([sys.executable, str(BENCH / script), *options], cwd=PROJECT_ROOT,
                          stdout=subprocess.PIPE, text=True)
    took = time.monotonic() - started
    body = done.stdout.rstrip() if done.returncode == 0 else (
        f"(failed with exit code {done.returncode}; see the output of `make bench`)")
    return [f"## {title}", "", f"`python bench/{script} {' '.join(options)}` ({took:.0f} s)",
            "", body, ""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=PROJECT_ROOT / "docs" / "performance.md")
    args = parser.parse_args()
    knobs = settings()
    lines = [
        "# Performance",
        "",
        "Written by `make bench` (`bench/run.py`); do not edit by hand."
        + (" **Quick run** (BENCH_QUICK=1): small sizes, short runs." if knobs["quick"] else ""),
        "",
        *machine(),
        "",
    ]
    before = ["--before", knobs["before"]] if knobs["before"] else []
    kept = _sections(args.output)
    for part, title, script, *options in (
        ("engines", "SPARQL engines: rdflib and pyoxigraph", "engines.py",
         "--repeat", knobs["repeat"]),
        ("throughput", "HTTP: requests per second", "throughput.py",
         "--duration", knobs["duration"], "--rounds", knobs["rounds"], *before),
        ("scale", "Scale: synthetic datasets", "scale.py", "--sizes", knobs["sizes"],
         "--repeat", knobs["repeat"]),
    ):
        if part in knobs["parts"] or title not in kept:
            lines += run(title, script, *options)
        else:
            lines += kept[title]
    args.output.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)


def _sections(path: Path) -> dict[str, list[str]]:
    """The "## " sections of an earlier output file, by title (with their lines)."""
    sections: dict[str, list[str]] = {}
    title = None
    for line in _read(str(path)):
        if line.startswith("## "):
            title = line[3:]
            sections[title] = []
        if title is not None:
            sections[title].append(line)
    return sections


def _read(path: str) -> list[str]:
    try:
        return Path(path).read_text().splitlines()
    except OSError:
        return []


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "(not installed)"


def _virtuoso_version() -> str:
    if not shutil.which("virtuoso-t"):
        return "(not installed)"
    done = subprocess.run(["virtuoso-t", "-?"], capture_output=True, text=True, timeout=30)
    found = [line for line in (done.stdout + done.stderr).splitlines() if "Version" in line]
    return found[0].strip() if found else "?"


def _wrk_version() -> str:
    if not shutil.which("wrk"):
        return "wrk (not installed)"
    done = subprocess.run(["wrk", "--version"], capture_output=True, text=True, timeout=30)
    return (done.stdout + done.stderr).splitlines()[0].split(" [")[0].strip()


if __name__ == "__main__":
    main()
