"""Write the built dataset, its dumps, its report and its manifest into the build folder, atomically."""

import hashlib
import json
import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from rdflib import Dataset, Graph

from rk.build.dumps import nquads, trig
from rk.paths import DATASET_NQ, DATASET_TRIG, DOWNLOAD_DIR, MANIFEST, ONTOLOGY_HTML, VALIDATION_REPORT


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


def build_time() -> str:
    """When the build ran: SOURCE_DATE_EPOCH if set (reproducible builds), else now, in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch else datetime.now(timezone.utc)
    return moment.isoformat(timespec="seconds")


def _entry(name: str, content: bytes) -> dict:
    return {"file": name, "bytes": len(content), "sha256": hashlib.sha256(content).hexdigest()}


def write_build(folder: Path, dataset: Dataset, report: Graph, triples: dict[str, int],
                downloads: dict[str, bytes], version: str, ontology_html: dict[str, bytes]) -> dict:
    """Write the dumps into download/, then dataset.nq, dataset.trig, the validation
    report, the ontology's documentation per language, and last the manifest: the
    dataset's version (its owl:versionInfo, what every store reports), the build time, and
    size and sha256 of every file."""
    (folder / DOWNLOAD_DIR).mkdir(parents=True, exist_ok=True)
    for name, content in downloads.items():
        write_atomically(folder / DOWNLOAD_DIR / name, content)
    files = {DATASET_NQ: nquads(dataset), DATASET_TRIG: trig(dataset),
             VALIDATION_REPORT: report.serialize(format="turtle").encode("utf-8"),
             **{ONTOLOGY_HTML.format(lang=lang): html for lang, html in ontology_html.items()}}
    for name, content in files.items():
        write_atomically(folder / name, content)
    manifest = {
        "version": version,
        "built": build_time(),
        "triples": triples,
        "files": [_entry(name, content) for name, content in files.items()],
        "downloads": [_entry(f"{DOWNLOAD_DIR}/{name}", content) for name, content in downloads.items()],
    }
    write_atomically(folder / MANIFEST, json.dumps(manifest, indent=2).encode("utf-8"))
    return manifest
