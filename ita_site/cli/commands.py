"""The ``ita-site`` command: the same core the MkDocs plugin uses, for staff at a terminal.

Every help text is Thai first, then English. Whatever staff feed it, the command answers with located
findings and an exit code (0 fine, 1 content errors, 2 usage error, 3 internal error), never a traceback.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import click

from ita_site.checks import checked_project
from ita_site.cli.scaffold import latest_result_year, scaffold_files
from ita_site.content import oit
from ita_site.content.facts import reference_date
from ita_site.content.findings import ContentError, Finding, Level, sort_findings
from ita_site.content.project import Project
from ita_site.outputs import export as open_data
from ita_site.outputs import schema as content_schema
from ita_site.plugin.runner import BuildResult, build_site, serve_site
from ita_site.plugin.settings import Settings, read_settings
from ita_site.plugin.staging import published_folder

EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
LANG = click.Choice(["th", "en"])
FORMATS = click.Choice(["text", "json", "github"])




class _Main(click.Group):
    """Turns content errors into findings and anything unexpected into exit code 3, without a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ContentError as exc:
            print_findings(exc.findings, ctx.meta.get("ita.lang", "th"), ctx.meta.get("ita.format", "text"))
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


def print_findings(findings: list[Finding], lang: str, fmt: str) -> None:
    """Findings one per line (``file:line:column: level CODE: message (hint)``) and a summary, JSON, or
    GitHub Actions annotations (one per finding, shown on the lines of a pull request)."""
    findings = sort_findings(findings)
    counts = _counts(findings)
    if fmt == "json":
        click.echo(json.dumps({"summary": counts, "findings": [f.as_dict(lang) for f in findings]},
                              ensure_ascii=False, indent=2))
        return
    for finding in findings:
        click.echo(finding.annotation(lang) if fmt == "github" else finding.format(lang))
    summary, clean = _SUMMARY[lang]
    click.echo(summary.format(**counts) if findings else clean)


def load_and_check(settings: Settings) -> tuple[Project, list[Finding]]:
    """Load the content and run every check, as the plugin does in a build."""
    return checked_project(settings.content_dir, settings.root, settings.today)


# --- shared options ---------------------------------------------------------------------------------

def _project_argument(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.argument("directory", required=False, default=".",
                          type=click.Path(exists=True, file_okay=False, path_type=Path))(func)


def _lang_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--lang", type=LANG, default=None,
                        help="ภาษาของข้อความ (ค่าเริ่มต้นตาม lang ใน mkdocs.yml หรือ th) / language of the messages "
                             "(default: lang in mkdocs.yml, else th).")(func)


def _format_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--format", "fmt", type=FORMATS, default="text", show_default=True,
                        help="รูปแบบผลลัพธ์: ข้อความ, JSON สำหรับโปรแกรมอื่น หรือ github สำหรับ GitHub Actions / "
                             "output: text, JSON for machines, or github for GitHub Actions annotations.")(func)


def _fail_on_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--fail-on", type=click.Choice(["error", "warning"]), default=None,
                        help="ระดับที่ถือว่าไม่ผ่าน (ค่าเริ่มต้นตาม fail_on ใน mkdocs.yml หรือ error) / "
                             "level that fails (default: fail_on in mkdocs.yml, else error).")(func)


def _settings(ctx: click.Context, directory: Path, lang: str | None, fmt: str, fail_on: str | None,
              site_url: str | None = None) -> Settings:
    """The project's settings with the command line's options, and where the group reports content errors."""
    ctx.meta["ita.lang"], ctx.meta["ita.format"] = lang or "th", fmt
    settings = read_settings(directory, fail_on=fail_on, lang=lang, site_url=site_url)
    ctx.meta["ita.lang"] = settings.lang
    return settings


def _checked(ctx: click.Context, settings: Settings, fmt: str) -> tuple[Project, list[Finding]]:
    """Run the checks as ``ita-site check`` does; exits 1 after printing when something must be fixed."""
    project, findings = load_and_check(settings)
    if settings.failing(findings):
        print_findings(findings, settings.lang, fmt)
        ctx.exit(EXIT_CONTENT)
    return project, findings


