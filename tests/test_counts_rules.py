"""Counting rules added for crawled news: headline seams, headline style, bodies, other victims."""

import pytest

from wirecheck.models import Sentence
from wirecheck.nlp.counts import aggregate, find_casualties


def _found(text: str) -> list:
    return find_casualties(text, Sentence(0, 0, len(text), text))


def _toll(text: str) -> tuple[int, int]:
    out = []
    start = 0
    for part in text.split(". "):
        out.extend(find_casualties(text, Sentence(len(out), start, start + len(part), part)))
        start += len(part) + 2
    killed, injured = aggregate(out)
    value = lambda c: 0 if c is None else (c.range.best if c.range.best is not None else c.range.low)  # noqa: E731
    return value(killed), value(injured)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline glued to the first sentence ("...| news.comA man was ...")
        ("Man shot, killed near Elm Park | news.comA man was shot and killed late Friday.", (1, 0)),
        ("Woman shot, killed in Dayton; suspect held | tv.comThe shooting happened on Oak Street.", (1, 0)),
        ("Teen found shot on bike path dies | Daily NewsThe teen died on Sunday.", (1, 0)),
        ("Officer, suspect injured in gunfight | kxyz.comPolice gave no names.", (0, 2)),
        ("1 dead, 2 hurt in Elm Street shooting | kxyz.comPolice gave no names.", (1, 2)),
        ("Search widens for shooter after clerk wounded in bakery | wxyz.comPolice gave no names.", (0, 1)),
    ],
)
def test_headline_glued_to_the_first_sentence(text: str, expected: tuple) -> None:
    assert _toll(text) == expected


def test_seam_keeps_names_with_inner_capitals() -> None:
    text = "Tom McKay and Jo LaRue were wounded."
    assert [(c.kind, c.range.best) for c in _found(text)] == [("injured", 2)]


@pytest.mark.parametrize(
    "text",
    [
        "Police say a man's body was found behind the store.",
        "A kayaker spotted the body of a woman in the canal.",
        "He is charged in the shooting death of 40-year-old Ann Vale.",
        "The homicide victim was identified on Tuesday.",
        "Police named the victim of a deadly weekend shooting in Akron.",
        "Ann Vale had been shot twice and was pronounced dead at the scene.",
    ],
)
def test_one_dead_person_without_a_count(text: str) -> None:
    assert _toll(text) == (1, 0)


def test_body_camera_is_no_body() -> None:
    assert _toll("Officers wore body cameras during the arrest.") == (0, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police said a 20-year-old man was shot. Another man was shot and is stable.", (0, 2)),
        ("A man was shot in the back and a 29-year-old man was shot in the arm.", (0, 2)),
        ("One person has died. The second victim was taken to the hospital.", (1, 1)),
        ("Both are listed in critical condition.", (0, 2)),
        ("The shooting left a teenager critically wounded.", (0, 1)),
        ("A second victim was found two blocks away with a gunshot wound.", (0, 1)),
        ("Police say Lee got into a fight and was shot in the leg.", (0, 1)),
    ],
)
def test_other_victims_and_wounded(text: str, expected: tuple) -> None:
    assert _toll(text) == expected


def test_stated_count_is_not_summed_with_others() -> None:
    text = "Two people were wounded on Friday. Another man was shot nearby."
    assert _toll(text) == (0, 2)


