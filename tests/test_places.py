import pytest

from wirecheck.models import Sentence
from wirecheck.nlp.places import find_places, get_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


@pytest.mark.parametrize(
    ("query", "name", "admin1"),
    [
        ("Gary, Indiana", "Gary", "Indiana"),
        ("Gary, Ind.", "Gary", "Indiana"),
        ("Springfield, IL", "Springfield", "Illinois"),
        ("Paris, Texas", "Paris", "Texas"),
        ("Bell, Calif.", "Bell", "California"),
    ],
)
def test_lookup_with_state(gaz, query: str, name: str, admin1: str) -> None:
    p = gaz.lookup(query)
    assert (p.name, p.iso, p.admin1, p.precision) == (name, "US", admin1, 1)


def test_lookup_by_population_and_hints(gaz) -> None:
    assert gaz.lookup("Paris").iso == "FR"
    assert gaz.lookup("Paris", country_hint="US").iso == "US"
    assert gaz.lookup("Springfield", admin1_hint="Ohio").admin1 == "Ohio"
    assert gaz.lookup("Baghdad").iso == "IQ"
    assert gaz.lookup("Nowhereville Qqq") is None


@pytest.mark.parametrize(("word", "iso"), [("Iraqi", "IQ"), ("American", "US"), ("U.S.", "US"), ("US", "US"),
                                           ("United States", "US"), ("UK", "GB"), ("Britain", "GB"), ("Iraq", "IQ")])
def test_country(gaz, word: str, iso: str) -> None:
    p = gaz.country(word)
    assert (p.iso, p.precision) == (iso, 4)


def test_admin1(gaz) -> None:
    assert gaz.admin1("Calif.", "US").name == "California"
    assert gaz.admin1("Ohio", "United States").precision == 3
    assert gaz.admin1("Bavaria", "DE") is None


def places(text: str) -> list[tuple[str, str, int, str | None]]:
    return [(m.text, m.place.name, m.place.precision, m.detail) for m in find_places(text, Sentence(0, 0, len(text), text))]


def test_street_detail_attaches_to_city() -> None:
    assert places("The strike hit Baghdad's Palestine Street on Thursday.") == [("Baghdad", "Baghdad", 1, "Palestine Street")]


def test_dateline_and_block() -> None:
    got = places("GARY, Ind. (AP) — A man was shot in the 2200 block of Broadway.")
    assert got == [("GARY, Ind.", "Gary", 1, "the 2200 block of Broadway")]


def test_city_state_pattern_and_countries() -> None:
    assert places("It happened in Springfield, Illinois, on Monday.")[0][:3] == ("Springfield, Illinois", "Springfield", 1)
    assert [p[1] for p in places("The United States and Iraq disagree.")] == ["United States", "Iraq"]


def test_offsets() -> None:
    text = "First. Police said the shooting was in Chicago."
    (m,) = find_places(text, Sentence(1, 7, len(text), text[7:]))
    assert text[m.start : m.end] == "Chicago"


@pytest.mark.parametrize(
    "text",
    [
        "May said the bill would pass.",
        "Gary Smith told reporters he was fine.",
        "Officers called Garry Roosevelt Harris a witness.",
        "The Los Angeles Times reported the story.",
    ],
)
def test_no_false_places(text: str) -> None:
    assert places(text) == []


def test_load_is_fast(gaz) -> None:
    assert gaz.load_seconds < 3.0
