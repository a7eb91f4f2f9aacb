"""Reading a process's resident set size from ``/proc`` (Linux)."""

from __future__ import annotations

from pathlib import Path

__all__ = ["MIB", "rss_mib"]

MIB = 1024 * 1024


def rss_mib(pid: int | str = "self") -> float:
    """The resident set size (``VmRSS``) of process ``pid``, in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            kib = int(line.split()[1])
            return kib * 1024 / MIB
    raise RuntimeError(f"process {pid} reports no VmRSS; is it still running?")
