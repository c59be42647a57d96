"""/api/NAME over HTTP: every parameterised query with its example, values bound, hostile
values answered 400 or bound literally, paging with Link headers, formats, the /api page."""

import csv
import io
import json
import re
import urllib.parse

import pytest
from api_support import PARAMETERISED, SELECTS, example, get, path_of

from rk.catalogue import catalogue

BY_NAME = {entry.name: entry for entry in catalogue()}
EVENT_FORUM = re.compile(r"/id/event/(\d\d)-\d+$")


def rows(port, name, **params) -> list[dict]:
    answer = get(port, f"/api/{name}", {"per_page": 1000, **params})
    assert answer.status == 200, answer.text
    assert answer.headers["Content-Type"] == "application/json; charset=utf-8"
    return answer.json()["rows"]


def test_at_least_eight_parameterised_queries():
    assert len(PARAMETERISED) >= 8
    for entry in PARAMETERISED:
        for parameter in entry.parameters:
            assert parameter.description and (parameter.example or parameter.default), (entry.name, parameter.name)


@pytest.mark.parametrize("entry", PARAMETERISED, ids=[e.name for e in PARAMETERISED])
def test_the_example_call_gives_the_catalogue_rows(port, entry):
    found = rows(port, entry.name, **example(entry))
    assert len(found) == entry.expected_rows
    for expected in entry.expected_row_values:
        assert any(all(str(row.get(k)) == v for k, v in expected.items()) for row in found), expected


@pytest.mark.parametrize("number", range(1, 21))
def test_forum_events_are_the_events_of_that_forum(port, number):
    found = rows(port, "forum-events", forum=number)
    assert found, number  # every forum held at least one event
    assert {int(EVENT_FORUM.search(row["event"]).group(1)) for row in found} == {number}


def test_department_forums_agree_with_the_forums_per_department_counts(port):
    counts = get(port, "/api/forums-per-department", {"per_page": 1000}).json()["rows"]
    assert len(counts) == BY_NAME["forums-per-department"].expected_rows
    for count in counts:
        found = rows(port, "department-forums", department=count["abbreviation"])
        assert sum(row["role"] == "lead" for row in found) == count["leads"], count
        assert sum(row["role"] == "participates" for row in found) == count["participates"], count


def test_department_projects_are_those_of_the_forums_it_leads(port):
    forums = {row["number"] for row in rows(port, "department-forums", department="MHKBG") if row["role"] == "lead"}
    found = rows(port, "department-projects", department="MHKBG")
    assert found and {row["forumNumber"] for row in found if row["via"] == "forum"} <= forums
    assert rows(port, "department-projects", department="NO-SUCH-DEPARTMENT") == []


def test_events_between_stay_in_the_range(port):
    found = rows(port, "events-between", **{"from": "2019-05-01", "to": "2019-06-30"})
    assert found
    assert all("2019-05-01" <= row["start"][:10] <= "2019-06-30" for row in found)
    everything = rows(port, "events-between")  # the defaults: every dated event
    assert len(everything) > len(found)


def test_person_seats_and_a_person_without_seats(port):
    assert {row["number"] for row in rows(port, "person-seats", person=example(BY_NAME["person-seats"])["person"])} == {19, 20}
    assert rows(port, "person-seats", person="https://w3id.org/ruhr-konferenz/id/person/armin-laschet") == []


def test_action_field_projects_belong_to_the_field(port):
    listed = rows(port, "projects-by-action-field")
    for field in ("sichere-energie", "erfolgreiche-wirtschaft", "beste-bildung"):
        found = rows(port, "action-field-projects", field=f"https://w3id.org/ruhr-konferenz/id/action-field/{field}")
        assert found, field
        labels = {row["label"] for row in found}
        assert labels <= {row["project"] for row in listed}


def test_source_statements_name_the_sources_and_discrepancies(port):
    found = rows(port, "source-statements", thing="https://w3id.org/ruhr-konferenz/id/forum/04")
    assert {row["kind"] for row in found} <= {"source", "discrepancy"}
    assert all(row["statement"].startswith("https://w3id.org/ruhr-konferenz/id/") for row in found)


