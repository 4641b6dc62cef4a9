"""Weighted draws from a seeded random.Random, fast enough for a million rows."""

from bisect import bisect
from collections.abc import Mapping
from itertools import accumulate
from random import Random
from typing import Generic, TypeVar

T = TypeVar("T")


class Weighted(Generic[T]):
    """A fixed weighted distribution.

    random.choices rebuilds its cumulative table and a result list on every
    call; at several draws per member that dominates a million-row run, so
    the table is built once and a draw is one random() and one bisect.
    """

    __slots__ = ("values", "cumulative", "total")

    def __init__(self, weights: Mapping[T, float]):
        self.values = tuple(weights)
        self.cumulative = tuple(accumulate(weights.values()))
        self.total = self.cumulative[-1]

    def pick(self, rng: Random) -> T:
        return self.values[bisect(self.cumulative, rng.random() * self.total)]

    def pick_index(self, rng: Random) -> int:
        return bisect(self.cumulative, rng.random() * self.total)

    def __len__(self) -> int:
        return len(self.values)


def split_weights(spec: str) -> dict[str, float]:
    """Parse "汉族:92 土家族:4" into a weight table; data reads better as one line."""
    pairs = (item.rsplit(":", 1) for item in spec.split())
    return {value: float(weight) for value, weight in pairs}
