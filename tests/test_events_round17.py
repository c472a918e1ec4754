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


def test_a_vigil_in_the_first_sentence_does_not_take_the_shooting(nlp) -> None:
    title = "Man Killed, Two Hurt In Shooting At Pool Hall"
    body = (
        "Relatives held a vigil on Monday for Darnell Pruitt, who was killed early Sunday.\n\n"
        "His cousin was one of two people wounded in the shooting at a pool hall on Ridge Avenue in Tulsa.\n\n"
        "Police said a man fired into the crowd after an argument and fled in a gray car.\n\n"
        "The two wounded men were taken to a hospital and are expected to survive.\n\n"
        "Investigators asked anyone who saw the gunman to call detectives."
    )
    an = analyze_article(Article(id="v", title=title, text=f"{title}\n\n{body}", published="2031-03-04"), nlp)
    main = next(e for e in an.events if e.id == an.main_event)
    assert main.event_type == "Violence against civilians"
    vigil = [e for e in an.events if e.event_type == "Protests"]
    assert vigil, "the vigil is an event of its own"
    shooting_sentence = next(s.index for s in an.sentences if "wounded in the shooting" in s.text)
    assert all(shooting_sentence != e.evidence.sentence for e in vigil)
    assert main.injured is not None and main.injured.range.best == 2


def test_protesters_shot_by_police_stay_with_the_protest(nlp) -> None:
    title = "Police fire on fuel protest in Eldoret"
    body = (
        "Police fired tear gas at crowds protesting against fuel prices in central Eldoret on "
        "Tuesday, and four people were killed in the clashes, hospital staff said.\n\n"
        "A nurse said four young men had been brought in with gunshot wounds and died soon after.\n\n"
        "Traders kept their shops closed for the rest of the day."
    )
    an = analyze_article(Article(id="p", title=title, text=f"{title}\n\n{body}", published="2031-05-07"), nlp)
    main = next(e for e in an.events if e.id == an.main_event)
    assert main.event_type == "Protests"
    assert main.fatalities is not None and main.fatalities.range.best == 4
    assert not [e for e in an.events if e.event_type == "Violence against civilians" and not e.background]
