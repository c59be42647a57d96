"""What a well-behaved client meets while `rk serve` is under attack.

    python bench/abuse.py [--build-dir DIR] [--attack slow-headers|slow-body|greedy|none]
                          [--connections 256] [--greedy 16] [--hammer] [--seconds 15] [--json FILE]
                          [-- rk serve options]

Starts `rk serve` on a free 127.0.0.1 port (its defaults, plus the options after `--`),
then runs the attack and, meanwhile, a prober from another address sending cheap
queries (each different, so no cache answers them) one after the other. Prints and
(`--json`) writes the prober's latencies (median, max), what the attack got back and,
for slow connections, how many the server ended and after how long.

Attacks: `slow-headers` (`--connections` connections, each from its own address, send
a request line and then one header line every 2 s), `slow-body` (the same with the
headers of a POST announcing 100 000 bytes, then one byte every 2 s), `greedy` (one
client sends `--greedy` runaway queries at once, again as soon as each is answered, or
after the Retry-After of a 429; with `--hammer` at once after a 429 too).
"""

import argparse
import collections
import json
import os
import subprocess
import time
from pathlib import Path

from attacks import Greedy, Prober, SlowConnections, get, latency_figures, slow_figures, sparql_path
from processes import stop
from support.servers import free_port, serve_command, wait_until_ready

from rk.paths import BUILD_DIR

PROBER = "127.0.0.1"
GREEDY = "127.0.0.2"


def start_server(build_dir: Path, port: int, options: list[str], log) -> subprocess.Popen:
    process = subprocess.Popen(serve_command(build_dir, port, *options), stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_until_ready(process, lambda: get(port, sparql_path("ASK {}"), timeout=5).status == 200, 120, 0.2)
    except RuntimeError as error:
        stop(process)
        raise SystemExit(str(error)) from None
    return process


def attack(port: int, kind: str, connections: int, greedy: int, seconds: float, hammer: bool) -> dict:
    """Run one attack for `seconds` with the prober; the figures."""
    figures: dict = {"attack": kind + (" (hammering)" if hammer and kind == "greedy" else "")}
    attacker = None
    if kind in ("slow-headers", "slow-body"):
        attacker = SlowConnections(port, connections, kind.split("-")[1])
        figures["opened"] = attacker.open_count()
        figures["failed_opens"] = attacker.failed_opens
    elif kind == "greedy":
        attacker = Greedy(port, greedy, GREEDY, hammer=hammer)
    time.sleep(1.0)  # let the attack take hold
    prober = Prober(port, PROBER)
    time.sleep(seconds)
    answers = prober.stop()
    stopped = time.monotonic()
    figures["prober"] = latency_figures(answers)
    if isinstance(attacker, SlowConnections):
        figures["slow"] = slow_figures(attacker.stop(), stopped)
    elif isinstance(attacker, Greedy):
        got = attacker.stop()
        figures["greedy"] = {
            "requests": len(got),
            "statuses": dict(collections.Counter(str(answer.status) for answer in got)),
            "retry_after": sorted({answer.retry_after for answer in got if answer.retry_after}),
        }
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build-dir", type=Path, default=BUILD_DIR)
    parser.add_argument("--attack", choices=["slow-headers", "slow-body", "greedy", "none"], required=True)
    parser.add_argument("--connections", type=int, default=256)
    parser.add_argument("--greedy", type=int, default=16)
    parser.add_argument("--hammer", action="store_true", help="greedy: ignore Retry-After")
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--log", type=Path, default=Path(os.devnull), help="rk serve's output")
    parser.add_argument("serve_options", nargs="*", help="options for rk serve (after --)")
    args = parser.parse_args()
    port = free_port()
    with args.log.open("wb") as log:
        server = start_server(args.build_dir, port, args.serve_options, log)
        try:
            figures = attack(port, args.attack, args.connections, args.greedy, args.seconds, args.hammer)
        finally:
            stop(server)
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