def test_recent_totals_are_cumulative() -> None:
    text = "A woman was shot in the arm. There have been so many deaths in the last month, a neighbor said."
    assert _toll(text) == (0, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # lists of victims are summed, part by part
        ("Four boys and two women were found dead in the farmhouse.", (6, 0)),
        ("A man and his daughter were killed on Tuesday.", (2, 0)),
        ("Deputies found a woman and her seven-year-old son dead in the kitchen.", (2, 0)),
        ("Two girls and a man were wounded near the station.", (0, 3)),
        ("Adams, Becker and Cole were injured.", (0, 3)),
        ("An elderly couple and their three grandchildren were found dead.", (5, 0)),
        ("The gunman fatally shot a clerk and a customer.", (2, 0)),
        ("She is accused of killing her uncle and 9-year-old niece.", (2, 0)),
        # the killer who then died is one more
        ("Police said the father killed his three sons before killing himself.", (4, 0)),
        ("A man fatally shot a woman and a boy, then turned the gun on himself.", (3, 0)),
        ("Police said the man killed himself after the standoff.", (1, 0)),
        # an appositive is one person, not a list
        ("Jane Roe, a 31-year-old nurse, died at the scene.", (1, 0)),
        ("John Doe, 24, of Dayton, Ohio, was pronounced dead.", (1, 0)),
        ("John Doe, a senior at Lincoln High School and star player, was killed.", (1, 0)),
        ("Earlier, a man and a woman were shot to death.", (2, 0)),
        ("3 adults, 1 child found shot to death in Elm Street home", (4, 0)),
    ],
)
def test_lists_of_victims_are_summed(text: str, expected: tuple) -> None:
    assert _toll(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ages and years are never counts
        ("A 17 year old male was killed on Main Street.", (1, 0)),
        ("A 12 year-old boy was wounded in the leg.", (0, 1)),
        ("Detectives are still investigating the 2014 killing of a shop owner.", (0, 0)),
        ("The 2016 shooting left a man dead.", (1, 0)),
        ("The siege killed 1500 people.", (1500, 0)),
    ],
)
def test_ages_and_years_are_no_counts(text: str, expected: tuple) -> None:
    assert _toll(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "has died" after a relative clause or a participle phrase on its subject
        ("The teen that accidentally shot himself at a party on Friday night has died, his uncle said", (1, 0)),
        ("The man who was shot outside the bar on Sunday was pronounced dead at a hospital", (1, 0)),
        ("Police said a woman shot in the chest has died", (1, 0)),
        # the wounded inside a death's own subject is the same victim
        ("A boy who was wounded in the crossfire later died", (1, 0)),
        ("A shot was fired but no one reportedly was hurt", (0, 0)),
    ],
)
def test_death_after_a_relative_clause(text: str, expected: tuple) -> None:
    assert _toll(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "left another teen wounded" tells of a second victim beside the dead one
        ("A 17-year-old was killed on Elm Street. The shooting left another teen critically wounded", (1, 1)),
        # a named dead victim's wounds are not someone else's, "also" or not
        ("Tom Reed died at the scene. Tom Reed also had a gunshot wound to the arm", (1, 0)),
        # a suicide after killing others is one more dead person; alone it is one dead
        ("Two women killed, gunman commits suicide", (3, 0)),
        ("A man shot and killed his 8-year-old son before fatally shooting himself", (2, 0)),
        ("The farmer took his own life on Monday", (1, 0)),
        ("She wrote about soldiers killing themselves after the war", (0, 0)),
    ],
)
def test_other_victims_and_suicides(text: str, expected: tuple) -> None:
    assert _toll(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day of the month is no count
        ("One of the victims who was hurt in the shooting on September 3 died on Saturday", (1, 0)),
        ("The boy was charged in the March 1 death of his friend", (0, 0)),
        # "one of the three victims" is one person
        ("One of the three victims died on Saturday", (1, 0)),
    ],
)
def test_days_and_partitives(text: str, expected: tuple) -> None:
    assert _toll(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a double shooting with one death leaves one hurt
        ("A man was killed in a double shooting near the mill", (1, 1)),
        ("Detectives are looking into a triple shooting on Birch Lane. Nobody died", (0, 3)),
        # a new, indefinite person after the named dead one is someone else
        (
            "Tobias Wrenfield was shot and killed on Friday. Medics found Wrenfield, who had been shot twice, "
            "and a 41-year-old cyclist, who had been shot in the foot",
            (1, 1),
        ),
        # ... but "he was shot" is still the dead man
        ("Tobias Wrenfield was shot and killed on Friday. He was shot in the chest", (1, 0)),
        # the dead are among the hurt counted before them
        ("Three people were wounded at the fairground on Friday. The youngest victim died on Sunday", (1, 2)),
        ("A man was killed at the fairground. Three people were wounded", (1, 3)),
        # a list found dead
        ("Deputies found a man and a woman deceased inside the cabin", (2, 0)),
        # "was the man killed"
        ("A retired pilot from Ashvale was the man killed in the crash", (1, 0)),
        # a weak "was then shot"
        ("The guard was then shot in the hand", (0, 1)),
    ],
)
def test_round_two_tolls(text: str, expected: tuple) -> None:
    assert _toll(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Four shot, 1 dead near Quarry Park | kxyz.comPolice gave no names.", (1, 3)),
        ("One dead, two critical after fire on Pine Road | kxyz.comPolice gave no names.", (1, 2)),
        ("Two shot dead in Quarry Park | kxyz.comPolice gave no names.", (2, 0)),
    ],
)
def test_headline_counts(text: str, expected: tuple) -> None:
    assert _toll(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "they" takes the size of the clause's subject
        ("Two teens were shot behind the depot. Both teens were flown to a trauma hospital, where they died", (2, 0)),
        ("The woman and her uncle were driven to a clinic where they later died", (2, 0)),
        # a singular "they" is one person
        ("The cyclist was carried to a clinic where they later died", (1, 0)),
        # a group told of before repeats, it does not state, the toll beside a suicide
        (
            "A rancher fatally shot a nurse and a cook before killing himself. The two victims were flown "
            "to a trauma hospital where they later died",
            (3, 0),
        ),
        # an ordinal victim: everyone hit
        ("Three miners were wounded at the quarry. A fourth victim, Olek Varga, was struck by a ricochet", (0, 4)),
        ("Two brothers were killed near the quarry. A third youth sustained non-life-threatening injuries", (2, 1)),
        ("A woman was killed near the quarry. A third youth received minor injuries", (1, 2)),
        # an ordinal person who is no victim
        ("Two brothers were wounded near the quarry. A third man pulled a pistol", (0, 2)),
        ("Two brothers were wounded near the quarry. A third victim died at the clinic", (1, 2)),
        # hurt by a plain verb
        ("A woman received minor injuries in the blast", (0, 1)),
        # still being treated: hurt, beside the dead of the same sentence
        ("Doctors said nine people had died and 14 were still being treated", (9, 14)),
        # a hospital named without an article
        ("Police say all five were rushed to Saint Ottilie Hospital", (0, 5)),
    ],
)
def test_round3_tolls(text: str, expected: tuple[int, int]) -> None:
    assert _toll(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare past year marks a past event, not this report's
        ("Vic Harlan killed two men at a barn dance in the summer of 2009. A clerk was shot and killed on Friday", (1, 0)),
        ("Friends lit candles for the 80 residents lost to gunfire on Dayton streets in 2019", (0, 0)),
        # a possessive stands for a determiner; a name in apposition is the same person
        ("The deputy who fatally shot a young man and the man's elderly neighbor is suing the city", (2, 0)),
        ("That night Reyes fatally shot Jo Vance, 19, and Vance's neighbor Ann Pike, 55", (2, 0)),
        # ages in front of names; the parts of a list that are animals are no casualties
        ("Officers found 40-year-old Ann Pike and 12-year-old Jo Pike dead in the cabin", (2, 0)),
        ("His wife, her teenage son, the couple's baby and their old cat were discovered dead", (3, 0)),
        # names after a counted noun name the counted people
        ("Deputies said the two boys, 5-year-old Tom Reed and 11-year-old Cal Reed, died before help arrived", (2, 0)),
        # a reduced or an object relative clause after one person
        ("The clerk fatally shot by deputies in Dayton last month was unarmed, his sister said", (1, 0)),
        ("Cousins of a cyclist who troopers fatally shot near the ferry want answers", (1, 0)),
        # a surname alone as the object; "also" before the verb adds a victim
        ("Officer Dunn fatally shot Vance, who held a bat. The deputy then also shot and killed a bystander, Ann Pike", (2, 0)),
        # a participle phrase after the subject; a compound predicate after a weak sign
        ("A man walking his poodle was critically wounded by a stray bullet", (0, 1)),
        ("One person, a 30-year-old welder, got a gash across one elbow and was rushed to Saint Ivo Hospital", (0, 1)),
        # the ages count the people
        ("Dale Voss, 40, shot and killed his boys, ages 4 and 9, and later fatally shot himself inside the barn", (3, 0)),
        # a family of N
        ("A family of six lay shot to death inside a Tulsa cabin", (6, 0)),
        ("Police: family of five found dead inside Akron farmhouse | news.comPolice gave no names", (5, 0)),
    ],
)
def test_round4_tolls(text: str, expected: tuple[int, int]) -> None:
    assert _toll(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Grady said the pellet was inches from possibly killing his niece",
        "The bullets could have struck the little girl next door, a sergeant said",
        "The men had threatened to kill the clerk before they fled",
    ],
)
def test_harm_that_did_not_happen(text: str) -> None:
    assert _toll(text) == (0, 0)


