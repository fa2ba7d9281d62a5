"""``ita-site links`` against local web servers only: dead links found and located, retries, the cache, and a
checker that cannot be turned against its own machine (address policy, schemes, redirects, a total deadline).

Every connection goes to 127.0.0.1: the tests allow that one address in place of the command's public-only
policy, and a spy on ``socket.create_connection`` proves nothing else is even attempted.
"""

from __future__ import annotations

import ipaddress
import json
import shutil
import socket
import ssl
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from ita_site.cli import links as links_cli
from ita_site.outputs.links import MAX_HOPS, Address, Checker, LinkCache, check_links, public_only
from support.harness import invoke_ita_site, serving

AGENCY = "id: a\nname: องค์การบริหารส่วนตำบลทดสอบ\ntype: องค์การบริหารส่วนตำบล\ndistrict: ก\nprovince: ข\n"
LOCAL = ipaddress.ip_address("127.0.0.1")


def local_only(address: Address) -> bool:
    """The tests' allowance: the one address their servers listen on."""
    return address == LOCAL


class _Handler(BaseHTTPRequestHandler):
    """/ok answers, /gone is 404, /flaky fails once with 503, /nohead refuses HEAD, /slow answers too late,
    /to/URL redirects to URL, /loop to itself, /hops/N to /hops/N+1 for ever, /trickle sends its headers one
    byte at a time and /trickle-body (GET only) its body; /host records the Host header."""

    hits: Counter[str] = Counter()
    hosts: list[str] = []
    flaky_failures = 1

    def _answer(self, send_body: bool) -> None:
        type(self).hits[f"{self.command} {self.path}"] += 1
        if self.path.startswith("/trickle"):
            return self._trickle()
        status, headers = 200, {"Content-Length": "2"}
        if self.path == "/gone":
            status = 404
        elif self.path == "/flaky" and self.hits[f"{self.command} /flaky"] <= self.flaky_failures:
            status = 503
        elif self.path == "/nohead" and self.command == "HEAD":
            status = 405
        elif self.path == "/slow":
            time.sleep(1.5)
        elif self.path == "/host":
            type(self).hosts.append(self.headers["Host"])
        elif self.path.startswith("/to/"):
            status, headers["Location"] = 302, self.path.removeprefix("/to/")
        elif self.path == "/loop":
            status, headers["Location"] = 302, "/loop"
        elif self.path.startswith("/hops/"):
            status, headers["Location"] = 302, f"/hops/{int(self.path.split('/')[2]) + 1}"
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(b"ok")

    def _trickle(self) -> None:
        """One byte every 0.1 s for 5 s: a per-read timeout of 1 s never trips."""
        if self.path == "/trickle-body" and self.command == "HEAD":
            self.send_response(405)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        head = b"HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n"
        try:
            self.wfile.write(head if self.path == "/trickle-body" else head[:9])
            for _ in range(50):
                time.sleep(0.1)
                self.wfile.write(b"x")
                self.wfile.flush()
        except ConnectionError:  # the checker gave up, as it should
            pass

    def do_HEAD(self) -> None:
        self._answer(False)

    def do_GET(self) -> None:
        self._answer(True)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def _served() -> Iterator[str]:
    with serving(_Handler) as url:
        yield url.rstrip("/")


@pytest.fixture()
def server(_served: str) -> str:
    """The tests' web server, with nothing asked of it yet."""
    _Handler.hits, _Handler.hosts = Counter(), []
    return _served


