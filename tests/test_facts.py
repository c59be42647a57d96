"""Facts read from the five sources (tests/facts/*.tsv), checked against the built graph."""

import pytest

from facts_table import rows

ID = "https://w3id.org/ruhr-konferenz/id/"


@pytest.mark.parametrize("cls, expected", [(r[0], int(r[1])) for r in rows("counts.tsv")])
def test_instances_per_class(select, cls, expected):
    found = select(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a {cls} }}")[0]["n"]
    assert int(found) == expected


FORUMS = rows("forums.tsv")


@pytest.mark.parametrize("number, lead, participating, interested, moderators", FORUMS,
                         ids=[f"forum-{r[0]}" for r in FORUMS])
def test_forum_departments_and_moderators(select, number, lead, participating, interested, moderators):
    forum = f"<{ID}forum/{int(number):02d}>"

    def abbreviations(prop):
        return sorted(r["a"] for r in select(f"SELECT ?a WHERE {{ {forum} {prop} ?d . ?d rk:abbreviation ?a }}"))

    assert abbreviations("rk:leadDepartment") == [lead]
    assert abbreviations("rk:participatingDepartment") == sorted((participating or "").split())
    assert abbreviations("rk:interestedDepartment") == sorted((interested or "").split())
    seats = select(f"""SELECT ?person ?position WHERE {{
        {forum} rk:moderation ?seat . ?seat org:member ?person ; rk:position ?position }}
        ORDER BY ?position""")
    assert [r["person"].removeprefix(ID + "person/") for r in seats] == moderators.split()
    assert [int(r["position"]) for r in seats] == list(range(1, len(seats) + 1))


def test_forum_numbers_are_one_to_twenty(select):
    numbers = [int(r["n"]) for r in select("SELECT ?n WHERE { ?f a rk:ThematicForum ; rk:forumNumber ?n } ORDER BY ?n")]
    assert numbers == list(range(1, 21))


EVENTS = rows("events.tsv")


@pytest.mark.parametrize("key, start, end, low, high, approximate, unknown, all_day, cities", EVENTS,
                         ids=[r[0] for r in EVENTS])
def test_event_dates_participants_cities(select, key, start, end, low, high, approximate, unknown, all_day, cities):
    event = f"<{ID}event/{key}>"

    def values(prop):
        return [r["v"] for r in select(f"SELECT ?v WHERE {{ {event} {prop} ?v }}")]

    def lexical(prop):
        return [r["v"] for r in select(f"SELECT (STR(?o) AS ?v) WHERE {{ {event} {prop} ?o }}")]

    assert values("rk:forum") == [f"{ID}forum/{key[:2]}"]
    assert lexical("schema:startDate") == ([start] if start else [])
    assert lexical("schema:endDate") == ([end] if end else [])
    expected_type = "dateTime" if start and "T" in start else "date"
    if start:
        datatype = select(f"SELECT (STR(DATATYPE(?o)) AS ?v) WHERE {{ {event} schema:startDate ?o }}")[0]["v"]
        assert datatype.endswith("#" + expected_type)
    assert [int(v) for v in lexical("rk:participantsMin")] == ([int(low)] if low else [])
    assert [int(v) for v in lexical("rk:participantsMax")] == ([int(high)] if high else [])
    assert lexical("rk:participantsApproximate") == ([approximate] if approximate else [])
    assert lexical("rk:participantsUnknown") == ([unknown] if unknown else [])
    assert lexical("rk:allDay") in ([[all_day]] if all_day else [[], ["false"]])
    found_cities = sorted(r["c"].removeprefix(ID + "place/") for r in select(f"""SELECT DISTINCT ?c WHERE {{
        {event} schema:location ?l .
        {{ ?l a rk:City . BIND(?l AS ?c) }} UNION {{ ?l rk:city ?c }} }}"""))
    assert found_cities == sorted((cities or "").split())
    assert len(values("rk:participantsNote")) == 1


def test_every_listed_event_is_in_the_table(select):
    in_graph = sorted(r["e"].removeprefix(ID + "event/") for r in select("SELECT ?e WHERE { ?e a rk:ForumEvent }"))
    assert in_graph == sorted(r[0] for r in EVENTS)


