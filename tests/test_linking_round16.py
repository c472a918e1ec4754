"""Round 16 linking: what the linker reads of one article alone is prepared beside its analysis.

``prepare`` runs where the article was analysed (a worker); the sequential linker takes its
line keys, features and signature as they are, unless it cuts page furniture from the text.
Either way an article links exactly as it would unprepared.  Texts are invented."""

from __future__ import annotations

import pytest

from extract_helpers import shooting_report
from wirecheck import codec
from wirecheck.link import MemoryLinkBackend, StoryLinker
from wirecheck.link.features import PREPARED_FORMAT, prepare, text_lines
from wirecheck.models import Article, ArticleAnalysis
from wirecheck.nlp import load_pipeline
from wirecheck.pipeline import analyze_articles
from wirecheck.settings import Settings

# (a footer clean would not strip by its form: only its recurrence makes it furniture)
FOOTER = "Grab the morning newsletter and get the headlines in your inbox every day"

_REPORTS = [
    ("a1", "Quinby Marsh, 27, was shot on Tallow Road late Friday and died at the scene.\n" + FOOTER,
     ("Quinby Marsh",), "Dayton", "2031-05-02"),
    ("a2", "Police named Quinby Marsh, 27, as the man shot on Tallow Road on Friday night.\n" + FOOTER,
     ("Quinby Marsh",), "Dayton", "2031-05-03"),
    ("b1", "A grocery clerk, Odile Ferrant, was wounded in a robbery on Beacon Avenue.\n" + FOOTER,
     ("Odile Ferrant",), "Toledo", "2031-05-03"),
    ("c1", "Two teenagers were hurt when shots were fired outside a skating rink on Larch Street.\n" + FOOTER,
     (), "Akron", "2031-05-04"),
    ("c2", "Investigators said the rink on Larch Street had been warned about fights before.\n" + FOOTER,
     (), "Akron", "2031-05-05"),
]


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _reports(prepared: bool) -> list[ArticleAnalysis]:
    out = []
    for art, text, names, city, day in _REPORTS:
        analysis = shooting_report(art, text, names=names, city=city, published=day, title=text[:40])
        if prepared:
            analysis.link_features = prepare(analysis)
        out.append(analysis)
    return out


def _link(analyses: list[ArticleAnalysis]) -> tuple[dict, dict]:
    backend = MemoryLinkBackend()
    linker = StoryLinker(backend)
    for a in analyses:
        linker.add(a)
    ids = [a.article.id for a in analyses]
    return {i: backend.story_of(i) for i in ids}, {i: backend.features(i) for i in ids}


def test_prepared_articles_link_and_store_exactly_as_unprepared_ones() -> None:
    stories, feats = _link(_reports(prepared=False))
    stories_p, feats_p = _link(_reports(prepared=True))
    assert stories_p == stories
    assert feats_p == feats
    assert stories["a1"] == stories["a2"] and len(set(stories.values())) > 1


def test_furniture_cut_from_a_prepared_article_is_recomputed_without_it() -> None:
    # The footer is in articles of three stories by the time c1 and c2 arrive: it is cut from
    # them, so their prepared (whole-text) words cannot be what the linker stores.
    analyses = _reports(prepared=True)
    _, feats = _link(analyses)
    footer_word = "newsletter"
    assert footer_word in analyses[-1].link_features["features"]["tf"]
    assert footer_word not in feats["c2"]["vec"]
    assert footer_word in feats["a1"]["vec"]  # the first article's footer was no furniture yet


def test_the_linker_leaves_the_prepared_features_as_they_were() -> None:
    analyses = _reports(prepared=True)
    before = [dict(a.link_features["features"]) for a in analyses]
    _link(analyses)
    assert [a.link_features["features"] for a in analyses] == before
    assert all("tf" in f and "vec" not in f for f in before)


def test_a_prepared_dict_of_another_format_or_text_is_ignored() -> None:
    stories, feats = _link(_reports(prepared=False))
    analyses = _reports(prepared=True)
    analyses[0].link_features = {**analyses[0].link_features, "format": PREPARED_FORMAT + 1, "features": {}}
    analyses[1].link_features = {**analyses[1].link_features, "line_keys": ["x"] * 7, "features": {}}
    assert _link(analyses) == (stories, feats)


def test_prepared_features_are_not_stored_with_the_analysis() -> None:
    analysis = _reports(prepared=True)[0]
    text = codec.dumps(analysis)
    assert "link_features" not in text and "line_keys" not in text
    back = codec.loads(ArticleAnalysis, text)
    assert back.link_features is None and back.article == analysis.article


def test_the_analysis_step_prepares_each_article(nlp) -> None:
    text = "Gunfire wounded a delivery driver in Fairview on Tuesday, police said.\nHe is expected to recover."
    article = Article(id="z1", text=text, title="Driver wounded", published="2031-07-08")
    (analysis,) = analyze_articles([article], Settings(), nlp=nlp)
    assert analysis.link_features is not None
    assert analysis.link_features["line_keys"] == [k for _, k in text_lines(text)]
    assert analysis.timings["link_features"] >= 0.0
    assert analysis.timings["total"] >= analysis.timings["link_features"]


def test_a_street_the_tagger_calls_a_person_is_no_person() -> None:
    from wirecheck.link.features import article_features

    text = "Dorian Vetch was arrested after the shooting on Quillon St. that wounded two."
    names = ("Dorian Vetch", "Quillon St.", "N. Hartwell Ave", "Copperfield Blvd", "Brisk Rd")
    feats = article_features(shooting_report("s1", text, names=names, city="Dayton"))
    assert feats["persons"] == ["dorian vetch"]
    assert feats["surnames"] == ["vetch"]
