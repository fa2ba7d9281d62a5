"""``ita-site links``: find evidence links that no longer open, and say where each is cited.

Evidence that lives on other websites rots. This command asks every external evidence address
(OIT documents and progress evidence) whether it still answers, several at a time, within a time
limit per link and with retries, and remembers working addresses in a cache file so a second run
is quick. It never runs during a normal build: a build must not depend on the network.

Anyone who edits content chooses these addresses, so the checker must not become a way to reach
the machine it runs on: it speaks only http and https, follows a few redirects at most, and opens
no connection to an address outside the public internet (loopback, private networks, the cloud
metadata service at 169.254.169.254 ...), checking each address before connecting to exactly it.
"""

from __future__ import annotations

import concurrent.futures
import http.client
import io
import ipaddress
import json
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import SplitResult, quote, urljoin, urlsplit

from ita_site.content.findings import Finding, sort_findings
from ita_site.content.project import Project, evidence_of

USER_AGENT = "ita-site-links/1"
MAX_HOPS = 5
_RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
_HEAD_REFUSED = frozenset({403, 405, 501})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_PORTS = {"http": http.client.HTTP_PORT, "https": http.client.HTTPS_PORT}
_URL_SAFE = "/%:@!$&'()*+,;=?[]"  # reserved characters keep their meaning; anything else (Thai) is percent-encoded

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def public_only(address: Address) -> bool:
    """The command's policy: an address on the public internet, never this machine or a network it sits in.

    Also refuses IPv4 addresses dressed as IPv6 (``::ffff:10.0.0.1``, 6to4), multicast and reserved ranges.
    """
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is not None:
            address = embedded
    return address.is_global and not (address.is_multicast or address.is_reserved or address.is_unspecified)


def resolve_host(host: str, port: int) -> list[str]:
    """The addresses the system's resolver gives for ``host``, most preferred first, without repeats."""
    return list(dict.fromkeys(str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)))


@dataclass(frozen=True)
class LinkCitation:
    """Where a content file cites an address."""

    file: str
    line: int
    column: int


@dataclass(frozen=True)
class LinkResult:
    """The answer an address gave: ``status`` is the HTTP status, None when no answer came at all.

    ``code`` is the finding a dead link gets: ITA620 for no answer or an error status, ITA613-ITA616 when
    the checker refused to go where the link leads.
    """

    url: str
    ok: bool
    status: int | None
    reason: str
    checked_at: float
    code: str = "ITA620"


def cited_links(project: Project) -> dict[str, list[LinkCitation]]:
    """Every external evidence address with the places citing it, in file order."""
    found: dict[str, list[LinkCitation]] = {}
    for model in [*project.assessments.values(), *project.plans.values(), *project.oit.values()]:
        doc = project.doc_of(model)
        for loc, evidence in evidence_of(model):
            if evidence.url is not None:
                line, column = doc.locate(loc + ("url",))
                found.setdefault(evidence.url, []).append(LinkCitation(doc.name, line, column))
    return found


