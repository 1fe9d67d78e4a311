"""`python -m wijkteam demo-data ...`: the headless commands, without Qt."""

from wijkteam.cli import main

raise SystemExit(main())
