"""A small in-memory store for the web tests: invented reports in the store's JSON shapes.

The people, outlets and quotes are made up for these tests; the cities are real.  Offsets are
computed from the texts, so the spans are right by construction.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from wirecheck.errors import NotFound

XSS_TITLE = "<script>alert(1)</script>"


def _sentences(text: str) -> list[dict[str, int]]:
    out = []
    for n, m in enumerate(re.finditer(r"[^.!?]+[.!?]", text)):
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        out.append({"index": n, "start": start, "end": m.end()})
    return out


def _at(article: dict[str, Any], phrase: str) -> dict[str, Any]:
    """Evidence for ``phrase`` in ``article``: sentence index and span."""
    start = article["text"].index(phrase)
    end = start + len(phrase)
    sent = next(s for s in article["sentences"] if s["start"] <= start < s["end"])
    return {"article": article["id"], "sentence": sent["index"], "span": [start, end]}


def _article(aid: str, seq: int, **fields: Any) -> dict[str, Any]:
    art = {
        "id": aid,
        "seq": seq,
        "ingested_at": f"2024-03-03T10:0{seq}:00+00:00",
        "source": None,
        "title": None,
        "published": None,
        "updated": None,
        "url": None,
        "section": None,
        "captions": [],
        **fields,
    }
    art["sentences"] = _sentences(art["text"])
    return art


def _report(article: dict[str, Any], phrase: str, value: Any, **extra: Any) -> dict[str, Any]:
    ev = _at(article, phrase)
    return {"article": ev["article"], "value": value, "sentence": ev["sentence"], "span": ev["span"],
            "attributed_to": extra.get("attributed_to"), "certainty": extra.get("certainty", "asserted")}


def build_data() -> dict[str, Any]:
    a1 = _article(
        "a1aaaaaaaaaaaaaa", 1,
        source="Northern Ledger", title="Shelling hits Kherson market", published="2024-03-02T08:00:00+00:00",
        url="https://ledger.example/kherson", section="World",
        text=(
            "Shelling hit a covered market in Kherson on Saturday morning, killing at least three people. "
            "Regional governor Oleh Tarvin said five others were wounded.\n\n"
            "The army across the river denied firing on the city. "
            "Traders said the roof collapsed within minutes."
        ),
        captions=["Smoke over the market (Photo: L. Danko/Ledger)"],
    )
    a2 = _article(
        "a2bbbbbbbbbbbbbb", 2,
        source="Harbor Times", title="Four killed as shells strike Kherson market",
        published="2024-03-02T14:30:00+00:00", updated="Updated at 3:10 p.m.",
        text=(
            "Four people were killed when shells struck the central market in Kherson, the regional "
            "administration said. Governor Oleh Tarvin said seven people were wounded and called the attack "
            "deliberate.\n\nA week earlier, a drone strike hit a fuel depot near Odesa."
        ),
    )
    a3 = _article(
        "a3cccccccccccccc", 3,
        source="Lakeside Post", title=XSS_TITLE, published="2023-11-20",
        url="javascript:alert(2)",
        text="Police in Lyon arrested twelve protesters <img src=x onerror=alert(3)> after a march on Sunday.",
    )

    tarvin = {"id": "en-tarvin", "type": "PERSON", "name": "Oleh Tarvin", "aliases": ["Tarvin"],
              "roles": ["Regional governor"]}
    kherson = {"id": "en-kherson", "type": "GPE", "name": "Kherson", "aliases": []}
    army = {"id": "en-army", "type": "ORG", "name": "The army across the river", "aliases": []}
    police = {"id": "en-police", "type": "ORG", "name": "Police in Lyon", "aliases": ["Police"]}
    loc_kherson = {"name": "Kherson", "country": "Ukraine", "iso": "UA", "admin1": "Kherson Oblast",
                   "lat": 46.6354, "lon": 32.6169, "precision": 1, "detail": "central market"}
    loc_odesa = {"name": "Odesa", "country": "Ukraine", "iso": "UA", "admin1": "Odesa Oblast",
                 "lat": 46.4825, "lon": 30.7233, "precision": 2, "detail": None}
    loc_lyon = {"name": "Lyon", "country": "France", "iso": "FR", "admin1": "Auvergne-Rhône-Alpes",
                "lat": 45.764, "lon": 4.8357, "precision": 1, "detail": None}

    ev1 = {
        "id": "ev-market", "story": "st-kherson", "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack", "background": False,
        "date": {"value": "2024-03-02", "text": "Saturday", "precision": "day"},
        "location": loc_kherson,
        "actors": [{"role": "perpetrator", "entity": "en-army", "name": "the army across the river",
                    "status": "denied"}],
        "fatalities": {"low": 4, "best": 4, "high": 4},
        "injured": {"low": 5, "best": None, "high": 7},
        "facts": [
            {"attribute": "event_type", "status": "consensus", "value": "Explosions/Remote violence",
             "reports": [_report(a1, "Shelling hit", "Explosions/Remote violence"),
                         _report(a2, "shells struck", "Explosions/Remote violence")]},
            {"attribute": "location", "status": "consensus", "value": loc_kherson,
             "reports": [_report(a1, "Kherson", loc_kherson), _report(a2, "Kherson", loc_kherson)]},
            {"attribute": "date", "status": "single_source", "value": ev_date(),
             "reports": [_report(a1, "Saturday", ev_date())]},
            {"attribute": "fatalities", "status": "consensus", "value": {"low": 4, "best": 4, "high": 4},
             "reports": [_report(a1, "at least three people", {"low": 3, "best": 3, "high": None}),
                         _report(a2, "Four people", {"low": 4, "best": 4, "high": 4},
                                 attributed_to="the regional administration")]},
            {"attribute": "injured", "status": "conflict", "value": {"low": 5, "best": None, "high": 7},
             "reports": [_report(a1, "five others were wounded", {"low": 5, "best": 5, "high": 5},
                                 attributed_to="Oleh Tarvin"),
                         _report(a2, "seven people were wounded", {"low": 7, "best": 7, "high": 7},
                                 attributed_to="Oleh Tarvin")]},
            {"attribute": "perpetrator", "status": "single_source",
             "value": {"name": "the army across the river", "status": "denied"},
             "reports": [_report(a1, "The army across the river denied firing on the city",
                                 {"name": "the army across the river", "status": "denied"},
                                 certainty="denied")]},
        ],
        "reports": [{**_at(a1, "Shelling hit")}, {**_at(a2, "shells struck")}],
    }
    ev2 = {
        "id": "ev-depot", "story": "st-kherson", "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike", "background": True,
        "date": {"value": None, "text": "A week earlier", "precision": "week"}, "location": loc_odesa,
        "actors": [], "fatalities": None, "injured": None,
        "facts": [{"attribute": "event_type", "status": "single_source", "value": "Explosions/Remote violence",
                   "reports": [_report(a2, "a drone strike hit a fuel depot", "Explosions/Remote violence")]}],
        "reports": [_at(a2, "a drone strike hit a fuel depot")],
    }
    ev3 = {
        "id": "ev-lyon", "story": "st-lyon", "event_type": "Strategic developments", "sub_event_type": "Arrests",
        "background": False, "date": {"value": "2023-11-19", "text": "Sunday", "precision": "day"},
        "location": loc_lyon,
        "actors": [{"role": "perpetrator", "entity": "en-police", "name": "Police in Lyon", "status": "confirmed"}],
        "fatalities": None, "injured": None,
        "facts": [{"attribute": "event_type", "status": "single_source", "value": "Strategic developments",
                   "reports": [_report(a3, "arrested twelve protesters", "Strategic developments")]}],
        "reports": [_at(a3, "arrested")],
    }
    claims = [
        {"id": "a1aaaaaaaaaaaaaa:c0", "article": a1["id"], "speaker": {"entity": "en-tarvin", "text": "Regional governor Oleh Tarvin"},
         "cue": "said", "content": "five others were wounded", "stance": "assert", "event": "ev-market",
         **{k: v for k, v in _at(a1, "Regional governor Oleh Tarvin said five others were wounded").items() if k != "article"}},
        {"id": "a1aaaaaaaaaaaaaa:c1", "article": a1["id"], "speaker": {"entity": "en-army", "text": "The army across the river"},
         "cue": "denied", "content": "firing on the city", "stance": "deny", "event": "ev-market",
         **{k: v for k, v in _at(a1, "The army across the river denied firing on the city").items() if k != "article"}},
        {"id": "a2bbbbbbbbbbbbbb:c0", "article": a2["id"], "speaker": {"entity": "en-tarvin", "text": "Governor Oleh Tarvin"},
         "cue": "said", "content": "seven people were wounded and called the attack deliberate", "stance": "assert",
         "event": "ev-market",
         **{k: v for k, v in _at(a2, "Governor Oleh Tarvin said seven people were wounded").items() if k != "article"}},
    ]
    stories = [
        {"id": "st-kherson", "title": "Shelling hits Kherson market", "articles": [a1["id"], a2["id"]],
         "main_event": "ev-market", "events": ["ev-market", "ev-depot"]},
        {"id": "st-lyon", "title": XSS_TITLE, "articles": [a3["id"]], "main_event": "ev-lyon", "events": ["ev-lyon"]},
    ]
    return {
        "articles": [a1, a2, a3],
        "stories": stories,
        "events": [ev1, ev2, ev3],
        "entities": [tarvin, kherson, army, police],
        "claims": claims,
    }


def ev_date() -> dict[str, Any]:
    return {"value": "2024-03-02", "text": "Saturday", "precision": "day"}


class FakeStore:
    """The store's read methods over :func:`build_data`, filtering like the real one should."""

    def __init__(self) -> None:
        self.data = build_data()
        self.ingested: list[Any] = []

    def _get(self, kind: str, item_id: str) -> dict[str, Any]:
        for item in self.data[kind]:
            if item["id"] == item_id:
                return copy.deepcopy(item)
        raise NotFound(f"no {kind[:-1] if kind != 'entities' else 'entity'} with id {item_id!r}")

    def _summary(self, story: dict[str, Any]) -> dict[str, Any]:
        main = self._get("events", story["main_event"])
        arts = [self._get("articles", a) for a in story["articles"]]
        return {
            "id": story["id"], "title": story["title"], "n_articles": len(arts),
            "n_sources": len({a["source"] for a in arts}),
            "n_disagreements": sum(1 for f in main["facts"] if f["status"] == "conflict"),
            "event_type": main["event_type"], "country": main["location"]["country"],
            "iso": main["location"]["iso"], "date": main["date"]["value"],
            # like the real store: the main event's best count (or its low end), a number
            "fatalities": (main["fatalities"] or {}).get("best") or (main["fatalities"] or {}).get("low"),
        }

    def list_stories(self, q=None, date_from=None, date_to=None, country=None, event_type=None,
                     min_killed=None, limit=50, offset=0) -> list[dict[str, Any]]:
        out = []
        for story in self.data["stories"]:
            s = self._summary(story)
            text = " ".join([s["title"]] + [self._get("articles", a)["text"] for a in story["articles"]]).lower()
            if q and not all(w in text for w in q.lower().split()):
                continue
            if country and country.lower() not in (s["country"].lower(), self._get("events", story["main_event"])["location"]["iso"].lower()):
                continue
            if event_type and s["event_type"] != event_type:
                continue
            if date_from and (s["date"] or "") < date_from:
                continue
            if date_to and (s["date"] or "9999") > date_to:
                continue
            if min_killed is not None and (s["fatalities"] or 0) < min_killed:
                continue
            out.append(s)
        out.sort(key=lambda s: s["date"] or "", reverse=True)
        return out[offset: offset + limit]

    def story_record(self, story_id: str) -> dict[str, Any]:
        story = self._get("stories", story_id)
        arts = [self._get("articles", a) for a in story["articles"]]
        events = [self._get("events", e) for e in story["events"]]
        ids = {a["id"] for a in arts}
        claims = [copy.deepcopy(c) for c in self.data["claims"] if c["article"] in ids]
        ent_ids = {a["entity"] for e in events for a in e["actors"] if a["entity"]}
        ent_ids |= {c["speaker"]["entity"] for c in claims if c["speaker"]["entity"]}
        entities = [copy.deepcopy(e) for e in self.data["entities"] if e["id"] in ent_ids]
        return {"story": story, "articles": arts, "events": events, "entities": entities, "claims": claims}

    def event_record(self, event_id: str) -> dict[str, Any]:
        ev = self._get("events", event_id)
        story = self._get("stories", ev["story"])
        cited = list(dict.fromkeys(r["article"] for f in ev["facts"] for r in f["reports"]))
        return {
            "event": ev,
            "story": {"id": story["id"], "title": story["title"]},
            "articles": [self._get("articles", a) for a in cited],
            "entities": [self._get("entities", a["entity"]) for a in ev["actors"] if a["entity"]],
            "claims": [copy.deepcopy(c) for c in self.data["claims"] if c["event"] == event_id],
        }

    def entity_record(self, entity_id: str) -> dict[str, Any]:
        ent = self._get("entities", entity_id)
        events = []
        for e in self.data["events"]:
            involvement = [{"role": a["role"], "status": a["status"], "name": a["name"]}
                           for a in e["actors"] if a["entity"] == entity_id]
            if involvement:
                events.append({**copy.deepcopy(e), "involvement": involvement})
        mentions = []
        for art in self.data["articles"]:
            for name in [ent["name"], *ent["aliases"]]:
                if name in art["text"]:
                    mentions.append({**_at(art, name), "key": "k0", "text": name})
                    break
        keep = ("id", "source", "title", "published", "url")
        return {
            "entity": ent,
            "events": events,
            "mentions": mentions,
            "articles": [{k: a[k] for k in keep} for a in self.data["articles"]
                         if any(m["article"] == a["id"] for m in mentions)],
            "claims": [copy.deepcopy(c) for c in self.data["claims"] if c["speaker"]["entity"] == entity_id],
        }

    def article_record(self, article_id: str) -> dict[str, Any]:
        art = self._get("articles", article_id)
        art["story"] = next(s["id"] for s in self.data["stories"] if article_id in s["articles"])
        mentions = []
        for e in self.data["events"]:
            for r in e["reports"]:
                if r["article"] == article_id:
                    mentions.append({
                        "id": f"m{len(mentions)}", "event": e["id"], "event_type": e["event_type"],
                        "sub_event_type": e["sub_event_type"], "background": e["background"],
                        "sentence": r["sentence"], "span": r["span"], "actors": [],
                        "location": e["location"], "date": e["date"], "fatalities": None, "injured": None,
                    })
        claims = [copy.deepcopy(c) for c in self.data["claims"] if c["article"] == article_id]
        entities = [{"key": f"k{n}", "type": e["type"], "name": e["name"], "entity": e["id"]}
                    for n, e in enumerate(self.data["entities"]) if e["name"] in art["text"]]
        return {"article": art, "claims": claims, "event_mentions": mentions, "entities": entities}

    def export_data(self) -> dict[str, Any]:
        keep = ("id", "source", "title", "published", "url", "section", "updated")
        return {
            "articles": [{k: a.get(k) for k in keep} for a in self.data["articles"]],
            "stories": copy.deepcopy(self.data["stories"]),
            "events": copy.deepcopy(self.data["events"]),
            "entities": copy.deepcopy(self.data["entities"]),
            "claims": copy.deepcopy(self.data["claims"]),
        }