class _Refused(Exception):
    """Where a link leads that the checker will not open: ``code`` is the finding, ``detail`` what was refused."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code, self.detail = code, detail


class _UntilDeadline(io.RawIOBase):
    """A socket's incoming bytes, cut off at the link's deadline: a per-read timeout alone lets a server that
    sends one byte a second keep a check going for as long as it likes."""

    def __init__(self, raw: io.RawIOBase, sock: socket.socket, deadline: float) -> None:
        super().__init__()
        self.raw, self.sock, self.deadline = raw, sock, deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int | None:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("deadline passed")
        self.sock.settimeout(left)
        return self.raw.readinto(buffer)

    def close(self) -> None:
        self.raw.close()
        super().close()


class _PinnedHTTP(http.client.HTTPConnection):
    """HTTP to the address that was checked (no second lookup a resolver could answer differently), with the
    Host header still naming the host, and the answer read only until the deadline."""

    def __init__(self, host: str, port: int, address: str, deadline: float) -> None:
        super().__init__(host, port, timeout=max(deadline - time.monotonic(), 0.001))
        self.address, self.deadline = address, deadline

    def connect(self) -> None:
        self.sock = socket.create_connection((self.address, self.port), self.timeout)

    def response_class(self, sock: socket.socket, *args: Any, **kwargs: Any) -> http.client.HTTPResponse:  # type: ignore[override]
        response = http.client.HTTPResponse(sock, *args, **kwargs)
        response.fp = io.BufferedReader(_UntilDeadline(response.fp.detach(), sock, self.deadline))
        return response


class _PinnedHTTPS(_PinnedHTTP):
    """The same over TLS: SNI and the certificate are checked against the host name, not the address."""

    default_port = http.client.HTTPS_PORT

    def __init__(self, host: str, port: int, address: str, deadline: float, tls: ssl.SSLContext) -> None:
        super().__init__(host, port, address, deadline)
        self.tls = tls

    def connect(self) -> None:
        super().connect()
        self.sock = self.tls.wrap_socket(self.sock, server_hostname=self.host)


def _request_target(parts: SplitResult) -> str:
    target = quote(parts.path or "/", safe=_URL_SAFE)
    return f"{target}?{quote(parts.query, safe=_URL_SAFE)}" if parts.query else target


@dataclass(frozen=True)
class Checker:
    """How addresses are asked. ``allowed`` decides which machines may be contacted at all (the command always
    uses :func:`public_only`); ``timeout`` bounds everything one link takes: redirects, retries and reading."""

    allowed: Callable[[Address], bool]
    timeout: float = 10.0
    retries: int = 2
    backoff: float = 0.5
    max_hops: int = MAX_HOPS
    resolve: Callable[[str, int], list[str]] = resolve_host
    tls: ssl.SSLContext = field(default_factory=ssl.create_default_context)

    def check(self, url: str) -> LinkResult:
        """Ask once with HEAD (GET where a server refuses HEAD); retry timeouts, network errors and 5xx/429."""
        deadline = time.monotonic() + self.timeout
        status: int | None = None
        reason = self._late()
        for attempt in range(self.retries + 1):
            pause = self.backoff * 2 ** (attempt - 1) if attempt else 0.0
            if time.monotonic() + pause >= deadline:
                break
            time.sleep(pause)
            try:
                status = self._follow(url, "HEAD", deadline)
                if status in _HEAD_REFUSED:
                    status = self._follow(url, "GET", deadline)
            except _Refused as refused:
                return LinkResult(url, False, None, refused.detail, time.time(), refused.code)
            except (OSError, http.client.HTTPException, ValueError) as exc:
                status = None
                reason = self._late() if time.monotonic() >= deadline else str(exc) or type(exc).__name__
                continue
            if status < 400:
                return LinkResult(url, True, status, "OK", time.time())
            reason = f"HTTP {status}"
            if status not in _RETRY_STATUS:
                break
        return LinkResult(url, False, status, reason, time.time())

    def _late(self) -> str:
        return f"no answer within {self.timeout:g} s"

    def _follow(self, url: str, method: str, deadline: float) -> int:
        """The status at the end of the redirects; a loop or more than ``max_hops`` of them is refused."""
        seen = {url}
        for _ in range(self.max_hops + 1):
            status, location = self._ask(url, method, deadline)
            if location is None:
                return status
            url = urljoin(url, location)
            if url in seen:
                raise _Refused("ITA615", url)
            seen.add(url)
        raise _Refused("ITA616", str(self.max_hops))

    def _ask(self, url: str, method: str, deadline: float) -> tuple[int, str | None]:
        """One request, and where it redirects to; whatever is refused is refused before connecting."""
        parts = urlsplit(url)
        if parts.scheme not in _PORTS or not parts.hostname:
            raise _Refused("ITA614", url)
        host = parts.hostname.encode("idna").decode("ascii")
        port = parts.port or _PORTS[parts.scheme]
        address = self._address(host, port)
        connection = (_PinnedHTTPS(host, port, address, deadline, self.tls) if parts.scheme == "https"
                      else _PinnedHTTP(host, port, address, deadline))
        try:
            connection.request(method, _request_target(parts), headers={"User-Agent": USER_AGENT})
            response = connection.getresponse()
            if method == "GET":
                response.read(1024)
            return response.status, response.getheader("Location") if response.status in _REDIRECTS else None
        finally:
            connection.close()

    def _address(self, host: str, port: int) -> str:
        """The first address of ``host`` that ``allowed`` accepts; refused when there is none."""
        found = self.resolve(host, port)
        for text in found:
            if self.allowed(ipaddress.ip_address(text.partition("%")[0])):
                return text
        raise _Refused("ITA613", host if found == [host] else f"{host} ({', '.join(found)})")


def _cached(url: str, entry: Any) -> LinkResult:
    """One cache entry, checked: the file is only a convenience, it may be damaged or edited by hand."""
    result = LinkResult(**entry)
    if result.url != url or not isinstance(result.ok, bool) or not isinstance(result.checked_at, (int, float)):
        raise TypeError(f"unexpected entry for {url}")
    return result


class LinkCache:
    """Working addresses seen recently, in a JSON file; failures are always asked again.

    A file that cannot be read or written only costs a re-check: ``problem`` says why, for one warning.
    """

    def __init__(self, path: Path | None, max_age: float) -> None:
        self.path = path
        self.max_age = max_age
        self.entries: dict[str, LinkResult] = {}
        self.problem: str | None = None
        if path is not None and path.exists():
            try:
                raw = json.loads(path.read_text(encoding="utf-8"))
                if not isinstance(raw, dict):
                    raise TypeError("not a JSON object")
                self.entries = {url: _cached(url, entry) for url, entry in raw.items()}
            except (OSError, ValueError, TypeError) as exc:
                self.problem = str(exc) or type(exc).__name__

    def fresh(self, url: str, now: float) -> LinkResult | None:
        entry = self.entries.get(url)
        return entry if entry is not None and entry.ok and now - entry.checked_at <= self.max_age else None

    def save(self, results: dict[str, LinkResult]) -> None:
        if self.path is None:
            return
        self.entries.update(results)
        try:
            self.path.write_text(json.dumps({u: asdict(r) for u, r in sorted(self.entries.items())}, indent=1),
                                 encoding="utf-8")
        except OSError as exc:
            self.problem = self.problem or str(exc)


def check_links(urls: list[str], cache: LinkCache, checker: Checker, *, workers: int = 8) -> dict[str, LinkResult]:
    """Results for every address: from the cache where fresh, else asked, at most ``workers`` at a time."""
    now = time.time()
    results = {url: hit for url in urls if (hit := cache.fresh(url, now)) is not None}
    pending = [url for url in urls if url not in results]
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for result in pool.map(checker.check, pending):
            results[result.url] = result
    cache.save({url: results[url] for url in pending})
    return results


def dead_link_findings(links: dict[str, list[LinkCitation]], results: dict[str, LinkResult]) -> list[Finding]:
    """One located finding per place that cites a dead address, in file order."""
    return sort_findings(Finding(results[url].code, c.file, c.line, c.column, {"url": url, "reason": results[url].reason})
            for url, citations in links.items() if not results[url].ok for c in citations)
