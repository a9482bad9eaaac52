"""Allow ``python -m involve_desktop``."""

from involve_desktop.cli import main

raise SystemExit(main())
