"""Counting rules of round 6: the headline that opens a text, active verbs with a count of people
("shooting four people", "wounds three"), lists of ages.  Texts are invented."""

import pytest

from extract_helpers import toll as _toll
from wirecheck.models import Article, Sentence
from wirecheck.nlp.counts import find_casualties


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count and "shot" in a headline: everyone hit, less those the text reports dead
        ("Three shot outside Maple Lanes bowling alley. Detectives have no suspect", (0, 3)),
        ("Four teens shot near Oakdale skate park. One of the teens died at a hospital", (1, 3)),
        ("5 people shot, 1 fatally, on Birch Avenue. Police are looking for a van", (1, 4)),
        # "shot at" after a count of people is the place, not a miss
        ("Six shot at backyard barbecue in Tulsa. Police gave no names", (0, 6)),
        # a lone person in a headline
        ("Boy shot in hand in Fresno. Doctors call his wound minor", (0, 1)),
    ],
)
def test_headline_that_opens_the_text(text: str, expected: tuple) -> None:
    assert _toll(text, headline=True) == expected


def test_headline_rules_only_for_the_headline() -> None:
    # the same words in a body sentence are no headline: "three shot" there is left alone
    assert _toll("Three shot outside Maple Lanes bowling alley. Detectives have no suspect") == (0, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an active verb with a count of people: everyone hit
        ("A man opened fire on the porch, shooting four people. One of them died on Tuesday", (1, 3)),
        ("Detectives said the teen shot three bystanders before he ran off", (0, 3)),
        # "shot 12 times": no count of people
        ("Officers said the driver was shot 12 times", (0, 1)),
        # "fatally shot two men" stays a count of the dead
        ("Deputies said Lyle Brandt fatally shot two men outside the diner", (2, 0)),
        # "wounds" / "injures" with a count after it: that many hurt
        ("Overnight gunfire wounds three in east Tacoma", (0, 3)),
        ("Drive-by shooting injures 2 teenagers on Cedar Road", (0, 2)),
    ],
)
def test_active_verb_with_a_count_of_people(text: str, expected: tuple) -> None:
    assert _toll(text) == expected


def test_last_age_of_a_list_is_no_count() -> None:
    text = "Two women, ages 33 and 35, and two men, 27 and 61 were hurt in the gunfire"
    assert all(c.range.best != 61 for c in find_casualties(text, Sentence(0, 0, len(text), text)))


@pytest.fixture(scope="module")
def nlp():
    from wirecheck.nlp import load_pipeline

    return load_pipeline()


def test_event_reads_its_headline(nlp) -> None:
    from wirecheck.extract import analyze_article

    title = "Four men shot outside Elmwood corner store"
    text = (
        f"{title}\n\nA gunman opened fire outside a corner store in Dayton late Friday, police said. "
        "The men were taken to a hospital downtown. Detectives are asking for witnesses."
    )
    an = analyze_article(Article(id="t", text=text, title=title), nlp)
    main = next(e for e in an.events if e.id == an.main_event)
    assert main.injured is not None and main.injured.range.best == 4
    assert main.fatalities is None or main.fatalities.range.best == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the bodies of" a count of people: that many dead
        ("The bodies of three people were discovered in a barn near Ames. Police called it a homicide", (3, 0)),
        # the verb before its subject: the victims after it
        ("Odell Pike, 40, died at the scene. Also killed were Rena Colt, 31, and Dax Ferro, 29", (3, 0)),
        ("A gunman opened fire in a diner. Wounded were a 44-year-old man and a 61-year-old woman", (0, 2)),
        # "survived" after a count of people: hurt, not dead
        ("A man was killed in the ambush on Lark Street. The two other passengers survived", (1, 2)),
        # an obituary's "survived by" is no casualty
        ("Marcus Bell, 70, died on Sunday. He is survived by his wife and three sons", (1, 0)),
    ],
)
def test_bodies_inverted_verbs_and_survivors(text: str, expected: tuple) -> None:
    assert _toll(text) == expected


def test_bodies_state_the_whole_toll() -> None:
    # the killer's own death told before is among the bodies counted
    text = "A man shot his wife and two sons before killing himself. The bodies of four people were found in the house"
    assert _toll(text) == (4, 0)
