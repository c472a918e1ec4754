"""reconcile_story on analyses built by hand: counts rules, perpetrator ranking, coreference."""

from __future__ import annotations

from wirecheck.models import (
    Actor,
    Article,
    ArticleAnalysis,
    Claim,
    Count,
    CountRange,
    Dated,
    DateValue,
    EventMention,
    Evidence,
    LocalEntity,
    Located,
    Place,
    Sentence,
)
from wirecheck.reconcile import reconcile_story

INF = None
BAGHDAD = Place(name="Baghdad", country="Iraq", iso="IQ", admin1="Baghdad", precision=1)


def ev(art: str, start: int = 0, end: int = 5, **kw: object) -> Evidence:
    return Evidence(art, 0, start, end, **kw)  # type: ignore[arg-type]


def count(art: str, low: int, best: int | None, high: int | None, text: str = "n") -> Count:
    return Count(CountRange(low, best, high), text, ev(art))


# A mention by hand; date="" gives a date text ("Thursday") that could not be resolved.
def mention(
    art: str,
    mid: str = "e0",
    *,
    start: int = 0,
    background: bool = False,
    event_type: str = "Explosions/Remote violence",
    sub: str | None = "Air/drone strike",
    place: Place | None = BAGHDAD,
    date: str | None = None,
    actors: list[Actor] | None = None,
    fatalities: tuple[int, int | None, int | None] | None = None,
    injured: tuple[int, int | None, int | None] | None = None,
) -> EventMention:
    return EventMention(
        id=mid,
        article=art,
        trigger="strike",
        evidence=ev(art, start, start + 6),
        event_type=event_type,
        sub_event_type=sub,
        background=background,
        actors=actors or [],
        location=Located(place, place.name, ev(art)) if place else None,
        date=Dated(DateValue(date or None, "Thursday", "day" if date else "unknown"), ev(art))
        if date is not None
        else None,
        fatalities=count(art, *fatalities) if fatalities else None,
        injured=count(art, *injured) if injured else None,
    )


def analysis(
    art: str,
    events: list[EventMention],
    *,
    published: str | None = None,
    entities: list[LocalEntity] | None = None,
    claims: list[Claim] | None = None,
    title: str | None = None,
) -> ArticleAnalysis:
    text = "An airstrike hit a vehicle in the city on Thursday."
    return ArticleAnalysis(
        article=Article(id=art, text=text, title=title, published=published),
        sentences=[Sentence(0, 0, len(text), text)],
        entities=entities or [],
        events=events,
        claims=claims or [],
    )


def fact(result, attribute: str, event_index: int = 0):  # type: ignore[no-untyped-def]
    event = result.events[event_index]
    return next(f for f in event.facts if f.attribute == attribute)


def counts_story(a: tuple, b: tuple, pub_a: str | None = None, pub_b: str | None = None):  # type: ignore[no-untyped-def]
    return reconcile_story(
        "s-a",
        [
            analysis("a", [mention("a", fatalities=a)], published=pub_a),
            analysis("b", [mention("b", fatalities=b)], published=pub_b),
        ],
    )


# --------------------------------------------------------------------------- counts


def test_at_least_and_exact_agree_on_the_exact_value() -> None:
    result = counts_story((2, 2, INF), (2, 2, 2))
    f = fact(result, "fatalities")
    assert f.status == "consensus"
    assert f.value == {"low": 2, "best": 2, "high": 2}
    assert [r.value for r in f.reports] == [
        {"low": 2, "best": 2, "high": None},
        {"low": 2, "best": 2, "high": 2},
    ]
    assert result.events[0].fatalities == CountRange(2, 2, 2)


def test_one_report_is_single_source() -> None:
    result = reconcile_story("s-a", [analysis("a", [mention("a", injured=(5, 5, 5))])])
    f = fact(result, "injured")
    assert f.status == "single_source"
    assert f.value["best"] == 5


def test_open_intervals_agree_without_inventing_a_best() -> None:
    # "more than 100" -> [101, inf); "dozens" -> [24, inf) best 24: they intersect on [101, inf).
    f = fact(counts_story((101, None, INF), (24, 24, INF)), "fatalities")
    assert f.status == "consensus"
    assert f.value == {"low": 101, "best": None, "high": None}


