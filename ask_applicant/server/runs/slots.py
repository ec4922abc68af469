"""`RunSlots`: how many runs each key has in progress in this process, capped atomically."""

from __future__ import annotations

from collections import Counter


class RunSlots:
    """Per-user counts of runs in progress, taken before a run is stored.

    `take` checks and counts in one step with no `await` in between, so of any number of
    simultaneous requests exactly the cap get a slot; a slot is given back when its run
    ends, or at once when no run was started after all.
    """

    def __init__(self) -> None:
        self._taken: Counter[str] = Counter()

    def take(self, user_id: str, cap: int | None) -> bool:
        """Count one more run of `user_id`; False (nothing counted) when `cap` are taken."""
        if cap is not None and self._taken[user_id] >= cap:
            return False
        self._taken[user_id] += 1
        return True

    def give_back(self, user_id: str) -> None:
        """Return a slot taken by `take`."""
        self._taken[user_id] -= 1
        if self._taken[user_id] <= 0:
            del self._taken[user_id]

    def count(self, user_id: str) -> int:
        """The slots `user_id` holds now."""
        return self._taken[user_id]
