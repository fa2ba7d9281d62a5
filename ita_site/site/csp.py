"""A Content-Security-Policy in every page: script only from the site's own files and the theme's own
inline scripts, so even markup that escaped escaping could not run.

The theme writes three inline scripts per page (its storage scope, colour palette and hash
scrolling). Each is allowed by its SHA-256 hash, computed from the page itself after it is written,
so no other inline script and no event-handler attribute runs. The policy is a ``<meta>`` element,
which works on any host and from ``file://``, where no server sends headers.
"""

from __future__ import annotations

import base64
import hashlib
import re

#: Executable inline scripts: no ``src`` and not a data block (JSON configuration is not run).
_INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"application/json\")[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)
_HEAD = re.compile(r"<head[^>]*>", re.IGNORECASE)


def inline_script_hashes(html: str) -> list[str]:
    """Base64 SHA-256 of each distinct executable inline script of a page, sorted."""
    return sorted({base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
                   for body in _INLINE_SCRIPT.findall(html)})


def policy(html: str) -> str:
    """The policy for one page: its own files, its inline scripts by hash, no plugins, no foreign base."""
    sources = " ".join(["'self'", *(f"'sha256-{h}'" for h in inline_script_hashes(html))])
    return f"script-src {sources}; object-src 'none'; base-uri 'self'"


def with_policy(html: str) -> str:
    """``html`` with its policy as the first element of ``<head>``, before any script it governs."""
    head = _HEAD.search(html)
    if head is None:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return f"{html[:head.end()]}\n    {meta}{html[head.end():]}"
