"""One page of a SELECT answer: its rows cut from the store's canonical TSV, and the rows as JSON.

The API asks the store for `per_page + 1` rows (LIMIT/OFFSET appended to the bound query);
the extra row only tells that a next page exists. A query with its own LIMIT or OFFSET (a
catalogue query without parameters) runs as it is and the page is cut from its answer. The
canonical TSV has one line per row, each ending in a newline, so a page is a run of its lines.
"""

import json
from dataclasses import dataclass

from rk.store import Kind, QueryResult

XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGERS = {XSD + name for name in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte",
)}
DECIMALS = {XSD + "decimal", XSD + "double", XSD + "float"}
DEFAULT_PER_PAGE = 100
MAX_PER_PAGE = 1000


@dataclass(frozen=True)
class Page:
    """The rows of one page and whether another follows."""

    result: QueryResult
    has_next: bool


def window(sparql: str, page: int, per_page: int) -> str:
    """`sparql` limited to page `page` (from 1) plus one row to see whether more follow."""
    return f"{sparql}\nLIMIT {per_page + 1}\nOFFSET {(page - 1) * per_page}\n"


def cut(result: QueryResult, per_page: int, skip: int = 0) -> Page:
    """`per_page` rows of `result` (a SELECT answer) after the first `skip`."""
    header, _, body = result.data.partition(b"\n")
    rows = body.split(b"\n")[:-1] if body else []
    rows = rows[skip:]
    kept = b"".join(row + b"\n" for row in rows[:per_page])
    page = QueryResult(Kind.SOLUTIONS, data=header + b"\n" + kept, truncated=result.truncated)
    return Page(page, len(rows) > per_page)


def plain(value: dict):
    """A SPARQL JSON term as a plain JSON value: IRIs and text as strings, numbers, booleans."""
    datatype = value.get("datatype")
    text = value["value"]
    try:
        if datatype in INTEGERS:
            return int(text)
        if datatype in DECIMALS:
            return float(text)
    except ValueError:
        return text
    if datatype == XSD + "boolean":
        return text in ("true", "1")
    return text


def rows(result: QueryResult) -> tuple[list[str], list[dict]]:
    """The variables and the rows (variable -> plain value; unbound left out) of `result`."""
    answer = json.loads(result.serialize("json"))
    variables = answer["head"]["vars"]
    return variables, [
        {name: plain(binding[name]) for name in variables if name in binding}
        for binding in answer["results"]["bindings"]
    ]
