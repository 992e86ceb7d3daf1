from zorgkoppel.cli.main import main

raise SystemExit(main())
