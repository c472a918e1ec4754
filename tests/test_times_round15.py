"""Round 15: days a report gives and days its page furniture gives.

- "last Friday" written the day after (or two days after) that Friday is the Friday before it;
- "Monday night, Nov. 28" is one expression, the date it names;
- a clock time before a month ("2:31 May 9 ...") is no "31 May";
- an update stamp with a double dash ("Update-- Dec. 4, 2023, 9:15 a.m.:"), a video list's entry
  after its running time and a weather widget's line date no event.

Texts are invented."""

from __future__ import annotations

import pytest

from wirecheck.extract import analyze_article
from wirecheck.models import Article, Sentence
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.times import find_times


def _times(text: str, published: str) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in find_times(text, [Sentence(0, 0, len(text), text)], published)]


@pytest.mark.parametrize(
    ("published", "phrase", "value"),
    [
        ("2023-11-18", "last Friday", "2023-11-10"),  # a Saturday: not yesterday
        ("2023-11-16", "last Tuesday", "2023-11-07"),  # a Thursday: not two days ago
        ("2023-11-20", "last Thursday", "2023-11-16"),  # a Monday: four days ago, as before
        ("2023-11-18", "last Saturday", "2023-11-11"),  # the same weekday: a week ago, as before
    ],
)
def test_last_weekday_close_to_the_report_is_the_week_before(published: str, phrase: str, value: str) -> None:
    found = _times(f"The boy was hurt {phrase} at a relative's house.", published)
    assert [v for t, v in found if "day" in t] == [value]


def test_a_weekday_and_its_part_before_a_date_take_the_date() -> None:
    found = _times("Investigators say he fired at the car Monday night, Nov. 27, near the depot.", "2023-12-05")
    assert found == [("Monday night, Nov. 27", "2023-11-27")]


def test_a_clock_time_before_a_month_is_no_day_of_it() -> None:
    found = _times("2:31 May 9 arrests at county fair", "2023-06-02")
    assert ("31 May", "2023-05-31") not in found


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _main_date(nlp, text: str, published: str) -> str | None:
    art = Article(id="x", source="local.example", title=text.split("\n")[0], text=text, published=published)
    analysis = analyze_article(art, nlp)
    main = next(m for m in analysis.events if m.id == analysis.main_event)
    return main.date.date.value if main.date else None


def test_an_update_stamp_with_a_double_dash_dates_no_event(nlp) -> None:
    text = (
        "Boy, 15, shot on Larch Street\n\n"
        "Update-- Dec. 4, 2023, 9:15 a.m.: Detectives arrested a neighbour.\n\n"
        "A 15-year-old boy was shot in the leg Saturday evening on Larch Street, police said."
    )
    assert _main_date(nlp, text, "2023-12-04") == "2023-12-02"


_REPORT = "A woman was wounded by gunfire outside her home on Alder Court, police said."


@pytest.mark.parametrize(
    "text",
    [
        # a video list's entry after its running time
        f"Woman wounded on Alder Court\n\n0:45 Crowds brave the cold for a Sunday craft fair\n\n{_REPORT}",
        # a weather widget
        "Woman wounded on Alder Court\n\nFrost Advisory issued November 29 at 3:10PM EST expiring November 30 at "
        f"9:00AM EST\n\n{_REPORT}",
        # a link to another story
        f"Woman wounded on Alder Court\n\n{_REPORT}\n\n[RELATED: Teen hurt in shooting on Cedar Lane Saturday]",
        # a speaker's own day, quoted
        f'Woman wounded on Alder Court\n\n{_REPORT}\n\n"I talked to her yesterday and she was fine," a neighbour said.',
    ],
    ids=["video-list", "weather-widget", "related-link", "quoted-yesterday"],
)
def test_furniture_and_a_speakers_day_date_no_event(nlp, text: str) -> None:
    assert _main_date(nlp, text, "2023-12-01") is None
