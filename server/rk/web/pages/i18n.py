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
    "list_inferences": ("Erschlossene Angaben", "Inferred statements"),
    "inferences": ("Erschlossene Angaben", "Inferred statements"),
    "inferred": ("erschlossen, nicht in den Quellen", "inferred, not stated by a source"),
    "all_discrepancies": ("alle Abweichungen", "all discrepancies"),
    "all_inferences": ("alle erschlossenen Angaben", "all inferred statements"),
    "views": ("Ansichten", "Views"),
    "view_index_intro": (
        "Drei Bilder des Wissensgraphen, jedes aus einer Abfrage des Katalogs, jedes auch als Tabelle.",
        "Three pictures of the knowledge graph, each drawn from a catalogue query and also given as a table.",
    ),
    "view_moderation": ("Wer moderiert was", "Who moderates what"),
    "view_moderation_intro": (
        "Ressorts und Organisationen (Zeilen) und Themenforen (Spalten): in jeder Zelle, wer das "
        "Forum für dieses Ressort oder diese Organisation moderiert, mit der Rolle laut Quelle.",
        "Departments and organisations (rows) by thematic forum (columns): each cell names who "
        "moderates the forum on behalf of that department or organisation, with the stated role.",
    ),
    "view_timeline": ("Zeitleiste", "Timeline"),
    "view_timeline_intro": (
        "Die Veranstaltungen der Themenforen und der Metropolitan Innovation Summit 2022, "
        "eingefärbt nach dem federführenden Ressort des Forums.",
        "The forum events and the Metropolitan Innovation Summit 2022, coloured by the "
        "forum's lead department.",
    ),
    "view_network": ("Netz der Akteure", "Actor network"),
    "view_network_intro": (
        "Ressorts, Themenforen, Personen und Organisationen und wie sie zusammenhängen: "
        "Federführung, Beteiligung, Moderation und Zugehörigkeit.",
        "Departments, forums, persons and organisations and how they connect: lead, "
        "participation, moderation and membership.",
    ),
    "view_network_hint": (
        "Doppelklick auf einen Knoten öffnet seine Seite.",
        "Double-click a node to open its page.",
    ),
    "view_needs_script": (
        "Das Netz braucht JavaScript; die Tabelle unten enthält dieselben Kanten.",
        "The network needs JavaScript; the table below holds the same edges.",
    ),
    "view_query": ("Abfrage", "Query"),
    "view_departments": ("Ressorts der Landesregierung", "State government departments"),
    "view_no_sector": ("ohne Sektor", "no sector"),
    "view_lead": ("federführend", "lead"),
    "view_lead_mark": ("F", "L"),
    "view_participates": ("beteiligt", "participates"),
    "view_interested": ("interessiert", "interested"),
    "view_moderates": ("moderiert", "moderates"),
    "view_member_of": ("gehört zu", "member of"),
    "view_as_table": ("Als Tabelle", "As a table"),
    "view_legend": ("Federführendes Ressort", "Lead department"),
    "view_no_forum": ("ohne Forum", "no forum"),
    "view_undated": ("Ohne Datum", "Without a date"),
    "view_event": ("Veranstaltung", "Event"),
    "view_department": ("Ressort", "Department"),
    "view_city": ("Stadt", "City"),
    "view_nodes": ("Knoten", "nodes"),
    "view_edges": ("Kanten", "edges"),
    "view_from": ("von", "From"),
    "view_relation": ("Beziehung", "Relation"),
    "view_to": ("zu", "To"),
    "queries": ("Beispielabfragen", "Example queries"),
    "queries_intro": (
        "Fertige SPARQL-Abfragen mit ihren Antworten: im Editor öffnen, ändern und ausführen "
        "oder das Ergebnis direkt herunterladen.",
        "Ready-made SPARQL queries with their answers: open one in the editor, change and run "
        "it, or download its result directly.",
    ),
    "open_in_editor": ("im Editor öffnen", "open in editor"),
    "query_text": ("Abfragetext", "query text"),
    "expected_rows": ("Zeilen", "rows"),
    "expected_triples": ("Tripel (mindestens)", "triples (at least)"),
    "editor": ("SPARQL-Editor", "SPARQL editor"),
    "editor_intro": (
        "Abfragen an den SPARQL-1.1-Endpunkt dieses Wissensgraphen stellen. Eine Beispielabfrage "
        "auswählen oder eine eigene schreiben und mit ▶ ausführen.",
        "Query the SPARQL 1.1 endpoint of this knowledge graph. Choose an example query or "
        "write your own and run it with ▶.",
    ),
    "choose_query": ("Beispielabfrage", "Example query"),
    "load": ("Laden", "Load"),
    "all_queries": ("alle Beispielabfragen", "all example queries"),
    "permalink": ("Link zu dieser Abfrage", "Link to this query"),
    "copy_link": ("Link kopieren", "Copy link"),
    "download": ("Ergebnis herunterladen", "Download the result"),
    "run": ("Abfrage ausführen", "Run query"),
    "result_format": ("Ergebnisformat", "Result format"),
    "by_accept": ("nach Accept-Header", "by Accept header"),
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
