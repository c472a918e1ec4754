"""Evaluation metrics, implemented once and unit-tested on hand-computed cases.

Clusterings are ``dict[item, cluster_id]`` mappings, gold and predicted.  The score is taken over
the **gold items**: a gold item the prediction does not mention counts as a predicted singleton
(the system "said nothing" about it), and a predicted item that is not in the gold is ignored
(gold-mention evaluation, as in the ECB+/GVC benchmarks).  :func:`align_clusterings` applies
that rule and every clustering metric goes through it, so all of them agree on it.

Spans are ``(doc, start, end)`` triples; three matching modes are offered:

- ``exact``   — same document and the same offsets (after trimming surrounding whitespace when
  the texts are given, see :func:`trim_span`);
- ``overlap`` — one-to-one matching of spans that share at least one character;
- ``token``   — token-level precision/recall: the share of predicted tokens inside some gold span
  and of gold tokens inside some predicted span (the usual "soft" score for content spans).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

Item = Hashable
Span = tuple[Hashable, int, int]  # (doc, start, end)


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float

    @staticmethod
    def of(precision: float, recall: float) -> PRF:
        return PRF(precision, recall, f1(precision, recall))

    @staticmethod
    def counts(tp_pred: float, n_pred: float, tp_gold: float, n_gold: float) -> PRF:
        """From matched/total counts on each side (they differ for many-to-one matchings)."""
        return PRF.of(ratio(tp_pred, n_pred), ratio(tp_gold, n_gold))


def ratio(num: float, den: float) -> float:
    """``num / den``, with 0/0 = 0.0 (the reference coreference scorer's convention)."""
    return num / den if den else 0.0


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


# --------------------------------------------------------------------------- clusterings


def align_clusterings(
    gold: Mapping[Item, Hashable], pred: Mapping[Item, Hashable]
) -> tuple[dict[Item, Hashable], dict[Item, Hashable]]:
    """Restrict both clusterings to the gold items; missing predictions become singletons."""
    aligned: dict[Item, Hashable] = {}
    for item in gold:
        # A tagged tuple can never collide with a real cluster id of the prediction.
        aligned[item] = pred.get(item, ("__singleton__", item))
    return dict(gold), aligned


def clusters(assignment: Mapping[Item, Hashable]) -> list[set[Item]]:
    groups: dict[Hashable, set[Item]] = defaultdict(set)
    for item, cid in assignment.items():
        groups[cid].add(item)
    return list(groups.values())


def b_cubed(gold: Mapping[Item, Hashable], pred: Mapping[Item, Hashable]) -> PRF:
    """B³ (Bagga & Baldwin 1998): per-item precision and recall, averaged over items."""
    gold, pred = align_clusterings(gold, pred)
    if not gold:
        return PRF(0.0, 0.0, 0.0)
    gold_of = {item: frozenset(c) for c in clusters(gold) for item in c}
    pred_of = {item: frozenset(c) for c in clusters(pred) for item in c}
    p_sum = r_sum = 0.0
    for item in gold:
        common = len(gold_of[item] & pred_of[item])
        p_sum += common / len(pred_of[item])
        r_sum += common / len(gold_of[item])
    return PRF.of(p_sum / len(gold), r_sum / len(gold))


def _muc_side(key: list[set[Item]], response_of: Mapping[Item, Hashable]) -> tuple[int, int]:
    num = den = 0
    for cluster in key:
        parts = {response_of[item] for item in cluster}
        num += len(cluster) - len(parts)
        den += len(cluster) - 1
    return num, den


def muc(gold: Mapping[Item, Hashable], pred: Mapping[Item, Hashable]) -> PRF:
    """MUC (Vilain et al. 1995): links kept.  All-singleton sides give 0/0 = 0.0."""
    gold, pred = align_clusterings(gold, pred)
    r_num, r_den = _muc_side(clusters(gold), pred)
    p_num, p_den = _muc_side(clusters(pred), gold)
    return PRF.of(ratio(p_num, p_den), ratio(r_num, r_den))


def ceaf_e(gold: Mapping[Item, Hashable], pred: Mapping[Item, Hashable]) -> PRF:
    """Entity-based CEAF (Luo 2005) with φ4 = 2|K∩R| / (|K|+|R|) and an optimal 1:1 alignment."""
    gold, pred = align_clusterings(gold, pred)
    key = clusters(gold)
    response = clusters(pred)
    if not key or not response:
        return PRF(0.0, 0.0, 0.0)
    total = _best_alignment(key, response)
    return PRF.of(total / len(response), total / len(key))


def _best_alignment(key: list[set[Item]], response: list[set[Item]]) -> float:
    """Sum of φ4 over the best one-to-one alignment.

    The bipartite graph (key entity -- response entity when they share an item) splits into
    small connected components; the assignment problem is solved per component, so thousands of
    singleton mentions cost nothing.
    """
    resp_of = {item: j for j, c in enumerate(response) for item in c}
    edges: dict[int, set[int]] = defaultdict(set)
    for i, cluster in enumerate(key):
        for item in cluster:
            edges[i].add(resp_of[item])
    # Union-find over key nodes i and response nodes ~j (encoded as -j-1).
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, js in edges.items():
        for j in js:
            parent[find(i)] = find(-j - 1)
    comps: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i in edges:
        comps[find(i)][0].append(i)
    for j in {j for js in edges.values() for j in js}:
        comps[find(-j - 1)][1].append(j)
    total = 0.0
    for ks, rs in comps.values():
        sim = [[phi4(key[i], response[j]) for j in rs] for i in ks]
        total += max_assignment(sim)
    return total


def phi4(k: set[Item], r: set[Item]) -> float:
    return 2 * len(k & r) / (len(k) + len(r))


def max_assignment(weights: Sequence[Sequence[float]]) -> float:
    """The largest total weight of a one-to-one assignment (Hungarian algorithm, O(n²m))."""
    if not weights or not weights[0]:
        return 0.0
    rows, cols = len(weights), len(weights[0])
    if rows > cols:  # the algorithm below wants rows <= cols
        weights = [list(col) for col in zip(*weights, strict=True)]
        rows, cols = cols, rows
    if rows == 1:
        return max(weights[0])
    cost = [[-w for w in row] for row in weights]
    inf = math.inf
    u = [0.0] * (rows + 1)
    v = [0.0] * (cols + 1)
    p = [0] * (cols + 1)  # p[j]: row assigned to column j (1-based, 0 = none)
    way = [0] * (cols + 1)
    for i in range(1, rows + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (cols + 1)
        used = [False] * (cols + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, cols + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(cols + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    return sum(weights[p[j] - 1][j - 1] for j in range(1, cols + 1) if p[j])


def conll(gold: Mapping[Item, Hashable], pred: Mapping[Item, Hashable]) -> dict[str, PRF | float]:
    """MUC, B³, CEAF-e and the CoNLL F1 (their mean F1)."""
    scores: dict[str, PRF | float] = {
        "muc": muc(gold, pred),
        "b3": b_cubed(gold, pred),
        "ceafe": ceaf_e(gold, pred),
    }
    scores["conll_f1"] = sum(s.f1 for s in scores.values() if isinstance(s, PRF)) / 3
    return scores


# --------------------------------------------------------------------------- spans

_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without surrounding whitespace (annotators often include a space)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def span_prf(
    gold: Iterable[Span],
    pred: Iterable[Span],
    mode: str = "exact",
    texts: Mapping[Hashable, str] | None = None,
) -> PRF:
    """Span precision/recall/F1 in ``exact``, ``overlap`` or ``token`` mode (see module doc).

    ``texts`` (doc -> text) is needed for ``token`` mode and trims whitespace in ``exact`` mode.
    """
    gold, pred = list(gold), list(pred)
    if texts is not None and mode == "exact":
        gold = [(d, *trim_span(texts[d], s, e)) for d, s, e in gold]
        pred = [(d, *trim_span(texts[d], s, e)) for d, s, e in pred]
    if mode == "exact":
        remaining: dict[Span, int] = defaultdict(int)
        for span in gold:
            remaining[span] += 1
        tp = 0
        for span in pred:
            if remaining[span] > 0:
                remaining[span] -= 1
                tp += 1
        return PRF.counts(tp, len(pred), tp, len(gold))
    if mode == "overlap":
        tp = len(_match_overlapping(gold, pred))
        return PRF.counts(tp, len(pred), tp, len(gold))
    if mode == "token":
        if texts is None:
            raise ValueError("token mode needs the document texts")
        gold_tokens = _token_set(gold, texts)
        pred_tokens = _token_set(pred, texts)
        common = len(gold_tokens & pred_tokens)
        return PRF.counts(common, len(pred_tokens), common, len(gold_tokens))
    raise ValueError(f"unknown span mode {mode!r}; one of exact, overlap, token")


def _match_overlapping(gold: Sequence[Span], pred: Sequence[Span]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching, largest character overlap first (ties: earlier spans)."""
    by_doc: dict[Hashable, list[int]] = defaultdict(list)
    for gi, g in enumerate(gold):
        by_doc[g[0]].append(gi)
    pairs = []
    for pi, p in enumerate(pred):
        for gi in by_doc.get(p[0], ()):
            g = gold[gi]
            if _overlaps(g, p):
                pairs.append((-(min(g[2], p[2]) - max(g[1], p[1])), gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def match_spans(gold: Sequence[Span], pred: Sequence[Span]) -> list[tuple[int, int]]:
    """Index pairs (gold, pred) of a one-to-one matching: exact spans first, then overlaps."""
    exact: dict[Span, list[int]] = defaultdict(list)
    for pi, p in enumerate(pred):
        exact[p].append(pi)
    pairs, used_g, used_p = [], set(), set()
    for gi, g in enumerate(gold):
        for pi in exact.get(g, ()):
            if pi not in used_p:
                pairs.append((gi, pi))
                used_g.add(gi)
                used_p.add(pi)
                break
    rest_g = [gi for gi in range(len(gold)) if gi not in used_g]
    rest_p = [pi for pi in range(len(pred)) if pi not in used_p]
    for a, b in _match_overlapping([gold[i] for i in rest_g], [pred[i] for i in rest_p]):
        pairs.append((rest_g[a], rest_p[b]))
    return sorted(pairs)


def _token_set(spans: Iterable[Span], texts: Mapping[Hashable, str]) -> set[tuple[Hashable, int]]:
    """Tokens (doc, token start offset) covered by any of the spans."""
    out: set[tuple[Hashable, int]] = set()
    cache: dict[Hashable, list[tuple[int, int]]] = {}
    for doc, start, end in spans:
        if doc not in cache:
            cache[doc] = [(m.start(), m.end()) for m in _TOKEN.finditer(texts[doc])]
        for ts, te in cache[doc]:
            if ts >= end:
                break
            if te > start:
                out.add((doc, ts))
    return out


# --------------------------------------------------------------------------- values and counts


def value_accuracy(pairs: Iterable[tuple[object, object]]) -> float:
    """Share of (gold, predicted) pairs that are equal; no pairs gives 0.0."""
    pairs = list(pairs)
    return ratio(sum(1 for g, p in pairs if g == p), len(pairs))


@dataclass(frozen=True, slots=True)
class CountScores:
    exact: float  # share of exact matches
    mae: float  # mean absolute error (a missing prediction counts as 0)
    n: int


def count_scores(pairs: Iterable[tuple[int, int | None]]) -> CountScores:
    """Exact match and mean absolute error of counts; a predicted None is read as 0."""
    pairs = [(g, 0 if p is None else p) for g, p in pairs]
    if not pairs:
        return CountScores(0.0, 0.0, 0)
    exact = sum(1 for g, p in pairs if g == p) / len(pairs)
    mae = sum(abs(g - p) for g, p in pairs) / len(pairs)
    return CountScores(exact, mae, len(pairs))


def per_class(gold: Sequence[Hashable], pred: Sequence[Hashable | None]) -> dict[str, object]:
    """Per-class P/R/F1 for single-label classification, with macro and micro averages.

    A ``None`` prediction is a miss for the gold class and a false positive for no class.
    Macro averages run over the classes seen in gold or prediction.  Micro F1 equals accuracy
    when every item has a prediction.
    """
    if len(gold) != len(pred):
        raise ValueError(f"gold and predicted labels differ in length ({len(gold)} vs {len(pred)})")
    tp: dict[Hashable, int] = defaultdict(int)
    fp: dict[Hashable, int] = defaultdict(int)
    fn: dict[Hashable, int] = defaultdict(int)
    for g, p in zip(gold, pred, strict=True):
        if g == p:
            tp[g] += 1
        else:
            fn[g] += 1
            if p is not None:
                fp[p] += 1
    labels = sorted({*tp, *fp, *fn}, key=str)
    classes = {
        label: PRF.counts(tp[label], tp[label] + fp[label], tp[label], tp[label] + fn[label])
        for label in labels
    }
    n = len(labels)
    macro = PRF(
        ratio(sum(c.precision for c in classes.values()), n),
        ratio(sum(c.recall for c in classes.values()), n),
        ratio(sum(c.f1 for c in classes.values()), n),
    )
    t, fps, fns = sum(tp.values()), sum(fp.values()), sum(fn.values())
    micro = PRF.counts(t, t + fps, t, t + fns)
    return {"classes": classes, "macro": macro, "micro": micro}
