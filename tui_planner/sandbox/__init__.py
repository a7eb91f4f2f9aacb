"""tui_planner.sandbox."""