@pytest.fixture()
def connects(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Every address the checker connects to; anything but 127.0.0.1 fails without leaving the machine."""
    seen: list[tuple[str, int]] = []
    real = socket.create_connection

    def spy(address: tuple[str, int], *args: Any, **kwargs: Any) -> socket.socket:
        seen.append(address)
        if address[0] != "127.0.0.1":
            raise ConnectionRefusedError(f"test refuses {address[0]}")
        return real(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", spy)
    return seen


def _port(server: str) -> int:
    return int(server.rsplit(":", 1)[1])


# --- the address policy ------------------------------------------------------------------------------------

@pytest.mark.parametrize("address", ["127.0.0.1", "127.0.0.2", "10.0.0.1", "172.16.0.1", "192.168.1.1",
                                     "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "240.0.0.1",
                                     "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "ff02::1",
                                     "::ffff:127.0.0.1", "::ffff:169.254.169.254", "2002:a00:1::"])
def test_public_only_refuses_this_machine_and_its_networks(address: str) -> None:
    assert not public_only(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["1.1.1.1", "203.150.1.1", "2001:4860:4860::8888", "::ffff:8.8.8.8"])
def test_public_only_allows_the_public_internet(address: str) -> None:
    assert public_only(ipaddress.ip_address(address))


def test_the_strict_policy_never_asks_this_machine(server: str, connects: list[tuple[str, int]]) -> None:
    result = Checker(public_only, timeout=1).check(f"{server}/ok")
    assert (result.ok, result.code, result.reason) == (False, "ITA613", "127.0.0.1")
    assert connects == [] and not _Handler.hits


# --- redirects -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("target", "refused"), [
    ("http://127.0.0.2:{port}/", "127.0.0.2"), ("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),
    ("http://10.0.0.1/", "10.0.0.1"), ("http://[::ffff:10.0.0.1]/", "::ffff:10.0.0.1"), ("https://[::1]:{port}/", "::1")])
def test_a_redirect_to_another_machine_is_refused_before_connecting(server: str, connects: list[tuple[str, int]],
                                                                    target: str, refused: str) -> None:
    target = target.format(port=_port(server))
    result = Checker(local_only, timeout=1).check(f"{server}/to/{target}")
    assert (result.ok, result.code, result.reason) == (False, "ITA613", refused)
    assert connects == [("127.0.0.1", _port(server))]  # the first hop only: the refused address was never tried
    assert list(_Handler.hits) == [f"HEAD /to/{target}"]


@pytest.mark.parametrize("target", ["ftp://127.0.0.1:{port}/x", "file:///etc/passwd", "gopher://127.0.0.1:{port}/"])
def test_a_redirect_to_another_scheme_is_refused(server: str, connects: list[tuple[str, int]], target: str) -> None:
    target = target.format(port=_port(server))
    result = Checker(local_only, timeout=1).check(f"{server}/to/{target}")
    assert (result.ok, result.code, result.reason) == (False, "ITA614", target)
    assert connects == [("127.0.0.1", _port(server))]


def test_a_redirect_loop_or_too_many_redirects_is_dead(server: str) -> None:
    loop = Checker(local_only, timeout=1).check(f"{server}/loop")
    assert (loop.ok, loop.code, loop.reason) == (False, "ITA615", f"{server}/loop")
    chain = Checker(local_only, timeout=1).check(f"{server}/hops/0")
    assert (chain.ok, chain.code, chain.reason) == (False, "ITA616", str(MAX_HOPS))
    assert sum(1 for hit in _Handler.hits if hit.startswith("HEAD /hops/")) == MAX_HOPS + 1


def test_allowed_redirects_are_followed(server: str) -> None:
    result = Checker(local_only, timeout=1).check(f"{server}/to/{server}/to/{server}/ok")
    assert (result.ok, result.status) == (True, 200)
    assert _Handler.hits["HEAD /ok"] == 1


# --- connecting to the checked address ----------------------------------------------------------------------

def test_connects_to_the_address_checked_and_keeps_the_host_name(server: str, connects: list[tuple[str, int]]) -> None:
    lookups: list[str] = []

    def resolve(host: str, port: int) -> list[str]:
        lookups.append(host)
        return ["10.0.0.1", "127.0.0.1"]  # the refused address first: the allowed one is used

    url = f"http://evidence.test:{_port(server)}/host"
    result = Checker(local_only, timeout=1, resolve=resolve).check(url)
    assert result.ok, result.reason
    assert lookups == ["evidence.test"]  # one lookup; the connection does not ask a resolver again
    assert connects == [("127.0.0.1", _port(server))]
    assert _Handler.hosts == [f"evidence.test:{_port(server)}"]


def test_a_host_with_only_refused_addresses_is_never_asked(connects: list[tuple[str, int]]) -> None:
    result = Checker(local_only, timeout=1, resolve=lambda host, port: ["169.254.169.254", "10.0.0.1"]).check(
        "https://evidence.test/x")
    assert (result.ok, result.code, result.reason) == (False, "ITA613", "evidence.test (169.254.169.254, 10.0.0.1)")
    assert connects == []


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for evidence.test (made with the openssl program)."""
    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl program")
    where = tmp_path_factory.mktemp("tls")
    cert, key = where / "cert.pem", where / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=evidence.test",
                    "-addext", "subjectAltName=DNS:evidence.test"], check=True, capture_output=True, timeout=30)
    return cert, key


