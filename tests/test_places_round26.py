"""Round 26 (places): a name that neither GeoNames nor the mail knows as a town, in a county
that a big city fills, is a part of that city, kept as the place's detail.  Texts and the
neighbourhood names are invented; the counties and cities are real."""

from __future__ import annotations

import pytest

from extract_helpers import main_place
from wirecheck.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.mark.parametrize("text", [
    # the coroner's county names the big city: its neighbourhood is no town of its own
    "Dana Quill, a 30-year-old man, died Sunday after being shot in Quillmont Terrace, "
    "according to Spokane County coroner's records.",
    "Dana Quill, 30, was shot and killed Sunday in the 400 block of Elm Street in Quillmont "
    "Terrace, according to Spokane County sheriff's deputies.",
])
def test_unlisted_part_of_a_big_citys_county(nlp, text: str) -> None:
    p = main_place(nlp, text)
    assert (p.name, p.admin1, p.precision) == ("Spokane", "Washington", 1)
    assert p.detail == "Quillmont Terrace"
    assert p.lat is not None


def test_unlisted_town_of_a_county_with_no_big_city(nlp) -> None:
    # Yakima County's biggest town has under 100,000 people: the name stays a town of its own
    p = main_place(nlp, "Dana Quill, 30, was shot and killed Sunday in Quillmont Terrace, "
                        "according to Yakima County deputies.")
    assert (p.name, p.admin1, p.precision) == ("Quillmont Terrace", "Washington", 1)
    assert p.lat is None


def test_unlisted_town_where_the_text_names_two_counties(nlp) -> None:
    # which county the name lies in, the text does not say
    p = main_place(nlp, "Dana Quill, 30, was shot and killed Sunday in Quillmont Terrace, "
                        "according to Spokane County deputies. Stevens County deputies "
                        "helped search for the gunman.")
    assert p.name == "Quillmont Terrace"
