"""A realistic demo data set (Flemish organisations, workers, two weeks of rosters).

Built as an exchange document and brought in through the importer, so the demo obeys every
rule a real file must. No Qt here.
"""

from zorgkoppel.demo.document import demo_document
from zorgkoppel.demo.loading import DEMO_MARKER, has_demo_data, load_demo

__all__ = ["DEMO_MARKER", "demo_document", "has_demo_data", "load_demo"]