def test_https_checks_the_certificate_against_the_host_name(certificate: tuple[Path, Path],
                                                             connects: list[tuple[str, int]]) -> None:
    cert, key = certificate
    server_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_tls.load_cert_chain(cert, key)
    with serving(_Handler, tls=server_tls) as url:
        port = _port(url.rstrip("/"))
        checker = Checker(local_only, timeout=2, retries=0, resolve=lambda host, port: ["127.0.0.1"],
                          tls=ssl.create_default_context(cafile=str(cert)))
        assert checker.check(f"https://evidence.test:{port}/ok").ok
        wrong = checker.check(f"https://other.test:{port}/ok")  # same address, a name the certificate is not for
    assert not wrong.ok and "other.test" in wrong.reason, wrong.reason
    assert set(connects) == {("127.0.0.1", port)}


# --- the total deadline -------------------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("path", ["/trickle", "/trickle-body"])
def test_the_timeout_bounds_the_whole_link(server: str, path: str) -> None:
    start = time.monotonic()
    result = Checker(local_only, timeout=1, retries=2, backoff=0.05).check(f"{server}{path}")
    took = time.monotonic() - start
    assert not result.ok and result.reason == "no answer within 1 s"
    assert took < 1.5, took  # the server would go on for 5 s


def test_retries_stop_at_the_deadline(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_Handler, "flaky_failures", 100)
    start = time.monotonic()
    result = Checker(local_only, timeout=1, retries=10, backoff=0.4).check(f"{server}/flaky")
    assert (result.ok, result.status) == (False, 503)
    assert time.monotonic() - start < 1 and _Handler.hits["HEAD /flaky"] == 2  # at 0 and 0.4 s; 1.2 s is too late


def test_unreachable_host_is_dead_with_a_reason(server: str) -> None:
    closed = server.rsplit(":", 1)[0] + ":9"  # discard port: nothing listens on 127.0.0.1:9
    result = Checker(local_only, timeout=1, retries=1, backoff=0.05).check(f"{closed}/x")
    assert not result.ok and result.status is None and result.reason


def test_expired_cache_entries_are_checked_again(tmp_path: Path, server: str) -> None:
    checker = Checker(local_only, timeout=1, retries=0)
    cache = LinkCache(tmp_path / "cache.json", max_age=60)
    assert check_links([f"{server}/ok"], cache, checker)[f"{server}/ok"].ok
    stale = LinkCache(tmp_path / "cache.json", max_age=0)
    stale.entries = {u: r.__class__(r.url, r.ok, r.status, r.reason, r.checked_at - 10) for u, r in stale.entries.items()}
    check_links([f"{server}/ok"], stale, checker)
    assert _Handler.hits["HEAD /ok"] == 2


# --- the command --------------------------------------------------------------------------------------------

def _project(root: Path, base: str) -> Path:
    content = root / "content"
    (content / "oit").mkdir(parents=True)
    (content / "plans").mkdir()
    (content / "agency.yaml").write_text(AGENCY, encoding="utf-8")
    (content / "oit" / "2567.yaml").write_text(
        "fiscal_year: 2567\nitems:\n"
        "  - code: O1\n    documents:\n"
        f"      - {{title: ใช้ได้, url: '{base}/ok'}}\n"
        f"      - {{title: หายไป, url: '{base}/gone'}}\n"
        "  - code: O2\n    documents:\n"
        f"      - {{title: ชั่วคราว, url: '{base}/flaky'}}\n"
        f"      - {{title: ไม่รับ HEAD, url: '{base}/nohead'}}\n"
        f"      - {{title: ช้า, url: '{base}/slow'}}\n", encoding="utf-8")
    (content / "plans" / "2567.yaml").write_text(
        "fiscal_year: 2567\ntitle: มาตรการ\nsteps:\n  - {number: '1', text: ทำ}\nmeasures:\n"
        "  - id: a\n    number: '1.1'\n    title: มาตรการ\n    progress:\n"
        "      - date: 2024-01-01\n        status: done\n        text: เสร็จ\n        evidence:\n"
        f"          - {{url: '{base}/gone'}}\n", encoding="utf-8")
    return root


def _cited(project: Path, name: str, url: str) -> str:
    """``file:line:column`` of the quoted address in a content file, counted independently of the tool."""
    for number, line in enumerate((project / name).read_text(encoding="utf-8").splitlines(), start=1):
        if f"'{url}'" in line:
            return f"{name}:{number}:{line.index(repr(url)) + 1}"
    raise AssertionError(url)


