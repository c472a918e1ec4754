"""Texts written all in capitals are read in the case news prints (nlp/truecase.py).

The texts are invented; the names in them ("Zantor", "Veliquez", "Korvan") are no English words
and no places, so nothing but the rules can capitalise them.
"""

from __future__ import annotations

import pytest

from wirecheck.models import Article
from wirecheck.nlp import truecase
from wirecheck.nlp.pipeline import load_pipeline

WIRE = (
    "RIVERTON, 3 MAR 91 -- [TEXT] THE KORVAN BATTALION COMMAND HAS REPORTED THAT GUERRILLAS OF THE "
    "ZANTOR POPULAR LIBERATION FRONT [ZPLF] KIDNAPPED 12 FARMERS NEAR LA PELOTINA FARM IN NORTHERN "
    "GUATEMALA ON MONDAY. COLONEL ARMANDO VELIQUEZ SAID THE GUERRILLAS ALSO KILLED TWO SOLDIERS.\n"
    "THE PRESIDENT SAID TODAY THAT THE ARMED FORCES WILL CONTINUE THEIR OPERATIONS."
)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(None)


@pytest.fixture(scope="module")
def restored(nlp) -> str:
    lex = truecase.lexicon_for(nlp.language)
    assert lex is not None, "the pipeline's lemma tables should be readable"
    return truecase.restore_case(WIRE, lex, truecase.places_for(lex))


def test_only_texts_in_capitals_are_touched(nlp) -> None:
    lex = truecase.lexicon_for(nlp.language)
    normal = "SHOOTING IN DOVER\nA man was shot on Main Street in Dover on Friday night, police said."
    assert not truecase.shouting(normal)
    assert truecase.restore_case(normal, lex) == normal
    assert not truecase.shouting("FMLN ATTACK")  # too short to judge
    assert truecase.shouting(WIRE)


def test_same_length_and_letters(restored: str) -> None:
    assert len(restored) == len(WIRE)
    assert restored.upper() == WIRE.upper()


def test_names_acronyms_and_words(restored: str) -> None:
    # a name of words English does not write, with the head nouns of its organisation
    assert "the Zantor Popular Liberation Front [ZPLF]" in restored
    assert "the Korvan Battalion Command has reported" in restored
    # a rank before a name, a month and a weekday, a country, a name's particle
    assert "Colonel Armando Veliquez said" in restored
    assert "3 Mar 91" in restored and "on Monday" in restored
    assert "in northern Guatemala" in restored
    assert "near La Pelotina" in restored
    # English words in lower case, each sentence's first word capitalised
    assert "kidnapped 12 farmers" in restored
    assert "\nThe president said today that the armed forces will continue their operations." in restored
    assert restored.startswith("Riverton, 3 Mar 91 -- ")


def test_a_title_alone_names_no_one(restored: str) -> None:
    # "THE PRESIDENT SAID": no name follows the title, so the title stays a common noun
    assert "The President Said" not in restored


def test_analysis_reads_the_restored_case_and_keeps_the_original(nlp) -> None:
    from wirecheck.extract import analyze_article

    article = Article(id="wire-1", text=WIRE, published="1991-03-04", source="wire")
    analysis = analyze_article(article, nlp)
    assert analysis.article.text == WIRE  # what the outlet wrote
    names = {e.name for e in analysis.entities}
    assert any("Zantor Popular Liberation Front" in n for n in names), names
    assert not any(n.isupper() and len(n) > 6 for n in names), names  # no shouted spans
    assert [e.trigger for e in analysis.events] == ["kidnapped"]
    for e in analysis.entities:  # evidence offsets index the original text
        for m in e.mentions:
            assert WIRE[m.start : m.end].lower() == m.text.lower()


def test_the_group_that_did_it_is_found_in_a_shouted_report(nlp) -> None:
    from wirecheck.extract import analyze_article

    text = ("THE ZANTOR POPULAR LIBERATION FRONT KIDNAPPED 12 FARMERS NEAR RIVERTON ON MONDAY, THE "
            "ARMY SAID IN A STATEMENT.")
    analysis = analyze_article(Article(id="wire-2", text=text, published="1991-03-05"), nlp)
    perps = {a.name for e in analysis.events for a in e.actors if a.role == "perpetrator"}
    assert "Zantor Popular Liberation Front" in perps


def test_a_clitic_does_not_make_a_word_a_name(nlp) -> None:
    lex = truecase.lexicon_for(nlp.language)
    text = (
        "THE GUERRILLAS ATTACKED THE COUNTRY'S MAIN POWER STATION ON FRIDAY AND THE GUARD DIDN'T SEE "
        "VELIQUEZ'S CAR. THE ARMY'S KORVAN BATTALION SAID IT WON'T HAPPEN AGAIN, D'ORSAGNI SAID."
    )
    restored = truecase.restore_case(text, lex)
    assert "the country's main power station" in restored
    assert "didn't see Veliquez's car." in restored  # a possessive ends the name
    assert "The army's Korvan Battalion" in restored
    assert "won't" in restored and "D'Orsagni said" in restored


# a TV station's page: the story, then the anchors' words in capitals
TRANSCRIPT = (
    "Man held after shots fired at snowplow\n"
    "A man is accused of firing a gun at a plow driver on Saturday. "
    "WE BEGIN TONIGHT WITH A SCARY MOMENT FOR A PLOW DRIVER. POLICE SAY A MAN FIRED TWO SHOTS AT THE "
    "TRUCK ON QUARRY LANE IN WRENTHAM DURING THE STORM. THE DRIVER WAS NOT HURT. "
    "Police said the man faces several charges."
)


def test_a_stretch_in_capitals_inside_a_normal_text(nlp) -> None:
    lex = truecase.lexicon_for(nlp.language)
    out = truecase.restore_runs(TRANSCRIPT, lex, truecase.places_for(lex))
    assert len(out) == len(TRANSCRIPT) and out.upper() == TRANSCRIPT.upper()
    assert "in Wrentham during the storm" in out and "We begin tonight" in out
    # the story around it is left as the outlet wrote it
    assert out.startswith("Man held after shots fired at snowplow\nA man is accused")
    assert out.endswith("Police said the man faces several charges.")


def test_short_capitals_are_left_alone(nlp) -> None:
    lex = truecase.lexicon_for(nlp.language)
    for text in ("WRENTHAM, Mass. -- A man fired two shots at a plow, police said.",
                 "SHOTS FIRED AT PLOW\nA man fired two shots at a plow in Wrentham, police said."):
        assert truecase.restore_runs(text, lex, truecase.places_for(lex)) == text


def test_a_state_s_name_is_capitalised(nlp) -> None:
    lex = truecase.lexicon_for(nlp.language)
    text = "A MAN FIRED TWO SHOTS AT A PLOW IN WRENTHAM ON SATURDAY, MASSACHUSETTS STATE POLICE SAID."
    assert "Massachusetts" in truecase.restore_case(text, lex, truecase.places_for(lex))


def test_the_place_of_a_shooting_told_in_capitals(nlp) -> None:
    from wirecheck.extract import analyze_article

    an = analyze_article(Article(id="t", text=TRANSCRIPT, title="Man held after shots fired at snowplow"), nlp)
    ev = next(e for e in an.events if e.id == an.main_event)
    assert ev.location is not None and (ev.location.place.name, ev.location.place.admin1) == ("Wrentham", "Massachusetts")
    assert an.article.text == TRANSCRIPT  # the article keeps the outlet's capitals
