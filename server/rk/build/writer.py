"""Write the built dataset, its report and its manifest into the build folder, atomically."""

import hashlib
import json
import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from rdflib import Dataset, Graph

from rk.paths import DATASET_NQ, DATASET_TRIG, MANIFEST, VALIDATION_REPORT


def nquads(dataset: Dataset) -> bytes:
    """The dataset as N-Quads with sorted lines, so equal graphs give equal bytes.

    Blank nodes are named by rdflib per run; they occur only in the metadata graph.
    """
    text = dataset.serialize(format="nquads")
    lines = sorted(line for line in text.splitlines() if line.strip())
    return ("\n".join(lines) + "\n").encode("utf-8")


def _write_atomically(folder: Path, name: str, content: bytes) -> None:
    """Write to a temporary file in `folder`, then rename it over `name`."""
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(temporary, folder / name)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_build(folder: Path, dataset: Dataset, report: Graph, triples: dict[str, int]) -> dict:
    """Write dataset.nq, dataset.trig, the validation report, and last the manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    quads = nquads(dataset)
    version = hashlib.sha256(quads).hexdigest()
    _write_atomically(folder, DATASET_NQ, quads)
    _write_atomically(folder, DATASET_TRIG, dataset.serialize(format="trig").encode("utf-8"))
    _write_atomically(folder, VALIDATION_REPORT, report.serialize(format="turtle").encode("utf-8"))
    manifest = {
        "version": version,
        "built": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "triples": triples,
        "files": [DATASET_NQ, DATASET_TRIG, VALIDATION_REPORT],
    }
    _write_atomically(folder, MANIFEST, json.dumps(manifest, indent=2).encode("utf-8"))
    return manifest
