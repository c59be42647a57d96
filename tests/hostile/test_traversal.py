"""Path traversal against every route of the real server: no file outside the served
folders ever comes back, no 5xx, no traceback, no redirect to another host (issue 7). The routes are read from the
app's url_map, so a new route is attacked as soon as it exists."""

import json
from pathlib import Path

import pytest
from hostile_http import no_traceback, raw_get, route_targets, stays_here, still_serving

from rk.paths import MANIFEST, PROJECT_ROOT
from rk.web import create_app

SOURCE = PROJECT_ROOT / "server" / "rk" / "web" / "__init__.py"
PAYLOADS = {
    "dot segments": b"../../../../../../etc/passwd",
    "encoded dots and slashes": b"%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "encoded slash": b"..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd",
    "double-encoded slash": b"..%252F..%252F..%252F..%252Fetc%252Fpasswd",
    "backslashes": b"..%5c..%5c..%5c..%5c..%5c..%5cetc%5cpasswd",
    "raw backslashes": b"..\\..\\..\\..\\..\\..\\etc\\passwd",
    "overlong UTF-8, encoded": b"%c0%ae%c0%ae%c0%af%c0%ae%c0%ae%c0%af%c0%ae%c0%ae%c0%afetc%c0%afpasswd",
    "overlong UTF-8, raw": b"\xc0\xae\xc0\xae\xc0\xaf\xc0\xae\xc0\xae\xc0\xafetc\xc0\xafpasswd",
    "encoded NUL": b"..%2f..%2f..%2fetc%2fpasswd%00.ttl",
    "raw NUL": b"../../../etc/passwd\x00.ttl",
    "absolute path": b"/etc/passwd",
    "encoded absolute path": b"%2Fetc%2Fpasswd",
    "source file": b"../__init__.py",
    "source file, deep": b"..%2F..%2F..%2Fserver%2Frk%2Fweb%2F__init__.py",
    "project file": b"../../../../pyproject.toml",
    "build manifest": b"..%2F" + MANIFEST.encode(),
    "dataset beside the dumps": b"../dataset.nq",
    "other host": b"/evil.example/%2e%2e",
    "other host, backslash": b"%5c%5cevil.example/",
}


@pytest.fixture(scope="module")
def app(dataset_dir):
    """The app `rk serve` runs, for its url_map."""
    return create_app({"BUILD_DIR": str(dataset_dir), "STORE": "embedded"})


@pytest.fixture(scope="module")
def secrets(dataset_dir) -> list[bytes]:
    """Lines that only a file outside the served folders holds."""
    lines = [SOURCE.read_text(encoding="utf-8").splitlines()[0].encode(),
             (PROJECT_ROOT / "pyproject.toml").read_bytes().splitlines()[0] + b"\nrequires",
             json.dumps(json.loads((dataset_dir / MANIFEST).read_text())["built"]).encode()]
    passwd = Path("/etc/passwd")
    if passwd.is_file():
        lines.append(passwd.read_bytes().splitlines()[0])
    return lines


def test_every_kind_of_route_is_attacked(app):
    targets = route_targets(app, b"PAYLOAD")
    for route in (b"/static/", b"/page/", b"/data/", b"/id/", b"/download/"):
        assert any(target.startswith(route) for target in targets), route


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_traversal_never_leaves_the_served_folders(server, app, secrets, name):
    failures = []
    for target in route_targets(app, PAYLOADS[name]):
        answer = raw_get(server.port, target)
        no_traceback(answer.body)
        if answer.status >= 500 or not stays_here(server.port, answer):
            failures.append((target, answer.status, answer.header("Location")))
        failures += [(target, secret) for secret in secrets if secret in answer.body]
    assert failures == []
    still_serving(server)


def test_the_dumps_are_still_served(server, dataset_dir):
    """The control: the route attacked above does serve what it should."""
    listed = json.loads((dataset_dir / MANIFEST).read_text())["downloads"]
    answer = raw_get(server.port, b"/" + listed[0]["file"].encode())
    assert answer.status == 200 and len(answer.body) == listed[0]["bytes"]
