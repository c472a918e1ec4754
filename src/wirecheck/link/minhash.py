"""MinHash signatures over word shingles, in numpy, and their LSH band keys.

Words are hashed with CRC32 (stable across processes, unlike ``hash``) and each run of
``shingle`` words is mixed into one 32-bit shingle hash; each of
``num_perm`` universal hash functions ``(a*x + b) mod p`` keeps its minimum.  Rows of the
signature are grouped into bands; two articles sharing any band hash are near-duplicate
candidates (``mh:<band>:<hash>`` blocking keys).
"""

from __future__ import annotations

import functools
import hashlib
import re
import zlib

import numpy as np

_PRIME = np.uint64((1 << 61) - 1)
_SHIFT = np.uint64(61)
_MAX32 = np.uint64(0xFFFFFFFF)
_MIX = np.uint64(0x9E3779B97F4A7C15)  # 64-bit golden-ratio constant: mixes word hashes in order
_WORD = re.compile(r"\w+")


@functools.cache
def minhasher() -> MinHasher:
    """The hasher of ``data/link.toml``'s ``[minhash]`` settings (one per process)."""
    from wirecheck.link.names import link_data

    return MinHasher(**link_data()["minhash"])


class MinHasher:
    def __init__(self, num_perm: int = 128, bands: int = 32, shingle: int = 4, seed: int = 1) -> None:
        if num_perm % bands:
            raise ValueError(f"num_perm ({num_perm}) must be a multiple of bands ({bands})")
        rng = np.random.RandomState(seed)
        # a, b below 2**32 so a*x + b never overflows 64 bits for 32-bit x.
        self.a = rng.randint(1, 1 << 31, size=num_perm).astype(np.uint64)
        self.b = rng.randint(0, 1 << 31, size=num_perm).astype(np.uint64)
        self.num_perm = num_perm
        self.bands = bands
        self.rows = num_perm // bands
        self.shingle = shingle

    def shingles(self, text: str) -> set[str]:
        words = _WORD.findall(text.lower())
        n = self.shingle
        if len(words) < n:
            return {" ".join(words)} if words else set()
        return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}

    def shingle_hashes(self, text: str) -> np.ndarray:
        """32-bit hashes of the word shingles, combined from per-word CRC32s in numpy.

        Hashing words once and mixing ``shingle`` neighbours arithmetically costs a few
        microseconds per article, where joining and hashing every shingle string cost
        milliseconds (the linker's largest cost on a big batch).
        """
        return np.unique(self._mixed(text))

    def _mixed(self, text: str) -> np.ndarray:
        """The shingle hashes in text order, repeats kept (the minimum does not mind them, and
        dropping them costs more than hashing them)."""
        words = _WORD.findall(text.lower())
        if not words:
            return np.zeros(0, dtype=np.uint64)
        # map() rather than a generator: the per-word loop stays in C (the same hashes).
        ids = np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint64, count=len(words))
        n = min(self.shingle, len(ids))
        span = len(ids) - n + 1
        mixed = np.zeros(span, dtype=np.uint64)
        with np.errstate(over="ignore"):
            for i in range(n):
                mixed = mixed * _MIX + ids[i : i + span]
        return (mixed ^ (mixed >> np.uint64(29))) & _MAX32

    def signature(self, text: str) -> np.ndarray:
        """The MinHash signature; all rows at the maximum when the text has no word."""
        x = self._mixed(text)
        if not len(x):
            return np.full(self.num_perm, _MAX32, dtype=np.uint64)
        # In place: one (shingles x num_perm) array instead of four temporaries (3x faster).
        hashed = np.outer(x, self.a)
        hashed += self.b
        # mod 2**61 - 1 without division (a Mersenne prime): h = hi * 2**61 + lo is congruent
        # to hi + lo, which is below 2 * p, so one conditional subtraction finishes it (the
        # same values as np.remainder, faster).
        high = hashed >> _SHIFT
        hashed &= _PRIME
        hashed += high
        np.subtract(hashed, _PRIME, out=hashed, where=hashed >= _PRIME)
        hashed &= _MAX32
        return hashed.min(axis=0)

    def sketch(self, text: str) -> tuple[list[int], list[str]]:
        """The signature as stored (a JSON list) and its band keys; both empty for a text with
        no word (an empty signature matches nothing)."""
        sig = self.signature(text)
        if bool((sig == _MAX32).all()):
            return [], []
        return sig.tolist(), self.band_keys(sig)

    def band_keys(self, signature: np.ndarray) -> list[str]:
        keys = []
        for band in range(self.bands):
            chunk = signature[band * self.rows : (band + 1) * self.rows].tobytes()
            keys.append(f"mh:{band}:{hashlib.blake2b(chunk, digest_size=6).hexdigest()}")
        return keys


def jaccard(sig_a: list[int] | np.ndarray, sig_b: list[int] | np.ndarray) -> float:
    """Estimated Jaccard similarity: the share of equal signature rows."""
    a = np.asarray(sig_a, dtype=np.uint64)
    b = np.asarray(sig_b, dtype=np.uint64)
    return float(np.count_nonzero(a == b)) / len(a) if len(a) else 0.0
