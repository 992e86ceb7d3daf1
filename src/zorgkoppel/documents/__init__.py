"""Printed documents (contracts, reports), built with reportlab from core data.

Nothing here imports Qt: the GUI previews and prints the bytes these modules return, and
the command line writes them to files.
"""
