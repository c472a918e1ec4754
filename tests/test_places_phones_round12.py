"""Round 12: a local phone number's area code names its state (the numbering plan's geography,
shipped offline by the ``phonenumbers`` package), so a bare town's name with namesakes in other
states goes to the state the number is in.  Texts and line numbers are invented; places and area
codes are real."""

from wirecheck.models import Sentence
from wirecheck.nlp.places import _phone_states, find_places, text_context


def place_of(text: str, name: str):
    return next(m.place for m in find_places(text, Sentence(0, 0, len(text), text)) if m.text == name)


def test_area_code_names_the_state() -> None:
    assert _phone_states("Call the tip line at (601) 485-2030 or 850.872.4410.") == {"Mississippi", "Florida"}


def test_toll_free_and_unassigned_numbers_name_no_state() -> None:
    assert _phone_states("Tips: 800-222-8477 or 555-201-7788; fax 1-888-580-8477.") == set()


def test_a_state_from_the_phone_counts_as_named() -> None:
    ctx = text_context("Anyone who saw the crash is asked to call detectives at 601-485-2030.")
    assert ("US", "Mississippi") in ctx.admin1


def test_phone_number_moves_a_bare_town_to_its_state() -> None:
    story = "A teenager was wounded in a shooting at an apartment complex in Meridian on Friday night."
    tip = " Anyone with information should call Meridian police at 601-485-2030."
    assert place_of(story + tip, "Meridian").admin1 == "Mississippi"


def test_phone_state_outweighs_a_foreign_capital() -> None:
    text = (
        "A boy was hurt by a stray bullet in Panama City on Sunday, police said. "
        "Call the Panama City Police Department at 850-872-4410 with tips."
    )
    place = place_of(text, "Panama City")
    assert (place.iso, place.admin1) == ("US", "Florida")
