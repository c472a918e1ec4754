"""Same-named places in US local news: a name repeated is no extra evidence for itself, an old
alternate name loses to today's towns, a street after "block of" is no town, Washington is in
the District of Columbia.  Texts are invented; the places are real towns."""

import pytest

from wirecheck.extract import analyze_article
from wirecheck.models import Article, Sentence
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.countries import country_evidence
from wirecheck.nlp.places import find_places, get_gazetteer, text_context


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def mentions(text: str) -> list:
    return find_places(text, Sentence(0, 0, len(text), text))


def place_of(nlp, text: str):
    an = analyze_article(Article(id="t", text=text), nlp)
    ev = next(e for e in an.events if e.id == an.main_event)
    return ev.location.place


def test_repeated_name_is_no_evidence_for_itself() -> None:
    text = ("A woman was hurt in a crash on Monday, the Naples police chief told reporters. Naples "
            "firefighters freed her and Naples paramedics drove her to a clinic in Fort Myers, Florida.")
    naples = [pm for pm in mentions(text) if pm.text == "Naples"]
    assert naples and naples[0].place.iso == "US" and naples[0].place.admin1 == "Florida"


def test_alternate_name_loses_to_todays_towns() -> None:
    assert get_gazetteer().lookup("Salisbury").iso != "ZW"
    ev = country_evidence("SALISBURY, N.C. (WQRT) — Two cars collided in Salisbury on Tuesday evening.")
    assert ev.top()[0] == "US"


def test_four_letter_state_name_is_the_state() -> None:
    pm = [pm for pm in mentions("The woman, who was visiting from Iowa, was not hurt.") if pm.text == "Iowa"]
    assert pm and pm[0].place.precision == 3 and pm[0].place.admin1 == "Iowa"


def test_street_after_block_of_is_no_town() -> None:
    ctx = text_context("The boy was shot in the 900 block of Valencia late Tuesday, police said.")
    assert ctx.weight("ES") == 0


def test_washington_lies_in_the_district() -> None:
    p = get_gazetteer().lookup("Washington, D.C.")
    assert p is not None and (p.name, p.admin1) == ("Washington", "District of Columbia")


def test_first_name_after_according_to_is_no_town() -> None:
    text = "The road reopened at noon, according to Linda Marcheson, who speaks for the county."
    assert not [pm for pm in mentions(text) if pm.text == "Linda"]


def test_hospital_town_is_not_the_event_place(nlp) -> None:
    p = place_of(nlp, "A man was shot in Moline on Thursday night. He was taken to a medical center in Davenport, "
                      "where he died of his wounds.")
    assert p.name == "Moline"


def test_dc_gives_the_city(nlp) -> None:
    p = place_of(nlp, "A 40-year-old man was shot and killed Monday in Northeast D.C., police said.")
    assert (p.name, p.admin1) == ("Washington", "District of Columbia")
