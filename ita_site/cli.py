"""The ``ita-site`` command: the same core the MkDocs plugin uses, for staff at a terminal."""

from __future__ import annotations

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ita-site")
def main() -> None:
    """เครื่องมือสร้างเว็บไซต์เปิดเผยข้อมูล ITA ของหน่วยงาน / Build an agency's ITA disclosure site."""


# Commands defined in other modules register here.
