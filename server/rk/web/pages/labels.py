"""The label index: every label in the dataset, read once at app start, and the search.

Labels are looked up per language with a fallback (asked language, German, English,
any). The search compares normalised forms: lower case, German transliteration
(ä→ae, ö→oe, ü→ue, ß→ss) and, as a second form, diacritics removed, so "Muelheim",
"Mülheim" and "Mulheim" all find "Mülheim an der Ruhr".
"""

import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from rk.namespaces import PREFIXES
from rk.store import Store
from rk.web.pages import page_queries
from rk.web.pages.terms import instance_path

_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
FALLBACK = ("de", "en", "")


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def forms(text: str) -> set[str]:
    """The normalised forms of `text` that the search compares."""
    folded = " ".join(unicodedata.normalize("NFC", text).casefold().split())
    return {_strip_marks(folded.translate(_TRANSLITERATION)), _strip_marks(folded)}


def compact(iri: str) -> str:
    """`iri` as a prefixed name if a project prefix covers it, else the IRI itself."""
    for prefix, namespace in PREFIXES.items():
        if prefix != "id" and iri.startswith(str(namespace)):
            return f"{prefix}:{iri[len(str(namespace)):]}"
    return iri


@dataclass(frozen=True)
class Hit:
    """One search result: an instance, its key and its label."""

    iri: str
    path: str
    label: str


class LabelIndex:
    """Labels by IRI and language, and the normalised labels of instances for the search."""

    def __init__(self, store: Store, base: str):
        self._labels: dict[str, dict[str, str]] = defaultdict(dict)
        self._forms: dict[str, set[str]] = defaultdict(set)
        self._base = base
        for row in page_queries.all_labels(store):
            iri, label = row["s"].value, row["label"]
            self._labels[iri].setdefault(label.lang or "", label.value)
            if instance_path(base, iri) is not None:
                self._forms[iri] |= forms(label.value)

    def get(self, iri: str, lang: str) -> str | None:
        """The label of `iri` in `lang`, falling back to German, English, any language."""
        return self.language(iri, lang)[0]

    def language(self, iri: str, lang: str) -> tuple[str | None, str]:
        """The label `get` gives and its language tag ("" when untagged or none)."""
        labels = self._labels.get(iri, {})
        for code in (lang, *FALLBACK):
            if code in labels:
                return labels[code], code
        if not labels:
            return None, ""
        code, text = next(iter(labels.items()))
        return text, code

    def iris(self) -> list[str]:
        """Every IRI that has a label."""
        return list(self._labels)

    def show(self, iri: str, lang: str) -> str:
        """The label of `iri`, or its compact form when it has none."""
        return self.get(iri, lang) or compact(iri)

    def search(self, query: str, lang: str, limit: int = 200) -> list[Hit]:
        """Instances with a label containing every word of `query`, best matches first."""
        words = [forms(word) for word in query.split()]
        if not words:
            return []
        hits = []
        for iri, label_forms in self._forms.items():
            if all(any(w in f for w in word for f in label_forms) for word in words):
                label = self.show(iri, lang)
                exact = any(f in label_forms for f in forms(query))
                hits.append((not exact, min(forms(label)), label, iri))
        hits.sort()
        return [Hit(iri, instance_path(self._base, iri), label) for _, _, label, iri in hits[:limit]]
