"""``ita-site upgrade``: move an agency project to the running ita-site release.

Only the files that come with a release are rewritten (the Pages workflow, constraints.txt, the wheel in
vendor/ and the schema files); the agency's content/, pages/ and mkdocs.yml are never touched. Older wheels
in vendor/ are removed, so the repository carries exactly the release its workflow installs.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import click

from ita_site.cli.scaffold import VENDOR_DIR, release_files
from ita_site.cli.wheel import DISTRIBUTION
from ita_site.content.findings import ContentError, Finding

#: How each kind of change is named in the report.
_WORDS = {
    "th": {"added": "เพิ่ม", "replaced": "แทนที่", "removed": "ลบ", "unchanged": "ไม่เปลี่ยน",
           "done": "ย้ายโครงการไปใช้ ita-site {version} แล้ว ไม่ได้แก้ content/ pages/ และ mkdocs.yml "
                   "ตรวจความเปลี่ยนแปลงด้วย git diff แล้ว commit ทั้งหมด",
           "current": "โครงการใช้ ita-site {version} อยู่แล้ว ไม่มีไฟล์ใดเปลี่ยน"},
    "en": {"added": "added", "replaced": "replaced", "removed": "removed", "unchanged": "unchanged",
           "done": "moved the project to ita-site {version}; content/, pages/ and mkdocs.yml are untouched. "
                   "Review with git diff, then commit everything",
           "current": "the project already uses ita-site {version}; no file changed"},
}


@dataclass(frozen=True)
class Change:
    """What happened to one file of the project: added, replaced, removed or unchanged."""

    kind: str
    path: str


def upgrade_project(project: Path) -> list[Change]:
    """Write the running release's files into ``project`` and remove wheels of other releases."""
    if not ((project / "mkdocs.yml").is_file() and (project / "content").is_dir()):
        raise ContentError([Finding("ITA521", str(project), 1, 1, {"path": str(project)})])
    changes: list[Change] = []
    written: set[str] = set()
    for name, data in release_files():
        target = project / name
        written.add(name)
        if target.is_file() and target.read_bytes() == data:
            changes.append(Change("unchanged", name))
            continue
        changes.append(Change("replaced" if target.exists() else "added", name))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    for old in sorted((project / VENDOR_DIR).glob("ita_site-*.whl")):
        name = old.relative_to(project).as_posix()
        if name not in written:
            old.unlink()
            changes.append(Change("removed", name))
    return changes


@click.command("upgrade")
@click.argument("directory", required=False, default=".",
                type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--lang", type=click.Choice(["th", "en"]), default="th", show_default=True,
              help="ภาษาของข้อความ / language of the messages.")
@click.pass_context
def upgrade_command(ctx: click.Context, directory: Path, lang: str) -> None:
    """ย้ายโครงการไปใช้ ita-site รุ่นนี้ / Move a project to this ita-site release.

    เขียน workflow ของ GitHub Pages, constraints.txt, ไฟล์ ita-site ใน vendor/ และ schema/ ของรุ่นนี้ใหม่
    ไม่แก้ content/ pages/ และ mkdocs.yml / Rewrites the Pages workflow, constraints.txt, the ita-site wheel in
    vendor/ and schema/ from this release; never touches content/, pages/ or mkdocs.yml.
    """
    ctx.meta["ita.lang"] = lang
    changes = upgrade_project(directory)
    words = _WORDS[lang]
    for change in changes:
        if change.kind != "unchanged":
            click.echo(f"{words[change.kind]} {change.path}")
    changed = any(change.kind != "unchanged" for change in changes)
    click.echo(words["done" if changed else "current"].format(version=version(DISTRIBUTION)))
