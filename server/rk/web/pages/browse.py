"""The `browse` blueprint: the home page, a list page per class and the label search."""

from flask import Blueprint, current_app, request

from rk.web.pages import i18n, kinds, projects, site, sources, values, wording
from rk.web.pages.linked_data import not_found
from rk.web.app_store import get_store

bp = Blueprint("browse", __name__)


@bp.route("/")
def home():
    """The front door: what the Ruhr-Konferenz was, where to start, the dataset in numbers."""
    counts = site.counts()
    numbers = [(kind.list_name, counts.get(kind.list_name, 0)) for kind in kinds.KINDS]
    programme = current_app.config["BASE_IRI"] + "id/ruhr-konferenz"
    return site.render(
        "pages/home.html",
        numbers=numbers,
        counts=dict(numbers),
        programme=programme,
        view_titles=list(wording.VIEW_TITLES.items()),
    )


@bp.route("/list/<name>")
def listing(name: str):
    """The instances of one class: forums by number, events by date, persons by name."""
    kind = kinds.BY_LIST.get(name)
    if kind is None:
        return not_found()
    if kind.list_view:
        return site.render("pages/list.html", name=name, list_view=kind.list_view,
                           **LIST_VIEWS[kind.list_view]())
    key, lang = kind.sort, i18n.page_language()
    items = {}
    for row in kinds.members(get_store(), kind):
        iri = row["this"].value
        value = row[key].value if key and key in row else ""
        sort = int(value) if key == "forumNumber" and value else value.casefold()
        items[iri] = ((sort, site.label(iri, lang).casefold()), _note(key, value, lang))
    ordered = sorted(items.items(), key=lambda item: (item[1][0][0] == "", item[1][0]))
    return site.render(
        "pages/list.html", name=name, items=[(iri, note) for iri, (_, note) in ordered]
    )


@bp.route("/search")
def search():
    """Instances whose labels contain the words asked for (case, accents, ae/oe/ue/ss ignored)."""
    query = request.args.get("q", "").strip()[:200]
    hits = site.labels().search(query, i18n.page_language()) if query else []
    return site.render("pages/search.html", query=query, hits=hits)


def project_list() -> dict:
    """The projects, filtered by the GET parameters forum, field, department and status
    (400 for a value no project has), with the coverage of the whole record."""
    store = get_store()
    found = projects.projects(store)
    offered = projects.options(found)
    picked = projects.chosen(request.args, offered)
    return {"projects": projects.matching(found, picked), "offered": offered, "picked": picked,
            "coverage": projects.coverage(store, found), "key": projects.key}


def source_list() -> dict:
    """The sources in their three groups, each ordered by label."""
    lang = i18n.page_language()
    return {"groups": {name: sorted(members, key=lambda s: site.label(s.iri, lang).casefold())
                       for name, members in sources.grouped(get_store()).items()}}


LIST_VIEWS = {"projects": project_list, "sources": source_list}


def _note(key: str | None, value: str, lang: str) -> str:
    """What a list shows before a label: a forum's number or an event's date."""
    if key == "forumNumber" and value:
        return f"{int(value):02d}"
    return values.when(value[:10], None, lang) if key == "start" and value else ""
