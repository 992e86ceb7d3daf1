"""Planning a roster day: who may take which post, the optimising solver and its reasons.

No Qt and no database here: `core.services.roster_planning` gathers the facts and stores
the result. The solver library (HiGHS through highspy) is imported only when a day is solved.
"""
