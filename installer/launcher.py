"""The bundle's entry point: the same `zorgkoppel` command as the installed package."""

from zorgkoppel.cli.main import main

raise SystemExit(main())
