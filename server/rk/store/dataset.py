"""Where a built dataset lives, which version it is, and a pinned copy of one build.

A build's version is its owl:versionInfo (the sha256 of its N-Quads before that
statement is added), which the manifest states and every store reports alike.
"""

import hashlib
import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from rk.paths import DATASET_NQ, DOWNLOAD_DIR, MANIFEST


class DatasetMissing(FileNotFoundError):
    """The build directory holds no dataset.nq."""


class IncompleteBuild(Exception):
    """The build directory does not hold one complete build."""


@dataclass(frozen=True)
class BuiltDataset:
    """The N-Quads file of a build and its version (the sha256 of that file)."""

    nquads: Path
    version: str

    @classmethod
    def locate(cls, build_dir: str | Path) -> "BuiltDataset":
        """Find the dataset in `build_dir`; the version comes from manifest.json if present."""
        build_dir = Path(build_dir)
        nquads = build_dir / DATASET_NQ
        if not nquads.is_file():
            raise DatasetMissing(f"no {DATASET_NQ} in {build_dir}: run `rk build` first")
        manifest = build_dir / MANIFEST
        version = None
        if manifest.is_file():
            version = json.loads(manifest.read_text(encoding="utf-8")).get("version")
        return cls(nquads, version or file_sha256(nquads))


def file_sha256(path: Path) -> str:
    """The hex sha256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_build(folder: Path) -> dict:
    """The manifest of the complete build in `folder`; raises IncompleteBuild unless every
    file it lists has the size and sha256 it states."""
    try:
        manifest = json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))
        for entry in manifest["files"] + manifest.get("downloads", []):
            path = Path(folder) / entry["file"]
            if path.stat().st_size != entry["bytes"] or file_sha256(path) != entry["sha256"]:
                raise IncompleteBuild(f"{entry['file']} differs from {MANIFEST}")
        manifest["version"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise IncompleteBuild(str(error)) from None
    return manifest


class PinnedBuild:
    """One complete build, pinned: its manifest, dataset and dumps hard-linked (or copied)
    into a private folder, so that a later `rk build` cannot change what a server that
    loaded this build serves. Pinning retries briefly while a build is being written."""

    def __init__(self, build_dir, attempts: int = 20, pause: float = 0.25):
        self._folder = tempfile.TemporaryDirectory(prefix="rk-build-")
        self.folder = Path(self._folder.name)
        for attempt in range(attempts):
            try:
                self.manifest = self._pin(Path(build_dir))
                return
            except IncompleteBuild:
                if attempt == attempts - 1:
                    self.close()
                    raise
                time.sleep(pause)

    def _pin(self, source: Path) -> dict:
        if not (source / DATASET_NQ).is_file():
            raise DatasetMissing(f"no {DATASET_NQ} in {source}: run `rk build` first")
        manifest = {}
        if (source / MANIFEST).is_file():
            manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
        if "files" not in manifest:  # a bare dataset (tests, benchmarks): no files to check
            (self.folder / DATASET_NQ).unlink(missing_ok=True)
            link_or_copy(source / DATASET_NQ, self.folder / DATASET_NQ)
            (self.folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
            return manifest
        (self.folder / DOWNLOAD_DIR).mkdir(exist_ok=True)
        for entry in manifest.get("files", []) + manifest.get("downloads", []):
            target = self.folder / entry["file"]
            target.unlink(missing_ok=True)
            link_or_copy(source / entry["file"], target)
        (self.folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
        return verify_build(self.folder)

    @property
    def version(self) -> str | None:
        return self.manifest.get("version")

    def close(self) -> None:
        self._folder.cleanup()


def link_or_copy(source: Path, target: Path) -> None:
    """Make `target` this version of `source`: a hard link, or a copy across file systems."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
