"""tui_planner.ui."""
