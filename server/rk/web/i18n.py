"""The pages' language (German by default, English on request) and their fixed wording."""

from flask import request

LANGUAGES = ("de", "en")

STRINGS = {
    "site": ("Wissensgraph der Ruhr-Konferenz", "Ruhr-Konferenz knowledge graph"),
    "home": ("Start", "Home"),
    "search": ("Suche", "Search"),
    "search_label": ("Bezeichnungen durchsuchen", "Search the labels"),
    "no_hits": ("Nichts gefunden.", "Nothing found."),
    "hits": ("Treffer", "results"),
    "properties": ("Eigenschaften", "Properties"),
    "inbound": ("Verweise auf diese Seite", "Referenced by"),
    "sources": ("Quellen", "Sources"),
    "discrepancies": ("Abweichungen zwischen Quellen", "Source discrepancies"),
    "type": ("Typ", "Type"),
    "data": ("Daten", "Data"),
    "numbers": ("Der Datensatz in Zahlen", "The dataset in numbers"),
    "lists": ("Listen", "Lists"),
    "moderation": ("Moderationsteam", "Moderation team"),
    "position": ("Pos.", "Pos."),
    "person": ("Person", "Person"),
    "role": ("Rolle laut Quelle", "Stated role"),
    "affiliation": ("für", "Affiliation"),
    "events": ("Veranstaltungen", "Events"),
    "date": ("Datum", "Date"),
    "location": ("Ort", "Location"),
    "forum": ("Themenforum", "Forum"),
    "seats": ("Foren, Rollen und Zugehörigkeit", "Forums, roles and affiliations"),
    "posts": ("Ämter", "Posts"),
    "post": ("Amt", "Post"),
    "holder": ("Inhaber/in", "Holder"),
    "in": ("bei", "in"),
    "leads": ("Federführend in", "Leads"),
    "joins": ("Beteiligt an", "Participates in"),
    "not_found": ("Nicht gefunden", "Not found"),
    "not_found_text": (
        "Zu dieser Adresse gibt es im Wissensgraphen nichts. Versuchen Sie die Suche "
        "oder beginnen Sie auf der Startseite.",
        "The knowledge graph holds nothing at this address. Try the search or start "
        "from the home page.",
    ),
    "ontology": ("Ontologie", "Ontology"),
    "other_language": ("English", "Deutsch"),
    "list_forums": ("Themenforen", "Thematic forums"),
    "list_events": ("Veranstaltungen", "Events"),
    "list_persons": ("Personen", "Persons"),
    "list_departments": ("Ressorts", "Departments"),
    "list_venues": ("Veranstaltungsorte", "Venues"),
    "list_cities": ("Städte", "Cities"),
    "list_organisations": ("Organisationen", "Organisations"),
    "list_projects": ("Projekte", "Projects"),
    "list_sources": ("Quelldokumente", "Source documents"),
    "list_discrepancies": ("Abweichungen zwischen Quellen", "Source discrepancies"),
}


def page_language() -> str:
    """`?lang=` if it names a language offered, else the best of Accept-Language, else German."""
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        return asked
    return request.accept_languages.best_match(LANGUAGES, default="de")


def text(key: str, lang: str) -> str:
    """The fixed wording `key` in `lang`."""
    return STRINGS[key][LANGUAGES.index(lang)]
