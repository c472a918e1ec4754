"""StoryLinker and MemoryLinkBackend on short articles written for these tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from extract_helpers import shooting_report as analysis
from wirecheck.link import LinkBackend, MemoryLinkBackend, StoryLinker
from wirecheck.link.minhash import MinHasher, jaccard
from wirecheck.link.names import acronym, norm_name, spelling_key
from wirecheck.models import ArticleAnalysis, EventMention, Evidence, LocalEntity, Located, Place
from wirecheck.settings import Settings

LAKETON = (
    "Two men were shot dead outside a grocery store on Birch Avenue in Laketon late Tuesday, police said. "
    "Officers identified the victims as Delia Marchetti's brother Paolo Marchetti, 34, and his cousin "
    "Renzo Abate, 29. Witnesses described a grey sedan speeding away from the parking lot after more "
    "than a dozen shots. Detective Hollis Brandt asked anyone with dashcam footage to call the tip line."
)
LAKETON_FOLLOWUP = (
    "Laketon police arrested a 22-year-old man on Thursday in the killing of Paolo Marchetti and Renzo "
    "Abate outside the Birch Avenue grocery store. Detective Hollis Brandt said dashcam footage of the "
    "grey sedan led investigators to the suspect, who faces two counts of murder."
)
FERNDALE = (
    "A teenager was wounded by a stray bullet while walking home from football practice in Ferndale on "
    "Saturday evening. Sheriff Marta Quill said the 15-year-old, Jonah Pike, was treated for a leg wound "
    "and released. Deputies recovered shell casings near the old mill bridge and are searching for a "
    "pickup truck seen leaving the area."
)
HARBOR = (
    "Firefighters rescued three fishermen from a capsized trawler off Gull Point on Sunday morning. "
    "Coast guard commander Ines Varga said heavy swells overturned the boat near the breakwater and "
    "all three men were treated for hypothermia at the harbour clinic."
)




def lake(art: str, text: str = LAKETON, **kw: object) -> ArticleAnalysis:
    return analysis(
        art, text, names=("Paolo Marchetti", "Renzo Abate", "Hollis Brandt"), city="Laketon", **kw
    )  # type: ignore[arg-type]


def test_memory_backend_is_a_link_backend() -> None:
    assert isinstance(MemoryLinkBackend(), LinkBackend)
    backend = MemoryLinkBackend()
    backend.put("a1", ["k", "x"], {}, "s1")
    backend.put("a2", ["k"], {}, "s2")
    backend.move_story("s2", "s3")
    assert backend.key_stories(["k", "x", "none"]) == {"k": {"s1", "s3"}, "x": {"s1"}}


def test_first_article_starts_a_story_named_after_it() -> None:
    linker = StoryLinker(MemoryLinkBackend(), Settings())
    result = linker.add(lake("a1"))
    assert result.story_id == "s-a1"
    assert result.touched == {"s-a1"} and result.touched_stories == {"s-a1"}
    assert result.removed == set() and result.duplicate_of is None


def test_near_copy_is_a_duplicate_in_the_same_story() -> None:
    linker = StoryLinker(MemoryLinkBackend(), Settings())
    linker.add(lake("a1"))
    linker.add(analysis("f1", FERNDALE, names=("Jonah Pike",), city="Ferndale"))
    copy = LAKETON.replace("late Tuesday", "late on Tuesday") + " Copyright Example Wire."
    result = linker.add(lake("a2", copy))
    assert result.duplicate_of == "a1"
    assert result.story_id == "s-a1"
    assert linker.duplicates("s-a1") == [["a1", "a2"]]
    assert linker.backend.story_articles("s-f1") == ["f1"]


# Page furniture written for the tests: a sign-in box with the reporter's name in it.
FURNITURE = "\n\n".join(
    [
        "Get email alerts from {name} every day and never miss a new story again.",
        "Your subscription preferences have been saved and will apply to this device.",
        "There was a problem saving your preferences, please try again in a few minutes.",
        "Whenever {name} posts new content you will get an email delivered to your inbox.",
        "By signing in you agree to our terms of service and our privacy policy.",
    ]
)


def test_shared_page_furniture_does_not_make_stories_near_copies() -> None:
    linker = StoryLinker(MemoryLinkBackend(), Settings())
    leads = [
        ("Ada Quint", "A cyclist was hurt on Elm Road in Laketon on Monday."),
        ("Bo Lindqvist", "A barn burned down near Ferndale on Monday night."),
        ("Cy Ormond", "Two boats collided off Gull Point on Tuesday."),
        ("Di Ferrante", "A storm cut power to the harbour district on Wednesday."),
        ("Eli Marsh", "The county fair opened with a record crowd on Thursday."),
        ("Fay Dunmore", "A water main broke under Quarry Lane on Friday."),
    ]
    results = [
        linker.add(analysis(f"x{i}", FURNITURE.format(name=who) + "\n\n" + lead, published=f"20{18 + i}-03-05"))
        for i, (who, lead) in enumerate(leads)
    ]
    # Early pages are alike through their furniture alone; once its lines are seen on enough
    # pages ([boilerplate] in link.toml) they are left out, and a new page is compared by its story.
    assert results[-1].duplicate_of is None
    assert results[-1].story_id == "s-x5"


def test_near_copy_dated_a_year_apart_is_no_duplicate() -> None:
    linker = StoryLinker(MemoryLinkBackend(), Settings())
    linker.add(lake("a1"))
    # The same words about an event dated a year later: a template, not a copy of the report.
    result = linker.add(lake("a2", LAKETON + " Copyright Example Wire.", published="2025-03-05"))
    assert result.duplicate_of is None


def test_stock_wording_with_other_names_is_no_duplicate() -> None:
    stock = (
        " Anyone with information is asked to call the tip line, where callers may stay anonymous and"
        " may be eligible for a cash reward of up to a thousand dollars for information leading to an"
        " arrest. The investigation is ongoing and no further details were released on the night."
        " Residents of the neighbourhood have long asked the council for brighter street lamps, more"
        " patrols after dark and cameras at the bus shelters along the avenue. A community meeting is"
        " planned for next month at the library on the corner, where the precinct commander will take"
        " questions from parents, shop owners and the tenants' association about safety near schools."
        " Grief counsellors will be available at the high school all week for students and staff who"
        " want to talk, and a fund set up by neighbours will help the families pay for the funerals."
    )
    linker = StoryLinker(MemoryLinkBackend(), Settings())
    first = lake("a1", LAKETON + stock)
    linker.add(first)
    # An outlet's stock wording filled in with other people: another report, not a copy.
    other = (LAKETON.replace("Delia Marchetti", "Vera Olund").replace("Paolo Marchetti", "Tomas Olund")
             .replace("Renzo Abate", "Karl Henning").replace("Hollis Brandt", "Ruth Ekdahl")) + stock
    result = linker.add(analysis("b1", other, names=("Tomas Olund", "Karl Henning", "Ruth Ekdahl"), city="Laketon"))
    assert result.duplicate_of is None
    # the same page with the same people is still a copy
    again = linker.add(lake("a2", LAKETON + stock + " Copyright Example Wire."))
    assert again.duplicate_of == "a1"


def test_syndicated_copies_keep_their_shared_lines() -> None:
    linker = StoryLinker(MemoryLinkBackend(), Settings())
    paragraphs = LAKETON.replace(". ", ".\n\n")
    first = linker.add(lake("a1", paragraphs))
    copies = [linker.add(lake(f"a{i}", paragraphs + f"\n\nDistributed by Example Wire {i}.")) for i in (2, 3, 4)]
    # Lines shared by copies of one story are not furniture: every copy is a near-duplicate.
    assert all(c.story_id == first.story_id and c.duplicate_of is not None for c in copies)


def test_follow_up_joins_and_unrelated_articles_stay_apart() -> None:
    linker = StoryLinker(MemoryLinkBackend(), Settings())
    linker.add(lake("a1"))
    ferndale = linker.add(analysis("f1", FERNDALE, names=("Jonah Pike", "Marta Quill"), city="Ferndale"))
    harbor = linker.add(analysis("h1", HARBOR, names=("Ines Varga",), published="2024-03-10"))
    follow = linker.add(lake("a3", LAKETON_FOLLOWUP, published="2024-03-07"))
    assert follow.story_id == "s-a1" and follow.duplicate_of is None
    assert ferndale.story_id == "s-f1" and harbor.story_id == "s-h1"
    assert linker.backend.story_articles("s-a1") == ["a1", "a3"]


def test_adding_the_same_article_twice_changes_nothing() -> None:
    linker = StoryLinker(MemoryLinkBackend(), Settings())
    linker.add(lake("a1"))
    again = linker.add(lake("a1"))
    assert again.story_id == "s-a1" and again.touched == set()
    assert linker.backend.story_articles("s-a1") == ["a1"]


def test_an_article_bridging_two_stories_merges_them() -> None:
    backend = MemoryLinkBackend()
    # A very high threshold for the first two keeps them apart; the bridge then joins both.
    linker = StoryLinker(backend, Settings(story_threshold=5.0))
    linker.add(lake("a1"))
    linker.add(lake("a2", LAKETON_FOLLOWUP, published="2024-03-07"))
    assert backend.story_of("a2") == "s-a2"
    linker.settings = Settings(story_threshold=0.5)
    result = linker.add(lake("a3", LAKETON + " " + LAKETON_FOLLOWUP, published="2024-03-07"))
    assert result.removed and result.touched == {result.story_id} | result.removed
    assert sorted(backend.story_articles(result.story_id)) == ["a1", "a2", "a3"]
    for gone in result.removed:
        assert backend.story_articles(gone) == []


def test_linking_is_deterministic() -> None:
    def run() -> list[str]:
        linker = StoryLinker(MemoryLinkBackend(), Settings())
        items = [lake("a1"), analysis("f1", FERNDALE, city="Ferndale"), lake("a3", LAKETON_FOLLOWUP)]
        return [linker.add(a).story_id for a in items]

    assert run() == run()


def test_features_are_json_and_carry_blocking_inputs() -> None:
    backend = MemoryLinkBackend()
    StoryLinker(backend, Settings()).add(lake("a1", title="Two shot dead outside Laketon store"))
    feats = backend.features("a1")
    assert feats is not None
    json.dumps(feats)
    assert feats["city"] == "laketon" and feats["date"] == "2024-03-05"
    assert "paolo marchetti" in feats["persons"] and "marchetti" in feats["surnames"]
    assert len(feats["vec"]) <= 200 and len(feats["sig"]) == 128
    assert backend.candidates(["p:renzo abate"]) == {"a1"}
    assert backend.candidates(["pd:laketon:2024-W10"]) == {"a1"}


def test_corpus_statistics_live_in_the_backend() -> None:
    """A second linker on the same backend sees the document frequencies the first one built."""
    backend = MemoryLinkBackend()
    first = StoryLinker(backend, Settings())
    first.add(lake("a1"))
    first.add(analysis("f1", FERNDALE, names=("Jonah Pike",), city="Ferndale"))
    second = StoryLinker(backend, Settings())
    assert second.corpus_size() == first.corpus_size() == 2
    assert second.key_counts(["w:laketon", "p:jonah pike"]) == {"w:laketon": 1, "p:jonah pike": 1}
    # ... and the memo of the first stays exact while it writes.
    first.add(lake("a3", LAKETON_FOLLOWUP, published="2024-03-07"))
    assert first.key_counts(["w:laketon"]) == StoryLinker(backend).key_counts(["w:laketon"]) == {"w:laketon": 2}


def test_middle_initials_and_outlet_names_do_not_make_names() -> None:
    from wirecheck.link.features import article_features

    feats = article_features(analysis("a1", LAKETON, names=("Paolo J. Marchetti", "Example News Network")))
    assert feats["persons"] == ["paolo marchetti"]


def test_minhash_estimates_jaccard() -> None:
    hasher = MinHasher(num_perm=128, bands=32, shingle=3)
    a = hasher.signature(LAKETON)
    assert jaccard(a, hasher.signature(LAKETON)) == 1.0
    assert jaccard(a, hasher.signature(FERNDALE)) < 0.1
    assert set(hasher.band_keys(a)) & set(hasher.band_keys(hasher.signature(LAKETON + " Thanks.")))


def test_name_keys() -> None:
    assert norm_name("Maj. Gen. Pat Ryder") == "pat ryder"
    assert spelling_key("Popular Mobilisation Force") == spelling_key("Popular Mobilization Forces")
    assert acronym("Harakat Saraya al-Fajr") == "hsf"


def test_possessive_is_no_part_of_a_name() -> None:
    # fold() drops apostrophes, so the possessive must go first: not "dana coles".
    assert norm_name("Dana Cole's") == norm_name("Dana Cole\u2019s") == "dana cole"
    assert norm_name("Liam O'Hara") == "liam ohara"


@pytest.mark.slow
@pytest.mark.datasets
def test_gvc_linking_floor(tmp_path: Path) -> None:
    data = Path(os.environ.get("WIRECHECK_DATASETS", Path.cwd().parent / "shared" / "datasets")) / "gvc"
    if not (data / "articles.jsonl").exists():
        pytest.skip("gvc dataset not available")
    script = Path(__file__).parent.parent / "scripts" / "score_linking.py"
    out = subprocess.run(
        [sys.executable, str(script), str(data), "--sample", "60"], capture_output=True, text=True, check=True
    )
    f1 = float(out.stdout.split("b3_f1=")[1].split()[0])
    assert f1 >= 0.90  # recorded floor with the real extractor on a 60-article sample; raise it, never lower it


class _FixedScores(StoryLinker):
    """A linker whose pair scores come from a table (to test how they make a story score)."""

    table: dict[str, float]

    def pair_score(self, a_id: str, a: dict, b_id: str, b: dict) -> float:  # type: ignore[override]
        return self.table.get(b_id, 0.0)


def test_story_score_blends_best_pair_and_average_over_the_story() -> None:
    backend = MemoryLinkBackend()
    linker = _FixedScores(backend, Settings())
    for art in ("m1", "m2", "m3"):
        backend.put(art, [], {}, "s-m1")
    linker.table = {"m1": 0.9, "m2": 0.3, "m3": 0.0}
    linker.weights = {**linker.weights, "average_link": 0.0}
    assert linker._story_score("new", {}, "s-m1", ["m1"], {"m1": 0.9}) == pytest.approx(0.9)
    linker.weights = {**linker.weights, "average_link": 0.5}
    # Only m1 was a blocking candidate; the story's other members are scored for the average.
    assert linker._story_score("new", {}, "s-m1", ["m1"], {"m1": 0.9}) == pytest.approx(0.5 * 0.9 + 0.5 * 0.4)


def test_story_average_is_capped_and_keeps_the_candidates() -> None:
    backend = MemoryLinkBackend()
    linker = _FixedScores(backend, Settings())
    linker.story_members = 2
    for art in ("m1", "m2", "m3", "m4"):
        backend.put(art, [], {}, "s-m1")
    linker.table = {"m1": 0.0, "m2": 0.0, "m3": 0.0, "m4": 1.0}
    linker.weights = {**linker.weights, "average_link": 1.0}
    # The candidate m4 and the first other member by id (m1): (1.0 + 0.0) / 2.
    assert linker._story_score("new", {}, "s-m1", ["m4"], {"m4": 1.0}) == pytest.approx(0.5)


def test_ages_read_from_the_ways_news_gives_them() -> None:
    from wirecheck.link.features import ages

    text = (
        "A 15-year-old cyclist and her father, 42, were hurt. Deputies named the driver as Jo Vance, 19, "
        "of Dunmore; a girl, 8, was unhurt and a woman aged 71 called for help. On June 5, 2016, "
        "12 people met on Main Street, 40 minutes later."
    )
    # dates, counts and times are no ages
    assert ages(text) == [8, 15, 19, 42, 71]


def test_shared_and_clashing_ages_are_evidence() -> None:
    linker = StoryLinker(MemoryLinkBackend(), Settings())
    first = analysis("a1", "A 15-year-old was wounded in Ferndale, and his brother, 17, was unhurt.", city="Ferndale")
    same = analysis("a2", "The Ferndale boy, 15, shot on Saturday is recovering.", city="Ferndale")
    other = analysis("a3", "A 62-year-old was wounded in Ferndale on Saturday.", city="Ferndale")
    none = analysis("a4", "A man was wounded in Ferndale on Saturday.", city="Ferndale")
    for a in (first, same, other, none):
        linker.add(a)
    feats = {a: linker.backend.features(a) for a in ("a1", "a2", "a3", "a4")}

    def pair(x: str, y: str) -> dict[str, float]:
        return linker.pair_features(x, feats[x], y, feats[y])

    assert pair("a1", "a2")["age_same"] == 1.0 and pair("a1", "a2")["age_clash"] == 0.0
    assert pair("a1", "a3")["age_clash"] == 1.0
    assert pair("a1", "a4")["age_same"] == pair("a1", "a4")["age_clash"] == 0.0
    # the weights count a shared age for and a clash against
    assert linker.weights["age_same"] > 0 > linker.weights["age_clash"]


def test_an_early_report_moves_to_the_story_it_fits_better() -> None:
    """Linked on arrival, a report may go to a neighbouring story before its own exists; when its
    own story's reports come, it moves there (and the move is reported as a change to both)."""
    ferry = "The harbour board voted to sell the old ferry terminal to a hotel developer after a long debate about parking and tourism."
    both = (
        "The harbour board voted on the ferry terminal sale and also heard that the lighthouse keeper cottage will be "
        "restored by volunteers and reopened as a maritime museum."
    )
    museum = "Volunteers restoring the lighthouse keeper cottage found old logbooks; the maritime museum opens in the cottage next spring."
    museum2 = "The maritime museum in the restored lighthouse keeper cottage will show the logbooks volunteers found during the work."
    linker = StoryLinker(MemoryLinkBackend(), Settings())
    # text alone decides here, so the scores are plain to follow
    linker.weights = {**dict.fromkeys(linker.weights, 0.0), "text": 1.0, "bias": 0.23, "average_link": 1.0}
    story = linker.backend.story_of
    linker.add(analysis("p1", ferry, published=None))
    assert linker.add(analysis("x", both, published=None)).story_id == "s-p1"  # the only story there is
    result = linker.add(analysis("q1", museum, published=None))
    assert result.story_id == "s-q1" and story("x") == "s-q1" and story("p1") == "s-p1"
    assert result.touched == {"s-q1", "s-p1"} and not result.removed
    assert linker.add(analysis("q2", museum2, published=None)).story_id == "s-q1"


