"""The auth headers Wix requires (§7.1): an API key, and the site the call acts on."""

from __future__ import annotations

import hmac

from starlette.datastructures import Headers

from .errors import permission_denied, unauthenticated

__all__ = ["check_auth"]


def check_auth(headers: Headers, api_key: str | None) -> None:
    """Refuse a request as Wix would: 401 without a (matching) key, 403 without a site.

    Any non-empty ``Authorization`` is accepted unless the sandbox was given ``api_key``, in
    which case it must be exactly that. Site-level calls need ``wix-site-id``; a request with
    only ``wix-account-id`` gets through, as account-level keys do.
    """
    key = headers.get("authorization", "").strip()
    if not key:
        raise unauthenticated("Missing Authorization header: send the API key as-is")
    if api_key is not None and not hmac.compare_digest(key.encode(), api_key.encode()):
        raise unauthenticated("The API key in the Authorization header is not valid")
    if not headers.get("wix-site-id", "").strip() and not headers.get("wix-account-id", "").strip():
        raise permission_denied("Site-level calls need a wix-site-id header")