@pytest.mark.parametrize(("name", "params", "named", "expected_type"), [
    ("forum-events", {}, "forum", "integer"),
    ("forum-events", {"forum": "four"}, "forum", "integer"),
    ("forum-events", {"forum": "4 } UNION { ?s ?p ?o }"}, "forum", "integer"),
    ("forum-events", {"forum": "4.5"}, "forum", "integer"),
    ("events-between", {"from": "2019-13-01"}, "from", "date"),
    ("events-between", {"from": '2019-01-01"^^<x> } #'}, "from", "date"),
    ("person-seats", {"person": "not an iri"}, "person", "iri"),
    ("person-seats", {"person": "https://w3id.org/x> } UNION { ?s ?p ?o } #"}, "person", "iri"),
    ("person-seats", {"person": "https://w3id.org/x\\u003E"}, "person", "iri"),
    ("events-in-city", {"city": "Essen\n} UNION {"}, "city", "string"),
    ("events-in-city", {"city": "x" * 501}, "city", "string"),
    ("forum-events", {"forum": "4", "page": "0"}, "page", "integer"),
    ("forum-events", {"forum": "4", "per_page": "5000"}, "per_page", "integer"),
    ("forum-events", {"forum": "4", "per_page": "-1"}, "per_page", "integer"),
])
def test_bad_values_get_400_naming_parameter_and_type(port, name, params, named, expected_type):
    answer = get(port, f"/api/{name}", params)
    assert answer.status == 400, answer.text
    assert answer.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert f"`{named}`" in answer.text and expected_type in answer.text


def test_unknown_and_repeated_parameters_get_400(port):
    unknown = get(port, "/api/forum-events", {"forum": "4", "fourm": "5"})
    assert unknown.status == 400 and "`fourm`" in unknown.text and "forum" in unknown.text
    repeated = get(port, "/api/forum-events", [("forum", "4"), ("forum", "5")])
    assert repeated.status == 400 and "`forum`" in repeated.text


@pytest.mark.parametrize("city", [
    'Essen" } UNION { ?event ?p ?o } #',
    "Essen' . ?event ?p ?o",
    'Essen\\" } #',
    "Essen\t",
])
def test_quotes_and_braces_in_a_text_are_bound_literally(port, city):
    answer = get(port, "/api/events-in-city", {"city": city})
    assert answer.status == 200, answer.text
    assert answer.json()["rows"] == []  # no city has that name
    text = get(port, "/api/events-in-city.rq", {"city": city}).text
    values = re.search(r"VALUES \(\?city\) \{ \((.*)\) \}", text).group(1)
    assert json.loads(values, strict=False) == city  # one N-Triples string literal: the value, escaped


def test_events_in_each_city_agree_with_the_events_per_city_counts(port):
    counts = rows(port, "events-per-city")
    assert len(counts) == BY_NAME["events-per-city"].expected_rows
    for count in counts:
        events = {row["event"] for row in rows(port, "events-in-city", city=count["cityLabel"])}
        assert len(events) == count["events"], count  # an event at two venues has a row for each


def test_the_real_name_with_a_umlaut_is_found(port):
    assert rows(port, "events-in-city", city="Mülheim an der Ruhr")


