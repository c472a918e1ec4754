"""Round 9 linking: people named in passing, and names that belong to no one story.

Two like events of one topic (a champion's two fights) often recall each other: the later
report names the earlier opponent once, in passing.  And a reporter, a prosecutor or a police
spokesman is named in reports of many unrelated stories.  Texts are short invented reports
(invented people; real cities).
"""

from __future__ import annotations

from extract_helpers import shooting_report, tagged_analysis
from wirecheck.link import MemoryLinkBackend, StoryLinker
from wirecheck.link.features import article_features
from wirecheck.link.names import link_data
from wirecheck.models import ArticleAnalysis


def _analysis(art: str, title: str, lines: list[str], people: list[str]) -> ArticleAnalysis:
    """An analysis of ``lines`` (one sentence each); every person in ``people`` is tagged
    wherever its full name or its surname occurs."""
    return tagged_analysis(art, title, lines, {name: [] for name in people})


def _bout(art: str, opponent: str, recalled: str | None = None, twice: bool = False) -> dict:
    """A report of Tomas Ferreiro's title defence against ``opponent`` that may recall, once (or
    twice), the challenger of an earlier defence."""
    last = opponent.split()[-1]
    lines = [
        f"Tomas Ferreiro kept his cruiserweight title on points against {opponent} in Lyon.",
        f"Ferreiro cut {last} over the left eye in the fourth round.",
        f"{last} said the judges had been kind to the champion.",
    ]
    people = ["Tomas Ferreiro", opponent]
    if recalled:
        lines.append(f"Ferreiro last defended the belt against {recalled} in the spring.")
        if twice:
            lines.append(f"{recalled.split()[-1]} has since retired from the ring.")
        people.append(recalled)
    feats = article_features(_analysis(art, f"Ferreiro outpoints {last}", lines, people))
    feats["vec"], feats["sig"] = {}, []
    return feats


def test_often_holds_the_people_a_report_names_more_than_once() -> None:
    feats = _bout("b1", "Anselm Ridout", recalled="Kofi Brannagh")
    assert feats["key"] == ["ferreiro", "ridout"]
    assert "ridout" in feats["often"] and "brannagh" not in feats["often"]
    assert "brannagh" in feats["caps"]


def test_undated_like_events_clash_though_one_recalls_the_other_in_passing() -> None:
    linker = StoryLinker(MemoryLinkBackend())
    first = _bout("b1", "Kofi Brannagh")
    later = _bout("b2", "Anselm Ridout", recalled="Kofi Brannagh")
    assert linker.pair_features("b1", first, "b2", later)["key_clash"] == 1.0
    # Named twice, the earlier opponent is someone the later report is about: no clash.
    about = _bout("b3", "Anselm Ridout", recalled="Kofi Brannagh", twice=True)
    assert linker.pair_features("b1", first, "b3", about)["key_clash"] == 0.0


def test_features_stored_before_often_existed_keep_the_old_rule() -> None:
    linker = StoryLinker(MemoryLinkBackend())
    first = _bout("b1", "Kofi Brannagh")
    later = _bout("b2", "Anselm Ridout", recalled="Kofi Brannagh")
    del first["often"]
    assert linker.pair_features("b1", first, "b2", later)["key_clash"] == 0.0


_CITIES = ("Toledo", "Fresno", "Tacoma", "Omaha")
_LEADS = {
    "Toledo": "A cab driver was wounded by gunfire outside a grocery late on a weeknight.\n"
    "Detectives asked neighbours for doorbell camera footage of a grey sedan.",
    "Fresno": "Two brothers were hurt when someone fired into their porch from an alley.\n"
    "A neighbour's dog was also struck, according to the animal shelter.",
    "Tacoma": "A teenager walking home from band practice was grazed by a stray bullet.\n"
    "Her school sent counsellors to the music room the next morning.",
    "Omaha": "A bartender was shot in the hand while breaking up a fight at closing time.\n"
    "The owner said the bar would stay shut through the holiday weekend.",
}


def _report(art: str, city: str, day: str, names: tuple[str, ...]) -> ArticleAnalysis:
    text = f"{city} police said: {_LEADS[city]}\nReporting by Wendell Ostrova."
    return shooting_report(art, text, names=names, city=city, published=day, title=f"Gunfire in {city}")


def test_a_name_many_stories_print_is_no_evidence_weeks_apart() -> None:
    assert link_data()["clustering"]["staff_stories"] >= 1
    linker = StoryLinker(MemoryLinkBackend())
    days = ("2031-02-03", "2031-05-11", "2031-08-20")
    for i, (city, day) in enumerate(zip(_CITIES, days, strict=False)):
        linker.add(_report(f"r{i}", city, day, ("Wendell Ostrova", f"Pia Lindqvist{i}")))
    assert len({linker.backend.story_of(f"r{i}") for i in range(3)}) == 3
    later = _report("r9", "Toledo", "2031-04-01", ("Wendell Ostrova",))
    feats = article_features(later)
    feats["vec"], feats["sig"] = {}, []
    first = linker.backend.features("r0")
    assert first is not None
    # The reporter's name is in the pages of two other stories: not this story's person.
    assert linker.pair_features("r9", feats, "r0", first)["persons"] == 0.0
    # Within days, a shared name still counts (the same week's reports of one shooting).
    close = _report("r8", "Toledo", "2031-02-04", ("Wendell Ostrova",))
    near = article_features(close)
    near["vec"], near["sig"] = {}, []
    assert linker.pair_features("r8", near, "r0", first)["persons"] > 0.0


def test_a_name_of_one_other_story_still_counts_weeks_apart() -> None:
    linker = StoryLinker(MemoryLinkBackend())
    for i, (city, day) in enumerate(zip(_CITIES[:2], ("2031-02-03", "2031-05-11"), strict=False)):
        linker.add(_report(f"q{i}", city, day, ("Wendell Ostrova",)))
    later = _report("q9", "Toledo", "2031-04-01", ("Wendell Ostrova",))
    feats = article_features(later)
    feats["vec"], feats["sig"] = {}, []
    first = linker.backend.features("q0")
    assert first is not None
    assert linker.pair_features("q9", feats, "q0", first)["persons"] > 0.0
