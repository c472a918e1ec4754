"""Casualty counts at the event level: which event is the article's main one, and which of its
sentences give it killed/injured counts (wirecheck.extract.events).  Texts are invented."""

from __future__ import annotations

import pytest

from wirecheck.evaluate.score import count_value, main_event
from wirecheck.extract import analyze_article
from wirecheck.models import Article
from wirecheck.nlp import load_pipeline
from wirecheck.pipeline import link_analyses
from wirecheck.settings import load_settings


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def analyze(nlp, text, title=None):
    return analyze_article(Article(id="t", text=text, title=title), nlp)


def main(an):
    return next(e for e in an.events if e.id == an.main_event)


def story_main(an):
    """The main event after linking and reconciling the one article, as the evaluation reads it."""
    (result,) = link_analyses([an], load_settings())
    return main_event(result)


@pytest.mark.parametrize(
    "text",
    [
        # "no arrests are planned" tells of no event: the death, though told with "last week"
        # (a background cue), is what the article reports.
        "Teachers in Tulsa wore blue ribbons on Monday. "
        "Classes started an hour late at Greenbriar Elementary. "
        "A first-grader, Tobias Renner, 6, was killed last week by a shot from a handgun left on a "
        "shelf, investigators said. "
        "Police say no arrests are planned.",
        # violence told in the lead beats the arrest that followed it
        "A woman was found dead after a shooting in Boise, Idaho. Officers say Marla Quenby, 41, died from "
        "a gunshot wound at her apartment. Deputies later arrested her neighbor.",
    ],
    ids=["denied-arrest", "arrest-after-the-lead"],
)
def test_the_death_not_the_arrest_is_the_reported_event(nlp, text):
    ev = main(analyze(nlp, text))
    assert ev.event_type != "Strategic developments" and not ev.background
    assert ev.fatalities is not None and count_value(ev.fatalities.range) == 1


def test_toll_of_a_spree_is_read_from_a_plain_sentence(nlp):
    # The lead reads like a total of several incidents (reconciling leaves such figures out);
    # the same toll stated plainly later is the evidence the event keeps.
    text = (
        "Multiple shootings across Tacoma overnight left one man dead, police said. "
        "Officers found Darnell Voss, 30, shot in an alley near the harbor. "
        "Voss was killed by a single bullet, investigators said."
    )
    an = analyze(nlp, text)
    ev = main(an)
    assert ev.fatalities is not None and count_value(ev.fatalities.range) == 1
    assert ev.fatalities.evidence.sentence != 0
    assert count_value(story_main(an).fatalities) == 1


def test_vigil_for_other_victims_gives_no_toll(nlp):
    text = (
        "A man was fatally shot outside a bakery in Dayton on Friday night. "
        "Police identified him as Elton Farrow, 52. "
        "On Sunday neighbors held a vigil for the three teenagers wounded on the same block this summer."
    )
    an = analyze(nlp, text)
    ev = main(an)
    assert ev.fatalities is not None and count_value(ev.fatalities.range) == 1
    assert ev.injured is None or count_value(ev.injured.range) == 0


def test_headline_chooses_among_the_texts_readings(nlp):
    # The headline is no evidence by itself, but it picks the text's own reading: everyone shot
    # less the dead gives the hurt it states.
    text = (
        "Gunfire broke out at a street fair in Macon on Saturday night. "
        "A 40-year-old man is dead. "
        "Altogether, nine people were hit by gunfire, police said."
    )
    ev = main(analyze(nlp, text, title="1 Dead, 8 Hurt In Gunfire At Macon Street Fair"))
    assert ev.fatalities is not None and count_value(ev.fatalities.range) == 1
    assert ev.injured is not None and count_value(ev.injured.range) == 8
    assert ev.injured.evidence.sentence == 2


def test_headline_without_a_matching_reading_changes_nothing(nlp):
    text = "A man was fatally shot outside a pawn shop in Joplin on Friday, police said."
    ev = main(analyze(nlp, text, title="2 Dead In Joplin Shooting"))
    assert ev.fatalities is not None and count_value(ev.fatalities.range) == 1


def test_an_earlier_incident_gives_no_toll(nlp):
    """A closing sentence that steps back in time ("Earlier Sunday, ...") tells of another
    shooting: its dead are not this event's."""
    text = (
        "A man was wounded by a Tacoma police officer on Sunday afternoon near Juniper Avenue. "
        "Rolf Ainsley, 29, went to Mercy Clinic with a grazed shoulder, police said. "
        "The shooting was the third involving officers in the county this weekend. "
        "Earlier Sunday, two brothers were shot to death by deputies at a farmhouse near the river."
    )
    ev = story_main(analyze(nlp, text))
    assert count_value(ev.fatalities) == 0
    assert count_value(ev.injured) == 1
