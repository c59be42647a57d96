"""Fixed names the pages show for the project's own keys, in the gettext catalogues.

Each is a lazy string (translated when rendered, in the page's language): list and view
titles, relation names, format names, and labels for the classes of other vocabularies
that the ontology does not label (so that no page shows a CURIE for a type).
"""

from flask_babel import lazy_gettext as _l

from rk.namespaces import DCTERMS, FOAF, ORG, PROV, SCHEMA, SKOS

LIST_TITLES = {
    "forums": _l("Thematic forums"),
    "events": _l("Events"),
    "persons": _l("Persons"),
    "departments": _l("Departments"),
    "venues": _l("Venues"),
    "cities": _l("Cities"),
    "organisations": _l("Organisations"),
    "projects": _l("Projects"),
    "sources": _l("Source documents"),
    "discrepancies": _l("Source discrepancies"),
    "inferences": _l("Inferred statements"),
}
VIEW_TITLES = {
    "moderation": _l("Who moderates what"),
    "timeline": _l("Timeline"),
    "network": _l("Actor network"),
    "map": _l("Map"),
    "projects": _l("Projects per forum"),
}
VIEW_INTROS = {
    "moderation": _l(
        "Departments and organisations (rows) by thematic forum (columns): each cell names who "
        "moderates the forum on behalf of that department or organisation, with the stated role."
    ),
    "timeline": _l(
        "The forum events and the Metropolitan Innovation Summit 2022, coloured by the "
        "forum's lead department."
    ),
    "network": _l(
        "Departments, forums, persons and organisations and how they connect: lead, "
        "participation, moderation and membership."
    ),
    "map": _l(
        "The venues and cities with their events on a map of North Rhine-Westphalia, coloured by the "
        "forums' lead departments (as in the timeline); clicking a marker opens the place's page."
    ),
    "projects": _l(
        "The forums (rows) and the latest status of their projects (columns), as far as the graph "
        "describes them: part of the projects the progress reports count."
    ),
}
# the three groups of sources (rk.web.pages.sources) -> their heading and what they hold
SOURCE_GROUPS = {
    "documents": (_l("Sources"), _l("The five source documents the graph rests on.")),
    "public_record": (_l("Further public sources"), _l(
        "Public web pages (press releases, project pages, reports), each read from a stored copy; the "
        "address leads to the page itself.")),
    "link_evidence": (_l("Evidence of the links"), _l(
        "Reference lists and Wikipedia articles that back the links to other datasets and the coordinates.")),
}
# rk:locationPrecision -> what a point is the location of
PRECISIONS = {"city": _l("location of the city"), "venue": _l("location of the venue")}
RELATION_NAMES = {
    "lead": _l("lead"),
    "participates": _l("participates"),
    "interested": _l("interested"),
    "moderates": _l("moderates"),
    "member-of": _l("member of"),
}
# conneg format name -> the name people know it by
FORMAT_NAMES = {
    "turtle": "Turtle", "jsonld": "JSON-LD", "rdfxml": "RDF/XML", "ntriples": "N-Triples",
    "nquads": "N-Quads", "trig": "TriG", "html": "HTML",
}
DUMP_FORMATS = {"ttl": "Turtle", "nt": "N-Triples", "nq": "N-Quads", "trig": "TriG", "jsonld": "JSON-LD"}
# terms of other vocabularies used in the data that the ontology does not label
TERMS = {
    str(FOAF.Person): _l("Person"),
    str(SCHEMA.Person): _l("Person"),
    str(FOAF.Agent): _l("Agent"),
    str(FOAF.Organization): _l("Organisation"),
    str(ORG.Organization): _l("Organisation"),
    str(ORG.FormalOrganization): _l("Organisation"),
    str(SCHEMA.Organization): _l("Organisation"),
    str(SCHEMA.GovernmentOrganization): _l("Government organisation"),
    str(ORG.Membership): _l("Membership"),
    str(ORG.Post): _l("Post"),
    str(SCHEMA.Event): _l("Event"),
    str(SCHEMA.Place): _l("Place"),
    str(SCHEMA.Country): _l("Country"),
    str(SCHEMA.AdministrativeArea): _l("Administrative area"),
    str(SCHEMA.CreativeWork): _l("Document"),
    str(SCHEMA.Project): _l("Project"),
    str(SCHEMA.QuantitativeValue): _l("Figure"),
    str(SKOS.Concept): _l("Concept"),
    str(SKOS.ConceptScheme): _l("Code list"),
    str(PROV.Entity): _l("Entity"),
    str(PROV.Activity): _l("Activity"),
    str(DCTERMS.source): _l("source"),
    str(SCHEMA.additionalName): _l("additional name"),
    str(SCHEMA.slogan): _l("slogan"),
    str(SCHEMA.unitText): _l("unit"),
    str(SKOS.notation): _l("notation"),
}
LICENCES = {
    "http://dcat-ap.de/def/licenses/dl-by-de/2.0": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
}
