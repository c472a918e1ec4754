"""Store tests: SQLite always; PostgreSQL too when WIRECHECK_TEST_PG holds a server URL.

Each PostgreSQL test runs in a fresh database created on that server (the role needs CREATEDB;
``scripts/start-postgres.sh`` starts a throwaway server that qualifies).  The articles are short
invented texts built by hand into the models the store receives.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, insert, text

from wirecheck import codec
from wirecheck.errors import NotFound, StoreError
from wirecheck.models import (
    Actor,
    Article,
    ArticleAnalysis,
    Claim,
    Count,
    CountRange,
    Dated,
    DateValue,
    Entity,
    EntityMention,
    Event,
    EventActor,
    EventMention,
    Evidence,
    Fact,
    FactReport,
    LocalEntity,
    Located,
    Place,
    Sentence,
    Story,
    StoryResult,
)
from wirecheck.store import Store, open_store
from wirecheck.store import schema as t
from wirecheck.store.migrations import MIGRATIONS

PG_ENV = "WIRECHECK_TEST_PG"


# ----------------------------------------------------------------------------- fixtures


def _pg_admin_url() -> str:
    url = os.environ[PG_ENV]
    return url.replace("postgresql://", "postgresql+psycopg://", 1).replace(
        "postgres://", "postgresql+psycopg://", 1
    )


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "wirecheck.db")
        return
    if not os.environ.get(PG_ENV):
        pytest.skip(f"{PG_ENV} is not set (scripts/start-postgres.sh prints a URL for it)")
    name = f"wc_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    base = os.environ[PG_ENV].rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    s = open_store(store_url)
    yield s
    s.close()


# ----------------------------------------------------------------------------- builders

BATTLE_A = (
    "Fighters of the Red Hand militia attacked an army checkpoint in Mosul on Tuesday, killing three "
    "soldiers. Colonel Dara Venn said the attack was repelled. Four other soldiers were wounded."
)
BATTLE_B = (
    "The Red Hand attacked a checkpoint near Mosul on Tuesday and killed five soldiers, a local "
    "official said. Dara Venn denied that the post had fallen."
)
PROTEST = (
    "Hundreds of teachers marched in Basra on Sunday to demand unpaid wages. Union leader Mira Sol "
    "said the march would continue."
)


def aid(text_: str) -> str:
    return hashlib.sha256(text_.encode()).hexdigest()[:16]


def ev(art: str, text_: str, phrase: str, sentence: int | None = None, **kw) -> Evidence:
    start = text_.index(phrase)
    if sentence is None:
        sentence = _sentence_of(text_, start)
    return Evidence(art, sentence, start, start + len(phrase), **kw)


def _sentences(text_: str) -> list[Sentence]:
    out, start = [], 0
    for m in re.finditer(r"[.!?](\s+|$)", text_):
        out.append(Sentence(len(out), start, m.end(0) - len(m.group(1)), text_[start : m.end(0)].strip()))
        start = m.end(0)
    return out


def _sentence_of(text_: str, pos: int) -> int:
    return next(s.index for s in _sentences(text_) if s.start <= pos < s.end + 1)


def analysis(
    text_: str,
    *,
    source: str = "Wire A",
    url: str | None = None,
    published: str | None = "2024-03-05",
    title: str = "Checkpoint attacked",
    event_type: str = "Battles",
    sub: str | None = "Armed clash",
    place: Place | None = None,
    place_text: str = "Mosul",
    date_text: str = "Tuesday",
    date_value: str | None = "2024-03-05",
    killed: tuple[str, int] | None = ("three", 3),
    entities: dict[str, tuple[str, str]] | None = None,
    claim: tuple[str, str, str, str] | None = ("Colonel Dara Venn", "said", "the attack was repelled", "E2"),
    background_phrase: str | None = None,
) -> ArticleAnalysis:
    a = aid(text_)
    entities = (
        entities if entities is not None else {"E1": ("ORG", "Red Hand"), "E2": ("PERSON", "Dara Venn")}
    )
    locals_ = []
    for key, (typ, name) in entities.items():
        mentions = [
            EntityMention(key, name, m.start(), m.end(), _sentence_of(text_, m.start()))
            for m in re.finditer(re.escape(name), text_)
        ]
        locals_.append(LocalEntity(key, typ, name, aliases=[name], mentions=mentions))
    trigger = next(w for w in ("attacked", "marched", "moved") if w in text_)
    mention = EventMention(
        id="e0",
        article=a,
        trigger=trigger,
        evidence=ev(a, text_, trigger),
        event_type=event_type,
        sub_event_type=sub,
        actors=[Actor("perpetrator", entities["E1"][1], "confirmed", ev(a, text_, entities["E1"][1]), "E1")]
        if "E1" in entities
        else [],
        location=Located(place or MOSUL, place_text, ev(a, text_, place_text)),
        date=Dated(
            DateValue(date_value, date_text, "day" if date_value else "unknown"), ev(a, text_, date_text)
        ),
        fatalities=Count(CountRange(killed[1], killed[1], killed[1]), killed[0], ev(a, text_, killed[0]))
        if killed
        else None,
        sentences=[0],
    )
    events = [mention]
    if background_phrase:
        events.append(
            EventMention(
                "e1", a, background_phrase, ev(a, text_, background_phrase), "Riots", background=True
            )
        )
    claims = []
    if claim:
        speaker, cue, content, key = claim
        whole = text_.index(speaker)
        end = text_.index(content) + len(content)
        claims.append(
            Claim(
                id="c0",
                article=a,
                speaker_text=speaker,
                cue=cue,
                content=content,
                evidence=Evidence(a, _sentence_of(text_, whole), whole, end),
                speaker_entity=key,
                speaker_span=(whole, whole + len(speaker)),
                cue_span=(text_.index(cue), text_.index(cue) + len(cue)),
                content_span=(text_.index(content), end),
                event="e0",
            )
        )
    art = Article(
        id=a,
        text=text_,
        origin=f"{source.lower().replace(' ', '_')}.txt",
        title=title,
        source=source,
        url=url,
        published=published,
        captions=["A checkpoint (Photo/Agency)"],
        stripped=["Sign up for our newsletter"],
    )
    return ArticleAnalysis(art, _sentences(text_), locals_, [], events, claims, {"nlp": 0.01})


MOSUL = Place("Mosul", "Iraq", "IQ", "Nineveh", 36.34, 43.13, 1)
BASRA = Place("Basra", "Iraq", "IQ", "Basra", 30.5, 47.8, 1)


def battle_story(a1: ArticleAnalysis, a2: ArticleAnalysis, *, story_id: str = "s-battle") -> StoryResult:
    m1, m2 = a1.events[0], a2.events[0]
    f1, f2 = m1.fatalities, m2.fatalities
    assert f1 and f2
    facts = [
        Fact(
            "fatalities",
            "conflict",
            {"low": 3, "best": None, "high": 5},
            [
                FactReport(a1.article.id, f1.range.as_dict(), f1.evidence),
                FactReport(a2.article.id, f2.range.as_dict(), f2.evidence),
            ],
        ),
        Fact("event_type", "consensus", "Battles", [FactReport(a1.article.id, "Battles", m1.evidence)]),
    ]
    event = Event(
        id=f"{story_id}-ev0",
        story=story_id,
        event_type="Battles",
        sub_event_type="Armed clash",
        background=False,
        date=DateValue("2024-03-05", "Tuesday", "day"),
        location=MOSUL,
        actors=[EventActor("perpetrator", "ent-redhand", "Red Hand", "confirmed")],
        fatalities=CountRange(3, None, 5),
        injured=CountRange(4, 4, 4),
        facts=facts,
        reports=[m1.evidence, m2.evidence],
        mentions=[(a1.article.id, "e0"), (a2.article.id, "e0")],
    )
    entities = [
        Entity(
            "ent-redhand",
            "ORG",
            "Red Hand",
            ["Red Hand", "Red Hand militia"],
            [],
            [(a1.article.id, "E1"), (a2.article.id, "E1")],
        ),
        Entity(
            "ent-venn",
            "PERSON",
            "Dara Venn",
            ["Dara Venn", "Colonel Dara Venn"],
            ["army colonel"],
            [(a1.article.id, "E2"), (a2.article.id, "E2")],
        ),
    ]
    story = Story(
        story_id, "Militia attacks checkpoint in Mosul", [a1.article.id, a2.article.id], event.id, [event.id]
    )
    return StoryResult(story, [event], entities, {(a1.article.id, "c0"): event.id})


def protest_analysis() -> ArticleAnalysis:
    return analysis(
        PROTEST,
        source="Wire C",
        published="2024-04-14",
        title="Teachers march in Basra",
        event_type="Protests",
        sub="Peaceful protest",
        place=BASRA,
        place_text="Basra",
        date_text="Sunday",
        date_value="2024-04-14",
        killed=None,
        entities={"E2": ("PERSON", "Mira Sol")},
        claim=("Union leader Mira Sol", "said", "the march would continue", "E2"),
    )


def protest_story(a: ArticleAnalysis) -> StoryResult:
    m = a.events[0]
    event = Event(
        "s-protest-ev0", "s-protest", "Protests", "Peaceful protest", False,
        DateValue("2024-04-14", "Sunday", "day"), BASRA, [], None, None,
        [Fact("event_type", "single_source", "Protests", [FactReport(a.article.id, "Protests", m.evidence)])],
        [m.evidence], [(a.article.id, "e0")],
    )  # fmt: skip
    entities = [
        Entity("ent-sol", "PERSON", "Mira Sol", ["Mira Sol"], ["union leader"], [(a.article.id, "E2")])
    ]
    return StoryResult(
        Story("s-protest", "Teachers march in Basra", [a.article.id], event.id, [event.id]), [event], entities
    )


@pytest.fixture
def loaded(store: Store) -> tuple[Store, ArticleAnalysis, ArticleAnalysis, ArticleAnalysis]:
    a1 = analysis(BATTLE_A, url="https://a.example/checkpoint")
    a2 = analysis(
        BATTLE_B,
        source="Wire B",
        published="2024-03-06",
        killed=("five", 5),
        claim=("Dara Venn", "denied", "the post had fallen", "E2"),
    )
    p = protest_analysis()
    for x in (a1, a2, p):
        assert store.save_analysis(x)
    store.save_story(battle_story(a1, a2))
    store.save_story(protest_story(p))
    return store, a1, a2, p


# ----------------------------------------------------------------------------- tests


def test_open_migrates_once(store_url: str) -> None:
    first = open_store(store_url)
    first.close()
    again = open_store(store_url)  # idempotent: nothing left to apply, nothing fails
    with again.engine.connect() as conn:
        names = [r[0] for r in conn.execute(text("SELECT name FROM migrations ORDER BY name"))]
    assert names == [name for name, _ in MIGRATIONS]
    assert set(again.table_counts()) >= {"articles", "stories", "events", "link_keys", "analyses"}
    again.close()


def test_sqlite_pragmas(tmp_path) -> None:
    s = open_store(f"sqlite:///{tmp_path / 'p.db'}")
    with s.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0
    s.close()


def test_bad_urls(tmp_path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "missing" / "x.db"))
    with pytest.raises(StoreError, match="unsupported"):
        open_store("mysql://u@localhost/x")
    with pytest.raises(StoreError, match="cannot open database"):
        open_store("postgresql://nobody:secret@127.0.0.1:1/nothing")
    try:
        open_store("postgresql://nobody:secret@127.0.0.1:1/nothing")
    except StoreError as exc:
        assert "secret" not in str(exc)


def test_round_trip(store: Store) -> None:
    a = analysis(BATTLE_A, url="https://a.example/1")
    assert not store.has_article(a.article.id)
    assert store.save_analysis(a) is True
    assert store.has_article(a.article.id)
    (back,) = store.load_analyses([a.article.id])
    assert back == a
    assert codec.dumps(back) == codec.dumps(a)
    counts = store.table_counts()
    assert counts["articles"] == 1
    assert counts["sentences"] == len(a.sentences) == 3
    assert counts["entity_mentions"] == sum(len(e.mentions) for e in a.entities)
    assert counts["claims"] == 1 and counts["event_mentions"] == 1 and counts["analyses"] == 1
    with pytest.raises(NotFound):
        store.load_analyses([a.article.id, "0000000000000000"])


def test_second_save_changes_nothing(store: Store) -> None:
    a = analysis(BATTLE_A)
    assert store.save_analysis(a)
    before = store.table_counts()
    assert store.save_analysis(a) is False
    assert store.save_analysis(analysis(BATTLE_A)) is False  # same content, built again
    assert store.table_counts() == before


def test_ingestion_order(store: Store) -> None:
    ids = []
    for a in (analysis(BATTLE_A), analysis(BATTLE_B, killed=("five", 5), claim=None), protest_analysis()):
        store.save_analysis(a)
        ids.append(a.article.id)
    seqs = [a["seq"] for a in store.export_data()["articles"]]
    assert [a["id"] for a in store.export_data()["articles"]] == ids
    assert seqs == sorted(seqs) and len(set(seqs)) == 3


def test_revision_by_url(store: Store) -> None:
    url = "https://a.example/checkpoint"
    old = analysis(BATTLE_A, url=url)
    new = analysis(BATTLE_A + " The toll later rose.", url=url)
    other = protest_analysis()
    other.article.url = "https://a.example/other"
    assert store.save_analysis(old) and store.save_analysis(other) and store.save_analysis(new)
    rec_new = store.article_record(new.article.id)["article"]
    rec_old = store.article_record(old.article.id)["article"]
    assert rec_new["supersedes"] == old.article.id and rec_new["revision"] == 2
    assert rec_old["supersedes"] is None and rec_old["revision"] == 1
    assert rec_old["superseded_by"] == new.article.id
    assert store.article_record(other.article.id)["article"]["supersedes"] is None
    assert store.table_counts()["revisions"] == 3


def test_failed_save_leaves_nothing(store: Store) -> None:
    a = analysis(BATTLE_A)
    # Two sentences with one index: the sentences insert fails after the article row went in.
    a.sentences.append(a.sentences[0])
    before = store.table_counts()
    with pytest.raises(StoreError, match=a.article.id):
        store.save_analysis(a)
    assert not store.has_article(a.article.id)
    assert store.table_counts() == before
    a.sentences.pop()
    assert store.save_analysis(a)  # and the store is still usable


def test_failed_save_story_leaves_old(loaded) -> None:
    store, a1, a2, _ = loaded
    before = store.export_data()
    bad = battle_story(a1, a2)
    bad.events.append(bad.events[0])  # the same event id twice -> primary key violation mid-way
    with pytest.raises(StoreError, match="s-battle"):
        store.save_story(bad)
    assert store.export_data() == before


def test_save_story_links_rows(loaded) -> None:
    store, a1, a2, _ = loaded
    rec = store.story_record("s-battle")
    ev = rec["events"][0]
    assert ev["id"] == "s-battle-ev0"
    assert {m["article"] for m in ev["mentions"]} == {a1.article.id, a2.article.id}
    claims = {c["article"]: c for c in rec["claims"]}
    assert claims[a1.article.id]["event"] == ev["id"]
    assert claims[a1.article.id]["speaker"] == {"entity": "ent-venn", "text": "Colonel Dara Venn"}
    assert claims[a2.article.id]["event"] is None  # not in claim_events
    assert claims[a2.article.id]["speaker"]["entity"] == "ent-venn"
    art = store.article_record(a1.article.id)
    assert art["event_mentions"][0]["event"] == ev["id"]
    assert {e["key"]: e["entity"] for e in art["entities"]} == {"E1": "ent-redhand", "E2": "ent-venn"}
    assert art["article"]["story"] == "s-battle"


def test_save_story_replaces(loaded) -> None:
    store, a1, a2, _ = loaded
    before = store.table_counts()
    store.save_story(battle_story(a1, a2))
    assert store.table_counts() == before  # saving the same result again changes no count
    result = battle_story(a1, a2)
    event = result.events[0]
    event.facts = event.facts[:1]  # one fact fewer
    event.actors = []
    result.entities[0].aliases = ["RH"]
    result.entities[1].roles = ["checkpoint commander"]
    result.claim_events = {}
    store.save_story(result)
    counts = store.table_counts()
    assert counts["facts"] == before["facts"] - 1
    assert counts["fact_reports"] == before["fact_reports"] - 1
    assert counts["event_actors"] == before["event_actors"] - 1
    assert counts["events"] == before["events"] and counts["stories"] == before["stories"]
    ent = store.entity_record("ent-redhand")["entity"]
    assert ent["aliases"] == ["Red Hand", "Red Hand militia", "RH"]  # merged, not replaced
    assert store.entity_record("ent-venn")["entity"]["roles"] == ["army colonel", "checkpoint commander"]
    assert all(c["event"] is None for c in store.story_record("s-battle")["claims"])


def test_new_event_ids_and_merged_story(loaded) -> None:
    store, a1, a2, _ = loaded
    # Re-reconciled with new event ids: the old event goes, its mentions point at the new one.
    result = battle_story(a1, a2)
    result.events[0].id = "s-battle-ev9"
    result.story.main_event = "s-battle-ev9"
    result.claim_events = {(a1.article.id, "c0"): "s-battle-ev9"}
    store.save_story(result)
    with pytest.raises(NotFound):
        store.event_record("s-battle-ev0")
    assert {m["article"] for m in store.event_record("s-battle-ev9")["event"]["mentions"]} == {
        a1.article.id,
        a2.article.id,
    }
    store.delete_story("s-battle")
    with pytest.raises(NotFound):
        store.story_record("s-battle")
    assert store.table_counts()["events"] == 1  # the protest's
    with pytest.raises(NotFound):
        store.entity_record("ent-redhand")  # nothing refers to it any more
    store.delete_story("never-saved")  # no-op


def test_export_data_shape(loaded) -> None:
    store, a1, a2, p = loaded
    data = store.export_data()
    assert set(data) == {"articles", "stories", "events", "entities", "claims"}
    art = data["articles"][0]
    assert {"id", "source", "title", "published", "url", "section", "updated"} <= set(art)
    assert [a["id"] for a in data["articles"]] == [a1.article.id, a2.article.id, p.article.id]
    story = next(s for s in data["stories"] if s["id"] == "s-battle")
    assert story["articles"] == [a1.article.id, a2.article.id]
    assert story["main_event"] == "s-battle-ev0" and story["events"] == ["s-battle-ev0"]
    ev = next(e for e in data["events"] if e["id"] == "s-battle-ev0")
    assert {
        "id", "story", "event_type", "sub_event_type", "background", "date", "location", "actors",
        "fatalities", "injured", "facts", "reports",
    } <= set(ev)  # fmt: skip
    assert ev["date"] == {"value": "2024-03-05", "text": "Tuesday", "precision": "day"}
    assert ev["location"] == MOSUL.as_dict()
    assert ev["fatalities"] == {"low": 3, "best": None, "high": 5}
    assert ev["injured"] == {"low": 4, "best": 4, "high": 4}
    assert ev["actors"] == [
        {"role": "perpetrator", "entity": "ent-redhand", "name": "Red Hand", "status": "confirmed"}
    ]
    fact = ev["facts"][0]
    assert fact["attribute"] == "fatalities" and fact["status"] == "conflict"
    rep = fact["reports"][1]
    assert set(rep) == {"article", "value", "sentence", "span", "attributed_to", "certainty"}
    assert rep["article"] == a2.article.id and rep["value"] == {"low": 5, "best": 5, "high": 5}
    assert BATTLE_B[rep["span"][0] : rep["span"][1]] == "five"
    assert {"article", "sentence", "span"} <= set(ev["reports"][0])
    assert {e["id"] for e in data["entities"]} == {"ent-redhand", "ent-venn", "ent-sol"}
    assert set(data["entities"][0]) >= {"id", "type", "name", "aliases"}
    claim = data["claims"][0]
    assert {"id", "article", "speaker", "cue", "content", "sentence", "span", "stance", "event"} <= set(claim)
    assert BATTLE_A[claim["span"][0] : claim["span"][1]].startswith("Colonel Dara Venn said")


def test_records(loaded) -> None:
    store, a1, a2, _ = loaded
    rec = store.story_record("s-battle")
    assert set(rec) == {"story", "articles", "events", "entities", "claims"}
    arts = rec["articles"]
    assert [a["id"] for a in arts] == [a1.article.id, a2.article.id]
    assert arts[0]["text"] == BATTLE_A and arts[0]["captions"] == ["A checkpoint (Photo/Agency)"]
    assert arts[0]["sentences"][1] == {"index": 1, "start": a1.sentences[1].start, "end": a1.sentences[1].end}
    assert arts[0]["seq"] < arts[1]["seq"] and arts[0]["ingested_at"]
    assert {e["id"] for e in rec["entities"]} == {"ent-redhand", "ent-venn"}
    assert rec["story"]["n_articles"] == 2 and rec["story"]["n_sources"] == 2
    assert rec["story"]["n_disagreements"] == 1

    erec = store.event_record("s-battle-ev0")
    assert erec["event"]["id"] == "s-battle-ev0" and erec["story"]["id"] == "s-battle"
    assert [a["id"] for a in erec["articles"]] == [a1.article.id, a2.article.id]
    assert [c["article"] for c in erec["claims"]] == [a1.article.id]

    ent = store.entity_record("ent-venn")
    assert ent["entity"]["aliases"] == ["Dara Venn", "Colonel Dara Venn"]
    assert {m["article"] for m in ent["mentions"]} == {a1.article.id, a2.article.id}
    assert len(ent["claims"]) == 2 and ent["events"] == []
    red = store.entity_record("ent-redhand")
    assert red["events"][0]["involvement"] == [
        {"role": "perpetrator", "status": "confirmed", "name": "Red Hand"}
    ]

    art = store.article_record(a2.article.id)
    assert art["article"]["text"] == BATTLE_B
    m = art["event_mentions"][0]
    assert m["fatalities"]["best"] == 5 and m["location"]["name"] == "Mosul"
    assert art["claims"][0]["stance"] == "assert"
    for call in (store.story_record, store.event_record, store.entity_record, store.article_record):
        with pytest.raises(NotFound):
            call("nope")


def test_search(loaded) -> None:
    store, *_ = loaded
    assert [s["id"] for s in store.list_stories(q="checkpoint")] == ["s-battle"]
    assert [s["id"] for s in store.list_stories(q="teachers wages")] == ["s-protest"]
    assert [s["id"] for s in store.list_stories(q="Red Hand")] == ["s-battle"]
    assert store.list_stories(q="zebra") == []
    assert store.list_stories(q="teachers zebra") == []  # every word must match
    assert store.list_stories(q='"AND (zzq* OR') == []  # user text is never query syntax
    assert store.list_stories(q="   ") != []  # nothing to search for: no filter


def test_list_stories_filters(loaded) -> None:
    store, *_ = loaded
    all_ = store.list_stories()
    assert [s["id"] for s in all_] == ["s-protest", "s-battle"]  # newest first
    battle = all_[1]
    assert battle == {
        "id": "s-battle",
        "title": "Militia attacks checkpoint in Mosul",
        "main_event": "s-battle-ev0",
        "n_articles": 2,
        "n_sources": 2,
        "n_disagreements": 1,
        "event_type": "Battles",
        "country": "Iraq",
        "iso": "IQ",
        "date": "2024-03-05",
        "fatalities": 3,
        "latest": "2024-03-06",
    }

    def ids(**kw) -> list[str]:
        return [s["id"] for s in store.list_stories(**kw)]

    assert ids(country="iq") == ["s-protest", "s-battle"]
    assert ids(country="Lebanon") == []
    assert ids(event_type="protests") == ["s-protest"]
    assert ids(event_type="Armed clash") == ["s-battle"]
    assert ids(min_killed=3) == ["s-battle"] and ids(min_killed=4) == []
    assert ids(date_from="2024-04-01") == ["s-protest"]
    assert ids(date_to="2024-03-31") == ["s-battle"]
    assert ids(date_from="2024-03", date_to="2024-03") == ["s-battle"]
    assert ids(limit=1) == ["s-protest"] and ids(limit=1, offset=1) == ["s-battle"]
    assert ids(q="Mosul", country="IQ", min_killed=1) == ["s-battle"]
    assert store.count_stories(country="IQ") == 2


def test_list_events(loaded, store: Store) -> None:
    store, a1, a2, _ = loaded
    # a background event beside the battle, in another country
    result = battle_story(a1, a2)
    bg = Event(
        "s-battle-ev1", "s-battle", "Riots", None, True, DateValue("2024-02", "last month", "month"),
        Place("Tripoli", "Lebanon", "LB", None, None, None, 1), [], CountRange(10, 10, 10), None,
        [Fact("event_type", "single_source", "Riots", [FactReport(a1.article.id, "Riots", a1.events[0].evidence)])],
        [a1.events[0].evidence],
    )  # fmt: skip
    result.events.append(bg)
    store.save_story(result)

    def ids(**kw) -> list[str]:
        return sorted(e["id"] for e in store.list_events(**kw))

    assert ids() == ["s-battle-ev0", "s-protest-ev0"]
    assert ids(include_background=True) == ["s-battle-ev0", "s-battle-ev1", "s-protest-ev0"]
    assert ids(event_type="Battles") == ["s-battle-ev0"]
    assert ids(event_type="peaceful protest") == ["s-protest-ev0"]
    assert ids(min_killed=3) == ["s-battle-ev0"]
    assert ids(min_killed=10, include_background=True) == ["s-battle-ev1"]
    assert ids(min_injured=4) == ["s-battle-ev0"]
    assert ids(place="Mosul") == ["s-battle-ev0"]
    assert ids(place="nineveh") == ["s-battle-ev0"]
    assert ids(place="Iraq") == ["s-battle-ev0", "s-protest-ev0"]
    assert ids(place="LB", include_background=True) == ["s-battle-ev1"]
    assert ids(date_from="2024-02-10", date_to="2024-02-20", include_background=True) == ["s-battle-ev1"]
    assert ids(date_from="2024-03-01", date_to="2024-03-31") == ["s-battle-ev0"]
    assert ids(story="s-protest") == ["s-protest-ev0"]
    assert store.count_events(place="Iraq") == 2
    assert store.count_events(include_background=True) == 3


def test_link_backend(store: Store) -> None:
    a1, a2, a3 = analysis(BATTLE_A), analysis(BATTLE_B, killed=("five", 5), claim=None), protest_analysis()
    for a in (a1, a2, a3):
        store.save_analysis(a)
    assert store.unlinked_article_ids() == [a1.article.id, a2.article.id, a3.article.id]
    assert store.story_of(a1.article.id) is None and store.features(a1.article.id) is None
    store.put(a1.article.id, ["mh:1", "ent:red hand"], {"minhash": [1, 2, 3]}, "s1")
    store.put(a2.article.id, ["mh:2", "ent:red hand", "ent:red hand"], {"minhash": [4]}, "s2")
    store.put(a3.article.id, ["mh:3"], {}, "s3")
    assert store.candidates(["ent:red hand"]) == {a1.article.id, a2.article.id}
    assert store.candidates(["mh:3", "mh:1", "nothing"]) == {a1.article.id, a3.article.id}
    assert store.candidates([]) == set()
    assert store.features(a1.article.id) == {"minhash": [1, 2, 3]}
    assert store.story_of(a2.article.id) == "s2"
    assert store.all_story_ids() == ["s1", "s2", "s3"]
    store.move_story("s2", "s1")
    assert store.story_of(a2.article.id) == "s1"
    assert store.story_articles("s1") == [a1.article.id, a2.article.id]
    assert store.story_articles("s2") == []
    assert store.all_story_ids() == ["s1", "s3"]
    assert store.key_stories(["ent:red hand", "mh:3", "nothing"]) == {"ent:red hand": {"s1"}, "mh:3": {"s3"}}
    assert store.article_record(a2.article.id)["article"]["story"] == "s1"
    # put again replaces keys and features
    store.put(a1.article.id, ["mh:9"], {"minhash": [9]}, "s1")
    assert store.candidates(["mh:1"]) == set() and store.features(a1.article.id) == {"minhash": [9]}
    assert store.unlinked_article_ids() == []
    assert store.table_counts()["link_keys"] == 4  # mh:9; mh:2 + ent (once); mh:3
    # one article moves to another story; its keys and features stay
    store.move_article(a3.article.id, "s1")
    assert store.story_of(a3.article.id) == "s1" and store.features(a3.article.id) == {}
    assert store.story_articles("s1") == [a1.article.id, a2.article.id, a3.article.id]
    assert store.all_story_ids() == ["s1"] and store.candidates(["mh:3"]) == {a3.article.id}
    assert store.article_record(a3.article.id)["article"]["story"] == "s1"


def test_reader_while_writer(store_url: str) -> None:
    writer, reader = open_store(store_url), open_store(store_url)
    try:
        a = analysis(BATTLE_A)
        assert writer.save_analysis(a)
        with writer._write() as conn:  # a write transaction left open
            conn.execute(
                insert(t.link_features).values(article_id=a.article.id, story_id="s1", features="{}")
            )
            # The reader neither waits nor sees uncommitted rows.
            assert reader.story_of(a.article.id) is None
            assert reader.has_article(a.article.id)
            assert reader.table_counts()["articles"] == 1
        assert reader.story_of(a.article.id) == "s1"
    finally:
        writer.close()
        reader.close()


def test_concurrent_writers(store_url: str) -> None:
    stores = [open_store(store_url) for _ in range(3)]
    texts = [f"Unit {i} moved to the border town at dawn. Officers said it was routine." for i in range(12)]
    errors: list[BaseException] = []

    def work(s: Store, part: list[str]) -> None:
        try:
            for x in part:
                assert s.save_analysis(
                    analysis(x, entities={}, claim=None, killed=None, place_text="border", date_text="dawn")
                )
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(s, texts[i::3])) for i, s in enumerate(stores)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors
    seqs = [a["seq"] for a in stores[0].export_data()["articles"]]
    assert len(seqs) == 12 and len(set(seqs)) == 12
    for s in stores:
        s.close()


def test_memory_store() -> None:
    s = open_store(":memory:")
    a = analysis(BATTLE_A)
    assert s.save_analysis(a) and s.has_article(a.article.id)
    s.close()


def test_outlet_homes_count_from_stored_link_keys(store: Store) -> None:
    # round 12: the home state of an outlet is read from the keys the linker stored
    from wirecheck.link import outlet_homes
    from wirecheck.link.linker import outlet_keys

    for i, named in enumerate([["Ohio"], ["Ohio"], ["Ohio"], ["Indiana", "Ohio"]]):
        feats = {"outlet": "oakvale-news.example", "states": named}
        store.put(f"art{i}", outlet_keys(feats), feats, f"story{i}")
    assert outlet_homes(store, ["oakvale-news.example", None]) == {"oakvale-news.example": "Ohio"}
