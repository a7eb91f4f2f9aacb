"""tui_planner.sync."""
