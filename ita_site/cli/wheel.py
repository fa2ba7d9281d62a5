"""The running ita-site as a wheel, for an agency project to carry and install in its own workflow.

The wheel is made from the files Python imports ``ita_site`` from and the installed distribution's metadata,
so it needs no network and no build tool, and works the same whether ita-site was installed from a wheel or
in editable mode from a source tree. Entries are sorted and dated 1980-01-01, so the same release always
gives the same bytes: a project's recorded sha256 then names the release, and ``ita-site upgrade`` can tell
whether anything changed.
"""

from __future__ import annotations

import base64
import hashlib
import io
import zipfile
from dataclasses import dataclass
from importlib.metadata import distribution
from importlib.resources import as_file, files
from pathlib import Path

DISTRIBUTION = "ita-site"
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_SKIPPED_PARTS = {"__pycache__"}
_SKIPPED_SUFFIXES = {".pyc", ".pyo"}


@dataclass(frozen=True)
class Wheel:
    """A wheel's file name and bytes."""

    name: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def running_wheel() -> Wheel:
    """The ita-site that is running now, as a pure-Python wheel (``ita_site-<version>-py3-none-any.whl``)."""
    dist = distribution(DISTRIBUTION)
    version = dist.version
    dist_info = f"ita_site-{version}.dist-info"
    entries: list[tuple[str, bytes]] = []
    with as_file(files("ita_site")) as package:
        root = Path(package)
        for path in sorted(root.rglob("*")):
            relative = path.relative_to(root)
            if path.is_file() and not _SKIPPED_PARTS & set(relative.parts) and path.suffix not in _SKIPPED_SUFFIXES:
                entries.append((f"ita_site/{relative.as_posix()}", path.read_bytes()))
    metadata = dist.read_text("METADATA") or dist.read_text("PKG-INFO")  # a source tree's egg-info has the latter
    if metadata is None:
        raise FileNotFoundError(f"{DISTRIBUTION} {version}: METADATA not found in the installed distribution")
    entries.append((f"{dist_info}/METADATA", metadata.encode("utf-8")))
    entry_points = dist.read_text("entry_points.txt")
    if entry_points is not None:
        entries.append((f"{dist_info}/entry_points.txt", entry_points.encode("utf-8")))
    entries.append((f"{dist_info}/WHEEL", b"Wheel-Version: 1.0\nGenerator: ita-site\nRoot-Is-Purelib: true\n"
                                          b"Tag: py3-none-any\n"))
    record = "".join(f"{name},sha256={_digest(data)},{len(data)}\n" for name, data in entries)
    entries.append((f"{dist_info}/RECORD", f"{record}{dist_info}/RECORD,,\n".encode()))
    return Wheel(f"ita_site-{version}-py3-none-any.whl", _zipped(entries))


def _digest(data: bytes) -> str:
    """The RECORD form of a sha256: urlsafe base64 without padding."""
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")


def _zipped(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()
