"""Write the built dataset, its dumps, its report and its manifest into the build folder, atomically."""

import hashlib
import json
import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from rdflib import Dataset, Graph

from rk.build.dumps import nquads, trig
from rk.paths import DATASET_NQ, DATASET_TRIG, DOWNLOAD_DIR, MANIFEST, VALIDATION_REPORT


def write_atomically(path: Path, content: bytes) -> None:
    """Write to a temporary file beside `path`, then rename it over `path` (readable by all:
    the build's files are published)."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_build(folder: Path, dataset: Dataset, report: Graph, triples: dict[str, int],
                downloads: dict[str, bytes]) -> dict:
    """Write the dumps into download/, then dataset.nq, dataset.trig, the validation
    report, and last the manifest (sizes and sha256 of every dump)."""
    (folder / DOWNLOAD_DIR).mkdir(parents=True, exist_ok=True)
    for name, content in downloads.items():
        write_atomically(folder / DOWNLOAD_DIR / name, content)
    quads = nquads(dataset)
    write_atomically(folder / DATASET_NQ, quads)
    write_atomically(folder / DATASET_TRIG, trig(dataset))
    write_atomically(folder / VALIDATION_REPORT, report.serialize(format="turtle").encode("utf-8"))
    manifest = {
        "version": hashlib.sha256(quads).hexdigest(),
        "built": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "triples": triples,
        "files": [DATASET_NQ, DATASET_TRIG, VALIDATION_REPORT],
        "downloads": [
            {"file": f"{DOWNLOAD_DIR}/{name}", "bytes": len(content),
             "sha256": hashlib.sha256(content).hexdigest()}
            for name, content in downloads.items()
        ],
    }
    write_atomically(folder / MANIFEST, json.dumps(manifest, indent=2).encode("utf-8"))
    return manifest