def test_nearly_before_a_count_is_a_count() -> None:
    assert _toll("Nearly 40 people were killed in the blast")[0] >= 36


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # everyone hit, some fatally: the hurt are those hit less the dead (round 5)
        ("Six men were shot near a bowling alley in Fresno, one fatally, officers said", (1, 5)),
        ("Four teens were wounded, two of them fatally, at a bus stop in Omaha", (2, 2)),
        # "one of them died": a count of a group told of before
        ("Five men were shot outside a diner in Tulsa. One of them died at a clinic", (1, 4)),
        ("Three men were shot on a trail near Boise. Two of them later died", (2, 1)),
        # a count after an opening phrase and a comma
        ("On Friday, three men were shot in Reno. A man died", (1, 2)),
        # "in all" and "a total of" sum one shooting's victims, not a period's
        ("A woman is dead. In all, nine people were hit by gunfire at the fair in Macon", (1, 8)),
        ("A total of four men were shot at a banquet hall in Yuma", (0, 4)),
        # "three other men" with gunshot wounds are beside the dead
        ("Rafe Dunmore, 19, was killed on Pine Road. Three other men had gunshot wounds", (1, 3)),
    ],
)
def test_everyone_hit_less_the_dead(text: str, expected: tuple) -> None:
    assert _toll(text) == expected


