"""The named-query catalogue in queries/: each `.rq` file with its header.

Header lines at the top of a file, before the query:
    # title: German title            # title_en: English title
    # description: one paragraph     # expected-rows: N   (or expected-triples-min: N)
    # expected-row: var=value | var=value   (may repeat: rows that must be in the result)
"""

from dataclasses import dataclass, field
from pathlib import Path

from rk.paths import QUERIES_DIR


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


def parse(path: Path) -> NamedQuery:
    """Read one `.rq` file and its header."""
    text = path.read_text(encoding="utf-8")
    header: dict[str, str] = {}
    rows: list[dict[str, str]] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        key, _, value = line[1:].strip().partition(":")
        value = value.strip()
        if key == "expected-row":
            rows.append(dict(cell.strip().split("=", 1) for cell in value.split(" | ")))
        else:
            header[key] = value
    return NamedQuery(
        name=path.stem, path=path, text=text,
        title=header.get("title", path.stem), title_en=header.get("title_en", ""),
        description=header.get("description", ""),
        expected_rows=int(header["expected-rows"]) if "expected-rows" in header else None,
        expected_triples_min=int(header["expected-triples-min"]) if "expected-triples-min" in header else None,
        expected_row_values=rows,
    )


def catalogue(folder: Path = QUERIES_DIR) -> list[NamedQuery]:
    """Every named query, sorted by name."""
    return [parse(path) for path in sorted(folder.glob("*.rq"))]