def test_paging_follows_link_next_through_every_row(port):
    whole = rows(port, "events-between")
    assert len(whole) > 5
    seen, path, pages = [], "/api/events-between?per_page=4", 0
    while path and pages < 100:
        answer = get(port, path)
        assert answer.status == 200
        body = answer.json()
        assert body["page"] == pages + 1 and body["per_page"] == 4 and len(body["rows"]) <= 4
        seen += body["rows"]
        links = dict((rel, url) for url, rel in re.findall(r'<([^>]+)>; rel="(\w+)"', answer.headers.get("Link", "")))
        assert (links.get("next") is not None) == (body["next"] is not None)
        if pages:
            assert "prev" in links and "first" in links
        path = path_of(links["next"]) if "next" in links else None
        pages += 1
    assert seen == whole
    assert pages == -(-len(whole) // 4)


def test_a_page_past_the_end_is_empty(port):
    answer = get(port, "/api/forum-events", {"forum": "4", "page": "50"})
    assert answer.status == 200 and answer.json()["rows"] == [] and "Link" in answer.headers


@pytest.mark.parametrize(("how", "content_type"), [
    ({"suffix": ".csv"}, "text/csv"),
    ({"suffix": ".tsv"}, "text/tab-separated-values"),
    ({"suffix": ".srj"}, "application/sparql-results+json"),
    ({"suffix": ".json"}, "application/json"),
    ({"accept": "text/csv"}, "text/csv"),
    ({"accept": "text/tab-separated-values"}, "text/tab-separated-values"),
    ({"accept": "application/sparql-results+json"}, "application/sparql-results+json"),
    ({"accept": "application/json"}, "application/json"),
    ({"accept": "*/*"}, "application/json"),
    ({"format": "csv"}, "text/csv"),
])
def test_formats_by_suffix_accept_or_format(port, how, content_type):
    entry = BY_NAME["events-in-city"]
    params = dict(example(entry))
    if "format" in how:
        params["format"] = how["format"]
    headers = {"Accept": how["accept"]} if "accept" in how else {}
    answer = get(port, "/api/events-in-city" + how.get("suffix", ""), params, **headers)
    assert answer.status == 200
    assert answer.headers["Content-Type"] == f"{content_type}; charset=utf-8"
    if content_type == "text/csv":
        table = list(csv.DictReader(io.StringIO(answer.text)))
        assert len(table) == entry.expected_rows and set(table[0]) == {"event", "label", "start", "place"}
    elif content_type == "text/tab-separated-values":
        lines = answer.text.splitlines()
        assert lines[0].split("\t") == ["?event", "?label", "?start", "?place"]
        assert len(lines) == entry.expected_rows + 1 and lines[1].startswith("<https://w3id.org/")
    elif content_type == "application/sparql-results+json":
        assert len(answer.json()["results"]["bindings"]) == entry.expected_rows
    else:
        assert len(answer.json()["rows"]) == entry.expected_rows


def test_an_unoffered_format_gets_406_and_an_unknown_query_404(port):
    assert get(port, "/api/events-in-city", {"city": "Essen"}, Accept="text/turtle").status == 406
    assert get(port, "/api/no-such-query").status == 404
    assert get(port, "/api/events-in-city.xlsx", {"city": "Essen"}).status == 404
    assert get(port, "/api/describe-forum").status == 404  # a DESCRIBE is not an API query


def test_repeated_calls_carry_an_etag_and_get_304(port):
    first = get(port, "/api/forum-events", {"forum": "4"})
    tag = first.headers["ETag"]
    assert get(port, "/api/forum-events", {"forum": "4"}, If_None_Match=tag).status == 304
    assert get(port, "/api/forum-events", {"forum": "5"}).headers["ETag"] != tag


def test_queries_without_parameters_are_api_queries_too(port):
    for entry in SELECTS:
        if not entry.parameters and entry.expected_rows is not None and entry.expected_rows <= 1000:
            assert len(rows(port, entry.name)) == entry.expected_rows, entry.name


def test_the_api_page_has_a_form_and_a_working_example_per_query(port):
    page = get(port, "/api", Accept="text/html")
    assert page.status == 200 and page.headers["Content-Type"] == "text/html; charset=utf-8"
    html = page.text
    for entry in PARAMETERISED:
        form = re.search(rf'<form class="api-form" action="/api/{entry.name}" method="get">(.*?)</form>', html, re.S)
        assert form, entry.name
        inputs = re.findall(r'<input id="[^"]+" name="([^"]+)"', form.group(1))
        assert inputs == [p.name for p in entry.parameters]
        (link,) = re.findall(rf'<a class="api-example" href="([^"]+)">', html[form.end():form.end() + 2000])[:1]
        answer = get(port, link.replace("&amp;", "&"))
        assert answer.status == 200 and len(answer.json()["rows"]) == entry.expected_rows
    english = get(port, "/api?lang=en", Accept="text/html").text
    assert "Every SELECT query" in english and 'lang="en"' in english


def test_the_editor_page_offers_the_api_call_of_a_parameterised_query(port):
    entry = BY_NAME["forum-events"]
    html = get(port, f"/sparql?catalogue={entry.name}", Accept="text/html").text
    editor = re.search(r'<div id="editor"(.*?)>', html, re.S).group(1)
    api = re.search(r'data-api="([^"]+)"', editor).group(1).replace("&amp;", "&")
    assert urllib.parse.urlsplit(api).path == f"/api/{entry.name}"
    assert len(get(port, path_of(api)).json()["rows"]) == entry.expected_rows
