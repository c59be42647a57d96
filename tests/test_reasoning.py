"""The inferred graph materialises what the ontology implies, and nothing trivial."""

def test_inverses_are_materialised(select):
    assert int(select("SELECT (COUNT(*) AS ?n) WHERE { ?p rk:moderates ?f }")[0]["n"]) == 43
    assert int(select("SELECT (COUNT(*) AS ?n) WHERE { ?f rk:event ?e }")[0]["n"]) == 47


def test_standard_classes_answer_without_a_reasoner(select):
    organisations = {r["x"] for r in select("SELECT ?x WHERE { GRAPH <https://w3id.org/ruhr-konferenz/graph/inferred> { ?x a org:Organization } }")}
    forums = {r["x"] for r in select("SELECT ?x WHERE { ?x a rk:ThematicForum }")}
    departments = {r["x"] for r in select("SELECT ?x WHERE { ?x a rk:Department }")}
    assert forums | departments <= organisations
    assert int(select("SELECT (COUNT(*) AS ?n) WHERE { ?x a schema:GovernmentOrganization }")[0]["n"]) == 16


def test_unit_and_post_inverses(select):
    units = {r["u"].rsplit("/", 1)[1] for r in select("SELECT ?u WHERE { <https://w3id.org/ruhr-konferenz/id/department/stk> org:hasUnit ?u }")}
    assert units == {"stk-cds", "stk-sport", "stk-ehrenamt", "stk-mbei"}
    assert select("SELECT ?post WHERE { ?d org:hasPost ?post }")


def test_no_trivial_triples_in_inferred_graph(select):
    trivial = select("""SELECT ?s ?p ?o WHERE { GRAPH <https://w3id.org/ruhr-konferenz/graph/inferred> { ?s ?p ?o }
        FILTER ( (?p = owl:sameAs)
              || (?p IN (rdfs:subClassOf, rdfs:subPropertyOf, owl:equivalentClass) && ?s = ?o)
              || (?p = rdf:type && ?o IN (owl:Thing, rdfs:Resource, owl:Class, rdf:Property))
              || STRSTARTS(STR(?s), "http://www.w3.org/2002/07/owl#")
              || STRSTARTS(STR(?s), "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
              || STRSTARTS(STR(?s), "http://www.w3.org/2000/01/rdf-schema#") ) } LIMIT 5""")
    assert trivial == []


def test_inferred_graph_holds_only_new_triples(select):
    repeated = select("""SELECT * WHERE { GRAPH <https://w3id.org/ruhr-konferenz/graph/inferred> { ?s ?p ?o }
        GRAPH <https://w3id.org/ruhr-konferenz/graph/data> { ?s ?p ?o } } LIMIT 1""")
    assert repeated == []
