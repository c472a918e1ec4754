"""Round 17 linking: like shootings in one town are told apart by what differs between them.

Reports of one town a few days apart that name nobody in common; a neighbourhood's generic word
("Park", "Heights") that two neighbourhoods share; one town within a day with the same toll but
other ages or another neighbourhood; a street the tagger calls a person.  Texts are invented."""

from __future__ import annotations

from extract_helpers import placed_report, shooting_report
from wirecheck.link import MemoryLinkBackend, StoryLinker
from wirecheck.link.features import article_features, spot_key
from wirecheck.models import (
    ArticleAnalysis,
    LocalEntity,
)
from wirecheck.settings import Settings


def _report(
    art: str,
    text: str,
    day: str,
    *,
    names: tuple[str, ...] = (),
    detail: str | None = None,
    hurt: int | None = None,
    source: str = "harbor-ledger.example",
) -> ArticleAnalysis:
    """A shooting report from Millbrook with its event day, neighbourhood and toll of wounded."""
    return placed_report(art, text, day, names=names, detail=detail, hurt=hurt, source=source)


def _pairs(*reports: ArticleAnalysis) -> tuple[StoryLinker, dict[tuple[str, str], dict[str, float]]]:
    linker = StoryLinker(MemoryLinkBackend(), Settings())
    for r in reports:
        linker.add(r)
    feats = {r.article.id: linker.backend.features(r.article.id) for r in reports}
    out = {}
    for i, x in enumerate(reports):
        for y in reports[i + 1 :]:
            a, b = x.article.id, y.article.id
            out[(a, b)] = linker.pair_features(a, feats[a], b, feats[b])
    return linker, out


def test_one_town_days_apart_with_nobody_in_common_is_evidence_against() -> None:
    first = _report("t1", "A man was wounded outside a laundromat in Millbrook on Friday.", "2031-04-04",
                    source="harbor-ledger.example")
    other = _report("t2", "A woman was wounded near a bus stop in Millbrook on Tuesday.", "2031-04-08",
                    source="valley-wire.example")
    named = _report("t3", "Odessa Quill, 31, was wounded outside a laundromat in Millbrook on Friday.", "2031-04-04",
                    names=("Odessa Quill",))
    named_later = _report("t4", "Police charged a man on Tuesday in the wounding of Odessa Quill in Millbrook.",
                          "2031-04-08", names=("Odessa Quill",), source="valley-wire.example")
    linker, pair = _pairs(first, other, named, named_later)
    assert pair[("t1", "t2")]["date_near"] == 1.0 and pair[("t1", "t2")]["town_other_day"] == 1.0
    # a follow-up days later that names the same woman is no other shooting
    assert pair[("t3", "t4")]["date_near"] == 1.0 and pair[("t3", "t4")]["town_other_day"] == 0.0
    # within a day it is no "other day"
    assert pair[("t1", "t3")]["town_other_day"] == 0.0
    assert linker.weights["town_other_day"] < 0


def test_generic_neighbourhood_words_do_not_make_two_neighbourhoods_one() -> None:
    assert spot_key("the Cedar Park neighborhood") == ["cedar"]
    assert spot_key("Larkspur Heights") == ["larkspur"]
    assert spot_key("the 400 block of West Cedar Park Avenue") == ["cedar"]
    _, pair = _pairs(
        _report("n1", "A boy, 16, was shot in the Cedar Park neighborhood of Millbrook.", "2031-06-01",
                detail="the Cedar Park neighborhood"),
        _report("n2", "A boy, 16, was shot in the Rowan Park neighborhood of Millbrook.", "2031-06-01",
                detail="Rowan Park"),
    )
    assert pair[("n1", "n2")]["spot_diff"] == 1.0


def test_key_facts_match_only_when_none_of_them_clash() -> None:
    a = _report("f1", "A boy, 15, was shot in the leg in Millbrook on Sunday, police said.", "2031-07-06",
                detail="Alder Heights", hurt=1)
    b = _report("f2", "A boy, 17, was shot in the arm in Millbrook on Sunday, police said.", "2031-07-06",
                detail="Alder Heights", hurt=1)
    c = _report("f3", "A boy, 15, was shot in the hand in Millbrook on Sunday, police said.", "2031-07-06",
                detail="Quarry Hill", hurt=1)
    d = _report("f4", "Police said a boy, 15, was shot in the leg in Millbrook on Sunday.", "2031-07-06",
                detail="Alder Heights", hurt=1)
    e = _report("f5", "Police said a boy, 15, was shot in the leg in Millbrook on Sunday.", "2031-07-06",
                detail="Alder Heights", hurt=3)
    _, pair = _pairs(a, b, c, d, e)
    assert pair[("f1", "f4")]["facts_match"] == 1.0  # one town, one day, one toll, one age, one place
    assert pair[("f1", "f5")]["age_same"] == 1.0 and pair[("f1", "f5")]["hurt_clash"] == 1.0
    assert pair[("f1", "f5")]["facts_match"] == 0.0  # the ages agree, the tolls do not
    assert pair[("f1", "f2")]["hurt_same"] == 1.0 and pair[("f1", "f2")]["age_clash"] == 1.0
    assert pair[("f1", "f2")]["facts_match"] == 0.0
    assert pair[("f1", "f3")]["spot_diff"] == 1.0 and pair[("f1", "f3")]["facts_match"] == 0.0


def test_a_street_read_as_a_person_is_no_name() -> None:
    text = "A man was shot near North Wexley and Pine on Friday; Delia Marsh, 40, saw it."
    report = shooting_report("s1", text, names=("North Wexley", "Delia Marsh"), city="Millbrook")
    report.entities.append(LocalEntity(key="p9", type="PERSON", name="West Corliss"))
    assert article_features(report)["persons"] == ["delia marsh"]