def test_later_higher_toll_supersedes() -> None:
    result = counts_story((2, 2, 2), (4, 4, 4), "2024-01-04T09:00:00", "2024-01-04T18:00:00")
    f = fact(result, "fatalities")
    assert f.status == "superseded"
    assert f.value == {"low": 4, "best": 4, "high": 4}
    assert len(f.reports) == 2


def test_later_report_is_found_by_time_not_by_order() -> None:
    # Ingested in the opposite order: b (earlier, higher) first.  The later report is lower: conflict.
    result = counts_story((2, 2, 2), (4, 4, 4), "2024-01-04T18:00:00", "2024-01-04T09:00:00")
    f = fact(result, "fatalities")
    assert f.status == "conflict"
    # best: the figure most sources give; on a tie of the dead the higher (reconcile.toml
    # [counts].tie: a lower toll has most often missed someone)
    assert f.value == {"low": 2, "best": 4, "high": 4}


def test_disjoint_counts_at_the_same_time_conflict() -> None:
    f = fact(counts_story((2, 2, 2), (4, 4, 4), "2024-01-04", "2024-01-04"), "fatalities")
    assert f.status == "conflict"
    assert (f.value["low"], f.value["high"]) == (2, 4)


def test_conflict_with_an_open_interval_has_no_high() -> None:
    f = fact(counts_story((30, 30, INF), (2, 2, 2), "2024-01-04", "2024-01-04"), "fatalities")
    assert f.status == "conflict"
    assert f.value == {"low": 2, "best": 30, "high": None}


def test_a_tie_of_the_wounded_keeps_the_lower_count() -> None:
    result = reconcile_story(
        "s-a",
        [
            analysis("a", [mention("a", injured=(4, 4, 4))], published="2024-01-04"),
            analysis("b", [mention("b", injured=(2, 2, 2))], published="2024-01-04"),
        ],
    )
    f = fact(result, "injured")
    assert f.status == "conflict"
    assert f.value == {"low": 2, "best": 2, "high": 4}


def test_more_sources_outweigh_the_tie_rule() -> None:
    result = reconcile_story(
        "s-a",
        [
            analysis("a", [mention("a", fatalities=(2, 2, 2))], published="2024-01-04"),
            analysis("b", [mention("b", fatalities=(2, 2, 2))], published="2024-01-04"),
            analysis("c", [mention("c", fatalities=(4, 4, 4))], published="2024-01-04"),
        ],
    )
    assert fact(result, "fatalities").value["best"] == 2


def test_without_times_ingestion_order_decides() -> None:
    f = fact(counts_story((2, 2, 2), (3, 3, 3)), "fatalities")
    assert f.status == "superseded"
    assert f.value["best"] == 3


def test_near_copies_are_one_source() -> None:
    analyses = [
        analysis("a", [mention("a", injured=(5, 5, 5))]),
        analysis("b", [mention("b", injured=(5, 5, 5))]),
    ]
    f = fact(reconcile_story("s-a", analyses, duplicates=[["a", "b"]]), "injured")
    assert f.status == "single_source"
    assert reconcile_story("s-a", analyses, duplicates=[["a", "b"]]).story.duplicates == [["a", "b"]]


# --------------------------------------------------------------------------- perpetrator


def _us(art: str) -> LocalEntity:
    return LocalEntity(key="us", type="GPE", name="U.S." if art == "a" else "United States", country="US")


def test_confirmation_outranks_claim_and_unknown_and_keeps_all() -> None:
    a = analysis(
        "a",
        [
            mention(
                "a",
                actors=[
                    Actor(
                        "perpetrator",
                        "U.S.",
                        "confirmed",
                        ev("a", attributed_to="Pentagon press secretary"),
                        entity="us",
                    )
                ],
            )
        ],
        entities=[_us("a")],
    )
    b = analysis(
        "b",
        [
            mention(
                "b",
                actors=[
                    Actor("perpetrator", "", "unknown", ev("b", 10, 20)),
                    Actor(
                        "perpetrator",
                        "United States",
                        "claimed",
                        ev("b", 30, 40, attributed_to="a militia"),
                        entity="us",
                    ),
                ],
            )
        ],
        entities=[_us("b")],
    )
    result = reconcile_story("s-a", [a, b])
    f = fact(result, "perpetrator")
    assert f.status == "conflict"
    assert f.value["status"] == "confirmed"
    assert f.value["name"] == "United States"
    assert sorted(r.value["status"] for r in f.reports) == ["claimed", "confirmed", "unknown"]
    assert f.reports[0].evidence.attributed_to == "Pentagon press secretary"
    perp = [x for x in result.events[0].actors if x.role == "perpetrator"]
    assert len(perp) == 1 and perp[0].status == "confirmed" and perp[0].entity


