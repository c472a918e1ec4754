"""Entities and aliases inside one article (wirecheck.nlp.entities)."""

from __future__ import annotations

import pytest

from wirecheck.models import Article
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.entities import initials, normalize_name, strip_titles


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def entities(nlp, text):
    return nlp.process(Article(id="t", text=text)).entities


def by_alias(ents, surface):
    for e in ents:
        if e.name == surface or surface in e.aliases:
            return e
    raise AssertionError(f"{surface!r} not among {[(e.name, e.aliases) for e in ents]}")


def test_normalize_spelling_variants():
    assert normalize_name("the Popular Organisation Fronts") == normalize_name("Popular Organization Front")
    assert initials("Harakat Saraya al-Fursan") == "HSF"


def test_strip_titles():
    name, cut, title = strip_titles("Maj. Gen. Lena Okafor")
    assert name == "Lena Okafor" and title == "Maj. Gen." and cut == len("Maj. Gen. ")


def test_acronym_defined_in_parentheses_and_used_alone(nlp):
    text = (
        "The Northern Liberation Front (NLF) said on Monday it had withdrawn from the talks. "
        "An NLF commander said the group would not return."
    )
    ents = entities(nlp, text)
    nlf = by_alias(ents, "NLF")
    assert nlf.type == "ORG"
    assert "Northern Liberation Front" in nlf.name
    assert len(nlf.mentions) >= 3


def test_surname_and_honorific_merge_with_roles(nlp):
    text = (
        "Ministry press secretary Brig. Gen. Tomas Varga confirmed the raid in Kharkiv. "
        "Mr Varga said the operation was over. "
        "Anna Lind, a spokesperson for the regional council, said the town was calm. Lind added nothing."
    )
    ents = entities(nlp, text)
    varga = by_alias(ents, "Tomas Varga")
    assert varga.type == "PERSON"
    assert "Brig" not in varga.name
    assert any("press secretary" in r for r in varga.roles)
    assert len(varga.mentions) >= 2
    lind = by_alias(ents, "Anna Lind")
    assert any(r.startswith("spokesperson for the regional council") for r in lind.roles)
    assert len(lind.mentions) == 2


def test_or_alias(nlp):
    text = "The council said its treasurer, Omar Haddad – or Abu Zaid – was detained in Mosul."
    ents = entities(nlp, text)
    omar = by_alias(ents, "Omar Haddad")
    assert "Abu Zaid" in omar.aliases


def test_country_forms_merge(nlp):
    text = (
        "The U.S. said the convoy was hit. US officials said the United States would respond. "
        "The Iraqi government condemned the attack."
    )
    ents = entities(nlp, text)
    us = [e for e in ents if e.country == "US" and e.type == "GPE"]
    assert len(us) == 1
    assert len(us[0].mentions) == 3
    iraq = [e for e in ents if e.country == "IQ" and e.type == "GPE"]
    assert iraq and any("government" in m.text for m in iraq[0].mentions)