def _links(project: Path, *args: str) -> Result:
    """``ita-site links`` as staff run it, in this process so that a test can allow its local server."""
    result = invoke_ita_site("links", project, "--timeout", "1", "--retries", "1", "--lang", "en", *args)
    assert result.exit_code in (0, 1), result.output
    return result


@pytest.fixture()
def allow_local(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let the command reach the tests' server on 127.0.0.1, the one thing its public-only policy refuses."""
    monkeypatch.setattr(links_cli, "public_only", local_only)


@pytest.mark.slow
@pytest.mark.usefixtures("allow_local")
def test_reports_dead_links_where_each_is_cited(tmp_path: Path, server: str) -> None:
    project = _project(tmp_path, server)
    result = _links(project)
    assert result.exit_code == 1, result.output
    dead = [line for line in result.stdout.splitlines() if "dead link" in line]
    assert [line.split(": warning ITA620:")[0] for line in dead] == [
        _cited(project, "content/oit/2567.yaml", f"{server}/gone"), _cited(project, "content/oit/2567.yaml", f"{server}/slow"),
        _cited(project, "content/plans/2567.yaml", f"{server}/gone")]
    assert f"dead link: {server}/gone (HTTP 404)" in dead[0] and f"{server}/gone (HTTP 404)" in dead[2]
    assert f"dead link: {server}/slow (no answer within 1 s)" in dead[1]
    assert not any(f"{server}/{path} " in result.stdout for path in ("ok", "flaky", "nohead"))
    assert result.stdout.strip().endswith("5 link(s) checked, 2 dead")
    assert _Handler.hits["HEAD /flaky"] == 2  # failed once, retried, then answered
    assert _Handler.hits["GET /nohead"] == 1  # HEAD refused, GET asked instead


def test_the_command_refuses_this_machine(tmp_path: Path, server: str) -> None:
    project = _project(tmp_path, server)
    result = _links(project, "--lang", "th")
    assert result.exit_code == 1
    refused = [line for line in result.stdout.splitlines() if "ไม่ใช่ที่อยู่สาธารณะบนอินเทอร์เน็ต" in line]
    assert len(refused) == 6 and all("127.0.0.1" in line for line in refused)
    assert not _Handler.hits


@pytest.mark.slow
@pytest.mark.usefixtures("allow_local")
def test_cache_skips_working_links_and_asks_dead_ones_again(tmp_path: Path, server: str) -> None:
    project = _project(tmp_path, server)
    _links(project)
    cache = json.loads((project / ".ita-links-cache.json").read_text(encoding="utf-8"))
    assert cache[f"{server}/ok"]["ok"] is True and cache[f"{server}/gone"]["status"] == 404
    before = Counter(_Handler.hits)
    result = _links(project)
    assert result.exit_code == 1
    asked = _Handler.hits - before
    assert asked["HEAD /ok"] == 0 and asked["HEAD /flaky"] == 0  # fresh in the cache
    assert asked["HEAD /gone"] == 1  # failures are always asked again
    fresh = _links(project, "--no-cache")
    assert fresh.exit_code == 1 and (_Handler.hits - before)["HEAD /ok"] == 1


@pytest.mark.usefixtures("allow_local")
@pytest.mark.parametrize("damage", [b"[1]", b'"x"', b"{not json", b"\xff\xfe", b'{"u": {"url": "u"}}',
                                    b'{"u": {"url": "u", "ok": true, "status": 200, "reason": "OK", "checked_at": "x"}}'])
def test_a_damaged_cache_is_ignored_with_one_warning_and_rewritten(tmp_path: Path, server: str, damage: bytes) -> None:
    (tmp_path / "content" / "oit").mkdir(parents=True)
    (tmp_path / "content" / "agency.yaml").write_text(AGENCY, encoding="utf-8")
    (tmp_path / "content" / "oit" / "2567.yaml").write_text(
        f"fiscal_year: 2567\nitems:\n  - code: O1\n    documents:\n      - {{title: ใช้ได้, url: '{server}/ok'}}\n",
        encoding="utf-8")
    cache = tmp_path / ".ita-links-cache.json"
    cache.write_bytes(damage)
    result = _links(tmp_path)
    assert result.exit_code == 0, result.output
    assert [line.split(": ")[:2] for line in result.stderr.splitlines()] == [[f"{cache}:1:1", "warning ITA617"]]
    assert "link cache not used" in result.stderr
    assert list(json.loads(cache.read_text(encoding="utf-8"))) == [f"{server}/ok"]
    again = _links(tmp_path)
    assert again.stderr == "" and _Handler.hits["HEAD /ok"] == 1  # the rewritten cache is used