def test_same_status_from_two_outlets_is_consensus() -> None:
    analyses = [
        analysis(
            art,
            [mention(art, actors=[Actor("perpetrator", "United States", "confirmed", ev(art), entity="us")])],
            entities=[_us(art)],
        )
        for art in ("a", "b")
    ]
    assert fact(reconcile_story("s-a", analyses), "perpetrator").status == "consensus"


# --------------------------------------------------------------------------- events


def test_background_events_merge_with_each_other_never_with_the_main_event() -> None:
    victim = {
        "a": LocalEntity(key="v", type="PERSON", name="Karim Haddad"),
        "b": LocalEntity(key="v", type="PERSON", name="Haddad"),
    }

    def bg(art: str) -> EventMention:
        return mention(
            art,
            "e1",
            start=200,
            background=True,
            place=Place("Lebanon", "Lebanon", "LB", precision=4),
            actors=[Actor("victim", victim[art].name, "confirmed", ev(art, 210, 220), entity="v")],
            fatalities=(1, 1, 1),
        )

    analyses = [
        analysis(
            "a",
            [mention("a", date="2024-01-04", fatalities=(2, 2, INF)), bg("a")],
            entities=[victim["a"]],
            title="Strike kills commander",
        ),
        analysis(
            "b",
            [bg("b"), mention("b", start=0, date="2024-01-04", fatalities=(2, 2, 2))],
            entities=[victim["b"]],
        ),
    ]
    result = reconcile_story("s-a", analyses)
    assert len(result.events) == 2
    main = result.events[0]
    assert result.story.main_event == main.id
    assert not main.background and len(main.reports) == 2
    background = result.events[1]
    assert background.background and sorted(background.mentions) == [("a", "e1"), ("b", "e1")]
    assert main.fatalities == CountRange(2, 2, 2)
    assert fact(result, "date").status == "consensus"
    assert main.date is not None and main.date.value == "2024-01-04"
    assert result.story.title == "Strike kills commander"
    # Ids are stable: the same input gives the same ids.
    again = reconcile_story("s-a", analyses)
    assert [e.id for e in again.events] == [e.id for e in result.events]


def test_a_different_event_type_is_a_different_event() -> None:
    analyses = [
        analysis("a", [mention("a")]),
        analysis("b", [mention("b", event_type="Protests", sub="Peaceful protest")]),
    ]
    assert len(reconcile_story("s-a", analyses).events) == 2


DAYTON = Place(name="Dayton", country="United States", iso="US", admin1="Ohio", precision=1)


def test_a_follow_up_leading_with_the_arrest_reports_the_shooting() -> None:
    # One report leads with the shooting, a later one with the charge for it: one event, whose
    # date and place both reports give (the charge report's own shooting mention is not its main).
    shooting = {"event_type": "Violence against civilians", "sub": "Attack", "place": DAYTON}
    arrest = {"event_type": "Strategic developments", "sub": "Arrests", "place": DAYTON}
    analyses = [
        analysis("a", [mention("a", date="2024-03-08", fatalities=(1, 1, 1), **shooting)]),
        analysis(
            "b",
            [
                mention("b", date="2024-03-08", **arrest),
                mention("b", "e1", start=80, date="2024-03-08", fatalities=(1, 1, 1), **shooting),
            ],
        ),
    ]
    result = reconcile_story("s-a", analyses)
    main = next(e for e in result.events if e.id == result.story.main_event)
    assert sorted(main.mentions) == [("a", "e0"), ("b", "e0")]
    assert main.event_type == "Violence against civilians"
    assert fact(result, "date").status == "consensus" and len(fact(result, "date").reports) == 2
    assert main.fatalities == CountRange(1, 1, 1)


