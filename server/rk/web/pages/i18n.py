"""The pages' language (German by default, English on request) and their gettext catalogues.

Fixed wording is written in English in the code and the templates (`_()`, `gettext`) and
translated in `translations/de/LC_MESSAGES/messages.po` (Flask-Babel); English pages use
the English text itself. The .po files are committed; at app start they are compiled
into a folder of the temporary directory named by their digest, so a fresh checkout
needs no compile step and processes of the same version share one compiled copy.
`make translations` extracts new wording into the catalogue (see babel.cfg).
"""

import hashlib
import os
import tempfile
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask, request
from flask_babel import Babel

LANGUAGES = ("de", "en")
DEFAULT = "de"
CATALOGUES = Path(__file__).resolve().parent.parent / "translations"


def page_language() -> str:
    """`?lang=` if it names a language offered, else the best of Accept-Language, else German."""
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        return asked
    return request.accept_languages.best_match(LANGUAGES, default=DEFAULT)


def init_app(app: Flask) -> None:
    """Flask-Babel with German as the default and the compiled catalogues."""
    app.config["BABEL_DEFAULT_LOCALE"] = DEFAULT
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(compiled(CATALOGUES))
    Babel(app, locale_selector=page_language)


def compiled(sources: Path) -> Path:
    """The .mo files of every .po file under `sources`, compiled once per version of them."""
    catalogues = sorted(sources.glob("*/LC_MESSAGES/*.po"))
    digest = hashlib.sha256()
    for po in catalogues:
        digest.update(po.relative_to(sources).as_posix().encode() + b"\0" + po.read_bytes())
    target = Path(tempfile.gettempdir()) / f"rk-translations-{digest.hexdigest()[:16]}"
    for po in catalogues:
        mo = target / po.relative_to(sources).with_suffix(".mo")
        if mo.is_file():
            continue
        mo.parent.mkdir(parents=True, exist_ok=True)
        with po.open("rb") as stream:
            catalogue = read_po(stream)
        partial = mo.with_name(f"{mo.name}.{os.getpid()}.tmp")
        with partial.open("wb") as stream:
            write_mo(stream, catalogue)
        os.replace(partial, mo)  # atomic: a parallel worker never reads half a file
    return target
