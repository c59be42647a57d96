"""The `dataset` blueprint: the dataset's own description (VoID and DCAT-AP.de, made by the
build into the meta graph) at /dataset and /.well-known/void, and the dumps at /download/."""

import hashlib
import io
import os
from pathlib import Path

from flask import Blueprint, Response, abort, send_file

from rk.namespaces import DATASET_IRI, GRAPH_META, SPARQL_PROLOGUE
from rk.paths import DOWNLOAD_DIR
from rk.web.http import caching, conneg
from rk.web.pages import i18n, projects, site, sources, values, wording
from rk.web.pages.terms import rows
from rk.web.app_store import build_folder, get_manifest as manifest, get_store

bp = Blueprint("dataset", __name__)

META = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{GRAPH_META}> {{ ?s ?p ?o }} }}"
RDF_ONLY = (conneg.TURTLE, conneg.JSONLD, conneg.RDFXML, conneg.NTRIPLES)
MEDIA_TYPES = {".ttl": "text/turtle", ".nt": "application/n-triples", ".nq": "application/n-quads",
               ".trig": "application/trig", ".jsonld": "application/ld+json"}
SUMMARY = SPARQL_PROLOGUE + f"""
SELECT ?language ?title ?description ?license ?start ?end WHERE {{ GRAPH <{GRAPH_META}> {{
  ?d a dcat:Dataset ; dcterms:title ?title ; dcterms:description ?description .
  OPTIONAL {{ ?d dcterms:temporal [ dcat:startDate ?start ; dcat:endDate ?end ] }}
  OPTIONAL {{ ?d dcat:distribution/dcterms:license ?license }}
  BIND (LANG(?title) AS ?language)
  FILTER (LANG(?description) = ?language) }} }}"""
CLASSES = SPARQL_PROLOGUE + f"""
SELECT ?class ?entities WHERE {{ GRAPH <{GRAPH_META}> {{
  <{DATASET_IRI}> void:classPartition [ void:class ?class ; void:entities ?entities ] }} }}
ORDER BY DESC(?entities) ?class"""
LINKSETS = SPARQL_PROLOGUE + f"""
SELECT ?linkset ?title ?target ?targetTitle ?homepage ?predicate ?triples WHERE {{ GRAPH <{GRAPH_META}> {{
  <{DATASET_IRI}> void:subset ?linkset .
  ?linkset a void:Linkset ; dcterms:title ?title ; void:objectsTarget ?target ; void:linkPredicate ?predicate ;
           void:triples ?triples .
  ?target dcterms:title ?targetTitle . OPTIONAL {{ ?target foaf:homepage ?homepage }}
  FILTER (LANG(?title) = LANG(?targetTitle)) }} }}
ORDER BY DESC(?triples) ?linkset"""


def _rdf(fmt: conneg.Format) -> Response:
    store = get_store()
    tag = caching.etag(store.dataset_version, "meta", fmt.name)
    cached = caching.not_modified(tag)
    if cached is not None:
        return cached
    body = store.query(META).serialize(fmt.name)
    return caching.mark(Response(body, content_type=fmt.content_type), tag)


@bp.route("/dataset")
def description():
    """The dataset's description: an HTML page for people, VoID + DCAT-AP.de for machines."""
    fmt = site.negotiated(conneg.DOCUMENT)
    if fmt is not conneg.HTML:
        return _rdf(fmt)
    store, language = get_store(), i18n.page_language()
    summaries = {row["language"].value: row for row in rows(store.query(SUMMARY))}
    classes = rows(store.query(CLASSES))
    linksets = [row for row in rows(store.query(LINKSETS)) if row["title"].lang == language]
    groups = sources.grouped(store)
    response = site.render("pages/dataset.html", summary=summaries.get(language) or summaries.get("de", {}),
                           classes=classes, linksets=linksets, manifest=manifest(),
                           coverage=projects.coverage(store, projects.projects(store)), key=projects.key,
                           source_counts={name: len(members) for name, members in groups.items()},
                           licence_name=lambda iri: wording.LICENCES.get(iri, iri))
    response.vary.add("Accept")
    return response


@bp.route("/.well-known/void")
def void():
    """The VoID description (with DCAT), Turtle unless Accept asks for another RDF format."""
    return _rdf(site.negotiated(RDF_ONLY))


@bp.route("/download/")
def downloads():
    """A page listing the dumps with format, size and sha256."""
    lang = i18n.page_language()
    return site.render("pages/downloads.html", downloads=manifest().get("downloads", []),
                       dump_formats=wording.DUMP_FORMATS, size=lambda count: values.size(count, lang))


@bp.route("/download/<name>")
def download(name: str):
    """One dump, only if the build's manifest lists it (no other file is ever served).

    Size, ETag and bytes all come from one open file, so a build that replaces the
    dump meanwhile cannot pair one version's length with the other's bytes."""
    listed = {Path(entry["file"]).name for entry in manifest().get("downloads", [])}
    if name not in listed:
        abort(404)
    try:
        with (build_folder() / DOWNLOAD_DIR / name).open("rb") as stream:
            content, modified = stream.read(), os.fstat(stream.fileno()).st_mtime
    except FileNotFoundError:
        abort(404)
    return send_file(io.BytesIO(content), mimetype=MEDIA_TYPES[Path(name).suffix], download_name=name,
                     etag=hashlib.sha256(content).hexdigest(), last_modified=modified)
