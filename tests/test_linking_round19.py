"""Round 19 linking: like events told apart by where they happened; page furniture by its form.

Two dated reports that place their events in towns of two states of one country and name nobody
in common are two events; the same two towns in two countries are no such evidence (one of them
is more often a misread place).  Lines clean would strip (a video playlist, "Related:" links)
are no text and no names in common when a dataset's texts come uncleaned.  Texts are invented."""

from __future__ import annotations

from extract_helpers import linked_pair_features, placed_report, tagged_analysis
from wirecheck.link import MemoryLinkBackend, StoryLinker
from wirecheck.link.features import FURNITURE, article_features, page_furniture, prepare, text_lines
from wirecheck.models import (
    Article,
    ArticleAnalysis,
    EntityMention,
    LocalEntity,
)
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
    detail: str | None = None,
    source: str | None = None,
) -> ArticleAnalysis:
    """A shooting report from ``city`` in ``admin1`` with its event day (None: undated)."""
    return placed_report(art, text, day, city=city, admin1=admin1, country=country, names=names, detail=detail,
                         source=source)


_pair = linked_pair_features


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


def _with_playlist(art: str, body: str, playlist: list[str], names: dict[str, str]) -> ArticleAnalysis:
    """A report whose text ends in a video playlist; ``names`` maps each person's name to the
    text it is found in (the body or a playlist entry), so its mention points there."""
    text = body + "\n" + "\n".join(playlist)
    entities = []
    for i, (name, where) in enumerate(names.items()):
        start = text.index(where) + where.index(name)
        entities.append(LocalEntity(key=f"p{i}", type="PERSON", name=name,
                                    mentions=[EntityMention(f"p{i}", name, start, start + len(name), 0)]))
    return ArticleAnalysis(article=Article(id=art, text=text, title=body[:40], published="2031-06-02"),
                           entities=entities)


def test_a_video_playlist_is_page_furniture_by_its_form() -> None:
    assert page_furniture("2:14 Council votes on the new bridge")
    assert page_furniture("0:58 Storm floods Main Street Pause")
    assert page_furniture("12:05 Mayor Ada Lintel: 'We will rebuild'")
    # clock times and prose are not
    assert not page_furniture("10:30 a.m. is when the hearing starts.")
    assert not page_furniture("5:07 AM - 29 Jun 2031")
    assert not page_furniture("12:40 Police said the man was arrested. He was held.")
    lines = text_lines("A man was shot on Elm Street in Oakvale on Friday night, police said.\n"
                       "1:36 Storm floods Main Street in Dover")
    assert lines[1][1] == FURNITURE and lines[0][1] not in ("", FURNITURE)


def test_a_name_printed_only_in_furniture_is_no_name_in_common() -> None:
    playlist = ["2:18 Ada Lintel hears charges in the Dover bank robbery", "0:47 Storm floods Main Street Pause"]
    first = _with_playlist(
        "v1", "A man, 30, was shot outside a bar in Oakvale on Saturday, police said.", playlist,
        {"Ada Lintel": playlist[0]},
    )
    second = _with_playlist(
        "v2", "Bruno Castell, 19, was wounded in a shooting at a park in Oakvale on Monday.", playlist,
        {"Ada Lintel": playlist[0], "Bruno Castell": "Bruno Castell, 19"},
    )
    assert article_features(first)["persons"] == []
    assert article_features(second)["persons"] == ["bruno castell"]
    feats = _pair(first, second)
    assert feats["persons"] == 0.0 and feats["surnames"] == 0.0
    # the playlist's words are no text in common either
    assert "storm" not in prepare(first)["features"]["tf"]


def test_an_article_matching_two_stories_merges_them_only_when_they_fit_each_other() -> None:
    quill = "Odessa Quill, 31, was shot outside a laundromat on Birch Lane in Millbrook on Friday night."
    castell = "Bruno Castell, 19, took gunfire near a gas station by Quarry Road early Saturday, deputies reported."
    reports = [
        _report("x1", quill, "2031-04-04", "Millbrook", "Ohio", names=("Odessa Quill",)),
        _report("x2", "Police said Odessa Quill, 31, was shot outside the Birch Lane laundromat in Millbrook late "
                "Friday.", "2031-04-04", "Millbrook", "Ohio", names=("Odessa Quill",)),
        _report("y1", castell, "2031-04-05", "Millbrook", "Ohio", names=("Bruno Castell",)),
    ]
    # a weekend round-up tells both shootings
    roundup = _report("z1", quill + " " + castell, "2031-04-05", "Millbrook", "Ohio",
                      names=("Odessa Quill", "Bruno Castell"))
    stories = {}
    for between in (None, StoryLinker(MemoryLinkBackend(), Settings()).merge_between):
        linker = StoryLinker(MemoryLinkBackend(), Settings())
        linker.merge_between = between
        for r in reports:
            linker.add(r)
        assert linker.backend.story_of("x1") == linker.backend.story_of("x2") != linker.backend.story_of("y1")
        linker.add(roundup)
        stories[between] = {r: linker.backend.story_of(r) for r in ("x1", "x2", "y1")}
    # without the check the round-up bridges the two shootings into one story; with it, not
    assert stories[None]["x1"] == stories[None]["y1"]
    checked = next(v for k, v in stories.items() if k is not None)
    assert checked["x1"] == checked["x2"] != checked["y1"]


