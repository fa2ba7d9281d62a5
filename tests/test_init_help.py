"""The help a new project gives staff: Thai titles and descriptions in the schema editors read, and hints
that show a made-up agency, never the seed agency's real address."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from ita_site.cli.scaffold import scaffold_files
from ita_site.content import messages
from ita_site.content.thai import THAI_CHARACTER

# What identifies the seed agency (อบต.โละจูด, อำเภอแว้ง จังหวัดนราธิวาส, area code 073, lohjood.go.th).
SEED_ADDRESS = re.compile(r"โละจูด|แว้ง|นราธิวาส|\b073|7300|lohjood", re.IGNORECASE)


@pytest.fixture(scope="module")
def scaffold() -> dict[str, str]:
    """Every text file of a new project (the carried ita-site wheel is the release itself, not help)."""
    return {name: data.decode("utf-8") for name, data in scaffold_files(2568) if not name.endswith(".whl")}


def properties(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(f"{model}.{name}", field) for model, definition in schema["$defs"].items()
            for name, field in definition.get("properties", {}).items()]


def test_every_key_in_the_schema_has_thai_title_and_help(scaffold: dict[str, str]) -> None:
    schema = json.loads(scaffold["schema/content.schema.json"])
    described = [*((model, d) for model, d in schema["$defs"].items()), *properties(schema)]
    untranslated = [name for name, d in described
                    if not (THAI_CHARACTER.search(d.get("title", "")) and THAI_CHARACTER.search(d.get("description", "")))]
    assert untranslated == []
    assert len(described) > 100


def test_the_schema_says_dates_are_christian_era(scaffold: dict[str, str]) -> None:
    schema = json.loads(scaffold["schema/content.schema.json"])
    assert "2024-09-30" in schema["$defs"]["Period"]["properties"]["end"]["description"]


def test_scaffold_and_hints_do_not_show_the_seed_agency(scaffold: dict[str, str]) -> None:
    files = [name for name, text in scaffold.items() if SEED_ADDRESS.search(text)]
    hints = [code for code, message in messages.MESSAGES.items()
             if SEED_ADDRESS.search(message.hint_th + message.hint_en)]
    assert (files, hints) == ([], [])

