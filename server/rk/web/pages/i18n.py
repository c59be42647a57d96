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
        "Bilder des Wissensgraphen, jedes aus einer Abfrage des Katalogs, jedes auch als Tabelle.",
        "Pictures of the knowledge graph, each drawn from a catalogue query and also given as a table.",
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
    "view_map": ("Karte", "Map"),
    "view_map_intro": (
        "Die Veranstaltungsorte und Städte mit ihren Veranstaltungen auf einer Karte Nordrhein-Westfalens, "
        "eingefärbt nach dem federführenden Ressort der Foren (wie in der Zeitleiste); ein Klick auf eine "
        "Markierung öffnet die Seite des Orts.",
        "The venues and cities with their events on a map of North Rhine-Westphalia, coloured by the "
        "forums' lead departments (as in the timeline); clicking a marker opens the place's page.",
    ),
    "view_map_hint": (
        "Orte ohne eigenen belegten Punkt liegen am Punkt ihrer Stadt; die Karte zeigt sie auf einem "
        "Kreis um die Markierung der Stadt. Eine Markierung mit mehreren Farben teilt sich nach der "
        "Zahl der Veranstaltungen je Ressort.",
        "Venues without a point of their own lie at their city's point; the map draws them on a ring "
        "around the city's marker. A marker of several colours is divided by the number of events per "
        "department.",
    ),
    "view_venue": ("Veranstaltungsort", "Venue"),
    "view_events_n": ("Veranstaltungen", "events"),
    "view_event_1": ("Veranstaltung", "event"),
    "view_forums": ("Themenforen", "Forums"),
    "view_places": ("Orte", "places"),
    "view_kind": ("Art", "Kind"),
    "view_point": ("Punkt", "Point"),
    "view_no_events": ("ohne Veranstaltung", "no events"),
    "view_outside": ("Außerhalb Nordrhein-Westfalens", "Outside North Rhine-Westphalia"),
    "view_show_all": ("Alle Orte zeigen", "Show all places"),
    "view_show_nrw": ("Nordrhein-Westfalen zeigen", "Show North Rhine-Westphalia"),
    "view_at_city": ("am Punkt der Stadt", "at the city's point"),
    "view_base_map": ("Grundkarte", "Base map"),
    "view_base_map_source": (
        "Gemeinde- und Kreisgrenzen aus VG250 des Bundesamts für Kartographie und Geodäsie, vereinfacht; "
        "Nutzung nach GeoNutzV.",
        "Municipal and district boundaries from the VG250 of the Federal Agency for Cartography and "
        "Geodesy, simplified; used under the GeoNutzV.",
    ),
    "view_tiles": ("Kacheln", "Tiles"),
    "links_other": ("Verweise auf andere Datensätze", "Links to other datasets"),
    "link_dataset": ("Datensatz", "Dataset"),
    "link_target": ("Verweis", "Link"),
    "link_property": ("Eigenschaft", "Property"),
    "municipality_key": ("Amtlicher Gemeindeschlüssel", "Official municipality key"),
    "point": ("Lage", "Location"),
    "precision_city": ("Lage der Stadt", "location of the city"),
    "precision_venue": ("Lage des Veranstaltungsorts", "location of the venue"),
    "small_map": ("Karte", "Map"),
    "small_map_outside": (
        "Dieser Ort liegt außerhalb der Grundkarte (Nordrhein-Westfalen).",
        "This place lies outside the base map (North Rhine-Westphalia).",
    ),
    "linksets": ("Verweise auf andere Datensätze", "Links to other datasets"),
    "linkset_links": ("Verweise", "Links"),
    "linkset_predicate": ("Prädikat", "Predicate"),
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
    # sources kept apart: the five documents, the public record, the links' evidence
    "sources_documents": ("Quellen", "Sources"),
    "sources_documents_intro": (
        "Die fünf Quelldokumente, auf denen der Graph beruht.",
        "The five source documents the graph rests on.",
    ),
    "sources_public_record": ("Weitere öffentliche Quellen", "Further public sources"),
    "sources_public_record_intro": (
        "Öffentliche Webseiten (Pressemitteilungen, Projektseiten, Berichte), jede aus einer gespeicherten "
        "Kopie gelesen; die Adresse führt zur Seite selbst.",
        "Public web pages (press releases, project pages, reports), each read from a stored copy; the "
        "address leads to the page itself.",
    ),
    "sources_link_evidence": ("Belege der Verknüpfungen", "Evidence of the links"),
    "sources_link_evidence_intro": (
        "Verzeichnisse und Wikipedia-Artikel, die die Verknüpfungen mit anderen Datensätzen und die "
        "Koordinaten belegen.",
        "Reference lists and Wikipedia articles that back the links to other datasets and the coordinates.",
    ),
    "source_kind": ("Art der Quelle", "Kind of source"),
    "address": ("Adresse", "Address"),
    "all_sources": ("alle Quellen", "all sources"),
    "dataset_sources": ("Quellen des Graphen", "Sources of the graph"),
    "dataset_sources_text": (
        "{documents} Quelldokumente, {pages} weitere öffentliche Quellen (Webseiten) und {evidence} "
        "Belege der Verknüpfungen.",
        "{documents} source documents, {pages} further public sources (web pages) and {evidence} "
        "pieces of evidence of the links.",
    ),
    # projects
    "project_profile": ("Steckbrief", "Profile"),
    "project_id": ("Kennung", "ID"),
    "no_project_id": ("keine offizielle Kennung belegt", "no official ID on record"),
    "responsible_department": ("Federführendes Ressort", "Responsible department"),
    "action_field": ("Handlungsfeld", "Action field"),
    "not_stated": ("keine Angabe", "not stated"),
    "status": ("Stand", "Status"),
    "status_history": ("Stand im Zeitverlauf", "Status over time"),
    "status_report": ("Statusmeldung", "status report"),
    "no_status": ("Keine gelesene Seite nennt einen Stand.", "No page read states a status."),
    "proposal_only": (
        "Nur als Vorschlag belegt: keine gelesene Seite bestätigt, dass er beschlossen wurde.",
        "Recorded only as a proposal: no page read confirms that it was adopted.",
    ),
    "no_projects_forum": ("Der Graph beschreibt kein Projekt dieses Forums.",
                          "The graph describes no project of this forum."),
    "no_projects_department": ("Der Graph beschreibt kein Projekt, für das dieses Ressort federführend ist.",
                               "The graph describes no project this department is responsible for."),
    "in_project_list": ("in der Projektliste", "in the project list"),
    "coverage": ("Wie vollständig ist die Liste?", "How complete is this record?"),
    "coverage_partial": ("Ein unvollständiger Ausschnitt, kein vollständiges Verzeichnis.",
                         "A partial record, not a complete register."),
    "coverage_described": (
        "Der Graph beschreibt {described} Projekte und Projektvorschläge, so weit öffentliche Seiten "
        "sie belegen; der Fortschrittsbericht {year} zählt {total} Projekte.",
        "The graph describes {described} projects and project proposals, as far as public pages "
        "attest them; the {year} progress report counts {total} projects.",
    ),
    "coverage_stages": (
        "Von den beschriebenen haben {adopted} einen Stand nach dem Beschluss (in Prüfung, in Umsetzung, "
        "abgeschlossen oder nicht weiterverfolgt), {proposal} sind nur als Vorschlag belegt, {unknown} "
        "ohne jeden Stand; {with_id} haben eine offizielle Kennung. Nicht jedes beschriebene Projekt ist "
        "sicher eines der {total} gezählten.",
        "Of those described, {adopted} have a status after adoption (under review, in implementation, "
        "completed or not pursued), {proposal} are recorded only as proposals, {unknown} without any "
        "status; {with_id} have an official ID. Not every project described is certainly one of the "
        "{total} counted.",
    ),
    "coverage_official": ("Die Zählung des Fortschrittsberichts {year}:", "The count of the {year} progress report:"),
    "coverage_total": ("Projekte insgesamt", "projects in all"),
    "coverage_all_reports": ("die Zahlen aller {reports} Fortschrittsberichte",
                             "the counts of all {reports} progress reports"),
    "described": ("beschrieben", "described"),
    "stage_adopted": ("Stand nach Beschluss", "status after adoption"),
    "stage_proposal": ("nur Vorschlag", "proposal only"),
    "stage_unknown": ("ohne Stand", "no status"),
    "by_forum": ("Je Themenforum", "Per forum"),
    "by_field": ("Je Handlungsfeld", "Per action field"),
    "no_field": ("ohne Handlungsfeld", "no action field"),
    "filter": ("Filtern", "Filter"),
    "filter_all": ("alle", "all"),
    "filter_reset": ("alle Projekte zeigen", "show all projects"),
    "filter_result": ("{shown} von {described} Projekten", "{shown} of {described} projects"),
    "view_projects": ("Projekte je Themenforum", "Projects per forum"),
    "view_projects_intro": (
        "Die Themenforen (Zeilen) und der jüngste Stand ihrer Projekte (Spalten), so weit der Graph sie "
        "beschreibt: ein Ausschnitt der Projekte, die die Fortschrittsberichte zählen.",
        "The forums (rows) and the latest status of their projects (columns), as far as the graph "
        "describes them: part of the projects the progress reports count.",
    ),
    "view_no_project": ("kein Projekt beschrieben", "no project described"),
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
