"""Time expressions: find them in text and normalise them against the publication date.

Rule-based and fast: the regular expressions are built once from ``data/times.toml`` and need
no spaCy.  Values follow TimeML/TIMEX3 as TempEval-3 uses them: ``2024-01-04`` (day),
``2024-01`` (month), ``2024`` (year), ``2024-W01`` (week), ``2024-Q1``, ``1990s`` -> ``199``,
durations ``P3Y``/``PT2H``/``PXY``, clock times ``2024-01-04T21:00`` or ``2024-01-04TNI``,
sets ``P1D``, and ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``.

Precision is one of ``day, week, month, year, unknown`` for calendar values, ``time`` for a
clock time or a part of a day (the day is then ``value[:10]``).  Quarters and seasons are
reported at ``year`` precision (the ISO value keeps the quarter); durations, sets and the
``*_REF`` values have precision ``unknown``: they are not points on the calendar.

Relative expressions ("Thursday", "yesterday", "last week", "two days ago") are resolved only
against an anchor (the publication date).  With no anchor their value is None and their
precision ``unknown``; the text is kept.  News is written in the past tense, so a bare weekday
or month is the most recent one on or before the anchor ("on Thursday" in an article of
Thursday is that day), unless the sentence speaks of the future ("will", "next", "scheduled").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from importlib import resources
from typing import Any

from wirecheck.models import Sentence, TimeExpression
from wirecheck.nlp.counts import parse_count

__all__ = [
    "bare_clock", "day_of", "event_date_cues", "find_times", "future_cue", "later_nouns", "month_number", "names_holiday", "normalize", "other_incident_cue", "parse_anchor",
]


@cache
def _data() -> dict[str, Any]:
    raw = resources.files("wirecheck.data").joinpath("times.toml").read_text(encoding="utf-8")
    return tomllib.loads(raw)


def parse_anchor(published: str | date | None) -> date | None:
    """The anchor date of a publication stamp ("2024-01-04", "2024-01-04T10:00:00Z", a date)."""
    if published is None:
        return None
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", published)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    try:
        from dateutil import parser as du

        return du.parse(published, fuzzy=False).date()
    except (ValueError, OverflowError, ImportError):
        return None


# --------------------------------------------------------------------------- patterns


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _cap_forms(words: list[str]) -> list[str]:
    return [w.capitalize() for w in words] + [w.upper() for w in words]


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]


@cache
def _rules() -> list[_Rule]:
    d = _data()
    months_full = [m for m in d["months"] if len(m) > 4 or m in ("may", "june", "july")]
    months_abbr = [m for m in d["months"] if m not in months_full]
    # only an abbreviation takes a period ("Sept. 30"); "December." ends a sentence
    mon = rf"(?:(?:{_alt(_cap_forms(months_full))})(?![A-Za-z])|(?:{_alt(_cap_forms(months_abbr))})(?:\.|(?![A-Za-z])))"
    wd = rf"(?:{_alt(_cap_forms(list(d['weekdays'])))})(?![a-z])"
    part = rf"(?i:{_alt(list(d['day_parts']))})"
    season = rf"(?i:{_alt(list(d['seasons']))})"
    unit_words = list(d["units"])
    unit = rf"(?:{_alt(unit_words)})s?"
    unit_plural = rf"(?:{_alt([u + 's' for u in unit_words] + ['centuries'])})"
    numw = (
        r"(?<![\w-])(?:\d+(?:\.\d+)?|(?i:a\s+couple\s+of|a\s+dozen|half\s+a|a|an|"
        r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
        r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen)"
        r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine|hundred|thousand))?))"
    )
    vague_num = r"(?i:several|a\s+few|few|many|some|a\s+couple\s+of|a\s+number\s+of|numerous)"
    year = r"(?:1[6-9]\d\d|20\d\d)"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    tz = r"(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|ET|CT|PT|BST|CET|local\s+time))?"
    clock = rf"(?:(?P<h>\d{{1,2}})(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[aApP]\.?\s?[mM]\.?(?![a-zA-Z]))|(?P<hh>[01]?\d|2[0-3]):(?P<mm>[0-5]\d)(?!\d)|(?P<named>(?i:noon|midnight|midday))){tz}"
    mod = r"(?i:early|earlier|late|later|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|end\s+of|beginning\s+of|start\s+of)"
    rules = [
        ("iso", rf"\b(?P<y>{year})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?:T(?P<t>\d\d:\d\d))?\b"),
        ("numeric", rf"\b(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>{year}|\d\d)\b"),
        # "Monday night, Nov. 28": the date the weekday's part is on
        ("mdy", rf"(?:(?P<wd>{wd})(?:[ \t]+(?P<part>{part}))?,?[ \t]+)?(?P<mon>{mon})\s*(?P<d>{day})(?![\d:])(?:,?\s+(?P<y>{year})\b)?"),
        ("dmy", rf"(?:(?P<wd>{wd}),?[ \t]+)?(?<![\d.:])(?P<d>{day})\s+(?:of\s+)?(?P<mon>{mon})(?:,?\s+(?P<y>{year})\b)?"),
        ("month_year", rf"(?:(?P<mod>{mod})[\s-]*)?(?P<mon>{mon}),?\s+(?:of\s+)?(?P<y>{year})\b"),
        ("month", rf"(?:(?P<rel>(?i:last|this|next|early|late|mid|earlier\s+this|later\s+this|the\s+end\s+of|the\s+beginning\s+of|end\s+of))[\s-]*)?(?P<mon>{mon})"),
        ("decade", rf"(?i:the\s+)?(?:(?P<mod>{mod})[\s-]+)?(?P<y>1[6-9]\d|20\d)0'?s\b"),
        ("fiscal", rf"(?i:fiscal(?:\s+year)?)\s+(?P<y>{year})\b"),
        ("year", rf"(?:(?P<mod>{mod})\s+)?(?<![\d$£€.,#-])(?P<y>{year})(?![\d,%-]|\.\d|'?s\b)"),
        # a named day ("Christmas Eve", "on Easter"); not one that opens a span ("Labor Day
        # weekend") nor one that names a party's day ("a New Year's Eve party" runs past midnight)
        ("holiday", rf"(?:(?<![\w-])(?P<rel>(?i:on))\s+)?(?<![\w-])(?P<hol>(?i:{_holiday_names()}))(?![\w'’-])(?!\s+(?i:weekends?|week|holidays?|season|break|part(?:y|ies)|celebrations?|gatherings?|festivities|bash)\b)(?:,?\s+(?P<y>{year})\b)?"),
        # the word before a weekday is its own ("drive-by Sunday" is no "by Sunday")
        ("weekday", rf"(?:(?<![\w-])(?P<rel>(?i:last|this|next|early|late|past|this\s+past|on|by|until|since))\s+)?(?P<wd>{wd})(?:\s+(?P<part>{part}))?"),
        ("part_weekday", rf"(?P<part>{part})\s+(?:of\s+)?(?P<wd>{wd})"),
        ("deictic", rf"(?i:(?P<deic>today|yesterday|tomorrow|tonight|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)(?:['’]s)?(?:\s+(?P<part>{part}))?)(?![\w-])"),
        ("this_part", rf"(?i:(?P<rel>this|last|late\s+last|early\s+this|later\s+this|early|late)\s+(?P<part>{part}))(?![\w-])"),
        ("overnight", r"(?i:\bovernight\b)"),
        ("rel_unit", r"(?i:(?P<mod>(?:early|earlier|late|later|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of|end\s+of|mid)[\s-]+)?(?P<rel>last|this|next|the\s+current|the\s+previous|the\s+past|the\s+coming|the\s+same)\s+(?P<unit>week|weekend|month|year|quarter|decade|century))(?![\w-])"),
        ("season", rf"(?i:(?P<rel>last|this|next|early|late|earlier\s+this|later\s+this|the)\s+)?(?P<season>{season})(?:\s+(?:of\s+)?(?P<y>{year}))?(?![\w-])"),
        ("quarter", rf"(?i:(?:the\s+)?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)|(?P<rel>latest|last|current|recent|previous|year-ago|year-earlier|same|next|this))[\s-]+(?:fiscal\s+)?quarter)(?![\w-])(?:\s+(?:of\s+)?(?P<y>{year}))?"),
        ("the_quarter", r"(?i:\bthe\s+quarter\b)"),
        ("ago", rf"(?P<num>{numw}|{vague_num})[\s-]+(?P<unit>(?i:{unit}))\s+(?P<dir>(?i:ago|earlier|later|from\s+now|before|after|hence))(?![\w-])"),
        ("duration", rf"(?:(?P<pre>(?i:the\s+(?:past|last|next|first|previous|coming|final|latest)|the))\s+)?(?P<num>{numw}|{vague_num})(?:(?i:\s+to\s+|\s+or\s+)(?P<num2>{numw}))?[\s-]+(?P<unit>(?i:{unit}))(?![\w-]*-?\s*old\b)(?!-)"),
        ("unit_long", rf"(?P<num>{numw})-(?P<unit>(?i:{'|'.join(unit_words)}))-long\b"),
        ("bare_units", rf"(?i:(?P<pre>for|over|in|during|within)\s+)(?P<unit>(?i:{unit_plural}))(?![\w-])"),
        ("clock", clock),
        ("ref", rf"(?i:(?<![\w-])(?:{_alt(list(d['refs']))})(?![\w-]))"),
        ("set", rf"(?i:(?<![\w-])(?:{_alt(list(d['sets']))})(?![\w-])|\b(?:every|each)\s+(?P<every>day|week|month|year|morning|night|evening|afternoon|quarter|(?-i:{wd})|(?-i:{mon})))"),
    ]
    return [_Rule(n, re.compile(p)) for n, p in rules]


def _holiday_key(name: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"['’]", "", name.lower())).strip()


@cache
def _holidays() -> dict[str, tuple[str, bool]]:
    """Holiday name (lower case, no apostrophe) -> (its rule, whether "on" must come before it)."""
    d = _data()["holidays"]
    out = {_holiday_key(k): (v, False) for k, v in d["named"].items()}
    out.update({_holiday_key(k): (v, True) for k, v in d["bare"].items()})
    return out


def _holiday_names() -> str:
    names = list(_data()["holidays"]["named"]) + list(_data()["holidays"]["bare"])
    alts = [re.escape(n).replace("'", "['’]?").replace(r"\ ", r"\s+") for n in sorted(set(names), key=len, reverse=True)]
    return "|".join(alts)


def _holiday_in(rule: str, year: int) -> date | None:
    """The day a holiday rule ("12-25", "11:4:3", "easter") falls on in ``year``."""
    if rule == "easter":
        # the anonymous Gregorian computus
        a, b, c = year % 19, year // 100, year % 100
        d, e = b // 4, b % 4
        g = (8 * b + 13) // 25
        h = (19 * a + b - d - g + 15) % 30
        i, k = c // 4, c % 4
        l_ = (32 + 2 * e + 2 * i - h - k) % 7
        m = (a + 11 * h + 19 * l_) // 433
        month = (h + l_ - 7 * m + 90) // 25
        return date(year, month, (h + l_ - 7 * m + 33 * month + 19) % 32)
    if "-" in rule and ":" not in rule:
        mo, dd = (int(x) for x in rule.split("-"))
        return _safe_date(year, mo, dd)
    mo, n, wd = (int(x) for x in rule.split(":"))
    if n > 0:
        first = date(year, mo, 1)
        return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    nxt = date(year + (mo == 12), mo % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - wd) % 7)


def _holiday_date(rule: str, anchor: date, future: bool) -> date | None:
    """The holiday nearest the anchor, the last one before it unless the sentence looks ahead
    or the next one is within a season (as for a month and day with no year)."""
    cands = [c for c in (_holiday_in(rule, y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)) if c]
    if future:
        ahead = [c for c in cands if c >= anchor]
        return min(ahead) if ahead else None
    best = min(cands, key=lambda c: abs((c - anchor).days))
    if (best - anchor).days > 92:
        past = [c for c in cands if c <= anchor]
        best = max(past) if past else best
    return best


@cache
def _future_re() -> re.Pattern[str]:
    words = [w for w in _data()["tense"]["future"] if not w.startswith(("'", "’"))]
    clitics = [w for w in _data()["tense"]["future"] if w.startswith(("'", "’"))]
    # A clitic ("we'll", "she’ll") is glued to the word before it, so it needs no word boundary
    # there; whole words do.
    return re.compile(rf"(?i:(?:(?<![\w'’])(?:{_alt(words)})|(?<=\w)(?:{_alt(clitics)}))(?![\w]))")


# --------------------------------------------------------------------------- values


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _month_of(name: str) -> int:
    return int(_data()["months"][name.lower().rstrip(".")])


def month_number(word: str) -> int | None:
    """The month a capitalised month name or abbreviation names ("December", "Sept.", "Dec"),
    else None ("may" in lower case is a verb)."""
    if not word[:1].isupper():
        return None
    month = _data()["months"].get(word.lower().rstrip("."))
    return int(month) if month else None


def _add_months(y: int, m: int, delta: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + delta
    return idx // 12, idx % 12 + 1


def _num(text: str | None) -> int | None:
    if not text:
        return None
    t = text.lower().strip()
    if t in ("a half", "half a"):
        return None
    try:
        return int(float(t))
    except ValueError:
        pass
    rng = parse_count(t)  # "a couple of" -> 2, "several" -> no number
    return rng.best if rng is not None else None


def _unit_key(unit: str) -> str:
    u = unit.lower()
    if u == "centuries":
        return "century"
    return u[:-1] if u.endswith("s") and u[:-1] in _data()["units"] else u


def _duration(n: int | None, unit: str) -> str:
    code = _data()["units"][_unit_key(unit)]
    amount = "X" if n is None else str(n)
    if code.startswith("T"):
        return f"PT{amount}{code[1:]}"
    if code == "E":
        return f"P{amount}DE"
    if code == "C":
        return f"P{amount}CE"
    return f"P{amount}{code}"


def _weekday_date(anchor: date, wd: int, rel: str | None, future: bool) -> date:
    back = (anchor.weekday() - wd) % 7
    fwd = (wd - anchor.weekday()) % 7
    if rel == "last" and back <= 2:
        # "last Friday" written on the Saturday or Sunday after is the week before: a report
        # of the day before says "Friday" (or "yesterday")
        return anchor - timedelta(days=back + 7)
    if rel in ("last", "past", "this past", "since"):
        return anchor - timedelta(days=back or 7)
    if rel == "next":
        return anchor + timedelta(days=fwd or 7)
    if future or rel in ("by", "until"):
        return anchor + timedelta(days=fwd)
    return anchor - timedelta(days=back)


def _closest_year(anchor: date, month: int, day: int, future: bool) -> date | None:
    best: date | None = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            cand = date(y, month, day)
        except ValueError:
            continue
        if future and cand < anchor:
            continue
        if best is None or abs((cand - anchor).days) < abs((best - anchor).days):
            best = cand
    if not future and best is not None and (best - anchor).days > 92:
        # News tells of what has happened: a month and day with no year and no future cue,
        # further ahead than a season, is the last one ("was wounded Nov. 3" in a May report).
        past = [c for c in (_safe_date(y, month, day) for y in (anchor.year - 1, anchor.year)) if c and c <= anchor]
        best = max(past) if past else best
    return best


def _safe_date(y: int, month: int, day: int) -> date | None:
    try:
        return date(y, month, day)
    except ValueError:
        return None


Value = tuple[str | None, str, str]  # value, precision, kind


def _value(rule: str, m: re.Match[str], anchor: date | None, future: bool) -> Value | None:
    g = m.groupdict()
    d = _data()

    if rule == "iso":
        try:
            dd = date(int(g["y"]), int(g["m"]), int(g["d"]))
        except ValueError:
            return None
        if g.get("t"):
            return f"{dd.isoformat()}T{g['t']}", "time", "TIME"
        return dd.isoformat(), "day", "DATE"
    if rule == "numeric":
        y = int(g["y"])
        if y < 100:
            y += 2000 if y < 50 else 1900
        try:
            return date(y, int(g["m"]), int(g["d"])).isoformat(), "day", "DATE"
        except ValueError:
            return None
    if rule in ("mdy", "dmy"):
        month = _month_of(g["mon"])
        dnum = int(re.match(r"\d+", g["d"]).group(0))
        if g.get("y"):
            try:
                return date(int(g["y"]), month, dnum).isoformat(), "day", "DATE"
            except ValueError:
                return None
        if anchor is None:
            return None, "unknown", "DATE"
        dd = _closest_year(anchor, month, dnum, future)
        return (dd.isoformat(), "day", "DATE") if dd else None
    if rule == "month_year":
        return f"{int(g['y']):04d}-{_month_of(g['mon']):02d}", "month", "DATE"
    if rule == "month":
        month = _month_of(g["mon"])
        if anchor is None:
            return None, "unknown", "DATE"
        rel = (g.get("rel") or "").lower()
        y = anchor.year
        if rel == "last":
            y = anchor.year if month < anchor.month else anchor.year - 1
        elif rel == "next":
            y = anchor.year if month > anchor.month else anchor.year + 1
        elif rel in ("this", "earlier this", "later this"):
            y = anchor.year
        elif future:
            y = anchor.year if month >= anchor.month else anchor.year + 1
        else:
            y = anchor.year if month <= anchor.month else anchor.year - 1
        return f"{y:04d}-{month:02d}", "month", "DATE"
    if rule == "decade":
        return g["y"], "year", "DATE"
    if rule == "fiscal":
        return f"FY{g['y']}", "year", "DATE"
    if rule == "year":
        return g["y"], "year", "DATE"
    if rule == "holiday":
        hol = _holidays()[_holiday_key(g["hol"])][0]
        if g.get("y"):
            dd = _holiday_in(hol, int(g["y"]))
        elif anchor is None:
            return None, "unknown", "DATE"
        else:
            dd = _holiday_date(hol, anchor, future)
        return (dd.isoformat(), "day", "DATE") if dd else None
    if rule in ("weekday", "part_weekday"):
        wd = int(d["weekdays"][g["wd"].lower()])
        rel = (g.get("rel") or "").lower() or None
        part = g.get("part")
        if anchor is None:
            return None, "unknown", "TIME" if part else "DATE"
        dd = _weekday_date(anchor, wd, rel if rel not in ("on", "early", "late") else None, future)
        if part:
            return f"{dd.isoformat()}T{d['day_parts'][part.lower()]}", "time", "TIME"
        return dd.isoformat(), "day", "DATE"
    if rule == "deictic":
        deic = re.sub(r"\s+", " ", g["deic"].lower())
        part = g.get("part")
        if anchor is None:
            return None, "unknown", "TIME" if part or deic == "tonight" else "DATE"
        shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
                 "the day before yesterday": -2, "the day after tomorrow": 2}[deic]
        dd = anchor + timedelta(days=shift)
        if deic == "tonight":
            return f"{dd.isoformat()}TNI", "time", "TIME"
        if part:
            return f"{dd.isoformat()}T{d['day_parts'][part.lower()]}", "time", "TIME"
        return dd.isoformat(), "day", "DATE"
    if rule == "this_part":
        if anchor is None:
            return None, "unknown", "TIME"
        rel = g["rel"].lower()
        part = g["part"].lower()
        dd = anchor - timedelta(days=1) if rel.endswith("last") and part == "night" else anchor
        if rel.endswith("last") and part != "night":
            dd = anchor - timedelta(days=1)
        return f"{dd.isoformat()}T{d['day_parts'][part]}", "time", "TIME"
    if rule == "overnight":
        if anchor is None:
            return None, "unknown", "TIME"
        return f"{(anchor - timedelta(days=1)).isoformat()}TNI", "time", "TIME"
    if rule == "rel_unit":
        rel = re.sub(r"\s+", " ", g["rel"].lower())
        unit = g["unit"].lower()
        # "the past month" is a span up to now; "the past weekend" is the last one
        if rel in ("the past", "the coming") and not g.get("mod") and unit != "weekend":
            return _duration(1, unit), "unknown", "DURATION"
        if anchor is None:
            return None, "unknown", "DATE"
        step = {"last": -1, "the previous": -1, "the past": -1, "next": 1, "the coming": 1}.get(rel, 0)
        if unit in ("week", "weekend"):
            if unit == "weekend" and rel == "the coming" and anchor.weekday() < 5:
                step = 0  # on a weekday, the coming weekend ends this week
            dd = anchor + timedelta(weeks=step)
            return _iso_week(dd) + ("-WE" if unit == "weekend" else ""), "week", "DATE"
        if unit == "month":
            y, mo = _add_months(anchor.year, anchor.month, step)
            return f"{y:04d}-{mo:02d}", "month", "DATE"
        if unit == "quarter":
            q = (anchor.month - 1) // 3 + step
            y = anchor.year + (q // 4)
            return f"{y:04d}-Q{q % 4 + 1}", "year", "DATE"
        if unit == "decade":
            return str(anchor.year // 10 + step)[:3], "year", "DATE"
        if unit == "century":
            return f"{anchor.year // 100 + step:02d}", "year", "DATE"
        return f"{anchor.year + step:04d}", "year", "DATE"
    if rule == "season":
        code = d["seasons"][g["season"].lower()]
        if g.get("y"):
            return f"{g['y']}-{code}", "year", "DATE"
        rel = (g.get("rel") or "").lower()
        if not rel:
            return None
        if anchor is None:
            return None, "unknown", "DATE"
        y = anchor.year + {"last": -1, "next": 1}.get(rel, 0)
        return f"{y:04d}-{code}", "year", "DATE"
    if rule == "quarter":
        if anchor is None and not g.get("y"):
            return None, "unknown", "DATE"
        base_y = int(g["y"]) if g.get("y") else anchor.year  # type: ignore[union-attr]
        if g.get("ord"):
            q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}[g["ord"].lower()]
            return f"{base_y:04d}-Q{q}", "year", "DATE"
        rel = g["rel"].lower()
        cur = (anchor.month - 1) // 3 + 1 if anchor else 1
        if rel in ("current", "this"):
            return f"{base_y:04d}-Q{cur}", "year", "DATE"
        if rel == "next":
            y, q = (base_y + 1, 1) if cur == 4 else (base_y, cur + 1)
            return f"{y:04d}-Q{q}", "year", "DATE"
        y, q = (base_y - 1, 4) if cur == 1 else (base_y, cur - 1)
        if rel in ("year-ago", "year-earlier"):
            y -= 1
        return f"{y:04d}-Q{q}", "year", "DATE"
    if rule == "the_quarter":
        if anchor is None:
            return None, "unknown", "DATE"
        cur = (anchor.month - 1) // 3 + 1
        y, q = (anchor.year - 1, 4) if cur == 1 else (anchor.year, cur - 1)
        return f"{y:04d}-Q{q}", "year", "DATE"
    if rule == "ago":
        n = _num(g["num"])
        unit = _unit_key(g["unit"])
        direction = g["dir"].lower()
        if direction in ("before", "after"):
            return _duration(n, unit), "unknown", "DURATION"
        if anchor is None or n is None:
            return (None, "unknown", "DATE") if n is not None else ("PAST_REF" if direction in ("ago", "earlier") else "FUTURE_REF", "unknown", "DATE")
        sign = -1 if direction in ("ago", "earlier") else 1
        if unit == "day":
            return (anchor + timedelta(days=sign * n)).isoformat(), "day", "DATE"
        if unit == "week":
            return _iso_week(anchor + timedelta(weeks=sign * n)), "week", "DATE"
        if unit == "month":
            y, mo = _add_months(anchor.year, anchor.month, sign * n)
            return f"{y:04d}-{mo:02d}", "month", "DATE"
        if unit == "year":
            return f"{anchor.year + sign * n:04d}", "year", "DATE"
        if unit == "decade":
            return str(anchor.year + sign * 10 * n)[:3], "year", "DATE"
        return ("PAST_REF" if sign < 0 else "FUTURE_REF"), "unknown", "DATE"
    if rule in ("duration", "unit_long"):
        n = _num(g["num"])
        if g.get("num2"):
            n = None
        return _duration(n, g["unit"]), "unknown", "DURATION"
    if rule == "bare_units":
        return _duration(None, g["unit"]), "unknown", "DURATION"
    if rule == "clock":
        if g.get("named"):
            hh, mi = (0, 0) if g["named"].lower() == "midnight" else (12, 0)
            tval = "T24:00" if g["named"].lower() == "midnight" else "T12:00"
        elif g.get("hh") is not None:
            hh, mi = int(g["hh"]), int(g["mm"])
            tval = f"T{hh:02d}:{mi:02d}"
        else:
            hh = int(g["h"])
            mi = int(g["mi"] or 0)
            if hh > 12 or hh == 0:
                return None
            pm = g["ap"].lower().startswith("p")
            hh = (hh % 12) + (12 if pm else 0)
            tval = f"T{hh:02d}:{mi:02d}"
        if anchor is None:
            return None, "time", "TIME"
        return f"{anchor.isoformat()}{tval}", "time", "TIME"
    if rule == "ref":
        key = re.sub(r"\s+", " ", m.group(0).lower())
        return d["refs"].get(key, "PRESENT_REF"), "unknown", "DATE"
    if rule == "set":
        word = m.group(0).lower()
        if word in d["sets"]:
            return d["sets"][word], "unknown", "SET"
        every = g.get("every") or ""
        el = every.lower().rstrip(".")
        if el in d["weekdays"]:
            return f"XXXX-WXX-{int(d['weekdays'][el]) + 1}", "unknown", "SET"
        if el in d["months"]:
            return f"XXXX-{_month_of(el):02d}", "unknown", "SET"
        if el in d["day_parts"]:
            return "P1D", "unknown", "SET"  # "every morning": daily
        return _duration(1, el), "unknown", "SET"
    return None


# --------------------------------------------------------------------------- finding


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    rule: str
    match: re.Match[str]


# a bare month or weekday that is usually a word, not a date, unless a date word is beside it
_MAY_CONTEXT = re.compile(r"(?i:\b(?:in|since|until|till|by|of|during|through|early|late|mid|last|this|next|before|after|from)\s*-?\s*)$")
_YEAR_CONTEXT = re.compile(r"(?i:\b(?:in|since|until|till|by|of|during|through|before|after|from|to|and|between|year|fiscal|early|late|mid|end|spring|summer|fall|autumn|winter)\s*-?\s*|[(,]\s*)$")
# "2000 people", "1500 troops": a number followed by a content word is a count, not a year
_COUNTED_NOUN = re.compile(
    r"\s+(?!(?:and|or|but|to|when|as|was|were|is|the|with|in|on|at|for|after|before|that|which|where|while|"
    r"until|through|by|from|of|he|she|they|it|we|i|a|an|election|elections|season|census|budget|"
    r"levels?|figures?|rates?|prices?|olympics|games)\b)[a-z]+\b"
)


def _keep(c: _Cand, text: str) -> bool:
    g = c.match.groupdict()
    before = text[max(0, c.start - 30) : c.start]
    if c.rule == "month" and not g.get("rel"):
        mon = g["mon"].lower().rstrip(".")
        if mon in ("may", "mar", "jan", "jun", "aug", "sep", "dec", "oct", "nov", "feb", "apr", "jul", "sept"):
            return bool(_MAY_CONTEXT.search(before))
    if c.rule == "year":
        after = text[c.end : c.end + 20]
        if _COUNTED_NOUN.match(after) and not _YEAR_CONTEXT.search(before):
            return False
    if c.rule == "holiday" and _holidays()[_holiday_key(g["hol"])][1] and not g.get("rel"):
        return False  # "a Christmas gift": a bare name is a day only after "on"
    if c.rule == "duration":
        num = (g.get("num") or "").lower()
        if num in ("a", "an", "some", "many") and not g.get("pre"):
            # "a day", "some years": only as a duration after a verb-like context ("for a week")
            return bool(re.search(r"(?i:\b(?:for|about|nearly|almost|than|over|within|in|after|lasted|lasting|spent|took|past)\s+)$", before))
    if c.rule == "season" and not g.get("rel") and not g.get("y"):
        return False
    if c.rule == "season" and (g.get("rel") or "").lower() == "the" and not g.get("y"):
        return False
    return not (c.rule == "ref" and c.match.group(0).lower() == "soon")


def _candidates(text: str) -> list[_Cand]:
    found: list[_Cand] = []
    for rule in _rules():
        for m in rule.pattern.finditer(text):
            if m.end() <= m.start():
                continue
            c = _Cand(m.start(), m.end(), rule.name, m)
            if _keep(c, text):
                found.append(c)
    # longest first, then earliest; drop anything overlapping a kept span
    found.sort(key=lambda c: (-(c.end - c.start), c.start))
    chosen: list[_Cand] = []
    for c in found:
        if all(c.end <= k.start or c.start >= k.end for k in chosen):
            chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


_DAY_RULES = ("mdy", "dmy", "iso", "numeric", "weekday", "deictic", "holiday")
_JOIN = re.compile(r"\s*,?\s*(?:on\s+)?$")


def _strip_prepositions(c: _Cand, text: str) -> tuple[int, str | None]:
    """Spans exclude a leading "on"/"by"/"since" the weekday rule captured for resolution."""
    rel = c.match.groupdict().get("rel")
    if c.rule == "weekday" and rel and rel.lower() in ("on", "by", "until", "since"):
        return c.match.start("wd"), rel.lower()
    if c.rule == "holiday" and rel:
        return c.match.start("hol"), rel.lower()
    return c.start, None


def find_times(text: str, sentences: list[Sentence], published: str | None) -> list[TimeExpression]:
    """Every time expression in ``text``, normalised against ``published`` when it is given.

    ``sentences`` give each expression its sentence index and its tense context; without them
    the whole text is one sentence (index 0).
    """
    anchor = parse_anchor(published)
    sents = sentences or [Sentence(0, 0, len(text), text)]
    cands = _candidates(text)
    out: list[TimeExpression] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        start, _ = _strip_prepositions(c, text)
        end = c.end
        sidx = next((k for k, s in enumerate(sents) if s.start <= start < s.end), 0)
        # tense: a future cue ("will", "next", "scheduled") shortly before, in the same sentence
        future = future_cue(text, sents[sidx].start if sidx < len(sents) else 0, start) is not None
        val = _value(c.rule, c.match, anchor, future)
        # "9 p.m. Tuesday", "5 p.m. EST, Nov. 6": a clock time followed by its day is one timex
        if c.rule == "clock" and i + 1 < len(cands):
            nxt = cands[i + 1]
            gap = text[c.end : nxt.start]
            if nxt.rule in _DAY_RULES and len(gap) <= 6 and _JOIN.match(gap) and _JOIN.match(gap).end() == len(gap):
                day_val = _value(nxt.rule, nxt.match, anchor, future)
                if val and day_val:
                    # the clock part does not need the anchor when the day is written in full
                    clock_val = val[0] or (_value(c.rule, c.match, date(2000, 1, 1), future) or (None,))[0]
                    tpart = clock_val[10:] if clock_val else None
                    dpart = day_val[0][:10] if day_val[0] and day_val[2] in ("DATE", "TIME") else None
                    val = (f"{dpart}{tpart}" if dpart and tpart else None, "time", "TIME")
                    end = nxt.end
                    i += 1
        if val is None:
            i += 1
            continue
        if c.rule == "ago" and c.match.group("dir").lower() in ("before", "after"):
            end = c.match.end("unit")  # "two days after the raid": the timex is "two days"
        value, precision, kind = val
        if value is None and precision not in ("time",):
            precision = "unknown"
        out.append(TimeExpression(text=text[start:end], start=start, end=end, sentence=sents[sidx].index,
                                  value=value, precision=precision, kind=kind))
        i += 1
    return _days_before(text, sents, out)


# "the day before", "the night before", "the previous evening" closing a clause: the day before
# one the sentence has named ("patrols went on Thursday on the street where two men were hurt the day
# before").  Not one that goes on to name what it precedes ("the night before the raid", "the
# day before Easter", "the day before yesterday"): that is no day of its own.
_DAY_BEFORE = re.compile(
    r"(?<![\w-])(?i:the\s+(?P<p1>day|night|evening|morning|afternoon)\s+(?:before|prior)"
    r"|the\s+previous\s+(?P<p2>day|night|evening|morning|afternoon))(?![\w-])"
    r"(?!\s+(?:(?i:yesterday|the|a|an|his|her|their|its|that|this|to|of)\b|[A-Z]))"
)


def _days_before(text: str, sents: list[Sentence], found: list[TimeExpression]) -> list[TimeExpression]:
    """``found`` with each "the day before" resolved against the last day its sentence names
    before it; one whose sentence names no earlier day is left out (its reference is unknown)."""
    added: list[TimeExpression] = []
    parts = _data()["day_parts"]
    for s in sents:
        for m in _DAY_BEFORE.finditer(text, s.start, s.end):
            if any(t.start < m.end() and m.start() < t.end for t in found):
                continue
            ref = next((t for t in reversed(found) if t.sentence == s.index and t.end <= m.start() and day_of(t)), None)
            if ref is None:
                continue
            prior = (date.fromisoformat(day_of(ref)) - timedelta(days=1)).isoformat()
            part = (m.group("p1") or m.group("p2")).lower()
            value, precision, kind = (
                (prior, "day", "DATE") if part == "day" else (f"{prior}T{parts[part]}", "time", "TIME")
            )
            added.append(TimeExpression(text=m.group(0), start=m.start(), end=m.end(), sentence=s.index,
                                        value=value, precision=precision, kind=kind))
    return sorted(found + added, key=lambda t: t.start) if added else found


def future_cue(text: str, sentence_start: int, start: int) -> int | None:
    """End offset of the future-tense cue ("will", "scheduled", "we'll") that makes the time
    expression at ``start`` point forward, or None: the last cue within 60 characters before
    it in its sentence (the window ``find_times`` resolves bare weekdays and months by)."""
    lo = max(sentence_start, start - 60)
    cues = list(_future_re().finditer(text, lo, start))
    return cues[-1].end() if cues else None


def normalize(expr: str, anchor: date | None, *, future: bool = False) -> tuple[str | None, str]:
    """(value, precision) of one time expression; (None, "unknown") when it is not one or
    when it is relative and no anchor is given.  ``future`` resolves bare weekdays and months
    forward ("will meet Friday")."""
    s = expr.strip()
    best: tuple[int, Value] | None = None
    for rule in _rules():
        m = rule.pattern.fullmatch(s)
        if m is None:
            continue
        v = _value(rule.name, m, anchor, future)
        if v is not None:
            return v[0], (v[1] if v[0] is not None or v[1] == "time" else "unknown")
    if best is None:
        # a longer phrase ("since late October"): normalise its longest time expression
        times = find_times(s, [], anchor.isoformat() if anchor else None)
        if times:
            t = max(times, key=lambda t: t.end - t.start)
            return t.value, t.precision
    return None, "unknown"


def names_holiday(text: str) -> bool:
    """Whether a time expression is a named day ("Christmas Eve", "the Fourth of July"), which,
    like a month and day, names its calendar day whatever the publication date."""
    rule = next(r.pattern for r in _rules() if r.name == "holiday")
    return rule.search(text) is not None


def day_of(te: TimeExpression) -> str | None:
    """The ISO day a resolved expression pins down: a day-precision date, or the day of a time
    that names it ("Friday evening", "last night", "9 p.m. Tuesday").  A bare clock time ("at 10
    p.m.") names no day: TimeML dates it on the anchor by convention, but an event "at 10 p.m."
    in a morning paper happened the day before, so it gives no day here."""
    if not te.value or not re.match(r"\d{4}-\d{2}-\d{2}", te.value):
        return None
    if te.precision == "day":
        return te.value[:10]
    if te.precision != "time":
        return None
    if bare_clock(te.text):
        return None
    return te.value[:10]


@cache
def _birth_before() -> re.Pattern[str]:
    # a birth word and then, in the same clause, the rest of the birth's words ("born Dana Mae
    # Ruiz in Oakvale, Ohio, on", "Date of birth: "): no full stop, no verb or clause of its own
    # ("... and was shot on", "born in Oakvale, was arrested", "born again Christian, died");
    # a past tense ends it too
    words = _alt(_data()["event_date"]["birth_words"])
    verb = (r"\b(?:and|but|while|when|after|before|until|was|were|is|are|has|had|have|will|who|which|that"
            r"|again|[a-z]{2,}ed)\b")
    return re.compile(rf"(?i:(?<![\w-])(?:{words})(?![\w-])(?:\s*[:\-–—])?(?:(?!{verb})[^.;:!?\n]){{0,80}})$")


def birth_date(text: str, start: int, sentence_start: int) -> bool:
    """Whether the time expression at ``start`` is a person's birth date: a birth word
    (``times.toml [event_date] birth_words``) before it in its clause ("born May 2, 1990", "was
    born Dana Mae Ruiz in Oakvale, Ohio, on May 2, 1990").  Never an event's day, nor the day an
    article was written."""
    return _birth_before().search(text, max(sentence_start, start - 120), start) is not None


def bare_clock(text: str) -> bool:
    """Whether a time expression is a clock time alone ("10 p.m.", "12:40"), naming no day."""
    clock = next(r.pattern for r in _rules() if r.name == "clock")
    return bool(clock.fullmatch(text.strip()))


@cache
def event_date_cues() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(later, stamp, vague) patterns from ``times.toml [event_date]``: ``later`` finds reporting
    and court-procedure words ("said", "arraigned") whose day is a later step of a story;
    ``stamp`` matches the end of a text that introduces a publication stamp ("Posted: ") (a
    birth date is :func:`birth_date`'s); ``vague`` fully matches a day word that straddles two days
    ("overnight") or names no day ("late night")."""
    d = _data()["event_date"]
    later = re.compile(rf"(?i:(?<![\w-])(?:{_alt(d['later_cues'])})(?![\w-]))")
    stamp = re.compile(rf"(?i:(?<![\w-])(?:{_alt(d['stamp_words'])})\s*(?:[:\-–—]{{1,2}}|on|at)?\s*)$")
    vague = re.compile(rf"(?i:{_alt(d['vague_days'])})")
    return later, stamp, vague


@cache
def later_nouns() -> re.Pattern[str]:
    """Pattern of ``times.toml [event_date] later_nouns``: the noun of a later step of a story
    ("hearing", "news conference", "vigil"), matched where it starts."""
    words = _data()["event_date"]["later_nouns"]
    return re.compile(rf"(?i:(?:{_alt(words)})s?(?![\w-]))")


@cache
def other_incident_cue() -> re.Pattern[str]:
    """Pattern of ``times.toml [event_date] other_incident_cues``: words that make a sentence
    tell of another incident than the article's ("in an unrelated shooting")."""
    words = _data()["event_date"]["other_incident_cues"]
    return re.compile(rf"(?i:(?<![\w-])(?:{_alt(words)})(?![\w-]))")


@cache
def report_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(report, clause) patterns from ``times.toml [event_date]``: ``report`` fully matches a
    reporting word ("said", "told"), whose day is the saying's only when it follows it closely;
    ``clause`` finds a word that opens a reported clause ("that", "they") between such a word
    and a day."""
    d = _data()["event_date"]
    report = re.compile(rf"(?i:{_alt(d['report_cues'])})")
    clause = re.compile(rf"(?i:(?<![\w'’-])(?:{_alt(d['clause_words'])})(?![\w'’-]))")
    return report, clause


_CLOCK = re.compile(r"(?i)\d(?::\d\d)?\s*[ap]\.?\s?m\b|\bnoon\b|\bmidnight\b|\d:\d\d")


def names_clock(text: str) -> bool:
    """Whether a time expression gives a clock time ("9:30 p.m. Thursday", "noon Friday")."""
    return bool(_CLOCK.search(text))
