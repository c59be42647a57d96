"""Every term of ../shared/vocabulary.md is declared in the ontology and used by the data."""

import re

import pytest
from rdflib import URIRef
from rdflib.namespace import OWL, RDF, RDFS

from rk.namespaces import GRAPH_DATA, GRAPH_INFERRED, GRAPH_ONTOLOGY, ONTOLOGY_IRI, RK
from rk.paths import PROJECT_ROOT

VOCABULARY = PROJECT_ROOT.parent / "shared" / "vocabulary.md"
TERMS = sorted(set(re.findall(r"`rk:([A-Za-z]+)`", VOCABULARY.read_text(encoding="utf-8"))))
CLASSES = [t for t in TERMS if t[0].isupper()]
PROPERTIES = [t for t in TERMS if t[0].islower()]


def test_vocabulary_lists_terms():
    assert len(CLASSES) >= 10 and len(PROPERTIES) >= 20


@pytest.fixture(scope="module")
def ontology(build_result):
    return build_result.dataset.graph(GRAPH_ONTOLOGY)


@pytest.mark.parametrize("term", TERMS)
def test_term_declared_with_labels_and_comment(ontology, term):
    iri = RK[term]
    kinds = set(ontology.objects(iri, RDF.type))
    expected = {OWL.Class} if term in CLASSES else {OWL.ObjectProperty, OWL.DatatypeProperty}
    assert kinds & expected, f"rk:{term} is not declared as {expected}"
    languages = {label.language for label in ontology.objects(iri, RDFS.label)}
    assert {"de", "en"} <= languages
    assert {c.language for c in ontology.objects(iri, RDFS.comment)} >= {"de", "en"}
    assert (iri, RDFS.isDefinedBy, ONTOLOGY_IRI) in ontology


@pytest.mark.parametrize("term", PROPERTIES)
def test_property_has_domain_or_range(ontology, term):
    iri = RK[term]
    assert set(ontology.objects(iri, RDFS.domain)) | set(ontology.objects(iri, RDFS.range))


@pytest.mark.parametrize("term", TERMS)
def test_term_is_used_by_the_data(build_result, term):
    dataset = build_result.dataset
    graphs = [dataset.graph(GRAPH_DATA), dataset.graph(GRAPH_INFERRED)]
    iri = RK[term]
    used = any((None, iri, None) in g or (None, RDF.type, iri) in g for g in graphs)
    assert used, f"rk:{term} is declared but not used"


@pytest.mark.parametrize("left, right", [("moderator", "moderates"), ("forum", "event")])
def test_inverse_pairs(ontology, left, right):
    assert (RK[left], OWL.inverseOf, RK[right]) in ontology


@pytest.mark.parametrize("cls, parents", [
    ("Programme", ["http://schema.org/Project"]),
    ("ThematicForum", ["http://www.w3.org/ns/org#Organization"]),
    ("Department", ["http://www.w3.org/ns/org#FormalOrganization", "http://schema.org/GovernmentOrganization"]),
    ("Moderation", ["http://www.w3.org/ns/org#Membership"]),
    ("ForumEvent", ["http://schema.org/Event"]),
    ("Venue", ["http://schema.org/Place"]), ("City", ["http://schema.org/Place"]),
    ("ActionField", ["http://www.w3.org/2004/02/skos/core#Concept"]),
    ("Project", ["http://schema.org/Project"]),
    ("SourceDocument", ["http://www.w3.org/ns/prov#Entity", "http://schema.org/CreativeWork"]),
])
def test_subclass_links(ontology, cls, parents):
    for parent in parents:
        assert (RK[cls], RDFS.subClassOf, URIRef(parent)) in ontology


def test_ontology_metadata(ontology):
    from rdflib.namespace import DCTERMS
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert (ONTOLOGY_IRI, DCTERMS.license, URIRef("http://dcat-ap.de/def/licenses/dl-by-de/2.0")) in ontology
    assert {t.language for t in ontology.objects(ONTOLOGY_IRI, DCTERMS.title)} == {"de", "en"}
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.creator) is not None
    assert str(ontology.value(ONTOLOGY_IRI, URIRef("http://purl.org/vocab/vann/preferredNamespacePrefix"))) == "rk"
