"""The addresses agencies paste into ITAS must not move: build the example, change unrelated content
(a new measure in front, renumbering, reordered and removed OIT entries, new files), build again, and
compare which URL each measure, OIT item and attached file has."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from html_text import squashed
from support.harness import REPO, replace_in, run_mkdocs_build

EXAMPLE = REPO / "examples" / "tambon-example"
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
_MEASURE = re.compile(r"^(\d{4})/measures/(?!index\.html|document\.html|report\.html)[^/]+\.html$")
_OIT = re.compile(r"^(\d{4})/oit/o\d+\.html$")


def _heading(path: Path) -> str:
    match = _H1.search(path.read_text(encoding="utf-8"))
    assert match, path
    return squashed(re.sub(r"<[^>]+>", "", match.group(1)))


def url_map(site: Path) -> dict[tuple[str, ...], str]:
    """What each thing is (read from its page, not from its address) -> its address in the built site."""
    found: dict[tuple[str, ...], str] = {}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if (match := _MEASURE.match(rel)) is not None:
            title = re.sub(r"^มาตรการ[0-9.]+", "", _heading(path))
            key = ("measure", match.group(1), title)
        elif (match := _OIT.match(rel)) is not None:
            code = re.match(r"O\d+", _heading(path))
            assert code, rel
            key = ("oit", match.group(1), code.group(0))
        elif rel.startswith("files/") and path.is_file():
            key = ("file", path.name, path.read_bytes().hex()[:64])
        else:
            continue
        assert key not in found, f"{key} published twice: {found.get(key)} and {rel}"
        found[key] = rel
    return found


def _oit_entry(text: str, code: str) -> str:
    match = re.search(rf"  - code: {code}\n(?:    .*\n|      .*\n)*", text)
    assert match, code
    return match.group(0)


def _change_unrelated_content(content: Path) -> None:
    plan = content / "plans" / "2567.yaml"
    replace_in(plan, 'number: "1.', 'number: "2.', count=-1)  # every measure renumbered
    replace_in(plan, "measures:\n", (
        "measures:\n"
        "  - id: new-measure\n    number: \"1.1\"\n    title: มาตรการใหม่ที่เพิ่มไว้หน้าสุด\n    addresses: [eit-7]\n"))
    replace_in(content / "plans" / "2566.yaml", "title: มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
          "title: มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (ฉบับปรับปรุง)")
    replace_in(content / "assessments" / "2566.yaml", "ผลการประเมินภาพรวมดีขึ้นต่อเนื่อง", "ผลการประเมินภาพรวมของหน่วยงานดีขึ้นต่อเนื่อง")
    oit = content / "oit" / "2566.yaml"
    text = oit.read_text(encoding="utf-8")
    first, second = _oit_entry(text, "O1"), _oit_entry(text, "O2")
    text = text.replace(first, "").replace(second, "") + first.replace("title: โครงสร้าง", "title: แผนผังองค์กร")
    text += ("  - code: O10\n    title: นโยบายคุ้มครองข้อมูลส่วนบุคคล\n    published: 2023-01-05\n    documents:\n"
             "      - {title: นโยบาย, file: files/2566/a-new-policy.pdf}\n")
    oit.write_text(text, encoding="utf-8")
    (content / "files" / "2566" / "a-new-policy.pdf").write_bytes(b"%PDF-1.4\n% new\n")


@pytest.mark.slow
def test_urls_do_not_move_when_unrelated_content_changes(tmp_path: Path) -> None:
    before_src, after_src = tmp_path / "before", tmp_path / "after"
    for target in (before_src, after_src):
        shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("site", ".ita-links-cache.json"))
    _change_unrelated_content(after_src / "content")
    maps = []
    for src in (before_src, after_src):
        result = run_mkdocs_build(src, src / "built")
        assert result.returncode == 0, result.stdout + result.stderr
        maps.append(url_map(src / "built"))
    before, after = maps
    kinds = [key[0] for key in before]
    assert kinds.count("measure") == 2 + 4 + 5 and kinds.count("oit") == 43 + 5 and kinds.count("file") == 3
    moved = {key: (url, after.get(key)) for key, url in before.items() if after.get(key) != url}
    assert moved == {}
    added = sorted(set(after) - set(before))
    assert [k[0] for k in added] == ["file", "measure"]
    assert after[("measure", "2567", "มาตรการใหม่ที่เพิ่มไว้หน้าสุด")] == "2567/measures/new-measure.html"
