"""The named-query catalogue in queries/: each `.rq` file with its header.

Header lines at the top of a file, before the query:
    # title: German title            # title_en: English title
    # description: one paragraph     # expected-rows: N   (or expected-triples-min: N)
    # expected-row: var=value | var=value   (may repeat: rows that must be in the result)
    # param: NAME | TYPE | description | default=V | example=V   (may repeat; `rk.parameters`)
    # chart: bar|line|pie label=VAR value=VAR   (the query counts: the editor opens its chart)

A query with parameters is served as an API at /api/NAME; its expected result is that of
its example call (`example_text`, the example values bound). A malformed header line stops
the catalogue's reading with an error naming file and line.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from rk.parameters import HeaderError, Parameter, bind, example_values, parse_line, values, where_brace
from rk.paths import QUERIES_DIR

CHART_KINDS = ("bar", "line", "pie")
PAGING = re.compile(r"^\s*(LIMIT|OFFSET)\b", re.IGNORECASE | re.MULTILINE)


class CatalogueError(ValueError):
    """A catalogue file's header is malformed; the message names file and line."""


@dataclass(frozen=True)
class Chart:
    """How the editor draws a counting query: the kind and the label and number columns."""

    kind: str
    label: str
    value: str


@dataclass(frozen=True)
class NamedQuery:
    """One catalogue entry."""

    name: str
    path: Path
    text: str
    title: str
    title_en: str
    description: str
    expected_rows: int | None = None
    expected_triples_min: int | None = None
    expected_row_values: list[dict[str, str]] = field(default_factory=list)
    parameters: tuple[Parameter, ...] = ()
    chart: Chart | None = None

    @property
    def example_text(self) -> str:
        """The text with the example values bound: what the editor opens and the tests run."""
        return self.bound_text(example_values(self.parameters))

    def bound_text(self, given: dict[str, str]) -> str:
        """The text with `given` values bound (defaults for the rest); raises ParameterError."""
        return bind(self.text, values(self.parameters, given))


def parse(path: Path) -> NamedQuery:
    """Read one `.rq` file and its header; CatalogueError names file and line of a bad header."""
    text = path.read_text(encoding="utf-8")
    header: dict[str, str] = {}
    rows: list[dict[str, str]] = []
    parameters: list[Parameter] = []
    chart = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#"):
            break
        key, _, value = line[1:].strip().partition(":")
        value = value.strip()
        try:
            if key == "expected-row":
                rows.append(dict(cell.strip().split("=", 1) for cell in value.split(" | ")))
            elif key == "param":
                parameters.append(parse_line(value))
            elif key == "chart":
                chart = _chart(value)
            else:
                header[key] = value
        except (HeaderError, ValueError) as error:
            raise CatalogueError(f"{path}:{number}: {error}") from None
    if parameters:
        try:
            where_brace(text)
        except HeaderError as error:
            raise CatalogueError(f"{path}: {error}") from None
        if PAGING.search(text):
            raise CatalogueError(f"{path}: a query with parameters is paged by the API: no LIMIT or OFFSET")
    return NamedQuery(
        name=path.stem, path=path, text=text,
        title=header.get("title", path.stem), title_en=header.get("title_en", ""),
        description=header.get("description", ""),
        expected_rows=int(header["expected-rows"]) if "expected-rows" in header else None,
        expected_triples_min=int(header["expected-triples-min"]) if "expected-triples-min" in header else None,
        expected_row_values=rows,
        parameters=tuple(parameters),
        chart=chart,
    )


def _chart(value: str) -> Chart:
    """`bar label=VAR value=VAR` (label and value default to the first and last column)."""
    kind, *options = value.split()
    settings = dict(option.split("=", 1) for option in options if "=" in option)
    if kind not in CHART_KINDS or set(settings) - {"label", "value"} or len(settings) != len(options):
        raise HeaderError(f"chart: expected `{'|'.join(CHART_KINDS)} label=VAR value=VAR`, got {value!r}")
    return Chart(kind, settings.get("label", ""), settings.get("value", ""))


def catalogue(folder: Path = QUERIES_DIR) -> list[NamedQuery]:
    """Every named query, sorted by name."""
    return [parse(path) for path in sorted(folder.glob("*.rq"))]
