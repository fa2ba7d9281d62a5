"""Publish a built site all at once: build beside it, then exchange the two folders in one step.

Every command that writes a site (``build``, ``build-many``, ``package``) goes through here, so a
failed build always leaves the previous site whole, readers never see a half-written one or none,
two builds of one site never disturb each other, and a killed build's leftovers go at the next one.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ita_site.outputs.package import MARKER

try:
    import fcntl
except ImportError:  # Windows has no flock: there, two builds of one site at once are not kept apart
    fcntl = None  # type: ignore[assignment]

_MARKER_TEXT = "ita-site build wrote this folder and replaces all of it at the next build.\n"

_LIBC = ctypes.CDLL(None, use_errno=True) if sys.platform == "linux" else None
_AT_FDCWD, _RENAME_EXCHANGE = -100, 2


def published_folder(site: Path) -> Path:
    """The folder a build replaces: ``site`` itself, or the folder it links to (the link stays)."""
    return Path(os.path.realpath(site)) if site.is_symlink() else site


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step with renameat2(RENAME_EXCHANGE) (Linux, glibc 2.28 or later).

    False where the exchange is not available: another system, an older C library or kernel, or
    a file system without it.
    """
    renameat2 = getattr(_LIBC, "renameat2", None)
    if renameat2 is None:
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL):
        return False
    raise OSError(code, os.strerror(code), str(a), None, str(b))


def swap_into_place(built: Path, site: Path) -> None:
    """Put ``built`` in place of ``site``: one exchange, so at every instant one of the two is there."""
    if not site.exists():
        built.rename(site)
        return
    if _exchange(built, site):
        shutil.rmtree(built, ignore_errors=True)  # the previous site, now under the temporary name
        return
    # Without RENAME_EXCHANGE, two renames: between them, for a moment, no site is in place.
    old = Path(tempfile.mkdtemp(prefix=f".{site.name}.old-", dir=site.parent))
    old.rmdir()
    site.rename(old)
    built.rename(site)
    shutil.rmtree(old, ignore_errors=True)


@contextmanager
def _locked(site: Path) -> Iterator[None]:
    """Hold ``.<site>.lock`` beside the site while building it: a second build of it waits.

    The lock file is removed on release; a build that wakes up holding a removed file locks again.
    """
    if fcntl is None:
        yield
        return
    lock = site.parent / f".{site.name}.lock"
    while True:
        handle = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        fcntl.flock(handle, fcntl.LOCK_EX)
        held = os.fstat(handle)
        try:
            current = os.stat(lock)
        except FileNotFoundError:
            current = None
        if current is not None and (current.st_dev, current.st_ino) == (held.st_dev, held.st_ino):
            break
        os.close(handle)
    try:
        yield
    finally:
        lock.unlink(missing_ok=True)
        os.close(handle)


def _remove_stale(site: Path) -> None:
    """Remove staging folders a killed build left beside ``site`` (only called while holding its lock)."""
    prefixes = (f".{site.name}.new-", f".{site.name}.old-")
    for path in site.parent.iterdir():
        if path.name.startswith(prefixes) and path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _finish(built: Path) -> None:
    """Give the built folder the mode MkDocs gives the folders it makes (mkdtemp makes it 0700), and the marker."""
    built.chmod(0o777 & ~_umask())
    (built / MARKER).write_text(_MARKER_TEXT, encoding="utf-8")


@contextmanager
def staged(site: Path) -> Iterator[Path]:
    """A temporary folder beside the published folder to build into; it replaces that folder only if the block succeeds."""
    target = published_folder(site)
    target.parent.mkdir(parents=True, exist_ok=True)
    with _locked(target):
        _remove_stale(target)
        temporary = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
        try:
            yield temporary
            _finish(temporary)
            swap_into_place(temporary, target)
        finally:
            shutil.rmtree(temporary, ignore_errors=True)
