"""The JSON Schema of the content files, generated from the content model.

Editors that read ``# yaml-language-server: $schema=...`` lines autocomplete field names and underline
mistakes while staff type, before ``ita-site check`` ever runs. One schema holds a definition per kind
of file; small per-kind schemas point into it so each file gets exactly its own fields.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from ita_site.content.model import Agency, Assessment, OitEvidence, Plan

SCHEMA_FILE = "content.schema.json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: Kind of content file -> (its model, where such files live under content/).
KINDS: dict[str, tuple[type[BaseModel], str]] = {
    "agency": (Agency, "agency.yaml"),
    "assessment": (Assessment, "assessments/<ปี>.yaml"),
    "plan": (Plan, "plans/<ปี>.yaml"),
    "oit": (OitEvidence, "oit/<ปี>.yaml"),
}


def content_schema() -> dict[str, Any]:
    """One schema with a definition per kind of content file; a file is valid if it is one of them."""
    _, defs = models_json_schema([(model, "validation") for model, _ in KINDS.values()],
                                 ref_template="#/$defs/{model}")
    return {
        "$schema": DIALECT,
        "title": "ita-site content",
        "description": "ไฟล์เนื้อหาของเว็บไซต์เปิดเผยข้อมูล ITA / content files of an ITA disclosure site: "
                       + ", ".join(f"{where} ({kind})" for kind, (_, where) in KINDS.items()),
        "anyOf": [{"$ref": f"#/$defs/{model.__name__}"} for model, _ in KINDS.values()],
        "$defs": defs["$defs"],
    }


def kind_schema(kind: str) -> dict[str, Any]:
    """A schema for one kind of file that refers to its definition in the shared schema file."""
    model, where = KINDS[kind]
    return {"$schema": DIALECT, "title": f"ita-site {where}", "$ref": f"{SCHEMA_FILE}#/$defs/{model.__name__}"}


def dumps(schema: dict[str, Any]) -> str:
    """Stable, readable JSON (Thai kept as is) so the file diffs cleanly between versions."""
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def schema_files() -> dict[str, str]:
    """File name -> text of the shared schema and every per-kind schema."""
    files = {SCHEMA_FILE: dumps(content_schema())}
    files.update({f"{kind}.schema.json": dumps(kind_schema(kind)) for kind in KINDS})
    return files


def write_schema_files(folder: Path) -> list[Path]:
    """Write every schema file into ``folder``; returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_files().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
