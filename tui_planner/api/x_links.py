"""Where X sees links in a post: the rules twitter-text applies before counting a link as 23.

A link is a domain ending in a known top-level domain (``x_tlds.txt`` beside this module),
with or without ``http(s)://``, then an optional port, path and query. Without a protocol
only the part of the domain in Latin letters counts (``日本.example.com/x`` links
``example.com/x``), and never right after ``@`` (``me@bakery.com`` is an address, not a
link) or after ``-``, ``_``, ``.``, ``/``. A domain label longer than 63 characters once
punycode-encoded makes the whole candidate plain text. A path never ends on punctuation
(``example.com/shop.`` links ``example.com/shop``), and a ``t.co`` link stops after its slug.

The TLD table is read and the patterns compiled on the first call (about 30 ms), not at
import, so nothing here costs start-up time.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

__all__ = ["link_spans", "top_level_domains", "utf16_length"]

_MAX_LINK_LENGTH = 4096
_MAX_LABEL_LENGTH = 63
_MAX_TCO_SLUG_LENGTH = 40

# Character sets of twitter-text's link grammar, as code point ranges for a regex class.
_DIRECTIONAL_MARKS = "\u202a-\u202e\u061c\u200e\u200f\u2066-\u2069"
_INVALID = "\ufffe\ufeff\uffff"
_SPACES = "\t-\r \x85\xa0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_PUNCTUATION = re.escape("!'#%&()*+,\\-./:;<=>?@[]^_{|}~$")
_LATIN_ACCENTS = (
    "\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b\u0263"
    "\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
)
_CYRILLIC = "\u0400-\u04ff"
# Full stops that punycode treats as label separators besides ".".
_IDEOGRAPHIC_STOPS = re.compile("[\u3002\uff0e\uff61]")


@cache
def top_level_domains() -> dict[str, tuple[str, ...]]:
    """The ``generic`` and ``country`` top-level domains X knows, in the table's order."""
    table = resources.files("tui_planner.api").joinpath("x_tlds.txt").read_text("utf-8")
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for line in table.splitlines():
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), [])
        else:
            current.append(line)
    return {name: tuple(names) for name, names in sections.items()}


def link_spans(text: str) -> list[tuple[int, int]]:
    """The links X finds in ``text``, as ``(start, end)`` slices of ``text``, in order."""
    if "." not in text:
        return []
    spans: list[tuple[int, int]] = []
    for match in _patterns().link.finditer(text):
        url, protocol, domain = match["url"], match["protocol"], match["domain"]
        start = match.start("url")
        if not _is_valid_link(url, protocol or "https://", domain):
            continue
        if protocol:
            tco = _patterns().tco.match(url)
            if tco is None:
                spans.append((start, match.end("url")))
            elif len(tco[1]) <= _MAX_TCO_SLUG_LENGTH:
                spans.append((start, start + tco.end()))
            continue
        if match["before"][-1:] in ("-", "_", ".", "/"):
            continue
        ascii_domains = list(_patterns().ascii_domain.finditer(domain))
        if not ascii_domains:
            continue
        spans.extend((start + found.start(), start + found.end()) for found in ascii_domains[:-1])
        last = ascii_domains[-1]
        # The path and query follow the last ASCII domain; a port or query alone do not.
        tail = len(url) - len(domain) if match["path"] else 0
        spans.append((start + last.start(), start + last.end() + tail))
    return spans


def _is_valid_link(url: str, protocol: str, domain: str) -> bool:
    if domain.startswith("xn--") and _patterns().ascii_domain.search(domain) is None:
        return False  # a punycode domain holds ASCII only
    if not all(1 <= _punycode_length(label) <= _MAX_LABEL_LENGTH for label in domain.split(".")):
        return False
    return utf16_length(protocol + url) <= _MAX_LINK_LENGTH


def _punycode_length(label: str) -> int:
    parts = _IDEOGRAPHIC_STOPS.split(label)
    encoded = (
        part if part.isascii() and "\x7f" not in part else "xn--" + part.encode("punycode").decode()
        for part in parts
    )
    return len(".".join(encoded))


def utf16_length(text: str) -> int:
    """How many UTF-16 code units ``text`` takes: X's lengths and indices count those."""
    return len(text.encode("utf-16-le")) // 2


_Trie = dict[str, "_Trie"]


class _Patterns:
    """The compiled link grammar (built once, on first use)."""

    def __init__(self) -> None:
        tlds = top_level_domains()
        names = _trie_alternation([*tlds["generic"], *tlds["country"]])
        # A TLD must not run on into a letter, digit or one of @+- (".community" is not ".com").
        tld = f"(?:{names}(?-i:(?=[^0-9a-zA-Z@+-]|$))|xn--[0-9a-z-]+)"
        char = f"[^{_PUNCTUATION}{_SPACES}{_INVALID}{_DIRECTIONAL_MARKS}]"
        subdomain = f"(?:(?:{char}(?:[_-]|{char})*)?{char}\\.)"
        domain_name = f"(?:(?:{char}(?:-|{char})*)?{char}\\.)"
        path_char = f"[a-z{_CYRILLIC}0-9!*';:=+,.$/%#\\[\\]\\-\u2013_~@|&{_LATIN_ACCENTS}]"
        # Up to two levels of balanced parentheses: /wiki/Primer_(film), /a_(b_(c))/.
        parens = f"\\((?:{path_char}+|(?:{path_char}*\\({path_char}+\\){path_char}*))\\)"
        path_end = f"(?:[+\\-a-z{_CYRILLIC}0-9=_#/{_LATIN_ACCENTS}]|{parens})"
        path = f"(?:{path_char}*(?:{parens}{path_char}*)*{path_end}|@{path_char}+/)"
        query = r"\?[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*[a-z0-9\-_&=#/]"
        before = f"(?-i:[^A-Za-z0-9@\uff20$#\uff03{_INVALID}]|[{_DIRECTIONAL_MARKS}]|^)"
        self.link = re.compile(
            f"(?P<before>{before})(?P<url>(?P<protocol>https?://)?"
            f"(?P<domain>{subdomain}*{domain_name}{tld})"
            f"(?::[0-9]+)?(?P<path>/{path}*)?(?:{query})?)",
            re.IGNORECASE,
        )
        label = f"[\\-a-z0-9{_LATIN_ACCENTS}]+\\."
        self.ascii_domain = re.compile(f"(?:{label})+{tld}", re.IGNORECASE)
        self.tco = re.compile(f"https?://t\\.co/([a-z0-9]+)(?:{query})?", re.IGNORECASE)


def _trie_alternation(names: list[str]) -> str:
    """A pattern matching any of ``names`` (longer first where one begins another), written as
    a trie: a search then tries a handful of branches per character instead of all 1,500."""
    root: _Trie = {}
    for name in names:
        node = root
        for char in name.lower():
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: _Trie) -> str:
        branches = [re.escape(char) + render(child) for char, child in node.items() if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return render(root)


@cache
def _patterns() -> _Patterns:
    return _Patterns()
