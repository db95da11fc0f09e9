"""Answering routes: one small module per kind of answer, each over the understood question."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from qa.model import Answer
    from qa.understand import QueryPlan

Route = Callable[["QueryPlan", list], "Answer"]  # the engine's: a plan and its documents to an answer


@dataclass(frozen=True)
class Router:
    """The engine's router, handed to a route that asks questions of its own: ``routed`` answers a
    plan over its documents; ``declined`` is the reply given instead of an answer, or None."""
    routed: Route
    declined: Callable[["QueryPlan", list], "Answer | None"]

    def unless_declined(self, q: QueryPlan, docs: list) -> Answer | None:
        """The plan answered, or None where the engine would decline it (nothing to say about it)."""
        return self.routed(q, docs) if self.declined(q, docs) is None else None
