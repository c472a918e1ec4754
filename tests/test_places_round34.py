"""Round 34: a first name that some small town bears casts no vote for that town's state.
Texts are invented; the places are real."""

from wirecheck.nlp.places import headline_towns, text_context


def test_a_first_name_is_no_vote_for_a_state_abroad() -> None:
    # "Lorena" is a Brazilian and a Texan town; here it only opens a person's name
    ctx = text_context("A man was shot Sunday in a parking lot. A neighbour, Lorena Quillmont, heard four shots.")
    assert not any(iso == "BR" for iso, _ in ctx.regions)
    assert "quillmont" in ctx.surnames


def test_a_first_name_before_a_possessive_is_no_vote() -> None:
    ctx = text_context("A man was shot Sunday in a parking lot. The clues may lie in the beliefs of "
                       "candidate Shelby Quillmont's family.")
    assert not ctx.regions


def test_a_name_also_used_for_a_place_keeps_its_votes() -> None:
    # "Shelby police": the text uses the name for a town as well as for a person
    ctx = text_context("A man was shot Sunday. The owner, Shelby Quillmont, closed early. "
                       "Shelby police are investigating.")
    assert ("US", "Ohio") in ctx.regions


def test_a_town_written_as_a_place_keeps_its_votes() -> None:
    ctx = text_context("A man was shot Sunday in Shelby. A neighbour, Shelby Quillmont, heard four shots.")
    assert ("US", "Ohio") in ctx.regions


def test_headline_town_where_someone_was_found_comes_after_the_scene() -> None:
    head = "Teen found dead in Marrero after being shot near a canal in Westwego"
    assert [pm.text for _, pm in headline_towns(head, "Louisiana")] == ["Westwego", "Marrero"]


def test_headline_found_shot_says_where_the_shooting_was() -> None:
    head = "Man found shot in Marrero, near Westwego"
    assert [pm.text for _, pm in headline_towns(head, "Louisiana")] == ["Marrero", "Westwego"]
