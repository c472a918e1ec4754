"""analyze_article end to end on a short invented report."""

from __future__ import annotations

import pytest

from wirecheck import codec
from wirecheck.errors import ModelNotFound
from wirecheck.extract import analyze_article, analyze_articles
from wirecheck.models import Article, ArticleAnalysis
from wirecheck.nlp import load_pipeline

TEXT = (
    "An explosion at a market in Aleppo killed five people on Tuesday, the civil defence said.\n\n"
    "“It was a massacre,” said Rana Aziz, a local doctor."
)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def test_analyze_fills_everything(nlp):
    an = analyze_article(Article(id="a1", text=TEXT, published="2024-05-08"), nlp)
    assert len(an.sentences) == 2
    assert an.sentences[1].text.startswith("“It was")
    assert any(e.name == "Rana Aziz" for e in an.entities)
    assert an.events and an.main_event == an.events[0].id
    ev = an.events[0]
    assert ev.fatalities is not None and ev.fatalities.range.best == 5
    assert {"spacy", "entities", "parse", "claims", "events", "total"} <= set(an.timings)
    quote = next(c for c in an.claims if c.direct)
    assert quote.event == ev.id
    # Every value points into the text.
    for c in an.claims:
        a, b = c.content_span
        assert c.content in TEXT[a:b]


def test_pure_and_serialisable(nlp):
    art = Article(id="a1", text=TEXT)
    one = analyze_article(art, nlp)
    two = next(analyze_articles([art], nlp))
    one.timings = two.timings = {}
    assert codec.dumps(one) == codec.dumps(two)
    back = codec.loads(ArticleAnalysis, codec.dumps(one))
    assert back.events[0].event_type == one.events[0].event_type


def test_unknown_model_names_what_was_tried():
    with pytest.raises(ModelNotFound) as err:
        load_pipeline("xx_no_such_pipeline")
    assert "xx_no_such_pipeline" in str(err.value) and "pip install" in str(err.value)
