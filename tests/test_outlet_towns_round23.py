"""Round 23: a local outlet's home town, counted from where its articles place their events,
places a story that gives only a street: a city desk's brief about "the 1400 block of West Maple
Street" is about its own city.  Texts and outlets are invented; places are real."""

from __future__ import annotations

import pytest

from wirecheck.extract import analyze_article
from wirecheck.link import MemoryLinkBackend, outlet_towns
from wirecheck.link.linker import outlet_keys
from wirecheck.models import Article
from wirecheck.nlp import load_pipeline
from wirecheck.pipeline import link_analyses
from wirecheck.settings import load_settings

DESK = "wxyz-tv.example"


def _backend(towns: list[tuple[str, str] | None], where: str = DESK) -> MemoryLinkBackend:
    backend = MemoryLinkBackend()
    for i, town in enumerate(towns):
        feats = {"outlet": where, "states": [], "country": "us" if town else None,
                 "city": town[0] if town else None, "admin1": town[1] if town else None, "county": None}
        backend.put(f"a{i}", outlet_keys(feats), feats, f"s{i}")
    return backend


def test_home_town_is_where_most_of_its_towns_are() -> None:
    backend = _backend([("peoria", "illinois")] * 3 + [("pekin", "illinois"), None, None])
    town = outlet_towns(backend, [DESK, "elsewhere.example"])[DESK]
    assert (town.name, town.admin1, town.precision) == ("Peoria", "Illinois", 1)


def test_no_home_town_without_enough_articles_or_a_majority() -> None:
    assert outlet_towns(_backend([("peoria", "illinois")] * 2 + [None] * 5), [DESK]) == {}
    split = _backend([("peoria", "illinois")] * 2 + [("pekin", "illinois"), ("normal", "illinois"),
                                                      ("bloomington", "illinois")])
    assert outlet_towns(split, [DESK]) == {}
    # a county is no home town: its articles do not count
    county = [("peoria county", "illinois")] * 4
    backend = MemoryLinkBackend()
    for i, (city, state) in enumerate(county):
        feats = {"outlet": DESK, "states": [], "country": "us", "city": city, "admin1": state, "county": city}
        backend.put(f"c{i}", outlet_keys(feats), feats, f"s{i}")
    assert outlet_towns(backend, [DESK]) == {}


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _article(id_: str, text: str, source: str = DESK, day: str = "2024-05-08") -> Article:
    return Article(id=id_, source=source, title=text.split("\n")[0], text=text, published=day)


_TOWN_REPORTS = [
    ("Man shot outside Peoria bar\n\nPEORIA, Ill. - A 30-year-old man was shot outside a bar early "
     "Saturday, police said.", "2024-04-06"),
    ("Woman wounded in Peoria drive-by\n\nPEORIA, Ill. - A woman was wounded when shots were fired into "
     "her car on Tuesday night, police said.", "2024-04-10"),
    ("Teen hurt in Peoria shooting\n\nPEORIA, Ill. - A 16-year-old boy was shot in the arm on Friday "
     "afternoon, police said.", "2024-04-20"),
]
_BRIEF = ("Boy, 11, shot in back yard\n\nAn 11-year-old boy was shot in the leg while he played in his "
          "back yard in the 1400 block of West Maple Street on Sunday evening, police said.")


def _brief_place(nlp, source: str):
    analyses = [analyze_article(_article(f"t{i}", text, day=day), nlp) for i, (text, day) in enumerate(_TOWN_REPORTS)]
    brief = analyze_article(_article("b", _BRIEF, source=source, day="2024-05-06"), nlp)
    analyses.append(brief)
    story = next(r for r in link_analyses(analyses, load_settings()) if "b" in r.story.articles)
    main = next(e for e in story.events if e.id == story.story.main_event)
    return main.location


def test_a_street_only_brief_is_in_the_outlets_home_town(nlp) -> None:
    place = _brief_place(nlp, DESK)
    assert (place.name, place.admin1) == ("Peoria", "Illinois")
    assert place.detail == "the 1400 block of West Maple Street"


def test_another_outlets_brief_keeps_its_street(nlp) -> None:
    place = _brief_place(nlp, "another-desk.example")
    assert place.name == "the 1400 block of West Maple Street" and place.admin1 is None


def test_the_store_finds_the_home_town_too(tmp_path) -> None:
    # the same through `wirecheck ingest` into SQLite: the towns are counted from the store
    import json

    from click.testing import CliRunner

    from wirecheck.cli import cli

    rows = [{"id": f"t{i}", "title": text.split("\n")[0], "text": text, "source": DESK, "published": day}
            for i, (text, day) in enumerate(_TOWN_REPORTS)]
    rows.append({"id": "b", "title": _BRIEF.split("\n")[0], "text": _BRIEF, "source": DESK,
                 "published": "2024-05-06"})
    path = tmp_path / "desk.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = str(tmp_path / "desk.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(path), "--db", db], catch_exceptions=False).exit_code == 0
    data = json.loads(runner.invoke(cli, ["export", "--db", db], catch_exceptions=False).stdout)
    brief = next(a for a in data["articles"] if a["title"].startswith("Boy, 11"))
    story = next(s for s in data["stories"] if brief["id"] in s["articles"])
    main = next(e for e in data["events"] if e["id"] == story["main_event"])
    assert (main["location"]["name"], main["location"]["admin1"]) == ("Peoria", "Illinois")
