"""tui_planner.api."""
