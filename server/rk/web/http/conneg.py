"""Content negotiation, in one place: format tables and a pure Accept parser.

A `Format` has a name (shared with `rk.store.results`), a media type, further media
types that select it, and the values of the `format` parameter that select it. The
`format` parameter overrides Accept. Among formats a client accepts equally, the one
listed first in the table wins. An Accept header is parsed once and each decision
about it made once per process (bounded memos): clients send few distinct headers.
"""

import functools
from collections.abc import Sequence
from dataclasses import dataclass

_MEMO = 512  # distinct Accept headers whose parse and decisions each process remembers


@dataclass(frozen=True)
class Format:
    """A response format."""

    name: str
    media_type: str
    aliases: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()

    @property
    def media_types(self) -> tuple[str, ...]:
        return (self.media_type, *self.aliases)

    @property
    def content_type(self) -> str:
        return f"{self.media_type}; charset=utf-8"


JSON = Format(
    "json",
    "application/sparql-results+json",
    ("application/json", "text/javascript", "application/javascript"),
    ("json",),
)
XML = Format("xml", "application/sparql-results+xml", ("application/xml", "text/xml"), ("xml",))
CSV = Format("csv", "text/csv", (), ("csv",))
TSV = Format("tsv", "text/tab-separated-values", (), ("tsv",))
TURTLE = Format(
    "turtle",
    "text/turtle",
    ("application/turtle", "application/x-turtle", "text/n3", "text/rdf+n3", "application/n3"),
    ("ttl", "turtle", "n3"),
)
NTRIPLES = Format(
    "ntriples", "application/n-triples", ("text/plain",), ("nt", "ntriples", "n-triples")
)
JSONLD = Format(
    "jsonld",
    "application/ld+json",
    ("application/x-json+ld", "application/json"),
    ("jsonld", "json-ld", "json"),
)
RDFXML = Format(
    "rdfxml",
    "application/rdf+xml",
    ("application/xml", "text/xml"),
    ("rdfxml", "rdf+xml", "rdf", "xml"),
)
TRIG = Format("trig", "application/trig", (), ("trig",))
NQUADS = Format("nquads", "application/n-quads", (), ("nq", "nquads", "n-quads"))
HTML = Format("html", "text/html", ("application/xhtml+xml",), ("html",))

SOLUTIONS = (JSON, XML, CSV, TSV)  # SELECT and ASK
GRAPH = (TURTLE, NTRIPLES, JSONLD, RDFXML, TRIG, NQUADS)  # CONSTRUCT and DESCRIBE
SERVICE_DESCRIPTION = (TURTLE, JSONLD, NTRIPLES, RDFXML, HTML)
DOCUMENT = (HTML, TURTLE, JSONLD, RDFXML, NTRIPLES)  # what an /id/… or /ontology IRI offers
SUFFIXES = {"html": HTML, "ttl": TURTLE, "jsonld": JSONLD, "rdf": RDFXML, "nt": NTRIPLES}


def suffix(fmt: Format) -> str:
    """The file suffix of a linked-data document in format `fmt` (a `DOCUMENT` format)."""
    return next(key for key, value in SUFFIXES.items() if value is fmt)


@dataclass(frozen=True)
class MediaRange:
    """One element of an Accept header."""

    type: str
    subtype: str
    q: float

    def specificity(self, media_type: str) -> int:
        """2 for an exact match, 1 for type/*, 0 for */*, -1 if `media_type` is not in range."""
        type_, subtype = media_type.split("/", 1)
        if self.type == "*":
            return 0
        if self.type != type_:
            return -1
        if self.subtype == "*":
            return 1
        return 2 if self.subtype == subtype else -1


def parse_accept(header: str) -> list[MediaRange]:
    """The media ranges of an Accept header; malformed elements are skipped."""
    return list(_ranges(header))


@functools.lru_cache(maxsize=_MEMO)
def _ranges(header: str) -> tuple[MediaRange, ...]:
    """`parse_accept`, remembered per header."""
    ranges = []
    for element in header.split(","):
        mime, *parameters = element.split(";")
        type_, slash, subtype = mime.strip().lower().partition("/")
        if not (slash and type_ and subtype) or (type_ == "*" and subtype != "*"):
            continue
        q = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value.strip())
                except ValueError:
                    q = -1.0
                break
        if 0.0 <= q <= 1.0:
            ranges.append(MediaRange(type_, subtype, q))
    return tuple(ranges)


def quality(ranges: Sequence[MediaRange], media_type: str, exact: bool = False) -> float:
    """The q-value the most specific range matching `media_type` gives it (0 if none).

    With `exact`, only a range naming `media_type` itself counts, no wildcard.
    """
    best_specificity, q = -1, 0.0
    for media_range in ranges:
        specificity = media_range.specificity(media_type)
        if exact and specificity < 2:
            continue
        if specificity > best_specificity:
            best_specificity, q = specificity, media_range.q
    return q


@functools.lru_cache(maxsize=_MEMO)
def negotiate(accept: str | None, formats: tuple[Format, ...]) -> Format | None:
    """The format of `formats` that Accept prefers, or None if it accepts none of them.

    Wildcards select a format by its own media type only, not by its aliases.
    """
    ranges = _ranges(accept or "")
    if not ranges:
        return formats[0]
    best, best_q = None, 0.0
    for fmt in formats:
        q = format_quality(ranges, fmt)
        if q > best_q:
            best, best_q = fmt, q
    return best


def format_quality(ranges: Sequence[MediaRange], fmt: Format) -> float:
    """The q-value of `fmt`: its media type by any range, its aliases only where named."""
    return max(
        [quality(ranges, fmt.media_type)]
        + [quality(ranges, alias, exact=True) for alias in fmt.aliases]
    )


@functools.lru_cache(maxsize=_MEMO)
def prefers_html(accept: str | None, formats: tuple[Format, ...]) -> bool:
    """Whether Accept names HTML itself (no wildcard) and ranks it above all of `formats`.

    A browser following a link to /sparql?query=… gets the query editor, while protocol
    clients, which do not name text/html, keep getting results.
    """
    ranges = _ranges(accept or "")
    html = max(quality(ranges, media_type, exact=True) for media_type in HTML.media_types)
    return html > max((format_quality(ranges, fmt) for fmt in formats), default=0.0)


def by_parameter(values: Sequence[str], formats: Sequence[Format]) -> Format | None:
    """The first of the `format` parameter's values that names one of `formats`."""
    for value in values:
        wanted = value.split(";")[0].strip().lower()
        for fmt in formats:
            if wanted in fmt.keys or wanted in fmt.media_types:
                return fmt
    return None


def offer(formats: Sequence[Format]) -> str:
    """The 406 message: which media types `formats` offer."""
    media_types = ", ".join(fmt.media_type for fmt in formats)
    return f"None of the acceptable formats can be produced. Available: {media_types}."


def choose(
    format_values: Sequence[str], accept: str | None, formats: Sequence[Format]
) -> Format | None:
    """The `format` parameter if given, else Accept, decides among `formats`."""
    if format_values:
        return by_parameter(format_values, formats)
    return negotiate(accept, tuple(formats))
