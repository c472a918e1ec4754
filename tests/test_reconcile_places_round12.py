"""Round 12: between two reports that put one town's name in different states, the state a
report's text names (a dateline, "Oakvale, S.C.", a local phone number) outweighs the one a
geocoder picked for a bare name.  Texts are invented; places are real."""

from __future__ import annotations

import pytest

from wirecheck.extract import analyze_article
from wirecheck.models import Article
from wirecheck.nlp import load_pipeline
from wirecheck.reconcile import reconcile_story


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def test_the_state_a_text_names_beats_a_bare_namesake(nlp) -> None:
    bare = Article(
        id="bare",
        title="Boy, 9, shot at Lexington home",
        text="Boy, 9, shot at Lexington home\n\nA 9-year-old boy was shot at a home in Lexington on "
        "Tuesday afternoon, deputies said. He was taken to a hospital in stable condition.",
        published="2024-05-08",
    )
    named = Article(
        id="named",
        title="Deputies: boy wounded by cousin's handgun",
        text="Deputies: boy wounded by cousin's handgun\n\nLEXINGTON, S.C. - A 9-year-old boy was "
        "shot Tuesday afternoon when his cousin picked up a handgun at a home in Lexington, "
        "deputies said.",
        published="2024-05-08",
    )
    analyses = [analyze_article(a, nlp) for a in (bare, named)]
    own = {a.article.id: next(e for e in a.events if not e.background).location.place.admin1 for a in analyses}
    assert own["named"] == "South Carolina"
    result = reconcile_story("s", analyses)
    main = next(e for e in result.events if e.id == result.story.main_event)
    assert main.location is not None
    assert (main.location.name, main.location.admin1) == ("Lexington", "South Carolina")