def _spot(art: str, text: str, detail: str | None, published: str, source: str = "ferndale-gazette.example") -> ArticleAnalysis:
    """A Ferndale shooting report with a street detail, a source and an event date."""
    from wirecheck.models import Dated, DateValue

    base = analysis(art, text, city="Ferndale", published=published)
    ev = base.events[0]
    place = Place("Ferndale", "United States", "US", precision=1, detail=detail)
    dated = Dated(DateValue(published, published, "day"), Evidence(art, 0, 0, 5))
    mention = EventMention(
        id=ev.id, article=art, trigger=ev.trigger, evidence=ev.evidence, event_type=ev.event_type,
        location=Located(place, "Ferndale", ev.evidence), date=dated,
    )
    base.events[:] = [mention]
    base.article.source = source
    return base


def test_street_outlet_and_cited_day_are_evidence() -> None:
    from wirecheck.link.features import spot_key
    from wirecheck.models import TimeExpression

    assert spot_key("the 800 block of North Quarry St.") == ["quarry"] == spot_key("Quarry Street")
    assert spot_key(None) == []
    linker = StoryLinker(MemoryLinkBackend(), Settings())
    first = _spot("a1", "A man was wounded on Quarry Street in Ferndale on Friday night.", "Quarry Street", "2024-03-01")
    later = _spot("a2", "A woman was wounded on Tanner Lane in Ferndale on Monday.", "the 200 block of Tanner Lane", "2024-03-04")
    followup = _spot(
        "a3", "Ferndale police charged a man on Monday in the March 1 shooting on Quarry Street.", None, "2024-03-04",
        source="ridge-courier.example",
    )
    followup.times.append(TimeExpression("March 1", 48, 55, 0, "2024-03-01", "day"))
    for a in (first, later, followup):
        linker.add(a)
    feats = {a: linker.backend.features(a) for a in ("a1", "a2", "a3")}

    def pair(x: str, y: str) -> dict[str, float]:
        return linker.pair_features(x, feats[x], y, feats[y])

    assert feats["a1"]["outlet"] == "ferndale-gazette.example" and feats["a3"]["dates"] == ["2024-03-01", "2024-03-04"]
    assert pair("a1", "a2")["spot_diff"] == 1.0 and pair("a1", "a2")["outlet_other_day"] == 1.0
    assert pair("a1", "a3")["date_cited"] == 1.0 and pair("a1", "a3")["outlet_other_day"] == 0.0
    assert pair("a1", "a3")["spot_diff"] == 0.0  # the follow-up gives no street
    assert linker.weights["date_cited"] > 0 > linker.weights["spot_diff"]
    assert linker.weights["outlet_other_day"] < 0


def test_buildings_tagged_as_people_are_no_names_and_cross_typed_names_count() -> None:
    from wirecheck.link.features import article_features

    feats = article_features(analysis("a1", LAKETON, names=("Paolo Marchetti", "Larkspur Memorial Hospital")))
    assert feats["persons"] == ["paolo marchetti"]
    linker = StoryLinker(MemoryLinkBackend(), Settings())
    a = analysis("a1", LAKETON, names=("Renzo Abate",), city="Laketon")
    b = analysis("a2", LAKETON_FOLLOWUP, city="Laketon")
    b.entities.append(LocalEntity(key="o0", type="ORG", name="Renzo Abate"))  # the tagger's slip
    linker.add(a)
    linker.add(b)
    fa, fb = linker.backend.features("a1"), linker.backend.features("a2")
    assert fb["persons"] == [] and fb["orgs"] == ["renzo abate"]
    assert linker.pair_features("a2", fb, "a1", fa)["persons"] > 0
