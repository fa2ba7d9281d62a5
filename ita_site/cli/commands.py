"""The ``ita-site`` command: the same core the MkDocs plugin uses, for staff at a terminal.

Every help text is Thai first, then English. Whatever staff feed it, the command answers with located
findings and an exit code (0 fine, 1 content errors, 2 usage error, 3 internal error), never a traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import click
import yaml

from ita_site.checks import run_checks
from ita_site.content import oit
from ita_site.content.findings import ContentError, Finding, Level, sort_findings
from ita_site.content.messages import Message, register
from ita_site.content.progress import reference_date
from ita_site.content.project import Project, load_project
from ita_site.outputs import export as open_data
from ita_site.outputs import schema as content_schema
from ita_site.plugin.site_guard import check_site_folder
from ita_site.plugin.staging import published_folder, staged

EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")
LANG = click.Choice(["th", "en"])

register("ITA501", Message(Level.ERROR, "อ่าน {name} ไม่ได้: {problem}", "cannot read {name}: {problem}",
                           "ตรวจรูปแบบ YAML ของไฟล์ หรือสร้างใหม่ด้วย ita-site init",
                           "check the file's YAML, or create a new project with ita-site init"))
register("ITA502", Message(Level.ERROR, "ไฟล์ {path} มีอยู่แล้ว ita-site init จะไม่เขียนทับ",
                           "{path} already exists; ita-site init never overwrites",
                           "ใช้โฟลเดอร์ใหม่ที่ว่างเปล่า หรือย้ายไฟล์นั้นออกก่อน",
                           "use a new, empty folder, or move the file away first"))
register("ITA503", Message(Level.ERROR, "สร้างเว็บไซต์ไม่สำเร็จ เว็บไซต์เดิมใน {site} ยังอยู่ครบ",
                           "the build failed; the previous site in {site} is untouched",
                           "อ่านข้อความของ MkDocs ด้านบน แก้ไขแล้วสั่งใหม่", "read MkDocs' messages above, fix, and run again"))


class _Main(click.Group):
    """Turns content errors into findings and anything unexpected into exit code 3, without a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ContentError as exc:
            _print_findings(exc.findings, ctx.meta.get("ita.lang", "th"), ctx.meta.get("ita.format", "text"))
            ctx.exit(EXIT_CONTENT)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort,
                SystemExit, KeyboardInterrupt):
            raise
        except BrokenPipeError:  # output piped into a program that stopped reading (| head): not our error
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(EXIT_CONTENT)
        except Exception as exc:
            if ctx.params.get("debug"):
                raise
            click.echo(f"ita-site: ข้อผิดพลาดภายในโปรแกรม / internal error: {type(exc).__name__}: {exc}\n"
                       "แจ้งผู้ดูแลระบบพร้อมข้อความนี้ หรือสั่งใหม่ด้วย ita-site --debug ... เพื่อดูรายละเอียด / "
                       "please report this; run with ita-site --debug ... for details", err=True)
            ctx.exit(EXIT_INTERNAL)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ita-site")
@click.option("--debug", is_flag=True, help="แสดงรายละเอียดเมื่อโปรแกรมขัดข้อง / show a traceback on internal errors.")
def main(debug: bool) -> None:
    """เครื่องมือสร้างเว็บไซต์เปิดเผยข้อมูล ITA ของหน่วยงาน / Build an agency's ITA disclosure site."""


# --- finding output ---------------------------------------------------------------------------------

_SUMMARY = {
    "th": ("ข้อผิดพลาด {error} รายการ คำเตือน {warning} รายการ หมายเหตุ {info} รายการ", "ไม่พบปัญหา"),
    "en": ("{error} error(s), {warning} warning(s), {info} note(s)", "no problems found"),
}


def _counts(findings: list[Finding]) -> dict[str, int]:
    counted = Counter(str(f.level) for f in findings)
    return {level.value: counted.get(level.value, 0) for level in Level}


def _print_findings(findings: list[Finding], lang: str, fmt: str) -> None:
    """Findings one per line (``file:line:column: level: message (hint)``) and a summary, or JSON."""
    findings = sort_findings(findings)
    counts = _counts(findings)
    if fmt == "json":
        click.echo(json.dumps({"summary": counts, "findings": [f.as_dict(lang) for f in findings]},
                              ensure_ascii=False, indent=2))
        return
    for finding in findings:
        click.echo(finding.format(lang))
    summary, clean = _SUMMARY[lang]
    click.echo(summary.format(**counts) if findings else clean)