def fill_real_store(store: Any) -> None:
    """Write :func:`build_data` into a real store through its write API (no NLP needed).

    The same invented reports as FakeStore, as the dataclasses the pipeline would hand over,
    so the pages can be checked against the shapes the real store returns.
    """
    from wirecheck import models as m

    data = build_data()
    ents = {e["id"]: e for e in data["entities"]}

    def ev_of(rep: dict[str, Any], **kw: Any) -> m.Evidence:
        return m.Evidence(rep["article"], rep["sentence"], rep["span"][0], rep["span"][1], **kw)

    def crange(v: dict[str, Any] | None) -> m.CountRange | None:
        return m.CountRange(v["low"], v["best"], v["high"]) if v else None

    for art in data["articles"]:
        text = art["text"]
        article = m.Article(
            id=art["id"], text=text, origin=f"fixture:{art['id']}", title=art["title"], source=art["source"],
            url=art["url"], published=art["published"], section=art["section"], updated=art["updated"],
            captions=list(art["captions"]),
        )
        sentences = [m.Sentence(s["index"], s["start"], s["end"], text[s["start"]: s["end"]]) for s in art["sentences"]]
        local = []
        for ent in data["entities"]:
            for name in [ent["name"], *ent["aliases"]]:
                if name in text:
                    where = _at(art, name)
                    local.append(m.LocalEntity(
                        key=ent["id"], type=ent["type"], name=ent["name"], aliases=list(ent["aliases"]),
                        roles=list(ent.get("roles", [])),
                        mentions=[m.EntityMention(ent["id"], name, where["span"][0], where["span"][1], where["sentence"])],
                    ))
                    break
        mentions = []
        for ev in data["events"]:
            for rep in ev["reports"]:
                if rep["article"] == art["id"]:
                    evidence = ev_of(rep)
                    mentions.append(m.EventMention(
                        id=f"m-{ev['id']}", article=art["id"], trigger=text[evidence.start: evidence.end],
                        evidence=evidence, event_type=ev["event_type"], sub_event_type=ev["sub_event_type"],
                        background=ev["background"],
                    ))
        claims = [
            m.Claim(
                id=c["id"].split(":")[1], article=art["id"], speaker_text=c["speaker"]["text"], cue=c["cue"],
                content=c["content"], evidence=ev_of({**c, "article": art["id"]}),
                speaker_entity=c["speaker"]["entity"], stance=c["stance"], event=f"m-{c['event']}",
            )
            for c in data["claims"] if c["article"] == art["id"]
        ]
        store.save_analysis(m.ArticleAnalysis(article=article, sentences=sentences, entities=local,
                                              events=mentions, claims=claims))

    for story in data["stories"]:
        events = []
        for ev in (e for e in data["events"] if e["story"] == story["id"]):
            loc = ev["location"]
            events.append(m.Event(
                id=ev["id"], story=story["id"], event_type=ev["event_type"], sub_event_type=ev["sub_event_type"],
                background=ev["background"], date=m.DateValue(**ev["date"]) if ev["date"] else None,
                location=m.Place(**loc) if loc else None,
                actors=[m.EventActor(a["role"], a["entity"], a["name"], a["status"]) for a in ev["actors"]],
                fatalities=crange(ev["fatalities"]), injured=crange(ev["injured"]),
                facts=[
                    m.Fact(f["attribute"], f["status"], f["value"], [
                        m.FactReport(r["article"], r["value"], ev_of(r, attributed_to=r["attributed_to"],
                                                                     certainty=r["certainty"]))
                        for r in f["reports"]
                    ])
                    for f in ev["facts"]
                ],
                reports=[ev_of(r) for r in ev["reports"]],
                mentions=[(r["article"], f"m-{ev['id']}") for r in ev["reports"]],
            ))
        texts = {a["id"]: a["text"] for a in data["articles"] if a["id"] in story["articles"]}
        used = [e for e in ents.values() if any(n in t for t in texts.values() for n in [e["name"], *e["aliases"]])]
        entities = [
            m.Entity(e["id"], e["type"], e["name"], list(e["aliases"]), list(e.get("roles", [])),
                     members=[(a, e["id"]) for a, t in texts.items() if any(n in t for n in [e["name"], *e["aliases"]])])
            for e in used
        ]
        claim_events = {(c["article"], c["id"].split(":")[1]): c["event"] for c in data["claims"]
                        if c["article"] in story["articles"]}
        store.save_story(m.StoryResult(
            story=m.Story(story["id"], story["title"], list(story["articles"]), story["main_event"],
                          list(story["events"])),
            events=events, entities=entities, claim_events=claim_events,
        ))