def _web_address(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """An http(s) address with a host, as ``site_url`` must be; anything else is a usage error naming the option."""
    if value is None:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise click.BadParameter(f"{value!r} ไม่ใช่ที่อยู่เว็บ ใช้รูปแบบ https://www.example.go.th/ita/ "
                                 f"/ not a web address; use the form https://www.example.go.th/ita/")
    return value


# --- commands ---------------------------------------------------------------------------------------

@main.command()
@_project_argument
@_format_option
@_lang_option
@_fail_on_option
@click.pass_context
def check(ctx: click.Context, directory: Path, fmt: str, lang: str | None, fail_on: str | None) -> None:
    """ตรวจเนื้อหาทั้งหมดและแจ้งจุดที่ต้องแก้ / Check all content and report what to fix.

    DIRECTORY คือโฟลเดอร์โครงการ (ที่มี mkdocs.yml หรือ content/) ค่าเริ่มต้นคือโฟลเดอร์ปัจจุบัน
    / DIRECTORY is the project folder (with mkdocs.yml or content/), the current folder by default.
    """
    settings = _settings(ctx, directory, lang, fmt, fail_on)
    _, findings = _checked(ctx, settings, fmt)
    print_findings(findings, settings.lang, fmt)


def _show_build(result: BuildResult, settings: Settings, fmt: str, *, mkdocs_messages: bool = True) -> None:
    """The build's findings once, then MkDocs' own messages, then why nothing was published."""
    print_findings(result.findings, settings.lang, fmt)
    if mkdocs_messages:
        for message in result.messages:
            click.echo(message, err=True)
    if not result.ok and not settings.failing(result.findings):
        failed = Finding("ITA503", settings.config_name, 1, 1, {"site": settings.site_dir.name})
        click.echo(failed.format(settings.lang), err=True)


@main.command()
@_project_argument
@click.option("--strict/--no-strict", default=True, show_default=True,
              help="ถือว่าคำเตือนของ MkDocs เป็นข้อผิดพลาด / treat MkDocs warnings as errors.")
@click.option("--site-url", default=None, metavar="URL", callback=_web_address,
              help="ที่อยู่จริงของเว็บไซต์ แทน site_url ใน mkdocs.yml เช่น https://www.example.go.th/ita/ "
                   "/ the site's real address, instead of site_url in mkdocs.yml.")
@_format_option
@_lang_option
@_fail_on_option
@click.pass_context
def build(ctx: click.Context, directory: Path, strict: bool, site_url: str | None, fmt: str, lang: str | None,
          fail_on: str | None) -> None:
    """ตรวจเนื้อหาแล้วสร้างเว็บไซต์ / Check the content, then build the site.

    สร้างในโฟลเดอร์ชั่วคราวก่อน แล้วจึงแทนที่ site/ เมื่อสำเร็จ ถ้าไม่สำเร็จ เว็บไซต์เดิมยังอยู่ครบ
    / Builds into a temporary folder and replaces site/ only on success; a failed build leaves it intact.
    """
    settings = _settings(ctx, directory, lang, fmt, fail_on, site_url)
    result = build_site(settings, strict=strict)
    _show_build(result, settings, fmt)
    if not result.ok:
        ctx.exit(EXIT_CONTENT)
    site, th = settings.site_dir, settings.lang == "th"
    if site.is_symlink():
        target = published_folder(site)
        click.echo(f"{site} เป็นลิงก์ จึงแทนที่โฟลเดอร์ปลายทาง {target} แล้ว (ลิงก์ยังอยู่เหมือนเดิม)" if th
                   else f"{site} is a link: replaced its target {target} (the link is unchanged)")
    click.echo(("สร้างเว็บไซต์แล้วที่ " if th else "site built in ") + str(site))


@main.command()
@_project_argument
@click.option("-a", "--dev-addr", default=None, metavar="IP:PORT",
              help="ที่อยู่สำหรับเปิดดู (ค่าเริ่มต้น 127.0.0.1:8000) / address to serve on (default 127.0.0.1:8000).")
@click.option("--strict/--no-strict", default=False, show_default=True,
              help="ถือว่าคำเตือนของ MkDocs เป็นข้อผิดพลาด / treat MkDocs warnings as errors.")
@_lang_option
@_fail_on_option
@click.pass_context
def serve(ctx: click.Context, directory: Path, dev_addr: str | None, strict: bool, lang: str | None,
          fail_on: str | None) -> None:
    """ตรวจเนื้อหาแล้วเปิดดูเว็บไซต์ในเครื่อง (แก้ไฟล์แล้วหน้าเว็บอัปเดตเอง) / Check, then preview the site locally.

    ถ้าเนื้อหามีข้อผิดพลาด หน้าเว็บจะแสดงรายการข้อผิดพลาดแทน และกลับเป็นเว็บไซต์เองเมื่อแก้ไฟล์แล้ว
    / While the content has errors, the browser shows them instead, and the site again once they are fixed.
    """
    settings = _settings(ctx, directory, lang, "text", fail_on)

    def show(result: BuildResult) -> None:  # MkDocs' own messages are already on the terminal
        _show_build(result, settings, "text", mkdocs_messages=False)

    serve_site(settings, show, dev_addr=dev_addr, strict=strict)


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
def export_command(ctx: click.Context, out_dir: Path, directory: Path, itas_year: int | None, lang: str | None,
                   fail_on: str | None) -> None:
    """เขียนข้อมูลเปิด (Frictionless Data Package) ลงในโฟลเดอร์ DIR / Write the open data (a Data Package) to DIR.

    ชุดเดียวกับที่เว็บไซต์เผยแพร่ในโฟลเดอร์ data/: CSV หัวคอลัมน์ภาษาไทย (UTF-8 มี BOM ให้ Excel แสดงภาษาไทยถูกต้อง)
    JSON พร้อม JSON Schema, datapackage.json, พจนานุกรมข้อมูล README.md และข้อมูลสำหรับบัญชีข้อมูลภาครัฐ
    / The same files the site publishes in data/: CSV with Thai headers (UTF-8 with a BOM for Excel), JSON with
    JSON Schemas, datapackage.json, a Thai data dictionary (README.md) and catalogue metadata.
    """
    settings = _settings(ctx, directory, lang, "text", fail_on)
    project, _ = _checked(ctx, settings, "text")
    if itas_year is not None:
        address = {"site_url": settings.site_url, "use_directory_urls": settings.directory_urls}
        click.echo(str(oit.write_itas_sheet(project, itas_year, out_dir, address)))
        return
    written = open_data.export(project, out_dir, settings.today)
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


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--year", type=click.IntRange(2500, 2699), default=None,
              help="ปีงบประมาณ พ.ศ. ของผลการประเมิน ITA (ค่าเริ่มต้น: ปีล่าสุดที่ประกาศผลแล้ว) "
                   "/ the ITA year of the results (default: the latest year announced by the build date).")
