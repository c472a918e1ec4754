"""wirecheck.clean: main text, boilerplate moved to metadata, offsets kept honest."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wirecheck.clean import article_id, classify, clean_document, clean_text, raw_offset
from wirecheck.errors import BadInput
from wirecheck.ingest import iter_documents
from wirecheck.models import RawDocument
from wirecheck.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SETTINGS = Settings()


def clean(text: str, **fields) -> object:
    return clean_document(RawDocument(origin="t.txt", text=text, **fields), SETTINGS)


def clean_file(path: Path):
    (doc,) = list(iter_documents([str(path)], SETTINGS))
    return clean_document(doc, SETTINGS)


# ---------------------------------------------------------------------------- the whole article


def test_report_fixture_moves_every_kind_of_boilerplate():
    article = clean_file(FIXTURES / "good" / "report.txt")
    assert article.section == "World"
    assert article.title == "Ferry fire forces evacuation off Mombasa"
    assert article.byline == "By Amina Otieno and Peter Kamau, Coastline Herald"
    assert article.updated == "Updated at 9:12 a.m."
    assert article.captions == ["Passengers gather on the quay after the evacuation (Daniel Mwangi/AP)"]
    assert article.stripped == [
        "Sign up for our newsletter to get the morning briefing.",
        "Advertisement",
        "Read more: Port traffic rose last year",
    ]
    assert article.text.split("\n\n") == [
        "Ferry fire forces evacuation off Mombasa",  # the headline opens the text
        "A fire broke out on a passenger ferry near Mombasa on Monday, forcing the crew to evacuate "
        "more than 200 people, the port authority said.",
        '"Everyone was brought ashore within an hour," a port official told reporters.',
        "The cause of the fire was not immediately known.",
    ]
    assert article.source == "Coastline Herald" and article.published == "2025-02-03T07:45:00Z"
    assert article.id == article_id(article.text)


def test_nothing_is_lost():
    raw = (FIXTURES / "good" / "report.txt").read_text().split("\n\n", 1)[1]
    article = clean_file(FIXTURES / "good" / "report.txt")
    kept = [
        article.section,
        article.title,
        article.updated,
        article.byline,
        *article.captions,
        *article.stripped,
        *article.text.split("\n\n")[1:],  # the first is the headline again
    ]
    assert article.text.startswith(f"{article.title}\n\n")
    assert sorted(kept) == sorted(p.strip() for p in raw.split("\n\n") if p.strip())


@pytest.mark.skipif(not SEEDS.exists(), reason="needs ../shared/seeds")
def test_seed_articles_clean_by_general_rules():
    first = sorted(SEEDS.glob("000_*.txt"))[0]
    lines = [line.strip() for line in first.read_text().splitlines() if line.strip()]
    article = clean_file(first)
    assert article.section == lines[0]
    assert article.title == lines[1]
    assert article.updated == lines[-1] and article.updated.startswith("Updated at")
    for line in (lines[0], lines[-1]):
        assert line not in article.text
    assert article.text.startswith(f"{lines[1]}\n\n")  # the headline opens the text, once
    assert article.text.count(lines[1]) == 1

    second = clean_file(sorted(SEEDS.glob("004_*.txt"))[0])
    assert len(second.captions) == 1 and re.search(r"/AP\)$", second.captions[0])
    assert second.captions[0] not in second.text
    assert second.section is None and second.title is None


# ---------------------------------------------------------------------------- each kind


@pytest.mark.parametrize(
    "line",
    [
        "Updated at 4:12 p.m.",
        "Updated 10:15 AM ET",
        "Last updated: 14 March 2025",
        "UPDATED: Tuesday, March 4, 2025, 9:31 AM",
        "Last updated at 10:39 a.m. on Sunday, Nov. 27",
        "Published 3:02 p.m. ET Jan. 4, 2024 | Updated 4:10 p.m. ET Jan. 4, 2024",
    ],
)
def test_update_stamps(line):
    assert classify(line) == "updated"
    article = clean(f"Body sentence one.\n\n{line}\n")
    assert article.updated == line and line not in article.text


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Doe",
        "By Jane Doe and John Roe, Reuters",
        "By JANE DOE | Staff Writer",
        "By Omar al-Rawi",
        "By the Associated Press",
    ],
)
def test_bylines(line):
    assert classify(line) == "byline"
    assert clean(f"{line}\n\nBody sentence one.").byline == line


@pytest.mark.parametrize(
    "line",
    [
        "Rescuers search the rubble on Monday (Jane Doe/AP)",
        "A market after the blast (Photo: Reuters)",
        "Mourners at the funeral (Getty Images)",
        "Smoke over the harbour (John Roe via Getty Images)",
        "Firefighters at the scene. Photograph: Jane Doe/Reuters",
        "Photo: Firefighters at the scene of the blaze",
    ],
)
def test_photo_captions(line):
    assert classify(line) == "caption"
    article = clean(f"Body sentence one.\n\n{line}\n\nBody sentence two.")
    assert article.captions == [line]
    assert article.text == "Body sentence one.\n\nBody sentence two."


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Floods hit the coast",
        "READ MORE",
        "Sign up for our newsletter",
        "Sign up to our daily briefing here.",
        "Advertisement",
        "ADVERTISEMENT",
        "Subscribe to our channel",
        "Share this article",
        "Share on Facebook",
        "Story continues below advertisement",
        "Related: Army says it retook the town",
        "This story was provided by Example Wire.",
        "(Reporting by Jane Doe; Editing by John Roe)",
        "© 2025 Example News. All rights reserved.",
    ],
)
def test_stripped_lines(line):
    assert classify(line) == "stripped"
    article = clean(f"Body sentence one.\n\n{line}\n\nBody sentence two.")
    assert article.stripped == [line]
    assert line not in article.text


@pytest.mark.parametrize(
    "line",
    [
        "Updated figures released on Monday showed 12 dead.",
        "By Monday, the army had withdrawn from the town.",
        "By nightfall the fire was out.",
        "The group is known as Harakat al-Example (HAE).",
        "Subscribers to the service reported outages on Tuesday.",
        "Police said a man and a woman (both 30) were arrested.",
        "Speeds reached 120 (km/h)",
        "Sharing the road with trucks is dangerous, drivers said.",
        "Advertisements for the rally appeared across the city.",
        "Read the full statement below, the ministry said.",
    ],
)
def test_body_lines_are_not_boilerplate(line):
    assert classify(line) is None
    assert line in clean(f"First body sentence here.\n\n{line}").text


def test_section_label_then_title():
    article = clean("Middle East\n\nArmy retakes border crossing\n\nThe army said it retook the crossing.")
    assert article.section == "Middle East"
    assert article.title == "Army retakes border crossing"
    assert article.text == "Army retakes border crossing\n\nThe army said it retook the crossing."


def test_title_only_when_none_given_and_given_title_opens_the_text_once():
    article = clean(
        "Army retakes border crossing\n\nThe army said it retook the crossing.",
        title="Army retakes border crossing",
    )
    assert article.title == "Army retakes border crossing"
    assert article.text == "Army retakes border crossing\n\nThe army said it retook the crossing."
    other = clean("A different subtitle line\n\nThe army said it retook the crossing.", title="Given title")
    assert other.title == "Given title"
    assert other.text.startswith("Given title\n\nA different subtitle line")


def test_first_sentence_is_not_a_title():
    article = clean("The army said it retook the crossing.\n\nResidents fled.")
    assert article.title is None and article.section is None
    assert article.text.startswith("The army said")


def test_a_lone_line_stays_body():
    article = clean("Border crossing reopens")
    assert article.title is None and article.text == "Border crossing reopens"


def test_date_line_is_not_a_title():
    article = clean("14 March 2025, 09:30\n\nThe army said it retook the crossing.")
    assert article.title is None


# ---------------------------------------------------------------------------- body text


def test_body_characters_are_kept_and_line_ends_normalised():
    raw = "  First\u00a0paragraph \u201cquoted\u201d \u2014 here.\r\n\r\n\r\n\r\nSecond   paragraph\r\ngoes on here.\r\n"
    article = clean(raw)
    assert (
        article.text
        == "First\u00a0paragraph \u201cquoted\u201d \u2014 here.\n\nSecond   paragraph\ngoes on here."
    )


def test_one_paragraph_per_line_texts_get_blank_lines():
    raw = "Title of the piece\nFirst paragraph ends here.\nSecond paragraph ends here.\nThird one, which\ncontinues on this line."
    article = clean(raw)
    assert article.title == "Title of the piece"
    assert article.text.split("\n\n") == [
        "Title of the piece",
        "First paragraph ends here.",
        "Second paragraph ends here.",
        "Third one, which\ncontinues on this line.",
    ]


def test_hard_wrapped_text_stays_one_paragraph():
    raw = "The army said on Monday that it had\nretaken the crossing after two days\nof fighting with rebel units near\nthe border, officials said.\n"
    assert clean(raw).text == raw.strip()


def test_segments_map_offsets_back_to_the_input():
    raw = "World\r\n\r\nTitle line here\r\n\r\n  The army said it retook the town.\r\nResidents fled.\r\n\r\nAdvertisement\r\n\r\nLast paragraph here."
    article = clean(raw)
    segments = article.metadata["segments"]
    for word in ("army", "Residents", "Last"):
        start = article.text.index(word)
        mapped = raw_offset(segments, start)
        assert raw[mapped : mapped + len(word)] == word


def test_clean_input_needs_no_segments():
    article = clean("One paragraph.\n\nAnother paragraph.")
    assert "segments" not in article.metadata


def test_one_body_under_two_headlines_is_two_articles():
    # a sign-up wall over each of a site's stories: the headline is all that differs
    wall = "Create a free account to keep reading this story.\n\nAlready a member? Sign in to continue."
    first = clean(wall, title="Ferry fire forces evacuation")
    second = clean(wall, title="Council votes on bus fares")
    assert first.id != second.id
    assert first.text.startswith("Ferry fire forces evacuation\n\n")
    assert clean(wall, title="Ferry  fire forces evacuation").id == first.id
    # the outlet's name after the headline is the page's, not the report's
    paged = clean(wall, title="Ferry fire forces evacuation | Coastline Herald")
    assert paged.text.startswith("Ferry fire forces evacuation\n\nCreate")
    assert paged.title == "Ferry fire forces evacuation | Coastline Herald"


def test_headline_segment_maps_back_to_its_line():
    raw = "Army retakes border crossing\n\nThe army said it retook the crossing.\nAdvertisement"
    article = clean(raw)
    start, raw_start, length = article.metadata["segments"][0]
    assert (start, raw[raw_start : raw_start + length]) == (0, "Army retakes border crossing")
    body = article.text.index("The army")
    assert raw_offset(article.metadata["segments"], body) == raw.index("The army")


def test_article_id_ignores_whitespace_only():
    assert article_id("a  b\n\nc") == article_id("a b c")
    assert article_id("a b c") != article_id("a b d")
    assert re.fullmatch(r"[0-9a-f]{16}", article_id("x"))


def test_clean_text_is_pure():
    text = "World\n\nTitle line\n\nBody sentence."
    assert clean_text(text) == clean_text(text)


# ---------------------------------------------------------------------------- HTML


def test_html_page():
    article = clean_file(FIXTURES / "good" / "page.html")
    assert article.title == "Bridge collapse injures commuters"
    assert article.source == "Lakeside Tribune"
    assert article.published == "2025-02-05T14:20:00+03:00"
    assert article.url == "https://lakeside.example/africa/bridge-collapse"
    assert article.section == "Africa"
    assert article.captions == ["Rescue workers at the site on Wednesday (Joseph Okello/Reuters)"]
    assert "Advertisement" in article.stripped and "Share this article" in article.stripped
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == "Bridge collapse injures commuters"
    assert paragraphs[1].startswith("A footbridge over a railway line in Kampala")
    assert paragraphs[-1] == "City engineers said an inspection had been scheduled for next month."
    assert "Home" not in article.text and "All rights reserved" not in article.text


def test_given_metadata_wins_over_the_page():
    (doc,) = list(
        iter_documents(
            [str(FIXTURES / "good" / "page.html")], SETTINGS, source="Desk", published="2025-02-06"
        )
    )
    article = clean_document(doc, SETTINGS)
    assert article.source == "Desk" and article.published == "2025-02-06"


def test_html_without_main_text():
    with pytest.raises(BadInput, match="no main text"):
        clean_file(FIXTURES / "bad" / "nomain.html")


def test_truncated_html():
    with pytest.raises(BadInput, match="truncated HTML"):
        clean_file(FIXTURES / "bad" / "truncated.html")


def test_feed_fragment_paragraphs():
    items = list(iter_documents([str(FIXTURES / "good" / "feed.atom")], SETTINGS))
    article = clean_document(items[0], SETTINGS)
    assert article.text == (
        "Clinic attacked in Bunia\n\nGunmen attacked a health clinic near Bunia on Tuesday night, killing two guards, a local "
        "administrator said.\n\nThe attackers fled before soldiers arrived."
    )
    assert article.title == "Clinic attacked in Bunia"


def test_fragment_with_breaks_and_scripts():
    html = "<p>First line<br>same paragraph.</p><script>x()</script><p>Second.<br><br>Third.</p>"
    article = clean_document(RawDocument("f", html=html, metadata={"html_fragment": True}), SETTINGS)
    assert article.text == "First line same paragraph.\n\nSecond.\n\nThird."


# ---------------------------------------------------------------------------- empty


@pytest.mark.parametrize("text", ["", "   \n\n  ", None])
def test_empty_text(text):
    with pytest.raises(BadInput, match="empty"):
        clean_document(RawDocument("e.txt", text=text), SETTINGS)


def test_only_boilerplate():
    with pytest.raises(BadInput, match="no body text left"):
        clean("Advertisement\n\nShare this article\n\nSign up for our newsletter")


# ---------------------------------------------------------------------------- bundled examples


def test_examples_read_and_clean_with_metadata():
    examples = Path(__file__).resolve().parents[1] / "examples"
    items = list(iter_documents([str(examples)], SETTINGS))
    articles = [clean_document(d, SETTINGS) for d in items]  # a Problem has no text: would fail here
    assert len(articles) == 10
    assert all(a.source and a.published for a in articles)
    assert len({a.id for a in articles}) == 10
    assert len({a.source for a in articles}) >= 8


def test_a_video_playlist_is_stripped_but_clock_times_stay():
    text = (
        "Oakvale man charged in warehouse fire\n\n"
        "OAKVALE — A man was charged Tuesday in the fire that gutted a warehouse on Dover Road.\n"
        "2:14 Council votes on the new bridge\n"
        "0:58 Storm floods Main Street Pause\n"
        "10:30 a.m. is when the hearing starts.\n"
        "The fire started about 2:15 a.m., officials said."
    )
    out = clean_text(text)
    assert out.stripped == ["2:14 Council votes on the new bridge", "0:58 Storm floods Main Street Pause"]
    assert "10:30 a.m. is when the hearing starts." in out.body
    assert "Council votes" not in out.body


def test_invisible_characters_inside_words_are_left_out_and_offsets_still_map():
    # soft hyphens (where a line may break) and a zero-width space, as some pages set their text
    raw = ("Quill\u00admont man held after neigh\u00adbor shot\n\n"
           "A 40-year-old Quill\u00admont man shot his neigh\u00adbor on the 900 block of Vell\u200b Street.")
    article = clean(raw)
    assert article.title == "Quillmont man held after neighbor shot"
    assert "Quillmont man shot his neighbor on the 900 block of Vell Street." in article.text
    assert "\u00ad" not in article.text and "\u200b" not in article.text
    segments = article.metadata["segments"]
    for word, written in (("neighbor on", "neigh\u00adbor"), ("bor on the", "bor on the"), ("Street", "Street")):
        start = article.text.index(word, article.text.index("A 40"))
        mapped = raw_offset(segments, start)
        assert raw[mapped : mapped + len(written)] == written
    # a line of nothing but invisible characters is a blank line
    assert clean("First line of the report.\n\u00ad\u200b\nSecond line.").text == "First line of the report.\n\nSecond line."


def test_a_span_end_at_a_left_out_character_maps_to_the_end_of_its_run():
    raw = "The neigh\u00adbor said the man fired twice at the door."
    article = clean(raw)
    segments = article.metadata["segments"]
    split = article.text.index("neighbor") + len("neigh")
    end = raw_offset(segments, split, end=True)
    assert raw[end - 5 : end] == "neigh"
    assert raw[raw_offset(segments, split) :].startswith("bor said")