def _bout(art: str, lines: list[str], people: tuple[str, ...]) -> dict:
    feats = article_features(tagged_analysis(art, lines[0][:40], lines, {name: [] for name in people}))
    feats.update(vec={}, sig=[])
    return feats


def test_one_lead_naming_someone_the_other_never_prints_is_weak_evidence_of_two_events() -> None:
    linker = StoryLinker(MemoryLinkBackend(), Settings())
    older = _bout("k1", [
        "Dario Velasquez kept his belts by stopping Ivo Rantanen in the seventh round in Hamburg.",
        "Velasquez floored Rantanen twice before the referee waved the bout off.",
        "Rantanen said he would ask for a rematch.",
    ], ("Dario Velasquez", "Ivo Rantanen"))
    newer = _bout("k2", [
        "Dario Velasquez kept his belts on Saturday with a sixth-round stoppage in Bern.",
        "Velasquez, who has not lost in five years, was never in trouble.",
    ], ("Dario Velasquez",))
    assert older["key"] == ["rantanen", "velasquez"] and newer["key"] == ["velasquez"]
    feats = linker.pair_features("k1", older, "k2", newer)
    # the newer report prints the champion but never the older one's opponent
    assert feats["key_clash"] == 0.0 and feats["key_half"] == 1.0
    assert linker.weights["key_half"] < 0
    # a day and a person in common tie two reports: then it is no evidence
    dated = [{**f, "date": "2031-05-03"} for f in (older, newer)]
    assert linker.pair_features("k3", dated[0], "k4", dated[1])["key_half"] == 0.0


def test_one_outlet_naming_two_neighbourhoods_of_one_town_is_two_briefs() -> None:
    def brief(art: str, where: str, source: str) -> ArticleAnalysis:
        return _report(art, f"A boy, 15, was shot in the leg in the {where} neighborhood of Oakvale late "
                       "Saturday, police said.", "2031-01-04", "Oakvale", "Ohio", detail=f"the {where} neighborhood",
                       source=source)

    one = _pair(brief("b1", "Alder Heights", "oakvale-courier.example"),
                brief("b2", "Quarry Hill", "oakvale-courier.example"))
    assert one["spot_diff"] == 1.0 and one["outlet_spot_diff"] == 1.0
    two = _pair(brief("b3", "Alder Heights", "oakvale-courier.example"),
                brief("b4", "Quarry Hill", "valley-wire.example"))
    assert two["spot_diff"] == 1.0 and two["outlet_spot_diff"] == 0.0
    assert StoryLinker(MemoryLinkBackend(), Settings()).weights["outlet_spot_diff"] < 0


def test_a_brief_is_compared_by_how_much_of_it_the_other_report_holds() -> None:
    long_text = (
        "A bailiff shot a tenant during an eviction at a farmhouse outside Oakvale, the county "
        "sheriff said. The tenant, a retired welder, had barricaded the kitchen door and fired a "
        "shotgun through it as the bailiff and two deputies arrived with the eviction order. The "
        "bailiff returned fire. Neighbours said the farmhouse had been in the family for decades "
        "and that the welder had fallen behind on rent after an injury. The sheriff's office said "
        "the bailiff was placed on leave while state investigators review the shooting."
    )
    brief = "Bailiff placed on leave after eviction shooting at Oakvale farmhouse"
    undated = _pair(_report("r1", long_text, None, "Oakvale", "Ohio"),
                    _report("r2", brief, None, "Oakvale", "Ohio"))
    # most of the brief's words are in the long report, though the cosine of the two is small
    assert undated["short_shared"] > max(0.5, undated["text"])
    dated = _pair(_report("r3", long_text, "2031-02-03", "Oakvale", "Ohio"),
                  _report("r4", brief, "2031-02-04", "Oakvale", "Ohio"))
    assert dated["short_shared"] == 0.0  # two days to compare: the dates speak instead
    assert StoryLinker(MemoryLinkBackend(), Settings()).weights["short_shared"] > 0


def test_a_figure_both_undated_leads_give_is_evidence_of_one_story() -> None:
    def lead(art: str, text: str, day: str | None) -> ArticleAnalysis:
        if day is None:
            return tagged_analysis(art, text[:30], [text, "More details were not released."])
        return _report(art, text, day, "Oakvale", "Ohio")

    a = article_features(lead("n1", "The coast guard detained 17 smugglers at 6:40 a.m. in 2031 off Cape Vell.", None))
    assert a["nums"] == ["17"]  # no clock time, no year
    pair = _pair(lead("n1", "The coast guard detained 17 smugglers off Cape Vell.", None),
                 lead("n2", "Seventeen, or 17 in all, smugglers were held by the coast guard near Cape Vell.", None))
    assert pair["nums_same"] == 1.0
    dated = _pair(lead("n3", "The coast guard detained 17 smugglers off Cape Vell.", "2031-02-03"),
                  lead("n4", "The coast guard held 17 smugglers near Cape Vell.", "2031-02-03"))
    assert dated["nums_same"] == 0.0  # dated reports: the days and tolls speak instead
    assert StoryLinker(MemoryLinkBackend(), Settings()).weights["nums_same"] > 0
