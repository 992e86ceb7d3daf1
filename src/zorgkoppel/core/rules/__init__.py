"""Validation rules of EXCHANGE.md, as pure functions returning problems (no database, no Qt)."""
