"""Round 11: a country's newsroom habits ("the 1400 block of", "the Sheriff's Office", a
North American phone number) are a vote for that country when a bare town's name has
namesakes abroad.  Texts are invented; places are real."""

from wirecheck.models import Sentence
from wirecheck.nlp.places import find_places, text_context


def place_of(text: str, name: str):
    return next(m.place for m in find_places(text, Sentence(0, 0, len(text), text)) if m.text == name)


def test_block_address_makes_a_bare_town_american() -> None:
    text = "Officers found a wounded cyclist in the 1400 block of Maple Lane in York late Tuesday."
    assert place_of(text, "York").iso == "US"


def test_sheriffs_office_makes_a_bare_town_american() -> None:
    text = "A hunter was hurt near Trinidad on Saturday, the Sheriff's Office said in a statement."
    assert place_of(text, "Trinidad").iso == "US"


def test_without_a_hallmark_the_lookup_stands() -> None:
    text = "Flooding closed several roads around Birmingham overnight, the council said."
    assert place_of(text, "Birmingham").iso == "GB"


def test_phone_number_is_a_small_vote() -> None:
    ctx = text_context("Witnesses to the crash may phone the precinct at 555-201-7788.")
    assert 0.0 < ctx.weight("US") <= 1.0
