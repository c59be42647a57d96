"""Parameters of catalogue queries: their declaration, checked values and safe binding.

A catalogue query declares a parameter in its header (see `rk.catalogue`):

    # param: NAME | TYPE | description | default=VALUE | example=VALUE

NAME is the query variable the value binds (`?NAME`), TYPE one of `TYPES`. A parameter
without a default is required. A value reaches the query only as an RDF term written by
pyoxigraph (escaped, its datatype checked) in a `VALUES` block that opens the query's
WHERE group: never by formatting text into the query.
"""

import datetime
import re
from dataclasses import dataclass

import pyoxigraph as ox

XSD = "http://www.w3.org/2001/XMLSchema#"
NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")
# type -> (JSON Schema of the value, RDF datatype or None for an IRI)
TYPES = {
    "string": ({"type": "string"}, XSD + "string"),
    "integer": ({"type": "integer"}, XSD + "integer"),
    "date": ({"type": "string", "format": "date"}, XSD + "date"),
    "boolean": ({"type": "boolean"}, XSD + "boolean"),
    "iri": ({"type": "string", "format": "iri"}, None),
}
EXPECTED = {
    "string": "a text",
    "integer": "an integer such as 4",
    "date": "a date as YYYY-MM-DD",
    "boolean": "true or false",
    "iri": "an absolute IRI such as https://w3id.org/ruhr-konferenz/id/forum/04",
}
MAX_LENGTH = 500  # characters of one value
_INTEGER = re.compile(r"[+-]?[0-9]{1,18}")
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


class ParameterError(ValueError):
    """A value does not fit its parameter; the message names the parameter and its type."""


class HeaderError(ValueError):
    """A `# param:` line is malformed."""


@dataclass(frozen=True)
class Parameter:
    """One declared parameter of a catalogue query."""

    name: str
    type: str
    description: str
    default: str | None = None
    example: str | None = None

    @property
    def required(self) -> bool:
        return self.default is None

    @property
    def schema(self) -> dict:
        """The JSON Schema of the parameter's value (for OpenAPI)."""
        return dict(TYPES[self.type][0])

    @property
    def expected(self) -> str:
        return EXPECTED[self.type]

    def term(self, value: str) -> ox.NamedNode | ox.Literal:
        """`value` as an RDF term of this parameter's type; ParameterError if it is none."""
        if len(value) > MAX_LENGTH:
            raise self._error(value, f"longer than {MAX_LENGTH} characters")
        if self.type == "iri":
            if not re.fullmatch(r"[a-z][a-z0-9+.-]*:\S+", value, re.IGNORECASE):
                raise self._error(value)
            try:
                return ox.NamedNode(value)
            except ValueError as error:
                raise self._error(value, str(error)) from None
        if self.type == "integer" and not _INTEGER.fullmatch(value):
            raise self._error(value)
        if self.type == "date":
            if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
                raise self._error(value)
            try:
                datetime.date.fromisoformat(value)
            except ValueError as error:
                raise self._error(value, str(error)) from None
        if self.type == "boolean":
            if value not in ("true", "false"):
                raise self._error(value)
        if self.type == "string" and any(ord(char) < 0x20 and char not in "\t" for char in value):
            raise self._error(value, "it holds control characters")
        return ox.Literal(value, datatype=ox.NamedNode(TYPES[self.type][1]))

    def _error(self, value: str, reason: str = "") -> ParameterError:
        shown = value if len(value) <= 60 else value[:57] + "..."
        because = f" ({reason})" if reason else ""
        return ParameterError(
            f"Parameter `{self.name}` must be {self.type}: {self.expected}; got {shown!r}{because}."
        )


def parse_line(value: str) -> Parameter:
    """A `# param:` header value: NAME | TYPE | description [| default=V] [| example=V]."""
    cells = [cell.strip() for cell in value.split(" | ")]
    if len(cells) < 3:
        raise HeaderError("a parameter needs `NAME | TYPE | description`")
    name, kind, description, *options = cells
    if not NAME.fullmatch(name) or name in ("page", "per_page", "format"):
        raise HeaderError(f"bad parameter name {name!r}: lower-case letters, digits, _; not page/per_page/format")
    if kind not in TYPES:
        raise HeaderError(f"parameter {name}: type {kind!r} is not one of {', '.join(TYPES)}")
    fields = {}
    for option in options:
        key, equals, setting = option.partition("=")
        if not equals or key not in ("default", "example") or key in fields:
            raise HeaderError(f"parameter {name}: unknown or repeated option {option!r}")
        fields[key] = setting
    parameter = Parameter(name, kind, description, fields.get("default"), fields.get("example"))
    for setting in (parameter.default, parameter.example):
        if setting is not None:
            try:
                parameter.term(setting)
            except ParameterError as error:
                raise HeaderError(str(error)) from None
    if parameter.example is None and parameter.default is None:
        raise HeaderError(f"parameter {name}: a required parameter needs an example")
    return parameter


def values(parameters: tuple[Parameter, ...], given: dict[str, str]) -> dict[str, ox.NamedNode | ox.Literal]:
    """The terms to bind: each given value checked, else the default; ParameterError if missing."""
    terms = {}
    for parameter in parameters:
        value = given.get(parameter.name)
        if value is None or value == "":
            if parameter.required:
                raise ParameterError(
                    f"Parameter `{parameter.name}` is required: {parameter.expected}."
                )
            value = parameter.default
        terms[parameter.name] = parameter.term(value)
    return terms


def example_values(parameters: tuple[Parameter, ...]) -> dict[str, str]:
    """The example call's values (the default where no example is given)."""
    return {p.name: p.example if p.example is not None else p.default for p in parameters}


def where_brace(query: str) -> int:
    """The offset just after the `{` that opens the query's WHERE group (comment lines skipped)."""
    offset = 0
    for line in query.splitlines(keepends=True):
        if not line.lstrip().startswith("#"):
            match = _WHERE.search(line)
            if match:
                return offset + match.end()
        offset += len(line)
    raise HeaderError("a query with parameters needs `WHERE {` on a line of its own text")


def bind(query: str, terms: dict[str, ox.NamedNode | ox.Literal]) -> str:
    """`query` with a VALUES block binding each ?name to its term, opening the WHERE group."""
    if not terms:
        return query
    brace = where_brace(query)
    names = " ".join(f"?{name}" for name in terms)
    row = " ".join(str(term) for term in terms.values())
    return f"{query[:brace]}\n  VALUES ({names}) {{ ({row}) }}{query[brace:]}"
