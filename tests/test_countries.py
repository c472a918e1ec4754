"""Country evidence (wirecheck.nlp.countries) and its use for an event's place.

Texts are invented; the places are real divisions and cities."""

from __future__ import annotations

import pytest

from wirecheck.nlp.countries import country_evidence, division_countries, evidence_place


def test_division_names_from_pycountry_and_geonames() -> None:
    assert "CD" in division_countries("Ituri")  # ISO 3166-2 only
    assert "MM" in division_countries("Sagaing Region")  # kind word stripped
    assert "YE" in division_countries("Taizz")  # "Ta'izz" / "Tāʻizz" spelled without apostrophe
    assert division_countries("Central") == frozenset()  # a generic word is never evidence


def test_parenthesised_divisions_point_to_the_country() -> None:
    ev = country_evidence("On Monday, gunmen attacked the village of Kafoubi (Irumu, Ituri).")
    assert ev.clear() == "CD"
    place, clue = evidence_place(ev, "CD")
    assert place.iso == "CD" and place.precision == 3 and place.admin1
    assert clue is not None and clue.text in ("Ituri", "Irumu")


def test_division_with_its_kind_and_after_a_comma() -> None:
    assert country_evidence("Troops shelled Zorivka, Zaporizhia region, on Tuesday.").clear() == "UA"
    assert country_evidence("Police clashed with farmers near Tolosa, Zacatecas.").top()[0] == "MX"


def test_a_country_named_aside_counts_less_than_the_divisions() -> None:
    ev = country_evidence(
        "Hundreds marched in Granada (Andalucia) against prices raised by the invasion of Ukraine."
    )
    assert ev.clear() == "ES"


def test_iso_codes_in_prose_are_no_countries() -> None:
    ev = country_evidence("An MP said IS fighters left the area.")
    assert "MP" not in ev.votes and "IS" not in ev.votes


def test_a_division_hides_the_country_in_its_name() -> None:
    ev = country_evidence("Shops closed in Hohhot, Inner Mongolia, after new cases.")
    assert ev.top()[0] == "CN"


@pytest.mark.slow
def test_event_place_falls_back_to_the_text_country() -> None:
    from wirecheck.extract import analyze_articles
    from wirecheck.models import Article
    from wirecheck.nlp import load_pipeline

    texts = [
        # a village the gazetteer lacks: its province says the country
        "On 3 May 2023, gunmen killed two farmers in the village of Kolbodo (Gnagna, Est).",
        # a same-named town abroad loses to the text's province
        "On 4 May 2023, residents protested in Granada (Andalucia) against rent increases.",
    ]
    arts = [Article(id=f"t{i}", text=t) for i, t in enumerate(texts)]
    got = []
    for an in analyze_articles(arts, load_pipeline()):
        ev = next((e for e in an.events if e.id == an.main_event), None)
        got.append(ev.location.place.iso if ev and ev.location else None)
    assert got == ["BF", "ES"]


def test_near_spellings_of_division_names() -> None:
    # transliteration variants the packages lack: a vowel or a doubled letter apart
    assert division_countries("Komandjari") == {"BF"}
    assert division_countries("Saging") == {"MM"}
    # a compass part glued to the division's name
    assert division_countries("Shan-North") == {"MM"}
    # a town the gazetteer knows is never re-read as a near-spelled division
    assert "ZW" not in division_countries("Hangu")


def test_near_spelling_points_to_the_country() -> None:
    ev = country_evidence("On 2 March 2023, gunmen killed a herder near Tibiga village (Komandjari).")
    assert ev.top()[0] == "BF"
