"""Who can reach a served sandbox, named from the address it listens on."""

from __future__ import annotations

import pytest

from tui_planner.serving import ServeBanner, is_loopback, keyless_refusal, who_can_reach


@pytest.mark.parametrize(
    ("host", "who"),
    [
        ("127.0.0.1", "programs on this computer only"),
        ("::1", "programs on this computer only"),
        (
            "0.0.0.0",
            "anyone on any network this computer is on (0.0.0.0 is every IPv4 address it has)",
        ),
        (
            "::",
            "anyone on any network this computer is on "
            "(:: is every IPv6 address it has, and usually every IPv4 one too)",
        ),
        ("10.1.2.3", "anyone on the local network 10.1.2.3 belongs to"),
        ("fe80::1%eth0", "anyone on the local network fe80::1%eth0 belongs to"),
        ("8.8.4.4", "anyone on the internet (8.8.4.4 is a public address)"),
        ("box.example", "anyone who can reach the name box.example (the addresses it stands for)"),
    ],
)
def test_who_can_reach_each_kind_of_address(host: str, who: str) -> None:
    assert who_can_reach(host) == who


@pytest.mark.parametrize(
    "host", ["localhost", "LOCALHOST", "127.0.0.1", "127.8.9.1", "::1", "[::1]"]
)
def test_loopback_hosts_need_no_key_and_get_no_warning(host: str) -> None:
    assert is_loopback(host)
    assert keyless_refusal(host) is None
    banner = ServeBanner("http://x", "/data", "site", host, key_source=None)
    assert banner.warnings() == []


def test_the_banner_says_where_the_key_came_from_and_never_shows_it() -> None:
    banner = ServeBanner(
        "http://0.0.0.0:8765", "/data/sandbox.sqlite3", "sandbox-site", "0.0.0.0", "--api-key"
    )
    text = "\n".join(banner.lines())
    assert "Key: required, from --api-key (not shown)." in text
    assert "Authorization: YOUR-KEY" in text
    (warning,) = banner.warnings()
    assert "plain HTTP" in warning
