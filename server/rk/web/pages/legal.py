"""The pages a public body's site owes its visitors, linked from every page's footer.

/impressum and /datenschutz show what the operator wrote (settings IMPRINT_FILE and
PRIVACY_FILE: Markdown, HTML or plain text; '{lang}' in a name is replaced by de or en,
German is the fallback); until then a placeholder says what they must hold.
/barrierefreiheit is the built-in Erklärung zur Barrierefreiheit (or ACCESSIBILITY_FILE),
/kontakt the feedback channel (CONTACT_EMAIL). The files are read once, at start.
"""

import re
from pathlib import Path

import markdown
from flask import Blueprint, Flask, current_app, request
from markupsafe import Markup, escape

from rk.web.pages import i18n, site

bp = Blueprint("legal", __name__)
LOCAL_PATH = re.compile(r"/(?:[a-z0-9][a-z0-9_.-]*(?:/[a-z0-9][a-z0-9_.-]*)*)?", re.IGNORECASE)
# page name -> (path, setting key of the operator's file)
PAGES = {
    "imprint": ("/impressum", "IMPRINT_FILE"),
    "privacy": ("/datenschutz", "PRIVACY_FILE"),
    "accessibility": ("/barrierefreiheit", "ACCESSIBILITY_FILE"),
    "contact": ("/kontakt", None),
}


@bp.record_once
def _read(state) -> None:
    """Read every operator file once; a file that is set but missing stops the start."""
    state.app.extensions["rk.legal"] = {
        (name, lang): operator_text(state.app, key, lang)
        for name, (_, key) in PAGES.items() if key
        for lang in i18n.LANGUAGES
    }


def operator_text(app: Flask, key: str, lang: str) -> Markup | None:
    """The operator's text for setting `key` in `lang` as HTML, or None if not set."""
    setting = app.config[key]
    if not setting:
        return None
    candidates = [setting.replace("{lang}", code) for code in (lang, i18n.DEFAULT)]
    path = next((Path(c) for c in candidates if Path(c).is_file()), None)
    if path is None:
        raise ValueError(f"RK_{key}: no file {candidates[0]}")
    return as_html(path)


def as_html(path: Path) -> Markup:
    """A text file as HTML: Markdown (.md), HTML as written (.html, .htm), else paragraphs."""
    text = path.read_text(encoding="utf-8")
    if path.suffix in (".md", ".markdown"):
        return Markup(markdown.markdown(text))
    if path.suffix in (".html", ".htm"):
        return Markup(text)
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return Markup("".join(f"<p>{escape(p)}</p>" for p in paragraphs))


def _page(name: str):
    def show():
        lang = i18n.page_language()
        text = current_app.extensions["rk.legal"].get((name, lang))
        config = current_app.config
        return site.render(f"legal/{name}.html", name=name, text=text,
                           contact=config["CONTACT_EMAIL"], about=_local_path(request.args.get("about", "")))
    show.__name__ = name
    show.__doc__ = f"The {name} page."
    return show


def _local_path(asked: str) -> str:
    """`asked` if it is a path of this site (the page an error report is about), else ""."""
    return asked if LOCAL_PATH.fullmatch(asked) else ""


for _name, (_path, _) in PAGES.items():
    bp.add_url_rule(_path, endpoint=_name, view_func=_page(_name))