# --- project location and settings -----------------------------------------------------------------

class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running it: Python and !ENV tags become null instead of errors."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class ProjectDir:
    """Where a project's files are and how its ita plugin is set up."""

    root: Path
    config_file: Path | None
    content_dir: Path
    site_dir: Path
    fail_on: str
    today: str | None = None
    docs_dir: Path | None = None


def _ita_settings(config: dict[str, Any]) -> dict[str, Any]:
    for entry in config.get("plugins") or []:
        if entry == "ita":
            return {}
        if isinstance(entry, dict) and "ita" in entry:
            return entry["ita"] if isinstance(entry["ita"], dict) else {}
    return {}


def find_project(directory: Path) -> ProjectDir:
    """Resolve a project folder (with mkdocs.yml or content/) or a content folder itself."""
    root = directory.resolve()
    config_file = next((root / n for n in CONFIG_NAMES if (root / n).is_file()), None)
    if config_file is None:
        if not (root / "content").is_dir() and (root / "agency.yaml").is_file():
            return ProjectDir(root.parent, None, root, root.parent / "site", "error")
        return ProjectDir(root, None, root / "content", root / "site", "error")
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
        if not isinstance(config, dict):
            raise ValueError("ข้อมูลระดับบนสุดต้องเป็นชุดข้อมูล / the top level must be a mapping")
    except (yaml.YAMLError, UnicodeDecodeError, ValueError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = str(getattr(exc, "problem", None) or exc).splitlines()[0]
        raise ContentError([Finding("ITA501", config_file.name, line, col, {"name": config_file.name,
                                                                             "problem": problem})]) from None
    settings = _ita_settings(config)
    content = root / str(settings.get("content_dir") or "content")
    site = root / str(config.get("site_dir") or "site")
    fail_on = settings.get("fail_on") if settings.get("fail_on") in ("error", "warning") else "error"
    today = str(settings["today"]) if settings.get("today") else None
    return ProjectDir(root, config_file, content, site, fail_on, today, root / str(config.get("docs_dir") or "docs"))


def _failing(findings: list[Finding], fail_on: str) -> bool:
    levels = {Level.ERROR} if fail_on == "error" else {Level.ERROR, Level.WARNING}
    return any(f.level in levels for f in findings)


def load_and_check(where: ProjectDir) -> tuple[Project, list[Finding]]:
    """Load the content and run every check; a ContentError carries what stops loading."""
    project = load_project(where.content_dir, where.root)
    try:
        today = reference_date(where.today)
    except ValueError as exc:
        raise ContentError([Finding("ITA501", where.config_file.name if where.config_file else "mkdocs.yml", 1, 1,
                                    {"name": "mkdocs.yml", "problem": f"today: {exc}"})]) from None
    return project, run_checks(project, today)


# --- shared options ---------------------------------------------------------------------------------

def _project_argument(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.argument("directory", required=False, default=".",
                          type=click.Path(exists=True, file_okay=False, path_type=Path))(func)


def _lang_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--lang", type=LANG, default="th", show_default=True,
                        help="ภาษาของข้อความ / language of the messages.")(func)


def _fail_on_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--fail-on", type=click.Choice(["error", "warning"]), default=None,
                        help="ระดับที่ถือว่าไม่ผ่าน (ค่าเริ่มต้นตาม fail_on ใน mkdocs.yml หรือ error) / "
                             "level that fails (default: fail_on in mkdocs.yml, else error).")(func)


def _checked(ctx: click.Context, directory: Path, lang: str, fmt: str, fail_on: str | None,
             ) -> tuple[ProjectDir, Project, list[Finding]]:
    """Run the checks as ``ita-site check`` does; exits 1 after printing when something must be fixed."""
    ctx.meta["ita.lang"], ctx.meta["ita.format"] = lang, fmt
    where = find_project(directory)
    project, findings = load_and_check(where)
    if _failing(findings, fail_on or where.fail_on):
        _print_findings(findings, lang, fmt)
        ctx.exit(EXIT_CONTENT)
    return where, project, findings


# --- commands ---------------------------------------------------------------------------------------

