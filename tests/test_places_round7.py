"""Round 7 (places): small US towns, a local outlet's state among namesakes, a town's name
opening a longer street's, and a wire dateline filed from another state.  Texts are invented;
the places are real."""

import pytest

from extract_helpers import main_place as place_of
from wirecheck.models import Place, Sentence
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.places import find_places, get_gazetteer, outlet_town, text_context


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def names(text: str) -> list[str]:
    return [m.place.name for m in find_places(text, Sentence(0, 0, len(text), text))
            if not getattr(m, "in_name", False)]


# ---------------------------------------------------------------- small US towns (cities500)


def test_small_us_town_is_listed() -> None:
    # a village of some 700 people: GeoNames' cities500, US only
    p = get_gazetteer().lookup("Arivaca", "US", "Arizona")
    assert p is not None and (p.name, p.admin1, p.precision) == ("Arivaca", "Arizona", 1)


def test_small_town_never_beats_a_bigger_namesake_without_evidence() -> None:
    # Elkton, Maryland (15,000 people) before the villages of that name in other states
    assert get_gazetteer().lookup("Elkton").admin1 == "Maryland"
    assert get_gazetteer().lookup("Elkton", "US", "Tennessee").admin1 == "Tennessee"


def test_small_town_said_to_be_the_scene(nlp) -> None:
    text = ("Hunter hurt near Arivaca\n\n"
            "A 52-year-old hunter was shot in the leg near Arivaca on Saturday morning when a "
            "companion's rifle went off, the Pima County Sheriff's Department said.")
    p = place_of(nlp, text, title="Hunter hurt near Arivaca")
    assert (p.name, p.admin1) == ("Arivaca", "Arizona")


def test_bank_after_a_town_name_is_an_institution() -> None:
    assert "Friendship" not in names("The guard worked for Friendship Bank until last spring, his sister said.")


# ---------------------------------------------------------------- the local outlet's state


def test_outlet_town_with_its_state_after_it() -> None:
    # a town smaller than a bare outlet name needs, its state written after it
    p = outlet_town("Teen hurt in crash - KZZQ News 4 - Sports-Laurel, MS")
    assert p is not None and (p.name, p.admin1) == ("Laurel", "Mississippi")
    p = outlet_town("Two hurt in fire - WQQX 12 - Tuscaloosa, AL")
    assert p is not None and p.admin1 == "Alabama"


def test_half_a_state_name_is_no_outlet_town() -> None:
    assert outlet_town("Man hurt in fall at quarry - FOX Carolina 9") is None


def test_county_in_many_states_takes_the_outlet_state(nlp) -> None:
    # "Lamar County" is in four states; the gazetteer alone picks the largest (Texas)
    title = "Hunter shot at camp - KZZQ News 4 - Tuscaloosa, AL"
    text = ("Hunter shot at camp\n\n"
            "Lamar County deputies said a man was shot in the arm during an argument at a "
            "hunting camp on Sunday evening. He was patched up at a clinic and sent home.")
    p = place_of(nlp, text, title=title)
    assert (p.name, p.admin1) == ("Lamar County", "Alabama")


def test_outlet_state_does_not_move_a_county_the_text_places(nlp) -> None:
    # the text names the county's own state: the outlet across the line changes nothing
    title = "Hunter shot at camp - KZZQ News 4 - Tuscaloosa, AL"
    text = ("Hunter shot at camp\n\n"
            "Lamar County deputies in Texas said a man was shot in the arm during an argument at "
            "a hunting camp on Sunday evening. He was patched up at a clinic and sent home.")
    p = place_of(nlp, text, title=title)
    assert p.admin1 == "Texas"


# ---------------------------------------------------------------- streets and datelines


