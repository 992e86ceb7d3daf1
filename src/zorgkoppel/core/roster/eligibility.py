"""Who may take which post under the hard rules of EXCHANGE.md, and why a place stays open.

These are the per-pair rules of `core.rules.roster` (present for the whole post, skill,
licence, Dutch level) in the form the solver needs: a yes/no per pair. The tests check every
suggestion against `check_roster_day` itself, so the two cannot drift apart unnoticed.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from zorgkoppel.core.codes import dutch_level_rank
from zorgkoppel.core.roster import reasons
from zorgkoppel.core.roster.problem import Candidate
from zorgkoppel.core.roster.reasons import Reason
from zorgkoppel.core.rules.roster import PostData, TaskFacts


@dataclass(frozen=True)
class Pair:
    worker_id: str
    post_key: str
    independent: bool  # counts toward `needed`; otherwise a learner next to a colleague


def present_for(candidate: Candidate, post: PostData) -> bool:
    assert post.start is not None and post.end is not None
    return (candidate.start is None or candidate.start <= post.start) and (
        candidate.end is None or candidate.end >= post.end
    )


def qualified(candidate: Candidate, post: PostData, task: TaskFacts) -> bool:
    """Licence and Dutch level, whatever the skill level."""
    if task.needs_licence and not candidate.facts.driving_licence:
        return False
    return not task.min_dutch_level or dutch_level_rank(candidate.facts.dutch_level) >= (
        dutch_level_rank(task.min_dutch_level)
    )


def eligible_pairs(
    posts: Sequence[PostData], candidates: Sequence[Candidate], tasks: Mapping[str, TaskFacts]
) -> list[Pair]:
    pairs: list[Pair] = []
    for post in posts:
        task = tasks[post.task]
        for candidate in candidates:
            level = candidate.facts.skills.get(post.task)
            if level is None or not present_for(candidate, post):
                continue
            if qualified(candidate, post, task):
                pairs.append(Pair(candidate.worker_id, post.key, level == "independent"))
    return pairs


def why_unfilled(
    post: PostData,
    candidates: Sequence[Candidate],
    task: TaskFacts,
    on_post: Collection[str],
    busy_names: Sequence[str],
    task_name: str,
) -> Reason:
    """The first rule that leaves this post short.

    `on_post` are the workers already on it, `busy_names` the eligible ones placed elsewhere.
    """
    assert post.start is not None and post.end is not None
    times = {"task": task_name, "start": post.start.strftime("%H:%M"),
             "end": post.end.strftime("%H:%M")}
    skilled = [c for c in candidates if c.facts.skills.get(post.task) == "independent"]
    if not skilled:
        return Reason(reasons.NO_SKILL, {"task": task_name})
    there = [c for c in skilled if present_for(c, post)]
    if not there:
        return Reason(reasons.NOT_PRESENT, times)
    if task.needs_licence and not any(c.facts.driving_licence for c in there):
        return Reason(reasons.NO_LICENCE, {"task": task_name})
    able = [c for c in there if qualified(c, post, task)]
    if not able:
        return Reason(reasons.NO_DUTCH, {"task": task_name, "level": task.min_dutch_level})
    if not busy_names or all(c.worker_id in on_post for c in able):
        return Reason(reasons.NO_ONE_ELSE, times)
    return Reason(reasons.BUSY, {"names": ", ".join(busy_names)})
