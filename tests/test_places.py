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
    bavaria = gaz.admin1("Bavaria", "DE")
    assert (bavaria.name, bavaria.iso, bavaria.precision) == ("Bavaria", "DE", 3)
    assert gaz.admin1("Punjab province", "Pakistan").iso == "PK"
    assert gaz.admin1("Nowhere Qqq", "DE") is None


def test_admin1_is_a_name_everywhere(gaz) -> None:
    for name in ("Baghdad", "Mosul", "Lyon", "Mumbai"):
        p = gaz.lookup(name)
        assert p.admin1 and not p.admin1.isdigit(), (name, p.admin1)
    assert gaz.lookup("Lyon").country == "France"


def test_small_towns_outside_the_us(gaz) -> None:
    # GeoNames places of 1,000+ people, not only cities of 15,000+
    p = gaz.lookup("Plau am See")
    assert (p.iso, p.admin1) == ("DE", "Mecklenburg-Vorpommern")


def test_old_and_accented_names(gaz) -> None:
    assert gaz.lookup("Kiev").iso == "UA"
    assert gaz.lookup("Kyiv").iso == "UA"
    assert gaz.lookup("Bogotá").iso == "CO"


def test_regions_and_seas(gaz) -> None:
    red = gaz.lookup("Red Sea")
    assert (red.name, red.precision, red.iso) == ("Red Sea", 3, None)
    gaza = gaz.lookup("Gaza Strip")
    assert (gaza.iso, gaza.precision) == ("PS", 3)


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


def first(text: str) -> tuple[str, str | None, str | None, int]:
    m = find_places(text, Sentence(0, 0, len(text), text))[0]
    return (m.place.name, m.place.iso, m.place.admin1, m.place.precision)


def test_province_in_parentheses_decides_the_country() -> None:
    assert first("Teachers marched in San Juan (San Juan) and in Mendoza (Mendoza) on Monday.")[1] == "AR"
    assert first("Workers protested in Cordoba (Andalusia) on Monday.")[:2] == ("Cordoba", "ES")
    assert first("Workers protested in Cordoba on Monday.")[:2] == ("Cordoba", "AR")


def test_named_country_decides_between_namesakes() -> None:
    assert first("In Colombia, police defused a bomb in Bogota.")[0] == "Colombia"
    assert first("Police defused a bomb in Bogota, Colombia's capital.")[:2] == ("Bogota", "CO")
    assert first("A U.S. diplomat said a bomb was defused in Bogota.")[:2] == ("United States", "US")
    assert places("A U.S. diplomat said a bomb was defused in Bogota.")[1][1] == "Bogota"
    text = "A U.S. diplomat said a bomb was defused in Bogota."
    assert find_places(text, Sentence(0, 0, len(text), text))[1].place.iso == "CO"


def test_division_word_gives_a_region() -> None:
    assert first("Troops clashed with militants in a village of Mandalay region.")[1::2] == ("MM", 3)
    assert first("Two people were killed in the Al Qqq district of Diyala.")[1::2] == ("IQ", 2)


def test_country_name_that_is_a_division_of_the_text_country() -> None:
    text = "Gunmen attacked a village in Mariga LGA (Niger), Nigeria. Niger police responded."
    isos = {m.text: m.place for m in find_places(text, Sentence(0, 0, len(text), text))}
    assert isos["Niger"].iso == "NG" and isos["Niger"].precision == 3


def test_surname_is_no_town() -> None:
    text = "Officers arrested Kevin Walker on Monday. Walker was held in Queens, New York."
    got = [m.place.name for m in find_places(text, Sentence(0, 0, len(text), text))]
    assert got == ["Queens"]


def test_dateline_and_in_phrase_flags() -> None:
    text = "GARY, Ind. (AP) — A man was shot near Hammond on Sunday."
    ms = find_places(text, Sentence(0, 0, len(text), text))
    assert [(m.place.name, m.dateline, m.in_phrase) for m in ms] == [("Gary", True, False), ("Hammond", False, True)]


def test_sea_mention() -> None:
    text = "A ship was attacked in the Red Sea on Friday."
    (m,) = find_places(text, Sentence(0, 0, len(text), text))
    assert (m.place.name, m.place.precision, m.in_phrase) == ("Red Sea", 3, True)
