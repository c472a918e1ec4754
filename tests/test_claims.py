"""Claims: speaker, cue, content, direct quotes, channel, stance (wirecheck.extract.claims)."""

from __future__ import annotations

import pytest

from wirecheck.extract import analyze_article
from wirecheck.extract.claims import quote_spans
from wirecheck.models import Article
from wirecheck.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def claims(nlp, text):
    an = analyze_article(Article(id="t", text=text), nlp)
    return an, an.claims


def test_quote_spans_curly_and_straight():
    text = '“One. Two,” she said. "Three."'
    spans = quote_spans(text)
    assert [text[a:b] for a, b in spans] == ["One. Two,", "Three."]


def test_direct_quote_and_pronoun_speaker(nlp):
    text = (
        "Marta Koval, the mayor of Lviv, spoke to reporters on Friday. "
        "“We will rebuild the school,” she said. “Nobody was hurt.”"
    )
    an, cs = claims(nlp, text)
    first = next(c for c in cs if "rebuild" in c.content)
    assert first.direct
    assert first.speaker_text == "she"
    ent = an.entity(first.speaker_entity)
    assert ent is not None and ent.name == "Marta Koval"
    cont = next(c for c in cs if "Nobody" in c.content)
    assert cont.speaker_entity == first.speaker_entity


def test_indirect_claim_confirm_and_channel(nlp):
    text = (
        "Defence spokesman Ivan Petrenko confirmed the strike. "
        "Petrenko condemned the attack in a statement on Telegram."
    )
    _, cs = claims(nlp, text)
    conf = next(c for c in cs if c.cue == "confirmed")
    assert conf.stance == "confirm" and conf.content == "the strike"
    cond = next(c for c in cs if c.cue == "condemned")
    assert cond.stance == "condemn"
    assert cond.channel == "in a statement on Telegram"


def test_according_to_described_group(nlp):
    text = (
        "The blast killed three people, according to two police officials who spoke on "
        "condition of anonymity because they were not authorised to speak to the press."
    )
    an, cs = claims(nlp, text)
    c = next(c for c in cs if c.cue == "according to")
    assert c.speaker_text.startswith("two police officials who spoke on condition of anonymity")
    assert "because" not in c.speaker_text
    assert c.content == "The blast killed three people"
    assert an.entity(c.speaker_entity).type == "GROUP"


def test_decline_and_no_response(nlp):
    text = (
        "A bomb exploded in Kandahar on Sunday. A police spokesperson declined to comment. "
        "Officials with the provincial government did not immediately respond to requests for comment."
    )
    an, cs = claims(nlp, text)
    stances = {c.stance for c in cs}
    assert {"decline", "no_response"} <= stances
    # Both are about the only event.
    assert all(c.event == an.main_event for c in cs if c.stance in ("decline", "no_response"))
