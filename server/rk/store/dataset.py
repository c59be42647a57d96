"""Where a built dataset lives and which version it is."""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from rk.paths import DATASET_NQ, MANIFEST


class DatasetMissing(FileNotFoundError):
    """The build directory holds no dataset.nq."""


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
