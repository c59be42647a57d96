"""The `# param:` and `# chart:` header lines: parsed, bound safely, and refused with file and line."""

import pyoxigraph as ox
import pytest

from rk.catalogue import CatalogueError, catalogue, parse
from rk.parameters import ParameterError

QUERY = """# title: T
# title_en: T
# description: D, and WHERE {{ in a comment is not the query's
{header}
PREFIX ex: <http://example.org/>
SELECT ?x WHERE {{
  ?x ex:n ?n
}}
ORDER BY ?x
"""


def write(tmp_path, header: str, body: str = QUERY):
    path = tmp_path / "q.rq"
    path.write_text(body.format(header=header), encoding="utf-8")
    return path


def test_parameters_and_chart_are_read(tmp_path):
    entry = parse(write(tmp_path, "# param: n | integer | a number | default=3 | example=4\n# chart: pie label=x value=n"))
    (parameter,) = entry.parameters
    assert (parameter.name, parameter.type, parameter.default, parameter.example) == ("n", "integer", "3", "4")
    assert not parameter.required
    assert (entry.chart.kind, entry.chart.label, entry.chart.value) == ("pie", "x", "n")


def test_values_open_the_where_group_and_run(tmp_path):
    entry = parse(write(tmp_path, "# param: n | integer | a number | example=4"))
    text = entry.bound_text({"n": "7"})
    assert 'SELECT ?x WHERE {\n  VALUES (?n) { ("7"^^<http://www.w3.org/2001/XMLSchema#integer>) }' in text
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/n"), ox.Literal(7)))
    store.add(ox.Quad(ox.NamedNode("http://example.org/b"), ox.NamedNode("http://example.org/n"), ox.Literal(8)))
    assert [row["x"].value for row in store.query(text)] == ["http://example.org/a"]
    assert [row["x"].value for row in store.query(entry.example_text)] == []


def test_a_hostile_string_stays_one_literal(tmp_path):
    entry = parse(write(tmp_path, "# param: n | string | a name | example=a"))
    hostile = '" } ?x ?p ?o . FILTER(true) # \\'
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/n"), ox.Literal(hostile)))
    store.add(ox.Quad(ox.NamedNode("http://example.org/b"), ox.NamedNode("http://example.org/n"), ox.Literal("other")))
    assert [row["x"].value for row in store.query(entry.bound_text({"n": hostile}))] == ["http://example.org/a"]


@pytest.mark.parametrize(("header", "message"), [
    ("# param: n | float | a number | example=1", "type 'float'"),
    ("# param: N | integer | a number | example=1", "bad parameter name"),
    ("# param: page | integer | a number | example=1", "bad parameter name"),
    ("# param: n | integer | a number", "needs an example"),
    ("# param: n | integer | a number | example=x", "must be integer"),
    ("# param: n | date | a day | default=2019-02-30", "must be date"),
    ("# param: n | integer | a number | colour=red", "unknown or repeated option"),
    ("# param: n | integer", "needs `NAME | TYPE | description`"),
    ("# chart: radar label=x value=n", "chart: expected"),
])
def test_a_bad_header_line_names_file_and_line(tmp_path, header, message):
    path = write(tmp_path, header)
    with pytest.raises(CatalogueError) as raised:
        parse(path)
    assert f"{path}:4:" in str(raised.value) and message in str(raised.value)


def test_a_query_with_parameters_may_not_page_itself(tmp_path):
    path = write(tmp_path, "# param: n | integer | a number | example=1", QUERY.replace("ORDER BY ?x", "ORDER BY ?x\nLIMIT 5"))
    with pytest.raises(CatalogueError, match="no LIMIT or OFFSET"):
        parse(path)


def test_missing_and_bad_values_name_the_parameter(tmp_path):
    entry = parse(write(tmp_path, "# param: n | iri | a thing | example=http://example.org/a"))
    with pytest.raises(ParameterError, match="`n` is required: an absolute IRI"):
        entry.bound_text({})
    with pytest.raises(ParameterError, match="`n` must be iri"):
        entry.bound_text({"n": "http://example.org/a> . ?x ?p ?o"})


def test_the_catalogue_reads_cleanly():
    assert sum(1 for entry in catalogue() if entry.parameters) >= 8
