"""What ``planner-tui sandbox serve`` tells its user: where, who can reach it, which key.

The banner never shows the key itself (a terminal's scrollback and a shared screen outlive
the session); it says whether one is required and where it came from. Listening on anything
but loopback gets a warning that names who can reach the sandbox, since the sandbox speaks
plain HTTP and the key crosses the network as written.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

__all__ = ["ServeBanner", "is_loopback", "keyless_refusal", "who_can_reach"]


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this computer only."""
    if host.lower() == "localhost":
        return True
    address = _address(host)
    return address is not None and address.is_loopback


def _address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return None


def who_can_reach(host: str) -> str:
    """Who can reach a server bound to ``host``, as the end of a sentence."""
    address = _address(host)
    if address is None:
        return f"anyone who can reach the name {host} (the addresses it stands for)"
    if address.is_loopback:
        return "programs on this computer only"
    if address.is_unspecified:
        which = (
            "every IPv4 address it has"
            if address.version == 4
            else "every IPv6 address it has, and usually every IPv4 one too"
        )
        return f"anyone on any network this computer is on ({host} is {which})"
    if address.is_private or address.is_link_local:
        return f"anyone on the local network {host} belongs to"
    if address.is_global:
        return f"anyone on the internet ({host} is a public address)"
    return f"anyone who can reach {host}"


@dataclass(frozen=True, slots=True)
class ServeBanner:
    """The lines printed before serving.

    ``key_source`` says where the required key came from (``"--api-key"`` or
    ``"[sandbox] api_key in <config file>"``); ``None`` means no key is required.
    """

    base_url: str
    data_file: str
    site_id: str
    host: str
    key_source: str | None

    def lines(self) -> list[str]:
        """The banner for stdout, without the key."""
        lines = [f"Serving the sandbox at {self.base_url} with data from {self.data_file}."]
        if self.key_source is None:
            lines.append(
                "Key: none required (any Authorization value is accepted); set "
                "[sandbox] api_key or pass --api-key to require one."
            )
            key = "any-key"
        else:
            lines.append(f"Key: required, from {self.key_source} (not shown).")
            key = "YOUR-KEY"
        lines += [
            "Try it" + (" (with the key in place of YOUR-KEY):" if self.key_source else ":"),
            f"  curl -H 'Authorization: {key}' -H 'wix-site-id: {self.site_id}' "
            f"{self.base_url}/promote/marketing-plan-service/v1/marketing-plan",
            "Press Ctrl+C to stop.",
        ]
        return lines

    def warnings(self) -> list[str]:
        """Sentences for stderr: who can reach a server that is not on loopback only."""
        if is_loopback(self.host):
            return []
        return [
            f"Listening on {self.host}: {who_can_reach(self.host)} can reach the sandbox, "
            "and use it with the key. It speaks plain HTTP, so the key and the plan cross "
            "the network unencrypted."
        ]


def keyless_refusal(host: str) -> str | None:
    """Why serving on ``host`` without a key is refused (``None``: loopback, so it is not)."""
    if is_loopback(host):
        return None
    return (
        f"Serving the sandbox on {host} with no key would let {who_can_reach(host)} use it; "
        "set [sandbox] api_key or pass --api-key."
    )
