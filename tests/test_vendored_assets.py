"""The vendored front-end files are the ones VENDORED.json records, at the pinned versions."""

import hashlib
import json
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
VENDOR = PROJECT / "server" / "rk" / "web" / "static" / "vendor"
RECORD = json.loads((VENDOR / "VENDORED.json").read_text(encoding="utf-8"))["packages"]
PINS = json.loads((PROJECT / "vendor" / "package.json").read_text(encoding="utf-8"))["dependencies"]
LOCK = json.loads((PROJECT / "vendor" / "package-lock.json").read_text(encoding="utf-8"))["packages"]
NAMES = [entry["name"] for entry in RECORD]


def entry(name: str) -> dict:
    return next(item for item in RECORD if item["name"] == name)


def test_every_pin_is_vendored():
    assert sorted(NAMES) == sorted(PINS)


@pytest.mark.parametrize("name", NAMES)
def test_version_is_the_exact_pin(name):
    assert entry(name)["version"] == PINS[name]
    assert LOCK[f"node_modules/{name}"]["version"] == PINS[name]


@pytest.mark.parametrize("name", NAMES)
def test_source_is_the_locked_tarball(name):
    assert entry(name)["source"]["integrity"] == LOCK[f"node_modules/{name}"]["integrity"]


@pytest.mark.parametrize("name", NAMES)
def test_files_on_disk_match_their_sha256(name):
    files = entry(name)["files"]
    assert files
    for relative, digest in files.items():
        path = VENDOR / relative
        assert path.is_file(), relative
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, relative


@pytest.mark.parametrize("name", NAMES)
def test_package_has_its_licence(name):
    licences = [path for path in entry(name)["files"] if Path(path).name.startswith("LICENSE")]
    assert licences, f"{name} has no licence file"
    assert entry(name)["licence"]


def test_nothing_unrecorded_in_the_vendor_folder():
    recorded = {relative for item in RECORD for relative in item["files"]}
    on_disk = {path.relative_to(VENDOR).as_posix() for path in VENDOR.rglob("*") if path.is_file()}
    assert on_disk - {"VENDORED.json"} == recorded