def test_town_opening_a_longer_street_name_is_the_street() -> None:
    assert "Springfield" not in names("Two men were wounded at a gas station on Springfield Mill Road in Elkton.")
    assert "Springfield" not in names("Deputies closed part of North Springfield Cedar Trail for hours.")
    # the town itself still counts
    assert "Springfield" in names("Two men were wounded at a gas station in Springfield on Sunday.")


def test_wire_dateline_from_another_state(nlp) -> None:
    title = "Couple found shot in Vermont home"
    text = (f"{title}\n\n"
            "BOSTON (Wire) - A married couple were found shot dead in their southern Vermont "
            "farmhouse on Tuesday, a state police spokeswoman said.\n\n"
            "The couple, both in their 60s, were found by a neighbour in the kitchen of the house "
            "in Brattleboro, the spokeswoman said.")
    p = place_of(nlp, text, title=title)
    assert (p.name, p.admin1) == ("Brattleboro", "Vermont")


def test_big_city_name_called_a_neighbourhood_of_the_policed_city(nlp) -> None:
    # Chicago's Austin: a neighbourhood named like the Texas capital, Chicago's police on the case
    title = "Three hurt by gunfire in Austin"
    text = (f"{title}\n\n"
            "Three men were hurt by gunfire late Tuesday while they waited at a bus stop in the "
            "Austin neighborhood, Chicago police said. Doctors called all three stable by morning.")
    p = place_of(nlp, text, title=title)
    assert (p.name, p.admin1, p.detail) == ("Chicago", "Illinois", "Austin")


def test_down_in_a_name_is_no_county_down(nlp) -> None:
    # "Down" (a Northern Irish district) in "Down syndrome" casts no vote for Britain
    title = "Houston man hurt in accident at home"
    text = (f"{title}\n\n"
            "HOUSTON - A man with Down Syndrome was shot in the leg when a handgun he found went off on Friday, "
            "Houston police said. Relatives drove him to a clinic in a pickup.")
    p = place_of(nlp, text, title=title)
    assert (p.name, p.admin1) == ("Houston", "Texas")


def test_cross_street_beside_a_numbered_one_is_no_town() -> None:
    assert "Highland" not in names("A teenager was wounded near N. 32nd & Highland late on Monday.")
    assert "Highland" not in names("A teenager was wounded at Highland and 32nd late on Monday.")


def test_local_dateline_whose_police_work_the_case_stays(nlp) -> None:
    # a local dateline without a wire's credit, its city's police on the case: an out-of-state
    # man's home town is no scene
    title = "Visitor wounded in robbery"
    text = (f"{title}\n\n"
            "TOLEDO -- Toledo police said a 41-year-old man from Erie, Pennsylvania was shot in "
            "the arm during a robbery outside a downtown bar early Sunday. Officers are still "
            "looking for two suspects.")
    p = place_of(nlp, text, title=title)
    assert (p.name, p.admin1) == ("Toledo", "Ohio")


def test_small_town_needs_a_locative_or_its_state() -> None:
    # Arivaca (some 700 people): a shop's or a person's name unless the text places it
    assert "Arivaca" not in names("The clerk at Arivaca Feed Supply called deputies at noon.")
    assert "Arivaca" not in names("Dana thanked Arivaca, Arivaca said later.")
    assert "Arivaca" in names("A hiker was hurt near Arivaca on Sunday.")
    assert "Arivaca" in names("The hiker, of Arivaca, Ariz., was hurt on Sunday.")


# ---------------------------------------------------------------- second pass


def test_town_inside_a_big_city_whose_police_work_the_case(nlp) -> None:
    # GeoNames lists Saint Dennis as a town of Louisville's own county; the city's police on
    # the case make it a part of that city (GVA and SPEC: the place is the town)
    title = "Clerk wounded in Saint Dennis"
    text = (f"{title}\n\n"
            "A store clerk was wounded in Saint Dennis late on Tuesday when a masked man fired "
            "through the front window, Louisville Metro Police said. The clerk is expected to recover.")
    p = place_of(nlp, text, title=title)
    assert (p.name, p.admin1, p.detail) == ("Louisville", "Kentucky", "Saint Dennis")


