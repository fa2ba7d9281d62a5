"""A project's settings, read by MkDocs' own config loader for every command.

mkdocs.yml says where the content, the pages and the site are and how the ``ita`` plugin is set up;
options given on the command line win over it, and are handed to the plugin so that a build means
what ``ita-site check`` means. A folder without mkdocs.yml (a content folder alone) is checked with
the defaults. A broken mkdocs.yml is a located finding (ITA501), never a traceback.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from ita_site.content.facts import reference_date
from ita_site.content.findings import ContentError, Finding, Level

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")
_CONFIG_ERROR = re.compile(r"^Config value '(?P<key>[^']+)': (?P<problem>.*)", re.DOTALL)


@dataclass(frozen=True)
class Settings:
    """Where a project's files are and how its findings are judged and shown."""

    root: Path
    config_file: Path | None
    content_dir: Path
    site_dir: Path
    docs_dir: Path | None
    fail_on: str
    lang: str
    today: dt.date
    site_url: str | None = None
    #: Whether pages get directory URLs (``/2566/``); Material's offline plugin, when enabled, turns them off.
    directory_urls: bool = True
    #: The ``ita`` plugin's options as the command line set them (the build date always among them).
    overrides: Mapping[str, str] = field(default_factory=dict)
    #: MkDocs' own settings as the command line set them (``site_url``), winning over mkdocs.yml.
    mkdocs_options: Mapping[str, str] = field(default_factory=dict)
    #: The loaded mkdocs.yml, with the overrides applied (None without mkdocs.yml).
    config: MkDocsConfig | None = field(default=None, compare=False, repr=False)

    @property
    def config_name(self) -> str:
        return self.config_file.name if self.config_file else "mkdocs.yml"

    def failing(self, findings: list[Finding]) -> list[Finding]:
        """The findings that stop a command under ``fail_on``."""
        levels = {Level.ERROR} if self.fail_on == "error" else {Level.ERROR, Level.WARNING}
        return [f for f in findings if f.level in levels]

    def mkdocs_config(self, **options: Any) -> MkDocsConfig:
        """mkdocs.yml loaded afresh (``options`` as MkDocs' own, e.g. ``site_dir``), the ita plugin set as here."""
        if self.config_file is None:
            raise ContentError([Finding("ITA501", "mkdocs.yml", 1, 1, {
                "name": "mkdocs.yml", "problem": "ไม่พบไฟล์ / not found"})])
        return _load(self.config_file, self.overrides, {**self.mkdocs_options, **options})


def key_position(config_file: Path, key: str) -> tuple[int, int]:
    """The 1-based line and column of a top-level key of mkdocs.yml, (1, 1) when it is not written there."""
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    for number, line in enumerate(config_file.read_text(encoding="utf-8").splitlines(), 1):
        if pattern.match(line):
            return number, 1
    return 1, 1


class _Collect(logging.Handler):
    def __init__(self, level: int) -> None:
        super().__init__(level)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def collected_log(name: str, level: int) -> Iterator[list[str]]:
    """What MkDocs logs under ``name`` at ``level`` or above while the block runs, kept off the terminal so
    it is reported with what it belongs to."""
    logger = logging.getLogger(name)
    collect = _Collect(level)
    propagate = logger.propagate
    logger.addHandler(collect)
    logger.propagate = False
    try:
        yield collect.messages
    finally:
        logger.removeHandler(collect)
        logger.propagate = propagate


@contextmanager
def _located_errors(config_file: Path) -> Iterator[None]:
    """Turn what stops MkDocs loading mkdocs.yml into ITA501 findings at the line that caused it."""
    with collected_log("mkdocs.config", logging.ERROR) as errors:
        try:
            yield
        except (MkDocsException, OSError, UnicodeDecodeError) as exc:
            findings = [_config_finding(config_file, message) for message in errors]
            if not findings:
                mark = getattr(exc.__context__, "problem_mark", None) or getattr(exc, "problem_mark", None)
                problem = getattr(exc.__context__, "problem", None) or str(exc)
                line, column = (int(mark.line) + 1, int(mark.column) + 1) if mark else (1, 1)
                findings = [Finding("ITA501", config_file.name, line, column,
                                    {"name": config_file.name, "problem": str(problem).splitlines()[0]})]
            raise ContentError(findings) from None


def _config_finding(config_file: Path, message: str) -> Finding:
    match = _CONFIG_ERROR.match(message)
    key, problem = (match["key"], message) if match else ("", message)
    where = key_position(config_file, key) if key else (1, 1)
    return Finding("ITA501", config_file.name, *where, {"name": config_file.name, "problem": problem.splitlines()[0]})


def _load(config_file: Path, overrides: Mapping[str, str], options: Mapping[str, Any]) -> MkDocsConfig:
    with _located_errors(config_file):
        config = load_config(str(config_file), **options)
    if "ita" in config.plugins:
        config.plugins["ita"].config.update(overrides)
    return config


def _today(setting: str | None, config_name: str) -> dt.date:
    try:
        return reference_date(setting)
    except ValueError as exc:
        raise ContentError([Finding("ITA501", config_name, 1, 1, {"name": config_name,
                                                                   "problem": f"today: {exc}"})]) from None


def read_settings(directory: Path, *, fail_on: str | None = None, lang: str | None = None,
                  site_url: str | None = None) -> Settings:
    """The settings of a project folder (with mkdocs.yml or content/) or of a content folder itself.

    ``fail_on``, ``lang`` and ``site_url`` given here win over mkdocs.yml. The build date is decided here,
    once: the ``today`` setting, else SOURCE_DATE_EPOCH, else the clock.
    """
    mkdocs_options = {"site_url": site_url} if site_url else {}
    root = directory.resolve()
    config_file = next((root / n for n in CONFIG_NAMES if (root / n).is_file()), None)
    if config_file is None:
        if not (root / "content").is_dir() and (root / "agency.yaml").is_file():
            root, content = root.parent, root
        else:
            content = root / "content"
        return Settings(root, None, content, root / "site", None, fail_on or "error", lang or "th", _today(None, ""),
                        site_url=site_url)
    config = _load(config_file, {}, mkdocs_options)
    ita = config.plugins["ita"].config if "ita" in config.plugins else None
    today = _today(ita.today if ita else None, config_file.name)
    overrides = {"today": today.isoformat(), **({"fail_on": fail_on} if fail_on else {}),
                 **({"lang": lang} if lang else {})}
    if ita is not None:
        ita.update(overrides)
    return Settings(
        root=root, config_file=config_file,
        content_dir=root / (ita.content_dir if ita else "content"),
        site_dir=Path(config.site_dir), docs_dir=Path(config.docs_dir),
        fail_on=ita.fail_on if ita else fail_on or "error", lang=ita.lang if ita else lang or "th",
        today=today, site_url=config.site_url, directory_urls=_directory_urls(config), overrides=overrides,
        mkdocs_options=mkdocs_options, config=config)


def _directory_urls(config: MkDocsConfig) -> bool:
    offline = config.plugins.get("material/offline")
    return bool(config.use_directory_urls) and not (offline is not None and offline.config.enabled)
