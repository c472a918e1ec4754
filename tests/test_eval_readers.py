"""Dataset readers, the runner's scoring (with a fake pipeline) and the Markdown report.

Every dataset here is a tiny folder written by the test in the shared format, with invented
texts; the fake pipeline returns what each test tells it to, so the expected scores are known.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from wirecheck.evaluate import (
    DatasetError,
    cli_eval,
    detect_kind,
    evaluate_all,
    evaluate_dataset,
    read_dataset,
    render_markdown,
)
from wirecheck.evaluate.runner import subset
from wirecheck.models import (
    ArticleAnalysis,
    Claim,
    CountRange,
    DateValue,
    Event,
    EventActor,
    EventMention,
    Evidence,
    Place,
    Story,
    StoryResult,
    TimeExpression,
)
from wirecheck.settings import Settings

SETTINGS = Settings(workers=1)


def write_jsonl(path: Path, rows: list[dict], gz: bool = False) -> None:
    data = "".join(json.dumps(r) + "\n" for r in rows)
    if gz:
        with gzip.open(str(path) + ".gz", "wt", encoding="utf-8") as fh:
            fh.write(data)
    else:
        path.write_text(data, encoding="utf-8")


def article(id: str, text: str, published: str | None = None) -> dict:
    return {"id": id, "text": text, "title": None, "published": published, "url": None, "source": None}


class FakePipeline:
    """Returns per-document plans: ``{doc: {"story", "event", "times", "claims", "mentions"}}``.

    ``event`` is a dict of Event fields for the story's main event (taken from the story's
    first article that has one); ``mentions`` are (start, end) trigger spans.
    """

    def __init__(self, plan: dict[str, dict[str, Any]]) -> None:
        self.plan = plan
        self.link_calls = 0

    def spec(self, analysis: ArticleAnalysis) -> dict[str, Any]:
        return self.plan.get(analysis.article.metadata["doc"], {})

    def analyze_articles(self, articles, settings):
        out = []
        for art in articles:
            spec = self.plan.get(art.metadata["doc"], {})
            ev = Evidence(art.id, 0, 0, 1)
            times = [TimeExpression(art.text[s:e], s, e, 0, v, "day", k) for s, e, v, k in spec.get("times", [])]
            claims = [
                Claim(f"c{i}", art.id, "x", "said", "y", ev, speaker_span=src, cue_span=cue, content_span=con)
                for i, (src, cue, con) in enumerate(spec.get("claims", []))
            ]
            mentions = [
                EventMention(f"e{i}", art.id, art.text[s:e], Evidence(art.id, 0, s, e), "Battles")
                for i, (s, e) in enumerate(spec.get("mentions", []))
            ]
            out.append(ArticleAnalysis(art, times=times, claims=claims, events=mentions, timings={"nlp": 0.5}))
        return out

    def link_analyses(self, analyses, settings):
        self.link_calls += 1
        stories: dict[str, list[ArticleAnalysis]] = {}
        for a in analyses:
            stories.setdefault(self.spec(a).get("story", a.article.id), []).append(a)
        results = []
        for sid, members in stories.items():
            fields = next((self.spec(a)["event"] for a in members if "event" in self.spec(a)), None)
            events = []
            if fields is not None:
                f = dict(fields)
                actors = [EventActor(role, None, name, "unknown") for role, name in f.pop("actors", [])]
                mentions = [(a.article.id, m.id) for a in members for m in a.events]
                events.append(Event(
                    id=f"{sid}-ev", story=sid, event_type=f.pop("event_type", "Violence against civilians"),
                    sub_event_type=f.pop("sub_event_type", None), background=False,
                    date=f.pop("date", None), location=f.pop("location", None), actors=actors,
                    fatalities=f.pop("fatalities", None), injured=f.pop("injured", None),
                    facts=[], reports=[], mentions=mentions,
                ))
            story = Story(sid, "t", [a.article.id for a in members], events[0].id if events else None)
            results.append(StoryResult(story, events, []))
        return results


def n(k: int) -> CountRange:
    return CountRange(k, k, k)


# --------------------------------------------------------------------------- incidents (gva/gvc)


@pytest.fixture
def incidents_dir(tmp_path: Path) -> Path:
    d = tmp_path / "toyincidents"
    d.mkdir()
    write_jsonl(d / "articles.jsonl", [
        article("a1", "Two men were shot on Elm Street in Dayton.", "2016-05-02"),
        article("a2", "Police say two men were wounded in Dayton.", "2016-05-03"),
        article("b1", "A woman was killed in a shooting in Akron.", "2016-06-01"),
        article("c1", "One person died after gunfire in Toledo (Ohio).", "2016-07-01"),
    ])
    write_jsonl(d / "incidents.jsonl", [
        {"incident_id": "1", "articles": ["a1", "a2"], "has_facts": True, "killed": 0, "injured": 2,
         "date": "2016-05-01", "city": "Dayton", "state": "Ohio"},
        {"incident_id": "2", "articles": ["b1"], "has_facts": True, "killed": 1, "injured": 0,
         "date": "2016-05-31", "city": "Akron", "state": "Ohio"},
        {"incident_id": "3", "articles": ["c1"], "has_facts": False, "killed": None, "injured": None,
         "date": None, "city": None, "state": None},
    ])
    return d


def test_incidents_reader_and_kind(incidents_dir: Path):
    assert detect_kind(incidents_dir) == "incidents"
    ds = read_dataset(incidents_dir)
    assert [i.id for i in ds.gold] == ["1", "2", "3"]
    assert ds.gold[0].articles == ["a1", "a2"] and ds.gold[0].injured == 2
    assert ds.articles[0].text.startswith("Two men")


def test_incidents_scoring(incidents_dir: Path):
    plan = {
        "a1": {"story": "S1", "event": {
            "fatalities": None, "injured": n(2), "date": DateValue("2016-05-01", "Sunday", "day"),
            "location": Place("Dayton", "United States", "US", "OH", precision=1)}},
        "a2": {"story": "S1"},
        "b1": {"story": "S2", "event": {
            "fatalities": n(1), "injured": n(1), "date": DateValue("2016-05", "May", "month"),
            "location": Place("Canton", "United States", "US", "Ohio", precision=1)}},
        "c1": {"story": "S2"},  # wrongly joined to b1's story
    }
    res = evaluate_dataset(str(incidents_dir), SETTINGS, pipeline=FakePipeline(plan))
    f = res["figures"]
    assert res["dataset"] == "toyincidents" and res["articles"] == 4
    # gold {a1,a2}{b1}{c1}; predicted {a1,a2}{b1,c1}: B3 P = (1+1+.5+.5)/4, R = 1
    assert f["b3_f1"] == pytest.approx(round(2 * 0.75 / 1.75, 4))
    assert f["killed_exact"] == 1.0  # 0 (no count read) and 1
    assert f["injured_exact"] == 0.5
    assert f["killed_mae"] == 0.0 and f["injured_mae"] == 0.5
    assert f["date_accuracy"] == 0.5  # a month never equals a day
    assert f["city_accuracy"] == 0.5
    assert f["state_accuracy"] == 1.0  # "OH" is Ohio
    facts_only = evaluate_dataset(str(incidents_dir), SETTINGS, task="facts", pipeline=FakePipeline(plan))
    assert "b3_f1" not in facts_only["figures"] and "killed_exact" in facts_only["figures"]


def test_sample_keeps_incidents_whole_and_is_deterministic(incidents_dir: Path):
    ds = read_dataset(incidents_dir)
    one = subset(ds, sample=1)
    assert subset(ds, sample=1).articles == one.articles
    ids = {a.id for a in one.articles}
    assert ids in ({"a1", "a2"}, {"b1"}, {"c1"})
    limited = subset(ds, limit=1)
    assert [a.id for a in limited.articles] == ["a1"]
    assert [(i.id, i.articles) for i in limited.gold] == [("1", ["a1"])]


def test_unknown_folder_and_task(tmp_path: Path, incidents_dir: Path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "README.md").write_text("# something else\n")
    with pytest.raises(DatasetError, match="no known gold files"):
        detect_kind(tmp_path / "empty")
    with pytest.raises(DatasetError, match="not a folder"):
        detect_kind(tmp_path / "missing")
    with pytest.raises(DatasetError, match="unknown task"):
        evaluate_dataset(str(incidents_dir), SETTINGS, task="poetry", pipeline=FakePipeline({}))


# --------------------------------------------------------------------------- gvdb


def test_gvdb(tmp_path: Path):
    d = tmp_path / "toygvdb"
    d.mkdir()
    texts = ["Ann Lee, 30, was shot dead in Reno on June 3, 2015.", "A man was hurt in Elko on Friday."]
    write_jsonl(d / "articles.jsonl", [article("1", texts[0]), article("2", texts[1])])
    write_jsonl(d / "gold.jsonl", [
        {"id": "1", "city": {"value": "Reno ", "start": 30, "end": 35}, "state": "NV - Nevada",
         "date": "2015-06-03", "n_killed": 1, "n_injured": 0,
         "victims": [{"name": {"value": "Ann Lee", "start": 0, "end": 7}}], "shooters": []},
        {"id": "2", "city": {"value": "Elko", "start": 18, "end": 22}, "state": "Unclear",
         "date": "2015-06-05", "n_killed": 0, "n_injured": 1, "victims": [], "shooters": []},
    ])
    assert detect_kind(d) == "gvdb"
    ds = read_dataset(d)
    assert ds.gold[0].state == "Nevada" and ds.gold[1].state is None
    assert ds.gold[0].city.value == "Reno" and ds.gold[0].victims[0].value == "Ann Lee"
    plan = {
        "1": {"event": {"fatalities": n(1), "date": DateValue("2015-06-03", "June 3, 2015", "day"),
                        "location": Place("Reno", "United States", "US", "Nevada")}},
        "2": {"event": {"injured": n(1), "location": Place("Elko")}},
    }
    fake = FakePipeline(plan)
    f = evaluate_dataset(str(d), SETTINGS, pipeline=fake)["figures"]
    assert fake.link_calls == 2  # each article reconciled alone
    assert f["killed_exact"] == 1.0 and f["injured_exact"] == 1.0 and f["city_accuracy"] == 1.0
    assert f["date_accuracy"] == 1.0  # only article 1 gives its year
    assert f["state_accuracy"] == 1.0
    assert f["city_overlap_accuracy"] == 1.0


@pytest.mark.parametrize(("gold", "pred", "exact", "overlap"), [
    ("Oakvale", "Oakvale", True, True),
    ("North Oakvale", "Oakvale", False, True),       # a part of the city, or the city of a part
    ("Quill", "Quill Springs", False, True),         # a span cut short
    ("publication date: 1/2/2016\nOAKVALE", "Oakvale", False, True),  # a span that ran over
    ("Pike County", "Pike", False, True),
    ("Oakvale", "Dover", False, False),
    ("Quill Springs", "Quill", False, True),
    ("Oakvaleton", "Oakvale", False, False),         # words, not letters
    ("Oakvale", None, False, False),
])
def test_gvdb_city_overlap_match(gold: str, pred: str | None, exact: bool, overlap: bool):
    from wirecheck.evaluate.score import overlapping_place, same_place

    assert same_place(gold, pred) is exact
    assert overlapping_place(gold, pred) is overlap


# --------------------------------------------------------------------------- timex


def test_timex_scoring_and_gz(tmp_path: Path):
    d = tmp_path / "toytimex"
    d.mkdir()
    text = "On Monday the council met. It meets every week."
    write_jsonl(d / "articles.jsonl", [article("d1", text, "2020-03-04")], gz=True)
    write_jsonl(d / "docs.jsonl", [{"id": "d1", "dct": "2020-03-04", "text": text, "timexes": [
        {"tid": "t1", "start": 3, "end": 9, "text": "Monday", "type": "DATE", "value": "2020-03-02"},
        {"tid": "t2", "start": 36, "end": 46, "text": "every week", "type": "SET", "value": "P1W"},
    ]}])
    assert detect_kind(d) == "timex"
    plan = {"d1": {"times": [(0, 9, "2020-03-02", "DATE"), (42, 46, "P2W", "DURATION")]}}
    f = evaluate_dataset(str(d), SETTINGS, pipeline=FakePipeline(plan))["figures"]
    assert f["timex_span_f1"] == 0.0  # "On Monday" and "week" are not exact
    assert f["timex_relaxed_f1"] == 1.0
    assert f["timex_value_accuracy"] == 0.5
    assert f["timex_value_f1"] == 0.5
    assert f["timex_type_accuracy"] == 0.5


# --------------------------------------------------------------------------- polnear


def test_polnear_scoring(tmp_path: Path):
    d = tmp_path / "toypol"
    d.mkdir()
    text = "Senator Kay Dorn said the tax plan would fail."
    write_jsonl(d / "articles.jsonl", [article("p1", text)])
    write_jsonl(d / "docs.jsonl", [{"id": "p1", "text": text, "attributions": [
        {"id": "E1", "source": [0, 16, "Senator Kay Dorn"], "cue": [17, 21, "said"],
         "content": [22, 45, "the tax plan would fail"]},
    ]}])
    assert detect_kind(d) == "polnear"
    plan = {"p1": {"claims": [((8, 16), (17, 21), (26, 45))]}}  # "Kay Dorn", "said", "tax plan would fail"
    f = evaluate_dataset(str(d), SETTINGS, pipeline=FakePipeline(plan))["figures"]
    assert f["source_f1"] == 1.0 and f["source_exact_f1"] == 0.0
    assert f["cue_f1"] == 1.0 and f["cue_exact_f1"] == 1.0
    # content tokens: gold 5 (the tax plan would fail), predicted 4, common 4 -> P 1, R .8
    assert f["content_f1"] == pytest.approx(round(2 * 0.8 / 1.8, 4))
    assert f["attribution_f1"] == 1.0


# --------------------------------------------------------------------------- acled


def test_acled_reader_and_scoring(tmp_path: Path):
    d = tmp_path / "toyacled"
    d.mkdir()
    notes = "On 2 March 2021, unidentified gunmen killed two farmers in Kuje (FCT)."
    write_jsonl(d / "records.jsonl", [
        {"event_id_cnty": "X1", "notes": notes, "event_type": "Violence against civilians",
         "sub_event_type": "Attack", "fatalities": 2, "country": "Nigeria", "iso": 566,
         "admin1": "Federal Capital Territory", "location": "Kuje", "event_date": "2021-03-02",
         "actor1": "Unidentified Armed Group (Nigeria)", "actor2": "Civilians (Nigeria)"},
        {"event_id_cnty": "X2", "notes": notes, "event_type": "Battles", "sub_event_type": "Armed clash",
         "fatalities": 0, "country": "Nigeria", "iso": 566, "admin1": None, "location": "Kuje",
         "event_date": "2021-03-02", "actor1": None, "actor2": None},
    ])
    assert detect_kind(d) == "acled"
    ds = read_dataset(d)
    assert len(ds.articles) == 1 and ds.articles[0].published is None  # one note, no publication date
    plan = {ds.articles[0].id: {"event": {"event_type": "Violence against civilians", "sub_event_type": "Attack",
                                          "fatalities": n(2), "location": Place("Kuje", "Nigeria", "NG")}}}
    f = evaluate_dataset(str(d), SETTINGS, pipeline=FakePipeline(plan))["figures"]
    assert f["event_type_accuracy"] == 0.5 and f["sub_event_type_accuracy"] == 0.5
    assert f["fatalities_exact"] == 0.5 and f["fatalities_mae"] == 1.0
    assert f["country_accuracy"] == 1.0  # ISO numeric 566 is NG
    assert f["admin1_accuracy"] == 0.0


# --------------------------------------------------------------------------- muc4


def test_muc4_scoring(tmp_path: Path):
    d = tmp_path / "toymuc"
    d.mkdir()
    write_jsonl(d / "articles.jsonl", [
        article("M1", "REBELS OF THE PEOPLES FRONT BOMBED THE ORTEGA BRIDGE, KILLING 3 GUARDS."),
        article("M2", "THE MINISTER SPOKE ABOUT THEHARVEST."),
    ])
    write_jsonl(d / "templates.jsonl", [
        {"doc_id": "M1", "template_id": "1", "optional": False, "incident_type": "BOMBING",
         "perp_organization": [["PEOPLES FRONT", "PF"]], "perp_individual": [["REBELS"]],
         "phys_target": [["ORTEGA BRIDGE"]], "hum_target_name": [],
         "hum_target_description": [{"description": ["GUARDS"], "refers_to": []}],
         "hum_target_number": [{"label": "3", "refs": ["GUARDS"]}], "killed": ["GUARDS"]},
    ])
    assert detect_kind(d) == "muc4"
    assert read_dataset(d).gold[0].deaths == 3
    plan = {
        "M1": {"event": {"event_type": "Explosions/Remote violence", "sub_event_type": "Remote explosive/landmine/IED",
                         "fatalities": n(3), "actors": [("perpetrator", "the Peoples Front"),
                                                        ("perpetrator", "rebels"), ("target", "Ortega bridge")]}},
        "M2": {"event": {"event_type": "Battles", "actors": [("perpetrator", "the minister")]}},
    }
    f = evaluate_dataset(str(d), SETTINGS, pipeline=FakePipeline(plan))["figures"]
    # perpetrators: PF found (tp), "rebels" is a perp_individual (tolerated), "the minister" is a false positive
    assert f["perpetrator_org_f1"] == pytest.approx(round(2 * 0.5 * 1 / 1.5, 4))
    # targets: bridge found, guards missed
    assert f["target_f1"] == pytest.approx(round(2 * 1 * 0.5 / 1.5, 4))
    assert f["deaths_accuracy"] == 1.0 and f["incident_type_accuracy"] == 1.0


# --------------------------------------------------------------------------- ecbplus / newswcl50


def test_ecbplus_story_and_event_chains(tmp_path: Path):
    d = tmp_path / "toyecb"
    d.mkdir()
    texts = {"1_1ecb": "A quake hit Lima. It killed ten.", "1_2ecb": "The Lima quake killed ten people.",
             "1_1ecbplus": "A storm hit Quito."}
    write_jsonl(d / "articles.jsonl", [article(k, v) for k, v in sorted(texts.items())])
    write_jsonl(d / "docs_gold.jsonl", [
        {"id": "1_1ecb", "topic": 1, "subtopic": "1_ecb", "coref_sentences": [0]},
        {"id": "1_2ecb", "topic": 1, "subtopic": "1_ecb", "coref_sentences": [0]},
        {"id": "1_1ecbplus", "topic": 1, "subtopic": "1_ecbplus", "coref_sentences": [0]},
    ])
    write_jsonl(d / "event_chains.jsonl", [
        {"chain_id": "C1", "kind": "cross_doc", "mentions": [
            {"doc_id": "1_1ecb", "start": 8, "end": 11, "text": "hit", "in_coref_sentences": True},
            {"doc_id": "1_2ecb", "start": 9, "end": 14, "text": "quake", "in_coref_sentences": True}]},
        {"chain_id": "C2", "kind": "singleton", "mentions": [
            {"doc_id": "1_1ecbplus", "start": 8, "end": 11, "text": "hit", "in_coref_sentences": True}]},
    ])
    assert detect_kind(d) == "ecbplus"
    plan = {
        "1_1ecb": {"story": "S1", "event": {}, "mentions": [(8, 11)]},
        "1_2ecb": {"story": "S1", "mentions": [(9, 14)]},
        "1_1ecbplus": {"story": "S2", "event": {}, "mentions": [(8, 11)]},
    }
    f = evaluate_dataset(str(d), SETTINGS, pipeline=FakePipeline(plan))["figures"]
    assert f["b3_f1"] == 1.0 and f["conll_f1"] == 1.0
    assert f["event_b3_f1"] == 1.0 and f["event_mention_recall"] == 1.0


def test_newswcl50_reader(tmp_path: Path):
    d = tmp_path / "toywcl"
    d.mkdir()
    write_jsonl(d / "articles.jsonl", [article("0_L", "x"), article("0_R", "y")])
    write_jsonl(d / "events_gold.jsonl", [{"event_id": "0", "topic": "t", "articles": ["0_L", "0_R"]}])
    write_jsonl(d / "event_mentions.jsonl", [
        {"mention_id": "m", "doc_id": "0_L", "chain_id": "c", "start": 0, "end": 1, "text": "x"}])
    assert detect_kind(d) == "newswcl50"
    ds = read_dataset(d)
    assert ds.gold[0].articles == ["0_L", "0_R"] and ds.mentions[0].chain == "c"


# --------------------------------------------------------------------------- report and CLI helpers


def test_render_markdown_and_cli(incidents_dir: Path, tmp_path: Path):
    plan = {"a1": {"story": "S1", "event": {"injured": n(2)}}, "a2": {"story": "S1"}}
    results = evaluate_all(str(incidents_dir.parent), SETTINGS, pipeline=FakePipeline(plan))
    assert [r["dataset"] for r in results] == ["toyincidents"]
    results[0]["dataset"] = "gvc"  # borrow gvc's baseline row
    meta = {"commit": "abc123", "date": "2024-01-01", "cpu": "Test CPU", "cores": 2, "ram_gib": 4.0,
            "version": "0", "python": "3.11", "model": "m", "workers": 1, "command": "wirecheck eval --all X"}
    md = render_markdown(results, meta)
    assert "## gvc" in md and "abc123" in md and "Test CPU, 2 cores, 4.0 GiB RAM" in md
    assert "| `b3_f1` |" in md and "0.970 (TF-IDF + average-link clustering)" in md
    assert "## Speed" in md and "| gvc | 4 | nlp |" in md
    text = cli_eval(str(incidents_dir), SETTINGS, pipeline=FakePipeline(plan))
    assert text.startswith("toyincidents (incidents): 4 articles")
    as_json = json.loads(cli_eval(str(incidents_dir), SETTINGS, as_json=True, pipeline=FakePipeline(plan)))
    assert as_json["figures"]["injured_exact"] == 0.5


@pytest.mark.datasets
def test_every_shared_dataset_reads():
    root = Path(SETTINGS.datasets)
    if not root.is_dir():
        pytest.skip(f"no shared datasets at {root} (set WIRECHECK_DATASETS)")
    kinds = {}
    for sub in sorted(p for p in root.iterdir() if p.is_dir()):
        ds = read_dataset(sub)
        assert ds.articles and ds.gold, sub
        kinds[sub.name] = ds.kind
    assert {"incidents", "timex", "polnear"} <= set(kinds.values())
