"""The OpenAPI 3.1 description of /api, generated from the catalogue's headers."""

from rk.catalogue import NamedQuery
from rk.web.api import paging

SUFFIX_TYPES = {
    "json": "application/json",
    "srj": "application/sparql-results+json",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
ROWS_SCHEMA = {
    "type": "object",
    "required": ["query", "parameters", "page", "per_page", "variables", "rows", "next"],
    "properties": {
        "query": {"type": "string", "description": "the catalogue name of the query"},
        "parameters": {"type": "object", "additionalProperties": {"type": "string"},
                       "description": "the values bound, defaults included"},
        "page": {"type": "integer", "minimum": 1},
        "per_page": {"type": "integer", "minimum": 1},
        "variables": {"type": "array", "items": {"type": "string"}},
        "rows": {"type": "array", "items": {
            "type": "object",
            "additionalProperties": {"type": ["string", "number", "boolean"]},
            "description": "one row: variable -> value (IRIs and text as strings); unbound variables left out",
        }},
        "next": {"type": ["string", "null"], "format": "uri", "description": "the next page, if any"},
    },
}


def _parameter(parameter) -> dict:
    described = {
        "name": parameter.name,
        "in": "query",
        "required": parameter.required,
        "description": parameter.description,
        "schema": parameter.schema | ({"default": parameter.default} if parameter.default is not None else {}),
    }
    if parameter.example is not None:
        described["example"] = parameter.example
    return described


def _operation(entry: NamedQuery, operation_id: str, suffix: bool) -> dict:
    content = {
        media_type: {"schema": {"$ref": "#/components/schemas/Rows"} if media_type == "application/json"
                      else {"type": "string"}}
        for media_type in SUFFIX_TYPES.values()
    }
    if suffix:
        content["application/sparql-query"] = {"schema": {"type": "string"}}
    parameters = [_parameter(p) for p in entry.parameters]
    parameters += [{"$ref": "#/components/parameters/page"}, {"$ref": "#/components/parameters/per_page"}]
    if suffix:
        parameters.append({"$ref": "#/components/parameters/suffix"})
    return {
        "get": {
            "operationId": operation_id,
            "summary": entry.title_en or entry.title,
            "description": entry.description
            + ("" if suffix else " The format follows Accept (JSON rows by default)."),
            "tags": ["parameterised" if entry.parameters else "fixed"],
            "parameters": parameters,
            "responses": {
                "200": {
                    "description": "One page of the answer; a `Link` header points to the next page.",
                    "headers": {"Link": {"$ref": "#/components/headers/Link"}},
                    "content": content,
                },
                "304": {"description": "Not modified (If-None-Match)"},
                "400": {"$ref": "#/components/responses/BadRequest"},
                "406": {"$ref": "#/components/responses/NotAcceptable"},
                "503": {"description": "The query reached the time limit",
                        "content": {"text/plain": {"schema": {"type": "string"}}}},
            },
        }
    }


def document(entries: list[NamedQuery], server_url: str, version: str) -> dict:
    """The OpenAPI 3.1 document for the API queries `entries`, served at `server_url`."""
    paths = {}
    for entry in entries:
        paths[f"/api/{entry.name}"] = _operation(entry, entry.name, suffix=False)
        paths[f"/api/{entry.name}.{{format}}"] = _operation(entry, f"{entry.name}-file", suffix=True)
    plain = {"text/plain": {"schema": {"type": "string"}}}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Ruhr-Konferenz knowledge graph: query API",
            "version": version,
            "description": (
                "The catalogue queries of the Ruhr-Konferenz knowledge graph as URLs: parameters "
                "are bound as RDF terms, results come as JSON rows, SPARQL JSON, CSV or TSV "
                "(by suffix or Accept), paged with `page` and `per_page`. The version is the "
                "dataset's."
            ),
            "license": {"name": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
                        "url": "https://www.govdata.de/dl-de/by-2-0"},
        },
        "servers": [{"url": server_url}],
        "paths": paths,
        "components": {
            "schemas": {"Rows": ROWS_SCHEMA},
            "parameters": {
                "page": {"name": "page", "in": "query", "required": False,
                         "description": "Page number, from 1",
                         "schema": {"type": "integer", "minimum": 1, "default": 1}},
                "per_page": {"name": "per_page", "in": "query", "required": False,
                             "description": "Rows per page",
                             "schema": {"type": "integer", "minimum": 1, "maximum": paging.MAX_PER_PAGE,
                                        "default": paging.DEFAULT_PER_PAGE}},
                "suffix": {"name": "format", "in": "path", "required": True,
                           "description": "json: JSON rows; srj: SPARQL JSON; csv; tsv; rq: the bound query text",
                           "schema": {"type": "string", "enum": [*SUFFIX_TYPES, "rq"]}},
            },
            "headers": {
                "Link": {"description": 'RFC 8288 links: rel="next", rel="prev", rel="first"',
                         "schema": {"type": "string"}},
            },
            "responses": {
                "BadRequest": {"description": "A parameter is missing or not of its type; the message names it",
                               "content": plain},
                "NotAcceptable": {"description": "No offered format is acceptable", "content": plain},
            },
        },
    }
