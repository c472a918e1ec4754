"""US local news, round 2: a town the gazetteer lists only in other states, a state abbreviation
without its full stop, a town used as a person's adjective, a neighbourhood worked by a big
city's police, a dateline's state holding a namesake.  Texts are invented; places are real."""

import pytest

from wirecheck.extract import analyze_article
from wirecheck.extract.events import _CountryMention, _namesake_in
from wirecheck.models import Article, Sentence
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.places import find_places, get_gazetteer


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def mentions(text: str) -> list:
    return find_places(text, Sentence(0, 0, len(text), text))


def place_of(nlp, text: str):
    an = analyze_article(Article(id="t", text=text), nlp)
    ev = next(e for e in an.events if e.id == an.main_event)
    return ev.location.place


def test_town_with_its_state_named_stays_in_that_state() -> None:
    # GeoNames lists a Hibbing in Minnesota only: the writer's state wins, without coordinates
    pm = [pm for pm in mentions("The boy, who grew up in Hibbing, Georgia, was taken to a clinic.")
          if pm.text.startswith("Hibbing")]
    assert pm and (pm[0].place.name, pm[0].place.admin1, pm[0].place.precision) == ("Hibbing", "Georgia", 1)


def test_state_abbreviation_without_full_stop() -> None:
    gaz = get_gazetteer()
    assert gaz.state_code("Tenn") == "TN" and gaz.state_code("Calif") == "CA"
    p = gaz.lookup("Dover, Del")
    assert p is not None and p.admin1 == "Delaware"


def test_repeated_foreign_name_in_a_one_state_text_is_a_local_town() -> None:
    text = ("The Lochem Fire Department closed the road after a shooting on Friday, and Lochem police said a "
            "hunter was hurt near the Lochem school. The hunter, of Platteville, Wisconsin, was flown to a "
            "hospital in Madison, Wisconsin, the Grant County sheriff said. Wisconsin game wardens are "
            "looking into the shooting.")
    lochem = [pm for k, pm in enumerate(mentions(text)) if pm.text == "Lochem"]
    assert lochem and all(pm.place.iso == "US" and pm.place.admin1 == "Wisconsin" for pm in lochem)


def test_town_as_a_persons_adjective_gives_way(nlp) -> None:
    text = ("MILFORD, Del. (WQRT) — A Dover woman was shot and wounded Tuesday when a rifle went off as she was "
            "hunting in Sussex County, police said.")
    assert place_of(nlp, text).name == "Milford"


def test_neighbourhood_worked_by_a_big_citys_police(nlp) -> None:
    # no Rosedale lies in Ohio: the shooting Dayton police work is in a part of Dayton
    text = "A man was shot and wounded in Rosedale early Sunday, the Dayton police reported."
    p = place_of(nlp, text)
    assert (p.name, p.admin1, p.detail) == ("Dayton", "Ohio", "Rosedale")


def test_dateline_state_holds_a_namesake() -> None:
    gaz = get_gazetteer()
    far = gaz.lookup("Springfield", "US", "Missouri")
    dayton = gaz.lookup("Dayton", "US", "Ohio")
    assert far is not None and dayton is not None
    found = _namesake_in((_CountryMention("Springfield", 10, 21, far), 0), dayton)
    assert found is not None and found[0].place.admin1 == "Ohio" and found[0].place.name == "Springfield"
    # no namesake in the dateline's state: nothing to offer
    hibbing = gaz.lookup("Hibbing")
    assert hibbing is not None and _namesake_in((_CountryMention("Hibbing", 0, 7, hibbing), 0), dayton) is None
