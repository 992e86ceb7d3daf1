"""The command line `zorgkoppel`: the window (default), import, export and the demo data.

Calls the same services as the window; holds no business logic and never imports Qt at
module level (only the `gui` subcommand imports `zorgkoppel.ui`, when it runs).
"""
