"""Round 19 linking: like events told apart by where they happened.

Two dated reports that place their events in towns of two states of one country and name nobody
in common are two events; the same two towns in two countries are no such evidence (one of them
is more often a misread place).  Texts are invented."""

from __future__ import annotations

from extract_helpers import shooting_report
from wirecheck.link import MemoryLinkBackend, StoryLinker
from wirecheck.models import ArticleAnalysis, Dated, DateValue, EventMention, Evidence, Located, Place
from wirecheck.settings import Settings


def _report(
    art: str,
    text: str,
    day: str | None,
    city: str,
    admin1: str,
    *,
    country: tuple[str, str] = ("United States", "US"),
    names: tuple[str, ...] = (),
) -> ArticleAnalysis:
    """A shooting report from ``city`` in ``admin1`` with its event day (None: undated)."""
    base = shooting_report(art, text, names=names, city=city, published=day, title=text[:50])
    ev = base.events[0]
    place = Place(city, country[0], country[1], admin1=admin1, precision=1)
    dated = Dated(DateValue(day, day, "day"), Evidence(art, 0, 0, 5)) if day else None
    base.events[:] = [
        EventMention(
            id=ev.id, article=art, trigger=ev.trigger, evidence=ev.evidence, event_type=ev.event_type,
            location=Located(place, city, ev.evidence), date=dated,
        )
    ]
    return base


def _pair(x: ArticleAnalysis, y: ArticleAnalysis) -> dict[str, float]:
    linker = StoryLinker(MemoryLinkBackend(), Settings())
    linker.add(x)
    linker.add(y)
    a, b = x.article.id, y.article.id
    return linker.pair_features(a, linker.backend.features(a), b, linker.backend.features(b))


def test_towns_of_two_states_with_nobody_in_common_are_two_events() -> None:
    first = _report("s1", "A boy, 12, died in an accidental shooting at a home in Oakvale on Saturday.",
                    "2031-03-08", "Oakvale", "Ohio")
    second = _report("s2", "A boy, 12, died after a gun went off by accident in Dover on Saturday.",
                     "2031-03-08", "Dover", "Delaware")
    feats = _pair(first, second)
    assert feats["admin_diff"] == 1.0 and feats["state_diff"] == 1.0
    assert StoryLinker(MemoryLinkBackend(), Settings()).weights["state_diff"] < 0


def test_a_name_in_common_or_undated_reports_or_two_countries_are_no_such_evidence() -> None:
    named = _pair(
        _report("n1", "Lena Vostrik, 30, was shot in Oakvale on Saturday.", "2031-03-08", "Oakvale", "Ohio",
                names=("Lena Vostrik",)),
        _report("n2", "Lena Vostrik, shot on Saturday, was moved to a hospital in Dover.", "2031-03-09", "Dover",
                "Delaware", names=("Lena Vostrik",)),
    )
    assert named["admin_diff"] == 1.0 and named["state_diff"] == 0.0
    undated = _pair(
        _report("u1", "A boy, 12, died in an accidental shooting in Oakvale.", None, "Oakvale", "Ohio"),
        _report("u2", "A boy, 12, died in an accidental shooting in Dover.", None, "Dover", "Delaware"),
    )
    assert undated["admin_diff"] == 1.0 and undated["state_diff"] == 0.0
    abroad = _pair(
        _report("a1", "A fire gutted a warehouse in Dover on Sunday.", "2031-05-04", "Dover", "England",
                country=("United Kingdom", "GB")),
        _report("a2", "A fire gutted a warehouse in Oakvale on Sunday.", "2031-05-04", "Oakvale", "Ohio"),
    )
    assert abroad["admin_diff"] == 1.0 and abroad["state_diff"] == 0.0
