"""Event mentions: triggers, types, coreference, arguments, background (wirecheck.extract.events)."""

from __future__ import annotations

import pytest

from wirecheck.extract import analyze_article
from wirecheck.models import Article
from wirecheck.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def analyze(nlp, text, published=None, title=None):
    return analyze_article(Article(id="t", text=text, published=published, title=title), nlp)


def main(an):
    return next(e for e in an.events if e.id == an.main_event)


@pytest.mark.parametrize(
    ("text", "etype", "sub"),
    [
        (
            "A drone strike hit a car near Kandahar on Monday.",
            "Explosions/Remote violence",
            "Air/drone strike",
        ),
        (
            "Rebels shelled the town of Kramatorsk overnight.",
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
        ),
        (
            "A roadside bomb exploded next to a bus in Quetta.",
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
        ),
        (
            "A suicide bomber blew himself up at a market in Mogadishu.",
            "Explosions/Remote violence",
            "Suicide bomb",
        ),
        (
            "Gunmen abducted four farmers near Kaduna.",
            "Violence against civilians",
            "Abduction/forced disappearance",
        ),
        ("Hundreds of teachers protested outside parliament in Nairobi.", "Protests", "Peaceful protest"),
        ("Police fired tear gas to disperse protesters in Lagos.", "Protests", "Protest with intervention"),
        ("Police arrested a journalist in Minsk.", "Strategic developments", "Arrests"),
        ("A welder accused of selling stolen rifles is in custody in Tulsa.", "Strategic developments", "Arrests"),
        ("Soldiers clashed with militants near Gao.", "Battles", "Armed clash"),
        ("A man was shot and killed outside a bar in Memphis.", "Violence against civilians", "Attack"),
    ],
)
def test_event_types(nlp, text, etype, sub):
    ev = main(analyze(nlp, text))
    assert (ev.event_type, ev.sub_event_type) == (etype, sub)


ARTICLE = (
    "A Ruritanian airstrike in Mosul killed a militia commander, Karim Nasser, officials said.\n\n"
    "Monday’s strike hit a house on Nineveh Street, according to a police officer. "
    "The strike killed two people and wounded four.\n\n"
    "It was not immediately clear who carried out the strike.\n\n"
    "The strike comes a week after a suspected Freedonian drone strike killed a commander in Najaf."
)


def test_coreference_arguments_and_background(nlp):
    an = analyze(nlp, ARTICLE, published="2024-03-06")
    ev = main(an)
    assert ev.sub_event_type == "Air/drone strike" and not ev.background
    assert set(ev.sentences) >= {0, 1, 2, 3, 4}
    assert ev.location is not None and ev.location.place.name == "Mosul"
    assert ev.date is not None and ev.date.date.value == "2024-03-04" and ev.date.date.text == "Monday"
    assert ev.fatalities is not None and ev.fatalities.range.best == 2
    assert ev.injured is not None and ev.injured.range.best == 4
    statuses = {(a.role, a.status) for a in ev.actors}
    assert ("perpetrator", "unknown") in statuses
    assert any(a.role == "victim" and a.name == "Karim Nasser" for a in ev.actors)
    bg = [e for e in an.events if e.background]
    assert len(bg) == 1 and bg[0].location.place.name == "Najaf"
    assert any(a.role == "perpetrator" and a.status == "alleged" for a in bg[0].actors)


def test_date_never_invented(nlp):
    an = analyze(nlp, ARTICLE)
    ev = main(an)
    assert ev.date is not None
    assert (
        ev.date.date.value is None and ev.date.date.text == "Monday" and ev.date.date.precision == "unknown"
    )


def test_claimed_responsibility_and_denial(nlp):
    text = (
        "A car bomb exploded outside a police station in Herat on Friday. "
        "The Valley Front claimed responsibility for the attack. The Hill Brigade denied any role."
    )
    ev = main(analyze(nlp, text))
    statuses = {(a.name, a.status) for a in ev.actors if a.role == "perpetrator"}
    assert any(s == "claimed" and "Valley Front" in n for n, s in statuses)
    assert any(s == "denied" and "Hill Brigade" in n for n, s in statuses)


