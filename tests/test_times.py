from datetime import date

import pytest

from wirecheck.models import Sentence
from wirecheck.nlp.times import find_times, normalize, parse_anchor

THU = date(2024, 1, 4)  # a Thursday


def one(text: str, published: str | None = "2024-01-04"):
    found = find_times(text, [Sentence(0, 0, len(text), text)], published)
    assert found, f"no time expression in {text!r}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("The strike happened on Thursday.", "2024-01-04", "day"),
        ("He was arrested Tuesday.", "2024-01-02", "day"),
        ("The talks ended Friday.", "2023-12-29", "day"),
        ("It rained yesterday.", "2024-01-03", "day"),
        ("Officials met today.", "2024-01-04", "day"),
        ("Shots were fired last night.", "2024-01-03TNI", "time"),
        ("Protests grew this week.", "2024-W01", "week"),
        ("Prices fell last month.", "2023-12", "month"),
        ("Sales rose last year.", "2023", "year"),
        ("The raid came two days ago.", "2024-01-02", "day"),
        ("Fighting has continued since late October.", "2023-10", "month"),
        ("The war began in October.", "2023-10", "month"),
        ("It began on October 7.", "2023-10-07", "day"),
        ("It began on Oct. 7, 2023.", "2023-10-07", "day"),
        ("It began on 7 October 2023.", "2023-10-07", "day"),
        ("Filed 2023-10-07 in court.", "2023-10-07", "day"),
        ("The law passed in March 2024.", "2024-03", "month"),
        ("He moved there in 1998.", "1998", "year"),
        ("Gunfire erupted about 9 p.m.", "2024-01-04T21:00", "time"),
        ("The clash began Tuesday morning.", "2024-01-02TMO", "time"),
        ("The third quarter was weak.", "2024-Q3", "year"),
    ],
)
def test_values_against_anchor(text: str, value: str, precision: str) -> None:
    t = one(text)
    assert (t.value, t.precision) == (value, precision)


def test_offsets_index_text() -> None:
    text = "A strike hit Baghdad on Thursday, officials said."
    t = one(text)
    assert text[t.start : t.end] == t.text == "Thursday"


def test_duration() -> None:
    t = one("He served three years in prison.")
    assert (t.value, t.kind, t.text) == ("P3Y", "DURATION", "three years")


def test_future_weekday_goes_forward() -> None:
    assert one("The council will vote Friday.").value == "2024-01-05"


def test_future_clitic_goes_forward() -> None:
    # "we'll", "she’ll": the clitic is glued to its word and still marks the future
    assert one("We'll know more about the plan Friday.").value == "2024-01-05"
    assert one("She’ll brief the board Friday.").value == "2024-01-05"
    assert one("The board met Friday.").value == "2023-12-29"


def test_no_anchor_never_invents() -> None:
    t = one("The strike happened on Thursday.", None)
    assert (t.text, t.value, t.precision) == ("Thursday", None, "unknown")
    assert one("Prices fell last month.", None).value is None
    assert one("It began on Oct. 7, 2023.", None).value == "2023-10-07"


def test_now_is_present_ref() -> None:
    assert one("Markets are now calm.").value == "PRESENT_REF"


def test_common_words_are_not_dates() -> None:
    text = "May said the plan would march ahead; 2000 people attended."
    assert find_times(text, [], "2024-01-04") == []


def test_normalize() -> None:
    assert normalize("Thursday", THU) == ("2024-01-04", "day")
    assert normalize("Thursday", None) == (None, "unknown")
    assert normalize("March 2024", None) == ("2024-03", "month")
    assert normalize("two days ago", THU) == ("2024-01-02", "day")
    assert normalize("since late October", THU) == ("2023-10", "month")
    assert normalize("banana", THU) == (None, "unknown")


def test_parse_anchor() -> None:
    assert parse_anchor("2024-01-04T16:03:00Z") == THU
    assert parse_anchor(None) is None
    assert parse_anchor("not a date") is None


def test_two_days_after_is_a_duration() -> None:
    t = one("The raid came two days after the vote.")
    assert (t.text, t.value, t.kind) == ("two days", "P2D", "DURATION")
