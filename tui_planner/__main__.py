"""``python -m tui_planner``: the same as the ``planner-tui`` command."""

from tui_planner.cli import main

raise SystemExit(main())
