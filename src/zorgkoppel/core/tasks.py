"""The built-in task catalogue (EXCHANGE.md task codes). A data set may add its own tasks."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BuiltinTask:
    code: str
    label_nl: str
    label_fr: str
    label_en: str
    client_contact: bool
    needs_licence: bool = False
    min_dutch_level: str | None = None


# Tasks with client contact need some Dutch (DOMAIN.md); A2 is what the pilots asked for
# before a worker moves from logistics to client tasks.
BUILTIN_TASKS: tuple[BuiltinTask, ...] = (
    BuiltinTask("driver", "Chauffeur", "Chauffeur", "Driver", True, True, "A2"),
    BuiltinTask("bus_companion", "Busbegeleider", "Accompagnateur de bus", "Bus companion", True,
                False, "A2"),
    BuiltinTask("transport_escort", "Vervoersbegeleiding", "Accompagnement transport",
                "Transport escort", True, False, "A2"),
    BuiltinTask("kitchen", "Keuken", "Cuisine", "Kitchen", False),
    BuiltinTask("meal_distribution", "Maaltijdbedeling", "Distribution des repas",
                "Meal distribution", True, False, "A2"),
    BuiltinTask("mail_distribution", "Postbedeling", "Distribution du courrier",
                "Mail distribution", True),
    BuiltinTask("animation", "Animatie", "Animation", "Animation", True, False, "B1"),
    BuiltinTask("care_support", "Zorgondersteuning", "Soutien aux soins", "Care support", True,
                False, "B1"),
    BuiltinTask("room_care", "Kamerzorg", "Entretien des chambres", "Room care", True),
    BuiltinTask("housekeeping", "Huishouden", "Entretien ménager", "Housekeeping", False),
    BuiltinTask("laundry", "Wasserij", "Blanchisserie", "Laundry", False),
    BuiltinTask("ironing", "Strijkdienst", "Repassage", "Ironing", False),
    BuiltinTask("logistics", "Logistiek", "Logistique", "Logistics", False),
    BuiltinTask("reception", "Onthaal", "Accueil", "Reception", True, False, "B1"),
)
BUILTIN_TASK_CODES = frozenset(t.code for t in BUILTIN_TASKS)
