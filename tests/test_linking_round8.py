"""Round 8 linking: the story's own date and year when an article carries no publication day.

A report without a publication day dates its story only by what its text says, and most of what
a long text dates is something else: an attack years ago, an earlier election, an anniversary.
Texts are short invented reports (invented people and events).
"""

from __future__ import annotations

from wirecheck.link import MemoryLinkBackend, StoryLinker
from wirecheck.link.features import article_features
from wirecheck.models import (
    Article,
    ArticleAnalysis,
    Dated,
    DateValue,
    EventMention,
    Evidence,
    Sentence,
    TimeExpression,
)
from wirecheck.settings import Settings

_FILLER = "The council met again to weigh the plan."


def _analysis(
    art: str,
    lines: list[str],
    *,
    times: list[tuple[str, str | None]] = (),  # type: ignore[assignment]
    event_day: tuple[str, int] | None = None,
    published: str | None = None,
) -> ArticleAnalysis:
    """An analysis whose text is ``lines`` (one sentence each, joined by newlines); ``times``
    are (text, TIMEX value) found in order; ``event_day`` is the main event's (day, sentence)."""
    text = "\n".join(lines)
    sentences, start = [], 0
    for i, line in enumerate(lines):
        sentences.append(Sentence(i, start, start + len(line), line))
        start += len(line) + 1
    found = []
    for piece, value in times:
        pos = text.index(piece)
        index = next(s.index for s in sentences if s.start <= pos < s.end)
        precision = "day" if value and len(value) >= 10 else "month" if value and len(value) == 7 else "year"
        found.append(TimeExpression(piece, pos, pos + len(piece), index, value, precision))
    date = None
    if event_day is not None:
        day, index = event_day
        sent = sentences[index]
        date = Dated(DateValue(day, day, "day"), Evidence(art, index, sent.start, sent.end))
    event = EventMention(
        id="e0",
        article=art,
        trigger="vote",
        evidence=Evidence(art, 1, sentences[1].start, sentences[1].end),
        event_type="Protests",
        date=date,
    )
    return ArticleAnalysis(
        article=Article(id=art, text=text, published=published),
        sentences=sentences,
        times=found,
        events=[event],
        main_event="e0",
    )


def test_a_day_read_deep_in_an_undated_text_is_not_the_story_date() -> None:
    lines = [
        "Harbour board votes to close the east pier",
        "The harbour board of Port Averly voted on Tuesday to close the east pier.",
        "Members said the repairs would cost too much.",
        _FILLER,
        _FILLER,
        "The pier was first shut after the storm of 3 March 1998.",
    ]
    recalled = _analysis("q1", lines, times=[("3 March 1998", "1998-03-03")], event_day=("1998-03-03", 5))
    feats = article_features(recalled)
    assert feats["date"] is None and feats["year"] is None
    # the same day read in the lead is the story's own
    lead = _analysis("q2", lines, times=[("3 March 1998", "1998-03-03")], event_day=("1998-03-03", 1))
    assert article_features(lead)["date"] == "1998-03-03"
    # with a publication day to resolve against, the extractor's day stands wherever it was read
    dated = _analysis(
        "q3",
        lines,
        times=[("3 March 1998", "1998-03-03")],
        event_day=("1998-03-03", 5),
        published="1998-03-05",
    )
    assert article_features(dated)["date"] == "1998-03-03"


def test_a_bare_year_names_another_occasion_a_month_or_dateline_the_story() -> None:
    bare = _analysis(
        "y1",
        [
            "Mayor Tolland weighs a bid",
            "Mayor Ines Tolland said the town could bid to host the 2034 games.",
            _FILLER,
        ],
        times=[("2034", "2034")],
    )
    assert article_features(bare)["year"] is None
    month = _analysis(
        "y2",
        ["Mayor Tolland weighs a bid", "Mayor Ines Tolland said in June 2031 the town could bid.", _FILLER],
        times=[("June 2031", "2031-06")],
    )
    assert article_features(month)["year"] == "2031"
    dateline = _analysis(
        "y3",
        [
            "Mayor Tolland weighs a bid",
            "12 / 03 / 2031",
            "Mayor Ines Tolland said the town could bid.",
            _FILLER,
        ],
        times=[("2031", "2031")],
    )
    assert article_features(dateline)["year"] == "2031"
    late = _analysis(
        "y4",
        [
            "Mayor Tolland weighs a bid",
            "Mayor Ines Tolland said the town could bid.",
            _FILLER,
            _FILLER,
            "It lost in May 2019.",
        ],
        times=[("May 2019", "2019-05")],
    )
    assert article_features(late)["year"] is None


def test_reports_of_one_undated_story_are_not_split_by_a_recalled_year() -> None:
    base = [
        "Harbour board votes to close the east pier of Port Averly",
        "The harbour board of Port Averly voted to close the east pier after a long debate.",
        "Board chair Odile Marchetti said repairs to the east pier would cost too much.",
        _FILLER,
    ]
    a = _analysis(
        "p1",
        [*base, "The pier was first shut after the storm of 3 March 1998."],
        times=[("3 March 1998", "1998-03-03")],
        event_day=("1998-03-03", 4),
    )
    b = _analysis(
        "p2",
        [*base, "Fishermen protested the east pier closure in June 2030."],
        times=[("June 2030", "2030-06")],
    )
    linker = StoryLinker(MemoryLinkBackend(), Settings())
    linker.add(a)
    linker.add(b)
    fa, fb = linker.backend.features("p1"), linker.backend.features("p2")
    pair = linker.pair_features("p2", fb, "p1", fa)
    assert pair["year_diff"] == 0.0 and pair["date_far"] == 0.0
