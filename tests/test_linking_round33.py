"""Round 33 linking: undated reports whose leads date their news months apart tell of two like
events (this year's recall and last year's), however alike their words.  Texts are invented."""

from __future__ import annotations

from extract_helpers import tagged_analysis
from wirecheck.link import MemoryLinkBackend, StoryLinker
from wirecheck.link.features import lead_months
from wirecheck.models import ArticleAnalysis
from wirecheck.nlp.times import find_times, month_number
from wirecheck.settings import Settings


def _recall(art: str, when: str, variant: int) -> ArticleAnalysis:
    """A report of a carmaker's brake recall, undated, its lead dating the news ``when``."""
    lines = [
        [f"Brasklund Motors recalled its Vell hatchback on {when} over a brake fault that can "
         "leave drivers unable to stop.",
         "The carmaker said owners would be contacted by letter and repairs would be free.",
         "Dealers were told to stop selling the hatchback until the brake fault is fixed."],
        [f"Brasklund Motors on {when} ordered a recall of Vell hatchbacks because of a brake "
         "fault that can stop the brakes working.",
         "Repairs will be free and owners will get a letter, the carmaker said.",
         "Dealers must not sell the hatchback until the fault is fixed."],
    ][variant]
    analysis = tagged_analysis(art, "Brasklund recalls Vell hatchback over brake fault", lines)
    analysis.times = find_times(analysis.article.text, analysis.sentences, None)
    return analysis


def test_month_number_reads_capitalised_names_only() -> None:
    assert month_number("December") == 12
    assert month_number("Sept.") == 9
    assert month_number("may") is None
    assert month_number("Tuesday") is None


def test_lead_months_come_from_the_leads_dates_birthdays_left_out() -> None:
    analysis = _recall("a", "Wednesday, December 17", 0)
    assert lead_months(analysis) == [12]
    born = tagged_analysis("b", "", [
        "The company's founder, born March 3, 1950, opened its first plant in Quillmont in June.",
    ])
    born.times = find_times(born.article.text, born.sentences, None)
    assert lead_months(born) == [6]


def test_undated_reports_months_apart_are_two_stories() -> None:
    linker = StoryLinker(MemoryLinkBackend(), Settings())
    linker.add(_recall("dec", "Wednesday, December 17", 0))
    linker.add(_recall("sep", "Thursday, September 18", 1))
    pair = linker.pair_features("dec", linker.backend.features("dec"), "sep", linker.backend.features("sep"))
    assert pair.get("month_clash") == 1.0
    assert not pair["text"]  # no person in common: the words are a like event's
    assert linker.backend.story_of("dec") != linker.backend.story_of("sep")


def test_undated_reports_in_neighbouring_months_stay_one_story() -> None:
    linker = StoryLinker(MemoryLinkBackend(), Settings())
    linker.add(_recall("dec", "Wednesday, December 31", 0))
    linker.add(_recall("jan", "Thursday, January 1", 1))
    pair = linker.pair_features("dec", linker.backend.features("dec"), "jan", linker.backend.features("jan"))
    assert not pair["month_clash"]
    assert linker.backend.story_of("dec") == linker.backend.story_of("jan")
