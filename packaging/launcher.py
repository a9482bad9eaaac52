"""PyInstaller entry script: the same as the ``involve-desktop`` console script."""

from involve_desktop.cli import main

raise SystemExit(main())
