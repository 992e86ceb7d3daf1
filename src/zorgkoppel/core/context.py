"""Who asks: every service call runs for an actor, so visibility can be enforced in one place."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zorgkoppel.storage.database import Database

ROLES = ("admin", "coordinator", "job_coach", "viewer")

# Which side of a cooperation an organisation-bound user works on.
CARE_SIDE = "care"
ENTERPRISE_SIDE = "enterprise"
SIDE_OF_ROLE = {"coordinator": CARE_SIDE, "job_coach": ENTERPRISE_SIDE}


@dataclass(frozen=True)
class Actor:
    """A user of the program.

    `organisation_ids` are the organisations the user works for; None (the local owner, or
    its read-only twin while another window writes) means no restriction. `side` says
    whether those organisations are care facilities or social-economy enterprises: a
    coordinator is on the care side, a job coach on the enterprise side, and a viewer on the
    side of its organisation (set at login).
    """

    name: str
    role: str = "admin"
    organisation_ids: frozenset[str] | None = None
    side: str | None = None
    display_name: str = ""
    user_id: str | None = None

    def __post_init__(self) -> None:
        if self.side is None and self.role in SIDE_OF_ROLE:
            object.__setattr__(self, "side", SIDE_OF_ROLE[self.role])
        if not self.unrestricted and self.side not in (CARE_SIDE, ENTERPRISE_SIDE):
            raise ValueError(f"a {self.role} bound to an organisation needs a side")

    @property
    def unrestricted(self) -> bool:
        """Sees every record: an administrator, or the program without accounts."""
        return self.role == "admin" or self.organisation_ids is None

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def on_care_side(self) -> bool:
        return not self.unrestricted and self.side == CARE_SIDE

    @property
    def on_enterprise_side(self) -> bool:
        return not self.unrestricted and self.side == ENTERPRISE_SIDE

    def works_for(self, organisation_id: str | None) -> bool:
        """The organisation is the user's own (always true for an unrestricted actor)."""
        return self.organisation_ids is None or organisation_id in self.organisation_ids

    @property
    def may_write(self) -> bool:
        return self.role != "viewer"


# The single-user desktop program runs as its local owner until the first account is made.
LOCAL_OWNER = Actor(name="local")


@dataclass
class ServiceContext:
    db: Database
    actor: Actor = field(default=LOCAL_OWNER)
