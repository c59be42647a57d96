"""Read the fact tables in tests/facts/ (tab-separated, '#' comments, '-' for none)."""

from pathlib import Path

FACTS = Path(__file__).parent / "facts"


def rows(name: str) -> list[list[str | None]]:
    """The rows of facts/`name`, with '-' read as None."""
    result = []
    for line in (FACTS / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        result.append([None if cell == "-" else cell for cell in line.split("\t")])
    return result
