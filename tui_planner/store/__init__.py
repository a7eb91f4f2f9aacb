"""tui_planner.store."""
