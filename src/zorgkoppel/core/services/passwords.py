"""Password hashing with argon2id at (at least) the OWASP minimum cost."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# OWASP's minimum for argon2id: 19 MiB of memory, 2 iterations, 1 lane.
HASHER = PasswordHasher(memory_cost=19 * 1024, time_cost=2, parallelism=1)

# Verified against when the user name is unknown, so that case takes as long as a wrong
# password and the answer time does not tell which user names exist.
@cache
def _dummy_hash() -> str:
    return HASHER.hash("zorgkoppel-no-such-user")


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def password_matches(stored_hash: str | None, password: str) -> bool:
    try:
        return HASHER.verify(stored_hash or _dummy_hash(), password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return HASHER.check_needs_rehash(stored_hash)
