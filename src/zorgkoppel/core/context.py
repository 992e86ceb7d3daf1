"""Who asks: every service call runs for an actor, so visibility can be enforced in one place."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zorgkoppel.storage.database import Database

ROLES = ("admin", "coordinator", "job_coach", "viewer")


@dataclass(frozen=True)
class Actor:
    """A user of the program. `organisation_ids` None means every organisation is visible."""

    name: str
    role: str = "admin"
    organisation_ids: frozenset[str] | None = None

    def may_see_organisation(self, organisation_id: str | None) -> bool:
        return self.organisation_ids is None or organisation_id in self.organisation_ids

    @property
    def may_write(self) -> bool:
        return self.role != "viewer"


# The single-user desktop program runs as its local owner until users and roles are added.
LOCAL_OWNER = Actor(name="local")


@dataclass
class ServiceContext:
    db: Database
    actor: Actor = field(default=LOCAL_OWNER)
