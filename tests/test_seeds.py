"""The founding example: ../shared/seeds/EXPECTED.md, checked through the JSON export.

The expected values here are the test oracle from EXPECTED.md; nothing of them is in the code.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from wirecheck.cli import cli

SEEDS = Path(os.environ.get("WIRECHECK_SEEDS", Path(__file__).resolve().parents[2] / "shared" / "seeds"))
pytestmark = [
    pytest.mark.datasets,
    pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed articles not found at {SEEDS} (set WIRECHECK_SEEDS)"),
]


def _run(tmp: Path, *extra: str) -> dict:
    db = tmp / "seeds.db"
    runner = CliRunner()
    result = runner.invoke(cli, ["run", str(SEEDS), "--db", str(db), *extra], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip(), "run prints a brief"
    return json.loads(runner.invoke(cli, ["export", "--db", str(db)]).stdout)


@pytest.fixture(scope="module")
def dated(tmp_path_factory) -> dict:
    return _run(tmp_path_factory.mktemp("dated"), "--published", "2024-01-04")


@pytest.fixture(scope="module")
def undated(tmp_path_factory) -> dict:
    return _run(tmp_path_factory.mktemp("undated"))


def _main(data: dict) -> dict:
    (story,) = data["stories"]
    return next(e for e in data["events"] if e["id"] == story["main_event"])


def _fact(event: dict, attribute: str) -> dict:
    return next(f for f in event["facts"] if f["attribute"] == attribute)


def test_cleaning_keeps_boilerplate_as_metadata(dated: dict) -> None:
    sections = {a.get("section") for a in dated["articles"]}
    assert "Defense" in sections
    updated = {a.get("updated") for a in dated["articles"]}
    assert any(u and "4:03" in u for u in updated)
    texts = json.dumps(dated["events"]) + json.dumps(dated["claims"])
    assert "Khan Younis" not in texts, "the photo caption yields no event and no fact"


def test_one_story_with_both_articles(dated: dict) -> None:
    assert len(dated["articles"]) == 2
    (story,) = dated["stories"]
    assert sorted(story["articles"]) == sorted(a["id"] for a in dated["articles"])


def test_main_event_type_place_and_date(dated: dict) -> None:
    event = _main(dated)
    assert event["event_type"] == "Explosions/Remote violence"
    assert event["sub_event_type"] == "Air/drone strike"
    assert event["background"] is False
    loc = event["location"]
    assert loc["name"] == "Baghdad" and loc["iso"] == "IQ" and loc["precision"] == 1
    assert "Palestine Street" in (loc.get("detail") or "")
    assert event["date"]["value"] == "2024-01-04" and event["date"]["precision"] == "day"


def test_no_date_is_invented_without_a_publication_date(undated: dict) -> None:
    event = _main(undated)
    assert event["date"]["value"] is None
    assert event["date"]["precision"] == "unknown"
    assert "Thursday" in (event["date"]["text"] or "")


def test_perpetrator_confirmed_but_not_consensus(dated: dict) -> None:
    event = _main(dated)
    perps = [a for a in event["actors"] if a["role"] == "perpetrator"]
    assert perps and perps[0]["status"] == "confirmed"
    assert "United States" in perps[0]["name"] or perps[0]["name"] in {"U.S.", "US"}
    fact = _fact(event, "perpetrator")
    assert fact["status"] != "consensus"
    assert len({r["article"] for r in fact["reports"]}) == 2


def test_casualties_consensus(dated: dict) -> None:
    event = _main(dated)
    assert event["fatalities"]["best"] == 2 and event["fatalities"]["low"] == 2
    assert event["injured"]["best"] == 5
    assert _fact(event, "fatalities")["status"] == "consensus"
    assert _fact(event, "injured")["status"] == "consensus"
    assert len(_fact(event, "fatalities")["reports"]) == 2


def test_victim_is_one_entity_with_aliases(dated: dict) -> None:
    event = _main(dated)
    victims = [a for a in event["actors"] if a["role"] == "victim"]
    assert victims
    entity = next(e for e in dated["entities"] if e["id"] == victims[0]["entity"])
    names = {entity["name"], *entity["aliases"]}
    assert any("Abu Taqwa" in n for n in names)
    assert any("Saidi" in n for n in names)


def test_entities_merge(dated: dict) -> None:
    def entity_with(alias: str) -> dict:
        return next(e for e in dated["entities"] if alias == e["name"] or alias in e["aliases"])

    assert entity_with("PMF")["id"] == entity_with("Popular Mobilization Forces")["id"]
    assert entity_with("HHN")["id"] == entity_with("Harakat Hezbollah al-Nujaba")["id"]


def test_background_event_reported_by_both(dated: dict) -> None:
    main = _main(dated)
    background = [e for e in dated["events"] if e["background"]]
    assert background
    assert all(e["id"] != main["id"] for e in background)
    assert any(len({r["article"] for r in e["reports"]}) == 2 for e in background)


def test_claims_have_speakers(dated: dict) -> None:
    speakers = " | ".join(c["speaker"]["text"] for c in dated["claims"])
    assert "Ryder" in speakers
    assert "militia officials" in speakers
    cues = {c["cue"] for c in dated["claims"]}
    assert any("declined" in c for c in cues)
