"""The bundle's entry point: the same `main` as the `wijkteam` command of the wheel."""

from ui.launcher import main

raise SystemExit(main())