def test_two_richters_are_two_people(select):
    names = {r["name"] for r in select("SELECT ?name WHERE { ?p a foaf:Person ; schema:familyName \"Richter\" ; schema:name ?name }")}
    assert names == {"Frank Richter", "Mathias Richter"}


@pytest.mark.parametrize("person, forums", [("andreas-pinkwart", [4, 5]), ("karl-josef-laumann", [7, 8]),
                                            ("isabel-pfeiffer-poensgen", [15, 16]), ("andrea-milz", [19, 20])])
def test_person_in_several_forums_is_one_iri(select, person, forums):
    found = [int(r["n"]) for r in select(f"""SELECT ?n WHERE {{
        <{ID}person/{person}> rk:moderates ?f . ?f rk:forumNumber ?n }} ORDER BY ?n""")]
    assert found == forums


def test_summit_has_six_guest_regions_with_countries(select):
    found = {r["region"]: r["country"] for r in select(f"""SELECT ?region ?country WHERE {{
        <{ID}event/metropolitan-innovation-summit-2022> rk:guestRegion ?r .
        ?r rdfs:label ?region ; rk:country ?c . ?c rdfs:label ?country .
        FILTER (LANG(?region) = "de" && LANG(?country) = "de") }}""")}
    assert found == {"Manchester": "England", "Pittsburgh": "USA", "Randstad": "Niederlande",
                     "Schlesien": "Polen", "Tel Aviv": "Israel", "Tsukuba": "Japan"}


def test_summit_dates(select):
    row = select(f"""SELECT (STR(?s) AS ?start) (STR(?e) AS ?end) WHERE {{
        <{ID}event/metropolitan-innovation-summit-2022> schema:startDate ?s ; schema:endDate ?e }}""")[0]
    assert (row["start"], row["end"]) == ("2022-08-31", "2022-09-02")


def test_cabinet_decision_and_project_figures(select):
    assert select(f"SELECT (STR(?d) AS ?v) WHERE {{ <{ID}cabinet-decision-2019-11-05> schema:startDate ?d }}")[0]["v"] == "2019-11-05"
    figures = {r["f"].rsplit("/", 1)[1]: (int(r["value"]), r["source"]) for r in select("""SELECT ?f ?value ?source WHERE {
        ?f a rk:Figure ; schema:value ?value ; prov:wasDerivedFrom/dcterms:identifier ?source
        FILTER (STRENDS(?source, ".txt")) }""")}
    assert figures["projects-74"] == (74, "004_edd4a42eb5b29aa3.txt")
    assert figures["projects-73"] == (73, "002_c4528602abdccd6a.txt")
    assert figures["proposals-75"] == (75, "004_edd4a42eb5b29aa3.txt")


def test_department_names_abbreviations_and_units(select):
    rows_ = {r["a"]: (r["label"], r["parent"]) for r in select("""SELECT ?a ?label ?parent WHERE {
        ?d a rk:Department ; rk:abbreviation ?a ; rdfs:label ?label .
        OPTIONAL { ?d org:unitOf/rk:abbreviation ?parent } FILTER (LANG(?label) = "de") }""")}
    assert rows_["MWIDE"] == ("Ministerium für Wirtschaft, Innovation, Digitalisierung und Energie des Landes Nordrhein-Westfalen", None)
    assert rows_["Stk/Sport"][1] == "Stk" and rows_["Stk/CdS"][1] == "Stk" and rows_["Stk/Ehrenamt"][1] == "Stk"
    later = select(f"SELECT ?n WHERE {{ <{ID}department/mhkbg> rk:laterName ?n }}")
    assert [r["n"] for r in later] == ["Ministerium für Heimat, Kommunales, Bau und Digitales"]


def test_guiding_question_is_verbatim(select):
    question = select(f"SELECT ?q WHERE {{ <{ID}forum/09> rk:guidingQuestion ?q }}")[0]["q"]
    assert question == ("Wie gelingt es durch mehr Kooperation und intelligente Vernetzung, "
                        "mehr Lehrerinnen und Lehrer für das Ruhrgebiet auszubilden?")
