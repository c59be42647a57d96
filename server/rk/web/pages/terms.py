"""RDF terms for the pages: checked instance IRIs, bound queries and result rows.

A request path names an instance only if it matches `PATH`; its IRI is the base IRI +
"id/" + path. IRIs enter SPARQL only as a trailing `VALUES ?this { <iri> }` clause,
and only after `iri_term` has checked that they cannot end the IRI token early.
"""

import json
import re
from typing import NamedTuple

import pyoxigraph as ox

PATH = re.compile(r"[a-z0-9][a-z0-9_-]*(?:/[a-z0-9][a-z0-9_-]*){0,3}")
_IRI = re.compile(r"[a-z][a-z0-9+.-]*:[^\x00-\x20<>\"{}|^`\\]*", re.IGNORECASE)


class Term(NamedTuple):
    """One RDF term of a result row: an IRI, a literal or a blank node."""

    kind: str  # "uri", "literal" or "bnode"
    value: str
    lang: str | None = None
    datatype: str | None = None

    @property
    def is_iri(self) -> bool:
        return self.kind == "uri"


def instance_iri(base: str, path: str) -> str | None:
    """The IRI `path` names under `base`, or None if `path` is not an instance key."""
    return base + "id/" + path if PATH.fullmatch(path) else None


def instance_path(base: str, iri: str) -> str | None:
    """The key of an instance IRI under `base` (inverse of `instance_iri`), else None."""
    prefix = base + "id/"
    if iri.startswith(prefix) and PATH.fullmatch(iri[len(prefix) :]):
        return iri[len(prefix) :]
    return None


def iri_term(iri: str) -> str:
    """`iri` as a SPARQL IRI token; raises ValueError unless it is a well-formed IRI."""
    if not _IRI.fullmatch(iri):
        raise ValueError(f"not a well-formed absolute IRI: {iri!r}")
    return f"<{iri}>"


def bound(sparql: str, iri: str, variable: str = "this") -> str:
    """`sparql` (a query of this package) with ?`variable` bound to `iri` by a VALUES clause
    that opens its WHERE group; Virtuoso 7 refuses a trailing VALUES clause outside SELECT."""
    if not variable.isidentifier():
        raise ValueError(f"not a variable name: {variable!r}")
    where = sparql.find("WHERE")
    brace = sparql.index("{", max(where, 0)) + 1
    return f"{sparql[:brace]} VALUES ?{variable} {{ {iri_term(iri)} }}{sparql[brace:]}"


# datatypes SPARQL JSON leaves implicit: simple and language-tagged strings
_IMPLICIT_DATATYPES = {"http://www.w3.org/2001/XMLSchema#string",
                       "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}


def term(node) -> Term:
    """A pyoxigraph term as a page `Term`."""
    if isinstance(node, ox.NamedNode):
        return Term("uri", node.value)
    if isinstance(node, ox.BlankNode):
        return Term("bnode", node.value)
    datatype = node.datatype.value
    return Term("literal", node.value, node.language,
                None if datatype in _IMPLICIT_DATATYPES else datatype)


def rows(result) -> list[dict[str, Term]]:
    """The solutions of a SELECT `QueryResult` as dicts of `Term`s (unbound left out).
    SPARQL JSON is read with the json module, which is quicker than making pyoxigraph
    terms first; other formats through `QueryResult.bindings`."""
    if result.format == "json":
        solutions = json.loads(result.data)["results"]["bindings"]
        return [{name: _json_term(value) for name, value in solution.items()}
                for solution in solutions]
    return [{name: term(node) for name, node in binding.items()} for binding in result.bindings()]


def _json_term(value: dict) -> Term:
    datatype = value.get("datatype")
    return Term(value["type"], value["value"], value.get("xml:lang"),
                None if datatype in _IMPLICIT_DATATYPES else datatype)