@click.option("--lang", type=LANG, default="th", show_default=True, help="ภาษาของข้อความ / language of the messages.")
@click.pass_context
def init(ctx: click.Context, directory: Path, year: int | None, lang: str) -> None:
    """สร้างโครงการเว็บไซต์ใหม่ของหน่วยงานในโฟลเดอร์ DIRECTORY / Create a new agency site project in DIRECTORY.

    สร้างผลการประเมินปี YEAR มาตรการปี YEAR+1 และหลักฐาน OIT ปี YEAR พร้อมคำอธิบายภาษาไทย สร้างเว็บไซต์ได้ทันที
    และจะไม่เขียนทับไฟล์ที่มีอยู่ / Writes the assessment of YEAR, the plan of YEAR+1 and the OIT evidence of
    YEAR, commented in Thai; they build at once, and no existing file is overwritten.
    """
    ctx.meta["ita.lang"] = lang
    scaffold = list(scaffold_files(year if year is not None else latest_result_year(reference_date())))
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
from ita_site.cli.portal import portal_command  # noqa: E402
from ita_site.cli.upgrade import upgrade_command  # noqa: E402

main.add_command(build_many_command)
main.add_command(package_command)
main.add_command(portal_command)
main.add_command(links_command)
main.add_command(upgrade_command)