def test_plural_hit_needs_a_person_count() -> None:
    # "Route 150" names a road; "taken to a hospital" tells only of the living
    assert _toll("Deputies found a clerk on Route 150 with a gunshot wound") != (0, 150)
    assert _toll("A driver died at the scene. Three men then went to a clinic in Flint") == (1, 0)


def test_appositive_after_a_comma_is_no_count() -> None:
    # "Doe, 29, a local man, was killed along with Roe": the appositive is no count of one
    assert _toll("Ned Varga, 29, a Denton man, was killed along with Otis Lamb, 31, in a double homicide") == (2, 0)


def test_wait_until_is_no_harm() -> None:
    assert _toll("Deputies chose to wait until a deputy got hurt, a lawyer argued") == (0, 0)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("2 Dead, 5 Hurt In Gunfire At Block Party", (2, 5, None)),
        ("Four Shot, Woman Dead In Sparks", (1, 3, 4)),
        ("Five shot in Dayton - WXYZ News", (None, None, 5)),
        ("Man shot near Elm Park", (None, None, None)),
        # a headline that totals a weekend's shootings states no one event's toll
        ("3 Dead, 11 Hurt In Holiday Shootings Across Toledo", (None, None, None)),
    ],
)
def test_headline_toll(title: str, expected: tuple) -> None:
    from wirecheck.nlp.counts import headline_toll

    assert headline_toll(title) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the attacker's own death beside a named victim's: two dead
        ("The gunman was found dead inside the garage. Marla Quince died at a hospital on Monday", (2, 0)),
        ("Tobias Wren was shot in his office. The shooter was discovered dead nearby. Wren has died", (2, 0)),
        # no named victim: "the suspect" and "the man" may be one person
        ("The shooter was discovered dead beside a tractor. The man succumbed late that evening", (1, 0)),
        # a reflexive is often the only dead: "Jane Roe died ... she shot herself"
        ("Nadia Fenwick, 15, died on Sunday. She fatally shot herself while holding the pistol", (1, 0)),
        # a stated number is the whole toll
        ("Two people were killed, including the gunman. The gunman was found dead. Ellis Varga died", (2, 0)),
    ],
)
def test_attacker_death_beside_a_named_victim(text: str, expected: tuple) -> None:
    assert _toll(text) == expected
