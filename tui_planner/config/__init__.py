"""tui_planner.config."""
