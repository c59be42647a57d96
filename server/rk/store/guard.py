"""Refuse queries with a SERVICE clause before an engine sees them.

pyoxigraph evaluates SERVICE with its own HTTP client, and its parser needs no space
after a keyword (`SERVICE:x {…}` and `?o trueSERVICE<…>{…}` are SERVICE clauses). So
the check is lexical and errs towards refusing: after removing comments, string
literals, IRIs and variable names, any "service" left in the text, in any case and
also inside a prefixed name, refuses the query. SPARQL's codepoint escapes (\\u0053)
are checked in both their escaped and unescaped form.

This check gives clients a clear error; the guarantee that nothing is fetched comes
from the query processes, which cannot open internet sockets (rk.store.sandbox).
"""

import re

from rk.store.base import QueryRefused

_UCHAR = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"
_ECHAR = r"""\\[tbnrf\\"']"""
_VARNAME = (
    "0-9A-Za-z_\u00b7\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u037d\u037f-\u1fff\u200c\u200d"
    "\u203f\u2040\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd"
    "\U00010000-\U000effff"
)
_NOT_CODE = [
    r"\#[^\r\n]*",  # comment
    rf"<(?:[^<>\"{{}}|^`\\\x00-\x20]|{_UCHAR})*>",  # IRI
    rf"'''(?:(?:''|')?(?:[^'\\]|{_ECHAR}|{_UCHAR}))*'''",
    rf'"""(?:(?:""|")?(?:[^"\\]|{_ECHAR}|{_UCHAR}))*"""',
    rf"'(?:[^'\\\n\r]|{_ECHAR}|{_UCHAR})*'",
    rf'"(?:[^"\\\n\r]|{_ECHAR}|{_UCHAR})*"',
    rf"[?$][{_VARNAME}]+",  # variable
]
_CODE = [
    r"\\.",  # escaped character in a prefixed name (ex:a\#b)
    r"[^#<'\"?$\\]+",
    r".",
]
_TOKEN = re.compile(
    "|".join(f"(?P<skip{i}>{p})" for i, p in enumerate(_NOT_CODE)) + "|" + "|".join(_CODE),
    re.DOTALL,
)
_ESCAPE = re.compile(_UCHAR)

MESSAGE = (
    "SERVICE is not supported: this endpoint never contacts other servers. "
    "Queries are refused when 'service' occurs outside strings, IRIs, comments and "
    "variable names; write a prefixed name that contains it as a full IRI."
)


def refuse_service(sparql: str) -> None:
    """Raise `QueryRefused` if `sparql` may contain a SERVICE clause."""
    texts = [sparql]
    if _ESCAPE.search(sparql):
        texts.append(_ESCAPE.sub(lambda m: _codepoint(m.group()), sparql))
    for text in texts:
        if "service" in text.lower() and "service" in code_of(text).lower():
            raise QueryRefused(MESSAGE)


def code_of(sparql: str) -> str:
    """The query text without comments, strings, IRIs and variable names."""
    return "".join(" " if m.lastgroup else m.group() for m in _TOKEN.finditer(sparql))


def _codepoint(escape: str) -> str:
    value = int(escape[2:], 16)
    return chr(value) if value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF else escape