def test_town_with_its_own_police_stays_beside_a_big_city(nlp) -> None:
    title = "Clerk wounded in Saint Dennis"
    text = (f"{title}\n\n"
            "A store clerk was wounded in Saint Dennis late on Tuesday when a masked man fired "
            "through the front window, Saint Dennis police said. Louisville police later "
            "arrested a suspect.")
    p = place_of(nlp, text, title=title)
    assert p.name == "Saint Dennis"


def test_state_name_used_as_a_surname_names_no_state() -> None:
    text = ("Police identified the dead man as Lonnie Washington, 47, of Dayton. "
            "Officers said Washington was waiting for a bus.")
    ctx = text_context(text)
    assert "washington" in ctx.surnames
    assert ("US", "Washington") not in ctx.admin1
    # the state itself, or a bare name nobody bears, still counts
    assert ("US", "Washington") in text_context("The family moved to Washington last spring.").admin1
    assert ("US", "Washington") in text_context("Lonnie Washington, 47, of Yakima, Wash., was hurt.").admin1


def test_namesakes_in_one_state_keep_their_own_row() -> None:
    gaz = get_gazetteer()
    # Chatham, Illinois: a town near Springfield and a neighbourhood of Chicago
    town = gaz.lookup("Chatham", "US", "Illinois")
    rows = [e for e in gaz._get("chatham") if e.admin1 == "Illinois" and e.precision == 1 and not e.alt]
    assert town is not None and len(rows) >= 2
    for e in rows:
        p = Place(name=e.name, iso="US", admin1="Illinois", lat=e.lat, lon=e.lon, precision=1)
        assert gaz.entry_of(p) == e


def test_dateline_town_outranks_a_headline_residents_town(nlp) -> None:
    title = "Carmel teen hurt while hunting deer"
    text = (f"{title}\n\n"
            "(File photo)\n\n"
            "MARTINSVILLE, Ind. (WXYZ) — A Carmel teen was shot in the foot while hunting in Morgan "
            "County on Saturday when his rifle slipped as he climbed into a tree stand. Conservation officers said he was hunting with "
            "his uncle in Martinsville.")
    p = place_of(nlp, text, title=title)
    assert (p.name, p.admin1) == ("Martinsville", "Indiana")


def test_headline_town_whose_police_work_the_case_beats_the_dateline(nlp) -> None:
    title = "Carmel teen hurt while hunting deer"
    text = (f"{title}\n\n"
            "MARTINSVILLE, Ind. (WXYZ) — A Carmel teen was shot in the foot on Saturday when his "
            "rifle slipped as he climbed into a tree stand, the Carmel Police Department said.")
    p = place_of(nlp, text, title=title)
    assert (p.name, p.admin1) == ("Carmel", "Indiana")


def test_headline_residents_town_beats_a_bureau_dateline(nlp) -> None:
    # the dateline's city is never named again as a place: the bureau filed the story
    title = "Carmel teen hurt while hunting deer"
    text = (f"{title}\n\n"
            "MARTINSVILLE, Ind. (WXYZ) — A Carmel teen was shot in the foot while hunting in Morgan "
            "County on Saturday when his rifle slipped as he climbed into a tree stand.")
    p = place_of(nlp, text, title=title)
    assert (p.name, p.admin1) == ("Carmel", "Indiana")


def test_town_whose_police_work_beside_the_big_citys_stays(nlp) -> None:
    title = "Clerk wounded in Saint Dennis"
    text = (f"{title}\n\n"
            "A store clerk was wounded in Saint Dennis late on Tuesday when a masked man fired "
            "through the front window. The suspect gave himself up to Saint Dennis and Louisville "
            "Metro Police officers on Wednesday.")
    p = place_of(nlp, text, title=title)
    assert p.name == "Saint Dennis"
