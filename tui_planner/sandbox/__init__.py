"""The sandbox: a local Marketing Plan + Publisher API over SQLite, served in-process or on loopback."""

from .app import create_app
from .options import SandboxOptions

__all__ = ["SandboxOptions", "create_app"]