@main.command()
@_project_argument
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="รูปแบบผลลัพธ์: ข้อความ หรือ JSON สำหรับโปรแกรมอื่น / output: text, or JSON for machines.")
@_lang_option
@_fail_on_option
@click.pass_context
def check(ctx: click.Context, directory: Path, fmt: str, lang: str, fail_on: str | None) -> None:
    """ตรวจเนื้อหาทั้งหมดและแจ้งจุดที่ต้องแก้ / Check all content and report what to fix.

    DIRECTORY คือโฟลเดอร์โครงการ (ที่มี mkdocs.yml หรือ content/) ค่าเริ่มต้นคือโฟลเดอร์ปัจจุบัน
    / DIRECTORY is the project folder (with mkdocs.yml or content/), the current folder by default.
    """
    _, _, findings = _checked(ctx, directory, lang, fmt, fail_on)
    _print_findings(findings, lang, fmt)


def _mkdocs(*args: str) -> int:
    """Run MkDocs as its own process, so its output and exit code are exactly what MkDocs says."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.call([sys.executable, "-m", "mkdocs", *args], env=env)


def _config_args(where: ProjectDir) -> list[str]:
    if where.config_file is None:
        raise ContentError([Finding("ITA501", "mkdocs.yml", 1, 1, {
            "name": "mkdocs.yml", "problem": "ไม่พบไฟล์ / not found"})])
    return ["-f", str(where.config_file)]


@main.command()
@_project_argument
@click.option("--strict/--no-strict", default=True, show_default=True,
              help="ถือว่าคำเตือนของ MkDocs เป็นข้อผิดพลาด / treat MkDocs warnings as errors.")
@_lang_option
@_fail_on_option
@click.pass_context
def build(ctx: click.Context, directory: Path, strict: bool, lang: str, fail_on: str | None) -> None:
    """ตรวจเนื้อหาแล้วสร้างเว็บไซต์ / Check the content, then build the site.

    สร้างในโฟลเดอร์ชั่วคราวก่อน แล้วจึงแทนที่ site/ เมื่อสำเร็จ ถ้าไม่สำเร็จ เว็บไซต์เดิมยังอยู่ครบ
    / Builds into a temporary folder and replaces site/ only on success; a failed build leaves it intact.
    """
    where, _, findings = _checked(ctx, directory, lang, "text", fail_on)
    _print_findings(findings, lang, "text")
    config = _config_args(where)
    check_site_folder(where)
    with staged(where.site_dir) as temporary:
        code = _mkdocs("build", *config, "-d", str(temporary), *(["--strict"] if strict else []))
        if code != 0:
            finding = Finding("ITA503", where.config_file.name if where.config_file else "mkdocs.yml", 1, 1,
                              {"site": where.site_dir.name})
            click.echo(finding.message(lang) + f" ({finding.hint(lang)})", err=True)
            ctx.exit(EXIT_CONTENT)
    if where.site_dir.is_symlink():
        target = published_folder(where.site_dir)
        click.echo(f"{where.site_dir} เป็นลิงก์ จึงแทนที่โฟลเดอร์ปลายทาง {target} แล้ว (ลิงก์ยังอยู่เหมือนเดิม)" if lang == "th"
                   else f"{where.site_dir} is a link: replaced its target {target} (the link is unchanged)")
    click.echo(("สร้างเว็บไซต์แล้วที่ " if lang == "th" else "site built in ") + str(where.site_dir))


@main.command()
@_project_argument
@click.option("-a", "--dev-addr", default=None, metavar="IP:PORT",
              help="ที่อยู่สำหรับเปิดดู (ค่าเริ่มต้น 127.0.0.1:8000) / address to serve on (default 127.0.0.1:8000).")
@click.option("--strict/--no-strict", default=False, show_default=True,
              help="ถือว่าคำเตือนของ MkDocs เป็นข้อผิดพลาด / treat MkDocs warnings as errors.")
@_lang_option
@_fail_on_option
@click.pass_context
def serve(ctx: click.Context, directory: Path, dev_addr: str | None, strict: bool, lang: str,
          fail_on: str | None) -> None:
    """ตรวจเนื้อหาแล้วเปิดดูเว็บไซต์ในเครื่อง (แก้ไฟล์แล้วหน้าเว็บอัปเดตเอง) / Check, then preview the site locally.
    """
    where, _, findings = _checked(ctx, directory, lang, "text", fail_on)
    _print_findings(findings, lang, "text")
    args = ["serve", *_config_args(where), *(["-a", dev_addr] if dev_addr else []), *(["--strict"] if strict else [])]
    check_site_folder(where)
    ctx.exit(EXIT_OK if _mkdocs(*args) == 0 else EXIT_CONTENT)


@main.command("export")
@click.argument("out_dir", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
@click.option("-p", "--project", "directory", default=".", show_default=True,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="โฟลเดอร์โครงการ / the project folder.")
@click.option("--itas", "itas_year", type=int, default=None, metavar="YEAR",
              help="เขียนเฉพาะตาราง ข้อ OIT -> URL ของปีนี้สำหรับกรอกในระบบ ITAS / write only the OIT item -> URL "
                   "sheet of this fiscal year, for ITAS.")
@_lang_option
@_fail_on_option
@click.pass_context
def export_command(ctx: click.Context, out_dir: Path, directory: Path, itas_year: int | None, lang: str,
                   fail_on: str | None) -> None:
    """เขียนข้อมูลเปิด (CSV, JSON และ JSON Schema) ลงในโฟลเดอร์ DIR / Write open data (CSV, JSON, JSON Schema) to DIR.

    CSV บันทึกแบบ UTF-8 มี BOM เพื่อให้ Excel แสดงภาษาไทยถูกต้อง
    / CSV is UTF-8 with a BOM so that Excel shows Thai correctly.
    """
    where, project, _ = _checked(ctx, directory, lang, "text", fail_on)
    if itas_year is not None:
        config = yaml.load(where.config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) if where.config_file else {}
        click.echo(str(oit.write_itas_sheet(project, itas_year, out_dir, config or {})))
        return
    written = open_data.export(project, out_dir)
    for path in written:
        click.echo(str(path))


@main.command("schema")
@click.option("--kind", type=click.Choice(["all", *content_schema.KINDS]), default="all", show_default=True,
              help="ไฟล์ชนิดใด / which kind of content file.")
def schema_command(kind: str) -> None:
    """พิมพ์ JSON Schema ของไฟล์เนื้อหา (ใช้กับโปรแกรมแก้ไขไฟล์) / Print the JSON Schema of the content files.
    """
    click.echo(content_schema.dumps(content_schema.content_schema() if kind == "all"
                                    else content_schema.kind_schema(kind)), nl=False)


def _scaffold_files() -> Iterator[tuple[str, bytes]]:
    """(relative path, bytes) of every scaffold file, dotfiles included, plus the schema files."""
    with as_file(files("ita_site").joinpath("scaffold")) as scaffold:
        base = Path(scaffold)
        for path in sorted(base.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                yield path.relative_to(base).as_posix(), path.read_bytes()
    for name, text in content_schema.schema_files().items():
        yield f"schema/{name}", text.encode("utf-8")


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--lang", type=LANG, default="th", show_default=True, help="ภาษาของข้อความ / language of the messages.")
@click.pass_context
def init(ctx: click.Context, directory: Path, lang: str) -> None:
    """สร้างโครงการเว็บไซต์ใหม่ของหน่วยงานในโฟลเดอร์ DIRECTORY / Create a new agency site project in DIRECTORY.

    ไฟล์ตัวอย่างมีคำอธิบายภาษาไทย สร้างเว็บไซต์ได้ทันที และจะไม่เขียนทับไฟล์ที่มีอยู่
    / The templates are commented in Thai, build at once, and never overwrite an existing file.
    """
    ctx.meta["ita.lang"] = lang
    scaffold = list(_scaffold_files())
    existing = [name for name, _ in scaffold if (directory / name).exists() or (directory / name).is_symlink()]
    if existing:
        raise ContentError([Finding("ITA502", str(directory / name), 1, 1, {"path": str(directory / name)})
                            for name in existing])
    for name, data in scaffold:
        target = directory / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("xb") as handle:
            handle.write(data)
    done = ("สร้างโครงการแล้วที่ {dir} ขั้นต่อไป: แก้ไฟล์ใน {dir}/content แล้วสั่ง ita-site build {dir}" if lang == "th"
            else "created {dir}; next: edit {dir}/content, then run ita-site build {dir}")
    click.echo(done.format(dir=directory))


# Commands defined in other modules register here.

from ita_site.cli.links import links_command  # noqa: E402
from ita_site.cli.many import build_many_command  # noqa: E402
from ita_site.cli.package import package_command  # noqa: E402

main.add_command(build_many_command)
main.add_command(package_command)
main.add_command(links_command)
