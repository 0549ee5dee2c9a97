"""Stratified permuted-block randomisation, reproducible from a per-study secret seed.

Each stratum has its own sequence of blocks. Block k of a stratum has a size drawn from the
study's block sizes and holds every arm equally often, in an order shuffled by Fisher-Yates;
every draw is an HMAC-SHA256 of the seed and (stratum, block, step), so the same seed gives
the same sequence on any machine, and without the seed the next allocation cannot be
guessed. The sequence is never stored and no route answers the seed: participants get
their allocation when they are enrolled, and nobody can read ahead.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence


def _draw(seed: bytes, *parts: object) -> int:
    message = "|".join(str(p) for p in parts).encode()
    return int.from_bytes(hmac.new(seed, message, hashlib.sha256).digest(), "big")


def _size(seed: bytes, stratum: str, k: int, block_sizes: Sequence[int]) -> int:
    return block_sizes[_draw(seed, stratum, k, "size") % len(block_sizes)]


def block(seed: bytes, stratum: str, k: int, arms: Sequence[str],
          block_sizes: Sequence[int]) -> list[str]:
    size = _size(seed, stratum, k, block_sizes)
    order = [arms[i % len(arms)] for i in range(size)]
    for i in range(size - 1, 0, -1):  # Fisher-Yates
        j = _draw(seed, stratum, k, i) % (i + 1)
        order[i], order[j] = order[j], order[i]
    return order


def allocate(seed: bytes, stratum: str, position: int, arms: Sequence[str],
             block_sizes: Sequence[int]) -> str:
    """The arm of the `position`-th participant (from 0) enrolled in `stratum`: walk the
    block sizes (one draw each), then shuffle only the block that holds the position."""
    k = 0
    while position >= (size := _size(seed, stratum, k, block_sizes)):
        position -= size
        k += 1
    return block(seed, stratum, k, arms, block_sizes)[position]


def sequence(seed: bytes, stratum: str, n: int, arms: Sequence[str],
             block_sizes: Sequence[int]) -> list[str]:
    """The first `n` allocations of `stratum` at once (the same as `allocate` one by one)."""
    out: list[str] = []
    k = 0
    while len(out) < n:
        out += block(seed, stratum, k, arms, block_sizes)
        k += 1
    return out[:n]


def stratum_key(site_id: object, strata: dict[str, str], factors: Sequence[str]) -> str:
    """The stratum a participant belongs to: the site, then each factor, in a fixed order."""
    return ";".join([f"site={site_id}", *(f"{f}={strata[f]}" for f in sorted(factors))])
