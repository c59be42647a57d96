"""`rk query` as a user runs it: every output format, the catalogue list, a .rq file, an endpoint."""

import csv
import io
import json
import subprocess
import sys

import pytest
from rdflib import Graph

from rk.catalogue import catalogue


def rk_query(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rk.cli", "query", *arguments],
                          capture_output=True, text=True, timeout=120)


def test_list_shows_the_whole_catalogue():
    done = rk_query("--list")
    assert done.returncode == 0
    listed = [line.split()[0] for line in done.stdout.splitlines()]
    assert listed == [q.name for q in catalogue()]


def test_table_output(built_dir):
    done = rk_query("summit-guest-regions", "--build-dir", str(built_dir))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["region", "country"]
    assert ["Tsukuba", "Japan"] in [line.split() for line in lines]
    assert lines[-1] == "(6 rows)"


def test_csv_output(built_dir):
    done = rk_query("events-by-month", "--format", "csv", "--build-dir", str(built_dir))
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert len(rows) == 9
    assert sum(int(row["events"]) for row in rows) == 46


def test_json_output_of_a_rq_file(built_dir, tmp_path):
    path = tmp_path / "forums.rq"
    path.write_text("PREFIX rk: <https://w3id.org/ruhr-konferenz/ontology#>\n"
                    "SELECT ?n WHERE { ?f rk:forumNumber ?n } ORDER BY ?n", encoding="utf-8")
    done = rk_query(str(path), "--format", "json", "--build-dir", str(built_dir))
    bindings = json.loads(done.stdout)["results"]["bindings"]
    assert [int(b["n"]["value"]) for b in bindings] == list(range(1, 21))


@pytest.mark.parametrize("output, rdf_format", [("table", "turtle"), ("csv", "nt"), ("json", "json-ld")])
def test_graph_query_outputs_parse(built_dir, output, rdf_format):
    done = rk_query("describe-forum", "--format", output, "--build-dir", str(built_dir))
    assert len(Graph().parse(data=done.stdout, format=rdf_format)) >= 33


def test_against_an_endpoint(server):
    done = rk_query("who-moderates-what", "--format", "csv", "--endpoint", server.endpoint)
    assert done.returncode == 0, done.stderr
    assert len(list(csv.DictReader(io.StringIO(done.stdout)))) == 43


def test_endpoint_reports_a_malformed_query(server, tmp_path):
    path = tmp_path / "bad.rq"
    path.write_text("SELEKT * WHERE { ?s ?p ?o }", encoding="utf-8")
    done = rk_query(str(path), "--endpoint", server.endpoint)
    assert done.returncode == 1
    assert "error" in done.stderr.lower()


def test_unknown_query_name():
    done = rk_query("no-such-query")
    assert done.returncode == 2
    assert "neither a catalogue query" in done.stderr