# --- a local shooting report (texts written for these tests) --------------------------------

SHOOTING = (
    "DAYTON, Ohio (WXYZ) — A man died Sunday after being shot outside a bakery on Elm Street. "
    "Officers found him lying in the street. "
    "He was taken to a hospital, where he was pronounced dead. "
    "A second man was wounded in the leg and is expected to recover. "
    "Police arrested a 30-year-old suspect on Monday."
)


def test_shooting_toll_reads_every_reported_sentence(nlp):
    an = analyze(nlp, SHOOTING)
    ev = main(an)
    assert ev.event_type == "Violence against civilians" and not ev.background
    # the victim who died is not also counted as hurt; the second man is
    assert ev.fatalities is not None and ev.fatalities.range.best == 1
    assert ev.injured is not None and ev.injured.range.best == 1


def test_died_after_being_shot_is_the_reported_event(nlp):
    an = analyze(nlp, "A woman died Tuesday after being shot in Toledo, police said.")
    ev = main(an)
    assert not ev.background and ev.fatalities is not None and ev.fatalities.range.best == 1


def test_dateline_town_over_a_street_or_a_town_elsewhere(nlp):
    ev = main(analyze(nlp, SHOOTING))
    assert ev.location is not None and ev.location.place.name == "Dayton"


def test_date_resolved_against_the_date_the_text_prints(nlp):
    text = (
        "DAYTON, Ohio (March 7, 2023) — A man was shot and wounded Sunday on Elm Street. "
        "Police have made no arrests."
    )
    ev = main(analyze(nlp, text))
    assert ev.date is not None and ev.date.date.value == "2023-03-05" and ev.date.date.precision == "day"


def test_gunmen_firing_on_police_is_a_battle(nlp):
    ev = main(analyze(nlp, "Armed men opened fire on two police officers in Culiacan, killing one."))
    assert (ev.event_type, ev.sub_event_type) == ("Battles", "Armed clash")


def test_road_blocked_with_burning_tyres_is_a_riot(nlp):
    ev = main(analyze(nlp, "Residents held a demonstration and blocked the highway with burning tyres in Oruro."))
    assert ev.event_type == "Riots"


@pytest.mark.parametrize(
    ("text", "etype", "sub"),
    [
        # a verb and its particle around the object
        ("A group of youths set party flags on fire outside an office in Ludhiana.", "Strategic developments",
         "Looting/property destruction"),
        # weak protest cues, alone in the text
        ("Nurses held a press conference with banners in front of the health ministry in Seoul.", "Protests",
         "Peaceful protest"),
        ("Unpaid drivers blocked the main road into Kisumu.", "Protests", "Peaceful protest"),
        # non-lethal force with nobody named as protesters
        ("Border guards fired tear gas canisters towards farmers near Rafah.", "Strategic developments", "Other"),
        # a protest about violence is a protest
        ("Hundreds of women demonstrated in Lyon to denounce the rape of a student.", "Protests",
         "Peaceful protest"),
        # an arrest the protest is about is no intervention
        ("Relatives protested in Puebla to demand the release of two detained farmers.", "Protests",
         "Peaceful protest"),
        ("Police arrested ten protesters during a march in Dhaka.", "Protests", "Protest with intervention"),
        # killing and abduction together: the attack
        ("Gunmen killed two villagers and abducted five others near Zaria.", "Violence against civilians",
         "Attack"),
        # unarmed groups fighting: mob violence
        ("Supporters of two rival candidates clashed outside a polling station in Sylhet.", "Riots",
         "Mob violence"),
        ("Villagers beat and killed a suspected thief in Mzuzu.", "Riots", "Mob violence"),
        ("Soldiers fired on rebel positions near Goma.", "Battles", "Armed clash"),
    ],
)
def test_event_types_from_wider_triggers(nlp, text, etype, sub):
    ev = main(analyze(nlp, text))
    assert (ev.event_type, ev.sub_event_type) == (etype, sub)
