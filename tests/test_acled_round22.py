"""Round 22: where conflict and protest notes say things happened, and the words they use.

Texts are invented; the places in them are real ones any text could name."""

from __future__ import annotations

import pytest

from wirecheck.extract import analyze_article
from wirecheck.models import Article, Sentence
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.countries import country_evidence, division_countries
from wirecheck.nlp.places import find_places


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _main(nlp, text: str):
    an = analyze_article(Article(id="d", title=None, text=text, published="2024-05-02"), nlp)
    return next((e for e in an.events if e.id == an.main_event), None)


def _places(text: str):
    return [(m.text, m.place.name, m.place.iso, m.place.precision)
            for m in find_places(text, Sentence(index=0, start=0, end=len(text), text=text))]


# -- a town and its divisions in brackets -------------------------------------------------------

def test_bracketed_division_with_no_such_town_there_gives_the_division() -> None:
    # no Springfield in the West Bank: the division the text gives, not an American namesake,
    # and the bracket's own names are no places of their own
    places = _places("Settlers uprooted olive trees in Springfield (Nablus, West Bank) on Friday.")
    assert places[0][:4] == ("Springfield", "West Bank", "PS", 3)
    assert [p[0] for p in places] == ["Springfield"]


def test_a_quarter_between_town_and_bracket_is_skipped() -> None:
    places = _places("Soldiers raided homes in Springfield - Old Quarter (Nablus, West Bank) overnight.")
    assert places[0][2] == "PS"


# -- the actor's nationality is not the place ---------------------------------------------------

def test_a_country_named_as_the_shooters_army_is_not_where_it_happened(nlp) -> None:
    main = _main(nlp, "On Sunday, a farmer who wanted to visit Pakistan was shot and killed by the Pakistan "
                      "military forces in Darwaz-e Sur area of Zazai district, Khost.")
    assert main.location.place.iso == "AF"


def test_a_protest_about_a_war_abroad_stays_in_its_town(nlp) -> None:
    main = _main(nlp, "On Saturday, hundreds of people gathered in Perugia to call for peace and condemn "
                      "the war in Ukraine after the Russian invasion. [size=hundreds]")
    assert main.event_type == "Protests"
    assert main.location.place.iso == "IT"


def test_about_words_make_a_country_no_located_one() -> None:
    ev = country_evidence("Students marched in Perugia against the war in Ukraine.")
    assert "UA" not in {x[3] for x in ev.located}


# -- transliterations ---------------------------------------------------------------------------

def test_a_final_vowel_spelt_otherwise_is_the_same_division() -> None:
    assert division_countries("Khmelnytsky") == frozenset({"UA"})


def test_a_town_other_name_after_a_village_and_comma_is_a_place() -> None:
    places = _places("Gunmen killed a shepherd in Tal Baydar village, Hasakeh, on Monday.")
    assert any(p[0] == "Hasakeh" and p[2] == "SY" for p in places)


def test_a_division_after_in_is_evidence() -> None:
    ev = country_evidence("Unknown gunmen stormed a house in the eastern countryside of Ein Issa in Ar Raqqa.")
    assert ev.top()[0] == "SY"


# -- vocabulary ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "etype", "sub"),
    [
        ("Two road workers were hit by a mine while clearing a ditch near the village.",
         "Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ("Unknown men threw Molotov cocktails at the party's office overnight.",
         "Strategic developments", "Looting/property destruction"),
        ("Residents closed a road outside the town hall to denounce weeks of water cuts.",
         "Protests", "Peaceful protest"),
        ("Observers counted dozens of projectiles fired towards the village overnight.",
         "Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ("A general election was held across the country on Sunday.",
         "Strategic developments", "Other"),
    ],
)
def test_conflict_note_vocabulary(nlp, text: str, etype: str, sub: str) -> None:
    main = _main(nlp, text)
    assert main is not None
    assert (main.event_type, main.sub_event_type) == (etype, sub)


def test_someone_barricaded_inside_is_no_road_block(nlp) -> None:
    an = analyze_article(Article(id="d", title=None, published="2024-05-02",
                                 text="The suspect barricaded himself inside the house for six hours."), nlp)
    assert all(e.event_type != "Protests" for e in an.events)


# -- a division's kind, a party's name ----------------------------------------------------------

def test_a_division_written_with_its_kind_is_the_country_whose_division_is_of_that_kind() -> None:
    # Córdoba is a province of Argentina and a department of Colombia
    places = _places("Truck drivers blocked roads in Cordoba province on Tuesday.")
    assert places[0][1:] == ("Cordoba", "AR", 3)
    assert country_evidence("Truck drivers blocked roads in Cordoba province on Tuesday.").top()[0] == "AR"


def test_a_place_word_inside_a_party_name_is_no_place(nlp) -> None:
    main = _main(nlp, "On Tuesday, in Tegucigalpa, supporters of the Liberty and Renewal (LR) Party "
                      "protested in front of a hospital to demand medicines.")
    assert main.location.place.iso == "HN"
