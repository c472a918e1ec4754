"""US places in local crime news: datelines near the top, names inside longer names, a town's
police, major cities.  Texts are invented; the places are real towns."""

import pytest

from wirecheck.models import Sentence
from wirecheck.nlp.places import find_dateline, find_places, get_gazetteer, text_context


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


def mentions(text: str) -> list:
    return find_places(text, Sentence(0, 0, len(text), text))


@pytest.mark.parametrize(
    ("text", "title", "name", "admin1"),
    [
        # a web page's title repeated, glued to the dateline
        ("Man hurt in shooting | WXYZ.comGARY, Ind. (WXYZ) — A man was hurt.", "Man hurt in shooting | WXYZ.com",
         "Gary", "Indiana"),
        # glued without a known title
        ("Two hurt in shooting | KXXX.comMILWAUKEE — Two people were hurt.", None, "Milwaukee", "Wisconsin"),
        # a date between the place and the wire
        ("NEW HAVEN, Conn., Oct. 27 (UPI) -- One person was killed.", None, "New Haven", "Connecticut"),
        # a line of credits first, and a leading dash
        ("Posted Monday, 5:00 PM\n\n- LITTLE ROCK, Ark. - A boy was shot.", None, "Little Rock", "Arkansas"),
        # "St." in capitals
        ("Woman shot | KXXX.comST. LOUIS, MO (KXXX) - A woman was shot.", "Woman shot | KXXX.com", "St. Louis",
         "Missouri"),
        # a mangled dash
        ("Police seek suspectHOUSTON ??? Police are looking for a man.", None, "Houston", "Texas"),
    ],
)
def test_dateline_near_the_top(text: str, title: str | None, name: str, admin1: str) -> None:
    pm = find_dateline(text, title)
    assert pm is not None and pm.dateline
    assert (pm.place.name, pm.place.admin1, pm.place.iso) == (name, admin1, "US")
    assert text[pm.start : pm.end] == pm.text and pm.text.split(",")[0].upper() == name.upper().replace("SAINT", "ST.")


@pytest.mark.parametrize(
    "text",
    [
        "A man was shot in Gary on Monday - police said.",
        "UPDATE - Police say a man was shot.",
        "Police say — nothing more.",
    ],
)
def test_no_dateline(text: str) -> None:
    assert find_dateline(text) is None


def test_dateline_town_the_gazetteer_lacks_keeps_its_state() -> None:
    # a town GeoNames does not list in that state: the reporter's town, not a namesake elsewhere
    pm = find_dateline("ZQXVILLE, Fla. -- A man was shot on Monday.")
    assert pm is not None
    assert (pm.place.name, pm.place.admin1, pm.place.precision, pm.place.lat) == ("Zqxville", "Florida", 1, None)


def test_call_sign_in_parentheses_is_no_place() -> None:
    names = [m.place.name for m in mentions("BALTIMORE (UPI) -- A man was shot on Monday.")]
    assert "Upi" not in names


def test_institution_name_marks_its_town() -> None:
    (m,) = mentions("He was taken to Temple University Hospital, where he died.")
    assert m.in_name
    (m,) = mentions("The vigil was held at Davis Park on Sunday.")
    assert m.in_name
    (m,) = mentions("A man was shot in Gary on Sunday.")
    assert not m.in_name


def test_a_towns_police_name_the_town() -> None:
    # "Houston" alone is also a surname (stoplist); its police make it the city
    assert [m.place.admin1 for m in mentions("Houston police said the man was shot.")] == ["Texas"]


def test_a_place_after_of_in_a_name() -> None:
    found = [(m.place.name, m.place.admin1) for m in mentions("Jane Roe of Las Vegas was shot on Friday.")]
    assert found == [("Las Vegas", "Nevada")]


def test_headline_preposition_and_compass_word() -> None:
    found = [(m.place.name, m.place.admin1) for m in mentions("Teenagers Shot In Southeast Columbus")]
    assert ("Columbus", "Ohio") in found


def test_town_name_is_no_vote_for_a_division_of_the_same_name(gaz) -> None:
    text = "A man was shot in St. Louis on Friday. St. Louis police are looking for a car."
    p = gaz.lookup("St. Louis", context=text_context(text))
    assert (p.iso, p.admin1) == ("US", "Missouri")


def test_major_city_votes_for_its_country() -> None:
    text = "San Antonio police said a man was shot. San Antonio officers found him on the Northeast Side."
    iso, _ = text_context(text).top()
    assert iso == "US"


def test_a_neighbourhood_section_of_a_named_city() -> None:
    ms = mentions("A man was shot in the Mott Haven section of the Bronx on Monday.")
    part = next(m for m in ms if m.place.name == "Mott Haven")
    assert part.part and part.within is not None and part.within.name == "The Bronx"


def test_a_citys_possessive_neighbourhood() -> None:
    ms = mentions("A woman was hurt in Philadelphia's Point Breeze section.")
    part = next(m for m in ms if m.place.name == "Point Breeze")
    assert part.part and part.within is not None and part.within.name == "Philadelphia"


def test_enclosing_city_of_a_neighbourhood_but_not_of_a_suburb(gaz) -> None:
    # GeoNames lists Chicago's neighbourhoods as towns without a county; suburbs have one
    hood = gaz.lookup("North Lawndale", "US", "Illinois")
    assert gaz.enclosing_city(hood, marked=False).name == "Chicago"
    suburb = gaz.lookup("Cicero", "US", "Illinois")
    assert gaz.enclosing_city(suburb, marked=False) is None
    small = gaz.lookup("Rock Falls", "US", "Illinois")
    assert gaz.enclosing_city(small, marked=True) is None


def test_plain_suburb_is_no_part() -> None:
    ms = mentions("Two people were shot in south suburban Cicero on Friday.")
    assert all(not m.part for m in ms)


# round 5: names that are streets, surnames or a dateline's "NEAR"


def test_dateline_near_a_town() -> None:
    pm = find_dateline("NEAR SALEM, Ore. – Deputies said a boy was hurt at a farm.")
    assert pm is not None and (pm.place.name, pm.place.admin1) == ("Salem", "Oregon")


def test_state_named_street_is_no_place() -> None:
    text = "Officers found the man near Missouri and 9th avenues, police said."
    found = find_places(text, Sentence(0, 0, len(text), text))
    assert all(m.place.name != "Missouri" for m in found)


def test_state_named_avenue_is_no_vote_for_the_state() -> None:
    assert ("US", "Nevada") not in text_context("Two men were shot outside a store on Nevada Avenue.").admin1


def test_surname_is_no_county_of_a_namesake_town(gaz) -> None:
    # "Jenkins" is a county's name in Georgia; here it is only a neighbour's surname
    text = ("A boy was hurt in Clarksville on Sunday. A neighbour, Dana Jenkins, called 911. "
            '"I heard four shots," Jenkins said.')
    ctx = text_context(text)
    assert ("US", "Jenkins County") not in ctx.admin2
    assert gaz.lookup("Clarksville", context=ctx).admin1 == "Tennessee"
