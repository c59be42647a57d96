"""Where the project's inputs and the build's outputs live."""

import os
from pathlib import Path

PROJECT_ROOT = Path(os.environ.get("RK_PROJECT_ROOT", Path(__file__).resolve().parents[2]))
ONTOLOGY_DIR = PROJECT_ROOT / "ontology"
DATA_DIR = PROJECT_ROOT / "data" / "ttl"
LINKS_DIR = PROJECT_ROOT / "data" / "links"  # curated links and coordinates (*.csv; review/ is not read)
SHAPES_DIR = PROJECT_ROOT / "shapes"
QUERIES_DIR = PROJECT_ROOT / "queries"
BUILD_DIR = Path(os.environ.get("RK_BUILD_DIR", PROJECT_ROOT / "build"))

DATASET_NQ = "dataset.nq"
DATASET_TRIG = "dataset.trig"
VALIDATION_REPORT = "validation-report.ttl"
MANIFEST = "manifest.json"
ONTOLOGY_HTML = "ontology-{lang}.html"  # pyLODE's documentation, made by rk build (rk.build.ontology_docs)
DOWNLOAD_DIR = "download"  # the dumps, build/download/ruhr-konferenz.{ttl,nt,nq,trig,jsonld}
DUMP_STEM = "ruhr-konferenz"
