"""The VoID linksets of the meta graph count exactly the links the data graph holds."""

import pytest

from rk.build.metadata import LINK_TARGETS

META = "<https://w3id.org/ruhr-konferenz/graph/meta>"
DATA = "<https://w3id.org/ruhr-konferenz/graph/data>"


def linksets(select) -> dict[str, dict]:
    rows = select(f"""PREFIX void: <http://rdfs.org/ns/void#>
        SELECT ?linkset ?predicate ?space ?triples WHERE {{ GRAPH {META} {{
            <https://w3id.org/ruhr-konferenz/dataset> void:subset ?linkset .
            ?linkset a void:Linkset ; void:linkPredicate ?predicate ; void:triples ?triples ;
                     void:subjectsTarget <https://w3id.org/ruhr-konferenz/dataset> ; void:objectsTarget ?other .
            ?other void:uriSpace ?space }} }}""")
    return {row["linkset"].split("#linkset-")[1]: row for row in rows}


def test_one_linkset_per_target_dataset(select):
    assert set(linksets(select)) == {target.key for target in LINK_TARGETS}


@pytest.mark.parametrize("target", LINK_TARGETS, ids=[t.key for t in LINK_TARGETS])
def test_linkset_triples_equal_the_links_counted_by_sparql(select, target):
    described = linksets(select)[target.key]
    counted = select(f"""SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {DATA} {{ ?s <{described['predicate']}> ?o }}
        FILTER (STRSTARTS(STR(?s), "https://w3id.org/ruhr-konferenz/id/") && isIRI(?o)
                && STRSTARTS(STR(?o), "{described['space']}")) }}""")[0]["n"]
    assert int(described["triples"]) == int(counted)
    assert int(counted) > 0


def test_every_city_is_one_geonames_link(select):
    cities = int(select("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a rk:City }")[0]["n"])
    assert int(linksets(select)["geonames"]["triples"]) == cities


def test_every_wikipedia_link_has_its_dbpedia_twin(select):
    missing = select("""SELECT ?s ?page WHERE { ?s foaf:isPrimaryTopicOf ?page
        BIND (IRI(CONCAT("http://de.dbpedia.org/resource/", STRAFTER(STR(?page), "https://de.wikipedia.org/wiki/"))) AS ?twin)
        FILTER NOT EXISTS { ?s owl:sameAs ?twin } }""")
    assert missing == []
