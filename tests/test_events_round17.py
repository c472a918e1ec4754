"""Round 17: a vigil held over violence is not the violence.  A later "wounded in the shooting"
or "shot" refers back to the violence the text tells, never to the vigil; with only a vigil
before it, it tells an event of its own.  A protest the police fire on is another matter: its
dead are the protest's.  Texts are invented; places are real."""

from __future__ import annotations

import pytest

from wirecheck.extract import analyze_article
from wirecheck.models import Article
from wirecheck.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _read(nlp, art: str, title: str, paragraphs: list[str], published: str):
    """The analysis of an invented report and its main event."""
    text = "\n\n".join([title, *paragraphs])
    an = analyze_article(Article(id=art, title=title, text=text, published=published), nlp)
    return an, next(e for e in an.events if e.id == an.main_event)


def test_a_vigil_in_the_first_sentence_does_not_take_the_shooting(nlp) -> None:
    title = "Man Killed, Two Hurt In Shooting At Pool Hall"
    an, main = _read(nlp, "v", title, [
        "Relatives held a vigil on Monday for Darnell Pruitt, who was killed early Sunday.",
        "His cousin was one of two people wounded in the shooting at a pool hall on Ridge Avenue in Tulsa.",
        "Police said a man fired into the crowd after an argument and fled in a gray car.",
        "The two wounded men were taken to a hospital and are expected to survive.",
        "Investigators asked anyone who saw the gunman to call detectives.",
    ], "2031-03-04")
    assert main.event_type == "Violence against civilians"
    vigil = [e for e in an.events if e.event_type == "Protests"]
    assert vigil, "the vigil is an event of its own"
    shooting_sentence = next(s.index for s in an.sentences if "wounded in the shooting" in s.text)
    assert all(shooting_sentence != e.evidence.sentence for e in vigil)
    assert main.injured is not None and main.injured.range.best == 2


def test_protesters_shot_by_police_stay_with_the_protest(nlp) -> None:
    title = "Police fire on fuel protest in Eldoret"
    an, main = _read(nlp, "p", title, [
        "Police fired tear gas at crowds protesting against fuel prices in central Eldoret on "
        "Tuesday, and four people were killed in the clashes, hospital staff said.",
        "A nurse said four young men had been brought in with gunshot wounds and died soon after.",
        "Traders kept their shops closed for the rest of the day.",
    ], "2031-05-07")
    assert main.event_type == "Protests"
    assert main.fatalities is not None and main.fatalities.range.best == 4
    assert not [e for e in an.events if e.event_type == "Violence against civilians" and not e.background]
