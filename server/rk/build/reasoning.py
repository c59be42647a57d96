"""Materialise what the ontology implies (OWL 2 RL via owlrl), keeping only informative triples."""

from owlrl import DeductiveClosure, OWLRL_Semantics
from rdflib import Graph, Literal
from rdflib.namespace import OWL, RDF, RDFS, XSD

# Namespaces whose own terms we never make statements about.
BUILTIN_NAMESPACES = (str(RDF), str(RDFS), str(OWL), str(XSD))
# Types every resource trivially has.
TRIVIAL_TYPES = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual, RDFS.Class, OWL.Class,
                 RDF.Property, OWL.ObjectProperty, OWL.DatatypeProperty,
                 OWL.AnnotationProperty, RDFS.Datatype}
REFLEXIVE_PREDICATES = {OWL.sameAs, RDFS.subClassOf, OWL.equivalentClass,
                        RDFS.subPropertyOf, OWL.equivalentProperty}


def is_informative(triple) -> bool:
    """False for the noise an OWL RL closure produces: axioms about the RDF/OWL
    vocabularies, reflexive sameAs/subClassOf, trivial types and literal subjects."""
    subject, predicate, obj = triple
    if isinstance(subject, Literal):
        return False
    if str(subject).startswith(BUILTIN_NAMESPACES):
        return False
    if predicate in REFLEXIVE_PREDICATES and subject == obj:
        return False
    if predicate == RDF.type and obj in TRIVIAL_TYPES:
        return False
    if predicate in (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range) and obj in (OWL.Thing, RDFS.Resource):
        return False
    if predicate == OWL.sameAs:
        return False
    if str(predicate).startswith(str(OWL)) and predicate not in (OWL.inverseOf,):
        return False
    return True


def infer(ontology: Graph, data: Graph) -> Graph:
    """Return the triples the OWL RL closure of ontology + data adds, filtered.

    owl:sameAs links to other datasets stay out of the closure: OWL RL would copy every
    statement about our things onto the other datasets' IRIs, which are theirs to describe."""
    closure = Graph()
    for triple in ontology:
        closure.add(triple)
    for triple in data:
        if triple[1] != OWL.sameAs:  # links to other datasets: their IRIs get no copies of our triples
            closure.add(triple)
    DeductiveClosure(OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(closure)
    inferred = Graph()
    for triple in closure:
        if triple in ontology or triple in data:
            continue
        if is_informative(triple):
            inferred.add(triple)
    return inferred
