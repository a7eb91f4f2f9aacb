"""planner-tui: a keyboard-first terminal app for a Wix site's AI marketing plan."""

__version__ = "0.1.0"
"""The package version (the build reads it from here)."""