def test_a_vigil_report_stays_apart_from_the_shooting() -> None:
    analyses = [
        analysis("a", [mention("a", event_type="Violence against civilians", sub="Attack", place=DAYTON)]),
        analysis("b", [mention("b", event_type="Protests", sub="Peaceful protest", place=DAYTON)]),
    ]
    result = reconcile_story("s-a", analyses)
    assert len(result.events) == 2
    assert all(len(e.mentions) == 1 for e in result.events)


def test_claims_link_to_the_merged_event() -> None:
    claim = Claim(
        id="c0",
        article="b",
        speaker_text="two militia officials",
        cue="said",
        content="two were killed",
        evidence=ev("b"),
        event="e0",
    )
    analyses = [analysis("a", [mention("a")]), analysis("b", [mention("b")], claims=[claim])]
    result = reconcile_story("s-a", analyses)
    assert result.claim_events == {("b", "c0"): result.story.main_event}


def test_location_keeps_the_finer_place_and_its_detail() -> None:
    iraq = Place("Iraq", "Iraq", "IQ", precision=4)
    street = Place("Baghdad", "Iraq", "IQ", admin1="Baghdad", precision=1, detail="Market Street")
    analyses = [analysis("a", [mention("a", place=iraq)]), analysis("b", [mention("b", place=street)])]
    result = reconcile_story("s-a", analyses)
    assert fact(result, "location").status == "consensus"
    assert result.events[0].location == street


def test_date_without_value_keeps_its_text() -> None:
    result = reconcile_story("s-a", [analysis("a", [mention("a", date="")])])
    date = result.events[0].date
    assert date is not None and date.value is None and date.text == "Thursday" and date.precision == "unknown"


# --------------------------------------------------------------------------- entities


def test_entity_aliases_merge_across_articles() -> None:
    a_ents = [
        LocalEntity(key="pmf", type="ORG", name="Popular Mobilization Forces", aliases=["PMF"]),
        LocalEntity(key="hsf", type="ORG", name="Harakat Saraya al-Fajr", aliases=["HSF"]),
        LocalEntity(key="us", type="GPE", name="U.S.", country="US"),
        LocalEntity(key="p1", type="PERSON", name="Maj. Gen. Tom Blake", roles=["army spokesman"]),
        LocalEntity(key="p2", type="PERSON", name="Said Karimi"),
    ]
    b_ents = [
        LocalEntity(key="x1", type="ORG", name="Popular Mobilisation Force"),
        LocalEntity(key="x2", type="ORG", name="HSF"),
        LocalEntity(key="x3", type="GPE", name="United States", aliases=["US"], country="US"),
        LocalEntity(key="x4", type="PERSON", name="Blake"),
        LocalEntity(key="x5", type="PERSON", name="Mr Karimi"),
        LocalEntity(key="x6", type="PERSON", name="Lina Karimi"),
    ]
    result = reconcile_story("s-a", [analysis("a", [], entities=a_ents), analysis("b", [], entities=b_ents)])
    by_member = {m: e for e in result.entities for m in e.members}
    assert by_member[("a", "pmf")] is by_member[("b", "x1")]
    assert by_member[("a", "hsf")] is by_member[("b", "x2")]
    assert by_member[("a", "us")] is by_member[("b", "x3")]
    assert by_member[("a", "p1")] is by_member[("b", "x4")]
    # Two full names end in "Karimi": the bare surname stays apart rather than guess.
    assert by_member[("b", "x5")] is not by_member[("a", "p2")]
    assert by_member[("a", "p2")] is not by_member[("b", "x6")]
    blake = by_member[("a", "p1")]
    assert (
        blake.name == "Maj. Gen. Tom Blake" and "Blake" in blake.aliases and blake.roles == ["army spokesman"]
    )
    assert blake.id.startswith("en-") and len(blake.id) == 15
    assert by_member[("a", "pmf")].name == "Popular Mobilization Forces"
    # The id depends on the entity, not on the story: the same names give the same id elsewhere.
    alone = reconcile_story("s-b", [analysis("c", [], entities=[a_ents[2]])])
    assert alone.entities[0].id == by_member[("a", "us")].id
