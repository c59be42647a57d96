"""`rk build | validate | stats` as a user runs them, on a temporary copy of the inputs."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rk.paths import PROJECT_ROOT

RK = [sys.executable, "-m", "rk.cli"]


@pytest.fixture
def project(tmp_path):
    """A copy of ontology/, data/ and shapes/ that a test may break."""
    for folder in ("ontology", "data", "shapes"):
        shutil.copytree(PROJECT_ROOT / folder, tmp_path / folder)
    return tmp_path


def rk(project: Path, *arguments: str) -> subprocess.CompletedProcess:
    environment = dict(os.environ, RK_PROJECT_ROOT=str(project), RK_BUILD_DIR=str(project / "build"))
    return subprocess.run(RK + list(arguments), cwd=project, env=environment,
                          capture_output=True, text=True, timeout=300)


def test_build_writes_dataset_and_reports_conformance(project):
    done = rk(project, "build")
    assert done.returncode == 0, done.stderr
    assert "conforms" in done.stdout
    manifest = json.loads((project / "build" / "manifest.json").read_text())
    assert (project / "build" / "dataset.nq").stat().st_size > 0
    assert manifest["triples"]


def test_syntax_error_names_file_and_line_and_stops(project):
    broken = project / "data" / "ttl" / "forums.ttl"
    lines = broken.read_text(encoding="utf-8").splitlines()
    lines[41] = lines[41] + ' "unterminated'
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = rk(project, "build")
    assert done.returncode == 2
    assert "forums.ttl" in done.stderr and "line 42" in done.stderr
    assert not (project / "build" / "dataset.nq").exists()


def test_shacl_violation_fails_and_keeps_last_good_build(project):
    assert rk(project, "build").returncode == 0
    good = (project / "build" / "dataset.nq").read_bytes()
    events = project / "data" / "ttl" / "events.ttl"
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace('"2019-03-28T10:00:00+01:00"', '"2019-03-28T10:00:00+02:00"', 1), encoding="utf-8")
    done = rk(project, "build")
    assert done.returncode == 1
    assert "event/02-1" in done.stdout and "Europe/Berlin" in done.stdout
    assert (project / "build" / "dataset.nq").read_bytes() == good


def test_validate_exit_codes(project):
    assert rk(project, "validate").returncode == 0
    forums = project / "data" / "ttl" / "forums.ttl"
    forums.write_text(forums.read_text(encoding="utf-8").replace("rk:forumNumber 20", "rk:forumNumber 21")
                      .replace('rk:forumNumber "20"^^xsd:integer', 'rk:forumNumber "21"^^xsd:integer'), encoding="utf-8")
    done = rk(project, "validate")
    assert done.returncode == 1
    assert "forum/20" in done.stdout and "rk:forumNumber" in done.stdout


def test_stats_prints_graphs_and_classes(project):
    done = rk(project, "stats")
    assert done.returncode == 0
    assert "graph/data" in done.stdout and "rk:ThematicForum" in done.stdout
    row = next(line for line in done.stdout.splitlines() if line.startswith("rk:ThematicForum "))
    assert row.split()[-1] == "20"


def test_stats_counts_the_written_build(project):
    assert rk(project, "build").returncode == 0
    manifest = json.loads((project / "build" / "manifest.json").read_text())
    done = rk(project, "stats")
    counts = {line.split()[0].strip("<>"): int(line.split()[-1])
              for line in done.stdout.splitlines() if line.startswith("<https://w3id.org/ruhr-konferenz/graph/")}
    assert counts == manifest["triples"]


def test_rebuild_is_byte_identical(project):
    """Two builds of the same inputs with the same SOURCE_DATE_EPOCH write the same bytes."""
    folders = []
    for run in ("first", "second"):
        done = subprocess.run(RK + ["build", "-o", str(project / run)], cwd=project, capture_output=True,
                              text=True, timeout=300,
                              env=dict(os.environ, RK_PROJECT_ROOT=str(project), SOURCE_DATE_EPOCH="1575504000"))
        assert done.returncode == 0, done.stderr
        folders.append(project / run)
    files = sorted(p.relative_to(folders[0]) for p in folders[0].rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(folders[1]) for p in folders[1].rglob("*") if p.is_file())
    assert "manifest.json" in map(str, files) and len(files) >= 9
    differing = [str(f) for f in files if (folders[0] / f).read_bytes() != (folders[1] / f).read_bytes()]
    assert differing == []
    manifest = json.loads((folders[0] / "manifest.json").read_text())
    assert manifest["built"] == "2019-12-05T00:00:00+00:00"


@pytest.mark.parametrize("command", ["build", "validate"])
def test_broken_link_file_names_file_and_line_and_stops(project, command):
    links = project / "data" / "links" / "places-wikipedia.csv"
    lines = links.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("https://de.wikipedia.org/wiki/Signal_Iduna_Park,", "https://de.wikipedia.org/wiki/Signal Iduna Park,", 1)
    links.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = rk(project, command)
    assert done.returncode == 2
    assert "data/links/places-wikipedia.csv:3: malformed wikipedia target" in done.stderr
    assert not (project / "build" / "dataset.nq").exists()
