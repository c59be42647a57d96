"""The editor's completion and label routes over HTTP, checked against the endpoint's answers."""

import json

import pytest
from api_support import get

from rk.namespaces import PREFIXES

RK = "https://w3id.org/ruhr-konferenz/ontology#"
ID = "https://w3id.org/ruhr-konferenz/id/"


def sparql(server, query: str) -> list[dict]:
    reply = server.get(query, accept="application/sparql-results+json")
    return json.loads(reply.body)["results"]["bindings"]


def vocabulary(port, lang="de") -> dict:
    answer = get(port, "/sparql/vocabulary.json", {"lang": lang})
    assert answer.status == 200 and answer.headers["Content-Type"] == "application/json"
    return answer.json()


def hits(port, q: str, **params) -> list[dict]:
    answer = get(port, "/sparql/instances.json", {"q": q, **params})
    assert answer.status == 200, answer.text
    return answer.json()["hits"]


def test_every_prefix_of_the_namespaces_is_offered(port):
    assert vocabulary(port)["prefixes"] == {prefix: str(ns) for prefix, ns in PREFIXES.items()}


def test_classes_and_properties_are_ranked_by_use_as_the_endpoint_counts(server, port):
    found = vocabulary(port)
    counts = [c["count"] for c in found["classes"]]
    assert counts == sorted(counts, reverse=True)
    forum = next(c for c in found["classes"] if c["iri"] == RK + "ThematicForum")
    (answer,) = sparql(server, f"SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE {{ ?f a <{RK}ThematicForum> }}")
    assert forum["count"] == int(answer["n"]["value"]) and forum["label"] == "Themenforum"
    label = next(p for p in found["properties"] if p["iri"] == "http://www.w3.org/2000/01/rdf-schema#label")
    (answer,) = sparql(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?o }")
    assert label["count"] == int(answer["n"]["value"])
    english = next(c for c in vocabulary(port, "en")["classes"] if c["iri"] == RK + "ThematicForum")
    assert english["label"] != forum["label"]


def test_a_class_lists_the_properties_its_instances_use_most_used_first(server, port):
    properties = vocabulary(port)["classProperties"][RK + "ThematicForum"]
    uses = [n for _, n in properties]
    assert uses == sorted(uses, reverse=True)
    used = {row["p"]["value"] for row in sparql(server, f"SELECT DISTINCT ?p WHERE {{ ?f a <{RK}ThematicForum> ; ?p ?o }}")}
    assert {p for p, _ in properties} == used - {"http://www.w3.org/1999/02/22-rdf-syntax-ns#type"}
    assert dict(properties)[RK + "forumNumber"] == 20


@pytest.mark.parametrize(("q", "iri", "label", "class_label"), [
    ("Laschet", ID + "person/armin-laschet", "Armin Laschet", None),
    ("Zollverein", ID + "venue/zeche-zollverein", "Zeche Zollverein", "Veranstaltungsort"),
    ("Muelheim", ID + "place/muelheim-an-der-ruhr", "Mülheim an der Ruhr", "Stadt"),
    ("zollv", ID + "venue/zeche-zollverein", "Zeche Zollverein", "Veranstaltungsort"),
])
def test_instances_by_label_with_their_class(port, q, iri, label, class_label):
    found = {hit["iri"]: hit for hit in hits(port, q)}
    assert iri in found
    assert found[iri]["label"] == label
    assert found[iri]["class"]
    if class_label:
        assert found[iri]["classLabel"] == class_label


def test_instance_hits_come_in_the_page_language_and_are_bounded(port):
    english = {hit["iri"]: hit for hit in hits(port, "Zollverein", lang="en")}
    assert english[ID + "venue/zeche-zollverein"]["classLabel"] == "Venue"
    assert len(hits(port, "e", limit="5")) == 5
    assert hits(port, "") == []
    assert get(port, "/sparql/instances.json", {"q": "x" * 101}).status == 400
    assert get(port, "/sparql/instances.json", {"q": "a", "limit": "1000"}).status == 400


def test_labels_cover_our_iris_in_the_page_language_only(server, port):
    german = get(port, "/sparql/labels.json", {"lang": "de"}).json()
    english = get(port, "/sparql/labels.json", {"lang": "en"}).json()
    rows = sparql(server, f"""SELECT ?label WHERE {{ <{ID}forum/04> <http://www.w3.org/2000/01/rdf-schema#label> ?label
                               FILTER(LANG(?label) = "en") }}""")
    assert english["labels"][ID + "forum/04"] == rows[0]["label"]["value"]
    assert german["labels"][ID + "forum/04"] != english["labels"][ID + "forum/04"]
    assert german["labels"][RK + "ThematicForum"] == "Themenforum"
    assert all(iri.startswith(("https://w3id.org/ruhr-konferenz/id/", RK)) for iri in german["labels"])
    assert german["pages"][ID] == "/page/"


def test_answers_are_cacheable_and_vary_by_language(port):
    first = get(port, "/sparql/instances.json", {"q": "Laschet"})
    assert "public" in first.headers["Cache-Control"] and "Accept-Language" in first.headers["Vary"]
    assert get(port, "/sparql/instances.json", {"q": "Laschet"}, If_None_Match=first.headers["ETag"]).status == 304
    assert get(port, "/sparql/instances.json", {"q": "Laschet", "lang": "en"}).headers["ETag"] != first.headers["ETag"]
