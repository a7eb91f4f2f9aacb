"""The sandbox: a local Marketing Plan + Publisher API over SQLite.

It is served in-process (``httpx.ASGITransport``) or on loopback with uvicorn.
"""

from .app import create_app
from .options import SandboxOptions

__all__ = ["SandboxOptions", "create_app"]
