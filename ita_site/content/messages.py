"""The catalogue of finding codes with their Thai and English wording.

Codes are stable: documentation, tests and staff refer to them. Placeholders in braces are
filled from the finding's arguments.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Level(StrEnum):
    """How serious a finding is: errors stop publication, warnings and notes do not."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Message:
    level: Level
    th: str
    en: str
    hint_th: str = ""
    hint_en: str = ""

    def text(self, lang: str, kind: str) -> str:
        if kind == "hint":
            return self.hint_en if lang == "en" else self.hint_th
        return self.en if lang == "en" else self.th


def _catalogue() -> dict[str, Message]:
    E, W, N = Level.ERROR, Level.WARNING, Level.INFO  # N: a note
    own_folder = ("ตั้ง site_dir: site ใน mkdocs.yml ให้เว็บไซต์มีโฟลเดอร์ของตัวเอง",
                  "set site_dir: site in mkdocs.yml, a folder of the site's own")
    return {
        # --- reading files (ITA0xx) ---
        "ITA001": Message(E, "ไฟล์ไม่ได้บันทึกเป็น UTF-8 (ดูเหมือนเป็น TIS-620/Windows-874)",
                          "file is not UTF-8 (it looks like TIS-620/Windows-874)",
                          "เปิดไฟล์แล้วบันทึกใหม่แบบ UTF-8 เช่น ใน Notepad เลือก Save As > Encoding: UTF-8",
                          "open the file and save it again as UTF-8"),
        "ITA002": Message(E, "ไฟล์ไม่ได้บันทึกเป็น UTF-8 (พบไบต์ที่อ่านไม่ได้ 0x{byte})",
                          "file is not UTF-8 (undecodable byte 0x{byte})",
                          "บันทึกไฟล์ใหม่แบบ UTF-8", "save the file again as UTF-8"),
        "ITA003": Message(E, "ไฟล์ว่างเปล่า", "file is empty",
                          "ใส่ข้อมูลตามแบบฟอร์ม หรือลบไฟล์นี้ออก (ดูตัวอย่างจาก ita-site init)",
                          "fill it in from the template, or delete it (see ita-site init)"),
        "ITA004": Message(E, "ไฟล์ขึ้นต้นด้วย BOM (ไบต์ EF BB BF)", "file starts with a byte order mark (BOM)",
                          "บันทึกใหม่แบบ UTF-8 ที่ไม่มี BOM", "save it again as UTF-8 without BOM"),
        "ITA005": Message(E, "ใช้ปุ่ม Tab ในการย่อหน้า ซึ่ง YAML ไม่อนุญาต", "tab used for indentation, YAML forbids it",
                          "แทน Tab ด้วยเว้นวรรค 2 ช่อง", "replace the tab by two spaces"),
        "ITA006": Message(E, "รูปแบบ YAML ไม่ถูกต้อง: {problem}", "invalid YAML: {problem_en}",
                          "ตรวจเครื่องหมาย : - และการย่อหน้าในบรรทัดนี้และบรรทัดก่อนหน้า",
                          "check the colons, dashes and indentation on this line and the one before"),
        "ITA007": Message(E, "ชื่อช่อง \"{key}\" ซ้ำกันในชุดข้อมูลเดียวกัน", "duplicate key \"{key}\"",
                          "ลบหรือเปลี่ยนชื่อช่องที่ซ้ำ (บรรทัดแรกอยู่ที่ {first})",
                          "remove or rename one of them (the first is at {first})"),
        "ITA008": Message(E, "ไม่อนุญาตให้ใช้ anchor/alias (& หรือ *) ในไฟล์เนื้อหา",
                          "YAML anchors and aliases (& or *) are not allowed in content files",
                          "เขียนข้อมูลซ้ำตรง ๆ แทนการอ้างอิง", "write the value out instead of referring to it"),
        "ITA009": Message(E, "ไฟล์ใหญ่เกินไป ({size} ไบต์ สูงสุด {limit})", "file too large ({size} bytes, limit {limit})",
                          "แยกเนื้อหาเป็นหลายไฟล์ หรือย้ายเอกสารแนบไปไว้ใน content/files",
                          "split the content or move attachments to content/files"),
        "ITA010": Message(E, "ไฟล์นี้ไม่ใช่ข้อความ (พบไบต์ศูนย์)", "binary file (contains NUL bytes)",
                          "ไฟล์ .yaml ต้องเป็นข้อความ; เอกสารแนบให้ใส่ไว้ใน content/files",
                          "a .yaml file must be text; put attachments in content/files"),
        "ITA011": Message(E, "ข้อมูลระดับบนสุดของไฟล์ต้องเป็นชุดข้อมูล (ชื่อช่อง: ค่า)",
                          "the top level of the file must be a mapping (key: value)",
                          "เริ่มไฟล์ด้วยบรรทัดแบบ fiscal_year: 2566", "start the file with lines like fiscal_year: 2566"),
        "ITA012": Message(E, "ข้อมูลซ้อนกันลึกเกินไป", "data nested too deeply",
                          "ตรวจวงเล็บ [ ] {{ }} ที่เปิดไว้แต่ไม่ได้ปิด", "check for unclosed [ ] {{ }}"),
        "ITA013": Message(W, "ไม่รู้จักไฟล์นี้ในโฟลเดอร์ content", "unexpected file in the content folder",
                          "ไฟล์ที่ใช้ได้: agency.yaml, assessments/<ปี>.yaml, plans/<ปี>.yaml, oit/<ปี>.yaml",
                          "known files: agency.yaml, assessments/<year>.yaml, plans/<year>.yaml, oit/<year>.yaml"),
        "ITA014": Message(E, "ไม่พบไฟล์ {name}", "missing file {name}",
                          "สร้างด้วย ita-site init หรือคัดลอกจากตัวอย่าง", "create it with ita-site init"),
        "ITA015": Message(E, "ชื่อไฟล์บอกปี {name_year} แต่ fiscal_year เป็น {year}",
                          "file name says {name_year} but fiscal_year is {year}",
                          "ให้ชื่อไฟล์และ fiscal_year ตรงกัน", "make the file name and fiscal_year agree"),
        "ITA016": Message(E, "มีไฟล์ของปีงบประมาณ {year} ซ้ำกัน", "two files for fiscal year {year}",
                          "รวมเป็นไฟล์เดียว (อีกไฟล์คือ {other})", "merge them into one (the other is {other})"),
        "ITA017": Message(E, "ไม่พบโฟลเดอร์เนื้อหา {path}", "content folder {path} not found",
                          "ตรวจค่า content_dir ใน mkdocs.yml หรือสร้างโครงการด้วย ita-site init",
                          "check content_dir in mkdocs.yml, or create a project with ita-site init"),
        "ITA018": Message(E, "{path} ไม่ใช่ไฟล์ธรรมดา แต่เป็น{kind}", "{path} is not a regular file but a {kind_en}",
                          "ใช้ไฟล์ธรรมดาแทน หรือย้าย{kind}นี้ออกไป (ในโฟลเดอร์ content ชื่อที่ลงท้ายด้วย .yaml ต้องเป็นไฟล์เนื้อหา)",
                          "put a plain file there instead, or move this {kind_en} away (under content/, names "
                          "ending in .yaml must be content files)"),
        "ITA019": Message(E, "{path} เป็นลิงก์ (symlink) ที่ชี้ไปยัง {target} ซึ่งไม่มีอยู่",
                          "{path} is a broken symlink: it leads to {target}, which does not exist",
                          "ลบลิงก์นี้ หรือคัดลอกไฟล์จริงมาไว้แทน", "remove the link, or put the real file in its place"),
        "ITA020": Message(E, "{path} เป็นลิงก์ (symlink) ที่ชี้ออกนอกโฟลเดอร์ {folder} ไปยัง {target}",
                          "{path} is a symlink leading out of the folder {folder}, to {target}",
                          "คัดลอกไฟล์จริงมาไว้ในโฟลเดอร์ {folder} แทนลิงก์ ไฟล์นอกโฟลเดอร์นี้จะไม่ถูกอ่านหรือเผยแพร่",
                          "copy the real file into {folder} instead of linking to it; files outside are never "
                          "read or published"),
        "ITA021": Message(E, "อ่าน {path} ไม่ได้ ({problem})", "cannot read {path} ({problem})",
                          "ตรวจสิทธิ์การอ่านไฟล์ (คลิกขวา > Properties > Security) หรือปิดโปรแกรมที่เปิดไฟล์ค้างไว้ แล้วลองใหม่",
                          "check that you may read the file, or close the program that holds it, and try again"),
        "ITA022": Message(E, "ไฟล์บันทึกเป็น {encoding} ไม่ใช่ UTF-8", "file is saved as {encoding}, not UTF-8",
                          "เปิดไฟล์แล้วบันทึกใหม่แบบ UTF-8 เช่น ใน Notepad เลือก Save As > Encoding: UTF-8 "
                          "(ไม่ใช่ Unicode หรือ UTF-16)",
                          "open the file and save it again as UTF-8, e.g. in Notepad Save As > Encoding: UTF-8 "
                          "(not Unicode or UTF-16)"),
        # --- shape of the data (ITA1xx) ---
        "ITA101": Message(E, "ขาดช่อง \"{field}\" ที่ต้องมี", "missing required field \"{field}\"",
                          "เพิ่มบรรทัด {field}: ...", "add a line {field}: ..."),
        "ITA102": Message(E, "ไม่รู้จักช่อง \"{field}\"", "unknown field \"{field}\"",
                          "{suggestion}", "{suggestion_en}"),
        "ITA103": Message(E, "\"{field}\" ต้องเป็น{expected_th} แต่พบ {got}", "\"{field}\" must be {expected_en}, found {got}",
                          "{example_th}", "{example_en}"),
        "ITA104": Message(E, "\"{field}\" ต้องไม่เว้นว่าง", "\"{field}\" must not be empty",
                          "ใส่ข้อความ หรือลบช่องนี้ถ้าไม่บังคับ", "fill it in, or remove the field if optional"),
        "ITA105": Message(E, "\"{field}\" ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {allowed} แต่พบ {got}",
                          "\"{field}\" must be one of: {allowed}; found {got}",
                          "{suggestion}", "{suggestion_en}"),
        "ITA106": Message(E, "\"{field}\" ไม่ถูกต้อง: {detail}", "\"{field}\" is invalid: {detail}",
                          "{example_th}", "{example_en}"),
        # --- references and framework (ITA2xx) ---
        "ITA201": Message(E, "ไม่มีตัวชี้วัดที่ {number} ในเกณฑ์ปี {year}", "no indicator {number} in the {year} framework",
                          "ตัวชี้วัดมีเลข 1 ถึง {max}", "indicators are numbered 1 to {max}"),
        "ITA202": Message(E, "ไม่มีรหัส OIT {code} ในเกณฑ์ปี {year}", "no OIT item {code} in the {year} framework",
                          "{suggestion}", "{suggestion_en}"),
        "ITA203": Message(E, "อ้างถึง{kind} \"{ref}\" ซึ่งไม่มีอยู่", "refers to {kind_en} \"{ref}\", which does not exist",
                          "{suggestion}", "{suggestion_en}"),
        "ITA204": Message(E, "id \"{id}\" ซ้ำกัน", "duplicate id \"{id}\"",
                          "ใช้ id ที่ไม่ซ้ำ (id แรกอยู่บรรทัด {first})", "use a unique id (the first is on line {first})"),
        "ITA205": Message(E, "ไม่มีข้อมูลเกณฑ์การประเมินของปีงบประมาณ {year}", "no ITA framework data for fiscal year {year}",
                          "ปีที่มีข้อมูล: {available}", "available years: {available}"),
        "ITA206": Message(E, "ตัวชี้วัดที่ {number} มีคะแนนซ้ำกัน", "indicator {number} listed twice",
                          "เหลือไว้รายการเดียว", "keep one entry"),
        "ITA207": Message(W, "ไม่มีคะแนนของตัวชี้วัดที่ {missing}", "no score for indicator(s) {missing}",
                          "เพิ่มคะแนนให้ครบทุกตัวชี้วัดตามเอกสารผลการประเมิน", "add every indicator's score"),
        "ITA208": Message(W, "ไม่พบเกณฑ์ระดับผลการประเมินของปี {year} จึงตรวจระดับไม่ได้",
                          "no rating rule for {year}; the level cannot be checked", "", ""),
        "ITA209": Message(E, "id \"{id}\" ใช้เป็นที่อยู่หน้าเว็บ {path} ซึ่งเป็นที่อยู่ของ{page}อยู่แล้ว",
                          "id \"{id}\" would be the address {path}, which is already the address of another page",
                          "เปลี่ยน id เป็นคำอื่น เช่น {id}-1 (id index, document และ report ของมาตรการ และ index ของจุดอ่อน "
                          "ใช้ไม่ได้)", "choose another id such as {id}-1 (measure ids index, document and report, and "
                          "weakness id index, are taken)"),
        # --- recorded contradictions and source notes (ITA3xx) ---
        "ITA210": Message(N, "ยังไม่มีการเผยแพร่เกณฑ์การประเมินของปีงบประมาณ {year} จึงใช้ตัวชี้วัดและรายการข้อ OIT ของปี {source} ไปก่อน",
                          "no ITA framework has been published for fiscal year {year}; the indicators and OIT list of "
                          "{source} are used until it is",
                          "เมื่อสำนักงาน ป.ป.ช. ประกาศคู่มือการประเมินปี {year} ให้ปรับรุ่นโปรแกรม ita-site แล้วตรวจอีกครั้ง",
                          "when the NACC publishes the {year} manual, update ita-site and check again"),
        "ITA301": Message(W, "ต้นฉบับขัดแย้งกันเอง (บันทึกไว้แล้ว): {note}", "the source contradicts itself (recorded): {note}",
                          "ยืนยันกับเจ้าของเอกสารแล้วแก้ไขให้ตรงกัน จากนั้นลบรายการ \"{id}\" ใน contradictions",
                          "confirm with the document's owner, fix it, then remove \"{id}\" from contradictions"),
        # --- lints of the content's text and figures (ITA4xx) ---
        "ITA401": Message(E, "ชื่อหน่วยงานเขียนเป็น \"{found}\" ซึ่งไม่ตรงกับชื่อทางการ",
                          "the agency's name is written \"{found}\", which is not its official name",
                          "หรือหมายถึง \"{expected}\"? ใช้ชื่อทางการ \"{official}\" หรือชื่อที่ประกาศไว้ใน aliases "
                          "ของ agency.yaml", "did you mean \"{expected}\"? write the official name \"{official}\" or "
                          "one of the aliases in agency.yaml"),
        "ITA402": Message(E, "ที่อยู่เว็บไซต์ \"{url}\" ไม่ถูกต้อง: {problem_th}",
                          "website address \"{url}\" is malformed: {problem_en}",
                          "เขียนแบบเต็ม เช่น https://www.example.go.th", "write it in full, e.g. https://www.example.go.th"),
        "ITA403": Message(E, "ที่อยู่เว็บ \"{found}\" คล้ายแต่ไม่ตรงกับเว็บไซต์ของหน่วยงาน",
                          "web address \"{found}\" looks like, but is not, the agency's website",
                          "หรือหมายถึง {expected} ตามช่อง website ใน agency.yaml?",
                          "did you mean {expected}, the website in agency.yaml?"),
        "ITA404": Message(E, "ลิงก์ที่ไม่ปลอดภัย \"{scheme}:\" ในข้อความ", "unsafe link \"{scheme}:\" in the text",
                          "ลบลิงก์นี้ออก เว็บไซต์ใช้ได้เฉพาะที่อยู่ที่ขึ้นต้นด้วย https:// หรือ http://",
                          "remove it; only https:// or http:// addresses are allowed"),
        "ITA405": Message(E, "รหัส OIT \"{written}\" พิมพ์ด้วยเลขศูนย์ไทย \"๐\" แทนตัวอักษร O",
                          "OIT code \"{written}\" is typed with the Thai digit zero \"๐\" for the letter O",
                          "เขียนเป็น {code} คือตัวอักษร O ภาษาอังกฤษตามด้วยเลขอารบิก",
                          "write {code}: the letter O followed by Arabic digits"),
        "ITA406": Message(E, "รหัส OIT \"{written}\" เขียนไม่ตรงรูปแบบ", "OIT code \"{written}\" is not in the standard form",
                          "{suggestion}", "{suggestion_en}"),
        "ITA407": Message(W, "ข้อความอ้างอิง {code} แต่ไม่มี {code} ในรายการ oit_refs ของข้อเสนอแนะนี้",
                          "the text cites {code} but oit_refs of this recommendation does not list it",
                          "เพิ่ม - code: {code} ใน oit_refs เพื่อให้เว็บไซต์ลิงก์ไปยังข้อ OIT และตรวจเลขข้อได้",
                          "add - code: {code} to oit_refs so the site links the item and its code is checked"),
        "ITA408": Message(W,
                          "อ้างอิง {code} สำหรับ \"{title}\" ซึ่งเป็นเลขข้อตามเกณฑ์ปี {other} ในเกณฑ์ปี {year} รายการนี้คือ {right}",
                          "{code} is cited for \"{title}\", its code in the {other} numbering; in {year} that item is {right}",
                          "ถ้าต้นฉบับเขียนไว้เช่นนี้ ให้เพิ่ม numbering: {other} ในรายการ oit_refs ของ {code} ถ้าไม่ใช่ ให้แก้เป็น {right}",
                          "if the source says so, add numbering: {other} to the oit_refs entry for {code}; otherwise write {right}"),
        "ITA409": Message(N,
                          "{code} ใช้เลขข้อตามเกณฑ์ปี {other} ตามที่ระบุใน numbering ในเกณฑ์ปี {year} \"{title}\" คือ {right}",
                          "{code} follows the {other} numbering, as its numbering says; in {year} \"{title}\" is {right}",
                          "เว็บไซต์แสดงหมายเหตุนี้ให้ผู้อ่าน", "the site shows readers this note"),
        "ITA410": Message(E, "คะแนน {score} อยู่นอกช่วง 0 ถึง 100", "score {score} is outside 0 to 100",
                          "ตรวจตัวเลขกับเอกสารผลการประเมิน", "check the figure against the result document"),
        "ITA411": Message(W, "คะแนน {score} ไม่ได้เขียนทศนิยม 2 ตำแหน่ง",
                          "score {score} is not written with two decimals",
                          "เขียนเป็น {fixed} ตามที่ประกาศผล", "write {fixed}, as results are published"),
        "ITA412": Message(E, "ระดับ \"{level}\" ขัดกับเกณฑ์ปี {year}: {reason_th}",
                          "level \"{level}\" contradicts the {year} rule: {reason_en}",
                          "เขียนระดับตามเอกสารผลการประเมิน ตามเกณฑ์คะแนนนี้ได้ระดับ: {expected}",
                          "write the level of the result document; by the rule these scores give: {expected}"),
        "ITA413": Message(E, "คะแนนภาพรวม {score} ไม่ตรงกับคะแนนที่คำนวณจากคะแนนรายเครื่องมือ ({computed})",
                          "the total {score} differs from the one the tool scores give ({computed})",
                          "ตรวจคะแนนภาพรวมและคะแนนรายเครื่องมือ (score: ใต้ tools:) กับเอกสารผลการประเมิน "
                          "(น้ำหนัก: {weights})",
                          "check the total and the tool scores (score: under tools:) against the result (weights: {weights})"),
        "ITA414": Message(E, "ข้อความระบุว่าตัวชี้วัดที่ {number} ได้ {says} แต่ข้อมูลคะแนนเป็น {score}",
                          "the text says indicator {number} scored {says} but its score is {score}",
                          "แก้ข้อความหรือคะแนนให้ตรงกัน หรือถ้าต้นฉบับขัดแย้งกันเอง ให้บันทึกใน contradictions",
                          "make them agree, or record the source's contradiction under contradictions"),
        "ITA415": Message(E, "ข้อความระบุคะแนนภาพรวม {says} แต่ข้อมูลคะแนนภาพรวมเป็น {score}",
                          "the text gives the overall score as {says} but it is {score}",
                          "แก้ข้อความหรือคะแนนให้ตรงกัน หรือถ้าต้นฉบับขัดแย้งกันเอง ให้บันทึกใน contradictions",
                          "make them agree, or record the source's contradiction under contradictions"),
        "ITA416": Message(E, "วันที่ {date} อยู่นอกปีงบประมาณ {year} ({start} ถึง {end})",
                          "date {date} falls outside fiscal year {year} ({start} to {end})",
                          "ปีงบประมาณ {year} เริ่ม 1 ตุลาคม ของปีก่อนหน้า วันที่เขียนแบบ ค.ศ. เช่น {iso_start}",
                          "fiscal year {year} starts on 1 October of the year before; dates are written as {iso_start}"),
        "ITA417": Message(E, "ข้อความระบุปีงบประมาณ {says} แต่ไฟล์นี้เป็นของปีงบประมาณ {year}",
                          "the text says fiscal year {says} but this file is for fiscal year {year}",
                          "แก้เป็น {year} หรือถ้าต้นฉบับเขียนไว้เช่นนี้ ให้บันทึกใน contradictions (field: fiscal_year)",
                          "write {year}, or record the source's wording under contradictions (field: fiscal_year)"),
        "ITA418": Message(E, "มาตรการ {number} ไม่มีผู้รับผิดชอบ", "measure {number} has no owner",
                          "ใส่ owner ในมาตรการนี้ หรือ owner ของทั้งแผน", "add an owner to the measure or to the plan"),
        "ITA419": Message(E, "มาตรการ {number} ไม่มีขั้นตอนการดำเนินงาน", "measure {number} has no steps",
                          "ใส่ steps ในมาตรการนี้ หรือ steps ของทั้งแผน", "add steps to the measure or to the plan"),
        "ITA420": Message(E, "วันสิ้นสุด {end} อยู่ก่อนวันเริ่มต้น {start}", "end {end} is before start {start}",
                          "ตรวจวันที่ (เขียนแบบ ปี ค.ศ.-เดือน-วัน)", "check the dates (written YYYY-MM-DD)"),
        "ITA422": Message(W, "มาตรการ {number} ไม่ได้ระบุว่าตอบจุดอ่อนใด", "measure {number} addresses no weakness",
                          "ใส่ addresses เป็น id ของจุดอ่อนในผลการประเมินที่มาตรการนี้แก้ไข",
                          "list in addresses the ids of the weaknesses it answers"),
        "ITA423": Message(E, "\"{field}\" มีแต่เครื่องหมาย ไม่มีเนื้อความ ({got})",
                          "\"{field}\" holds only punctuation, no text ({got})",
                          "ใส่ข้อความจริง หรือลบช่องนี้ถ้าไม่บังคับ", "write the real text, or remove the field if optional"),
        "ITA424": Message(W, "\"{field}\" เว้นว่างไว้", "\"{field}\" is empty",
                          "ใส่ข้อความ หรือลบบรรทัดนี้ออก", "fill it in, or delete the line"),
        "ITA425": Message(N, "ระดับ \"{level}\" ไม่ตรงกับเกณฑ์ปี {year} ซึ่ง{status_th}: {reason_th}",
                          "level \"{level}\" disagrees with the {year} rule, which is {status_en}: {reason_en}",
                          "ไม่ถือเป็นข้อผิดพลาด เว็บไซต์แสดงระดับตามที่เขียนไว้ ตรวจกับเอกสารผลการประเมิน "
                          "(ตามเกณฑ์นี้ได้ระดับ: {expected})",
                          "not an error: the site shows the level as written; check it against the result document "
                          "(this rule gives: {expected})"),
        "ITA426": Message(E, "ระดับ \"{level}\" เป็นระดับแบบตัวอักษร ซึ่งเลิกใช้ตั้งแต่การประเมิน ITA 2566 (ไฟล์นี้เป็นปี {year})",
                          "\"{level}\" is a letter grade; letter grades ended with ITA 2566 (this file is {year})",
                          "เขียนระดับเป็นคำภาษาไทยตามเอกสารผลการประเมิน ({labels}) ตามเกณฑ์คะแนนนี้ได้ระดับ: {expected}",
                          "write the Thai label of the result document ({labels}); by the rule these scores give: "
                          "{expected}"),
        "ITA427": Message(N, "ตรวจระดับ \"{level}\" ได้ไม่ครบ เพราะยังไม่มีคะแนนรายเครื่องมือ {missing}",
                          "the level \"{level}\" cannot be fully checked: no tool score for {missing}",
                          "ตั้งแต่ปี 2566 ระดับขึ้นกับคะแนนรวมและคะแนนทุกเครื่องมือ เพิ่ม score: ของ {missing} ใต้ tools: "
                          "(รายการที่ไม่มี part) ตามเอกสารผลการประเมิน",
                          "from 2566 a level depends on the total and every tool's score: add score: for {missing} "
                          "under tools: (the entries without part), from the result document"),
        "ITA428": Message(N, "คะแนนภาพรวม {score} ไม่ตรงกับคะแนนที่คำนวณจากคะแนนรายเครื่องมือ ({computed}) "
                          "ตามน้ำหนักของปี {year} ซึ่ง{status_th}",
                          "the total {score} differs from the one the tool scores give ({computed}) under the {year} "
                          "weights, which are {status_en}",
                          "ไม่ถือเป็นข้อผิดพลาด ตรวจคะแนนภาพรวมและคะแนนรายเครื่องมือกับเอกสารผลการประเมิน (น้ำหนัก: {weights})",
                          "not an error: check the total and the tool scores against the result (weights: {weights})"),
        "ITA440": Message(N, "ข้อความระบุปีงบประมาณ {says} ซึ่งไม่ใช่ปีของไฟล์นี้ ({year})",
                          "the text names fiscal year {says}, not this file's year ({year})",
                          "ถ้ากล่าวถึงปีอื่นโดยตั้งใจ เช่น เปรียบเทียบกับปีก่อน ไม่ต้องแก้ ถ้าหมายถึงปีของไฟล์นี้ ให้แก้เป็น {year}",
                          "nothing to do if another year is meant, as in a comparison; if this file's year is "
                          "meant, write {year}"),
        "ITA441": Message(E, "วันที่ {written} ใช้ปี {year} ซึ่งดูเหมือนเป็นปี พ.ศ.",
                          "the date {written} has the year {year}, which looks like a Buddhist-era year",
                          "วันที่เขียนแบบ ปี ค.ศ.-เดือน-วัน ให้เขียนเป็น {fixed} (เว็บไซต์แสดงเป็นปี พ.ศ. ให้เอง)",
                          "dates are written in the Christian era: write {fixed} (the site shows the Buddhist era)"),
        "ITA442": Message(W, "ลิงก์ {url} ใช้ http:// ซึ่งไม่เข้ารหัส เบราว์เซอร์จะแสดงว่าไม่ปลอดภัย",
                          "the link {url} uses http://, which is not encrypted; browsers mark it not secure",
                          "เขียนเป็น {https} (เปิดในเบราว์เซอร์ก่อนว่าใช้ได้)",
                          "write {https} (open it in a browser first to see that it works)"),
        "ITA443": Message(N, "ไม่มีรายการข้อ OIT ของเกณฑ์ปี {year} มากับโปรแกรม จึงตรวจไม่ได้ว่ามีข้อ {code} หรือไม่",
                          "no OIT item list for {year} comes with ita-site, so whether {code} exists cannot be checked",
                          "ตรวจเลขข้อกับคู่มือ ITA ปี {year} เอง หน้าเว็บจะแสดงข้อนี้ว่า \"ไม่พบในข้อมูลเกณฑ์\"",
                          "check the code against the {year} ITA manual; the site shows the item as not found in "
                          "the framework data"),
        # --- commands and the site folder (ITA5xx) ---
        "ITA501": Message(E, "อ่าน {name} ไม่ได้: {problem}", "cannot read {name}: {problem}",
                          "ตรวจรูปแบบ YAML ของไฟล์ หรือสร้างใหม่ด้วย ita-site init",
                          "check the file's YAML, or create a new project with ita-site init"),
        "ITA502": Message(E, "ไฟล์ {path} มีอยู่แล้ว ita-site init จะไม่เขียนทับ",
                          "{path} already exists; ita-site init never overwrites",
                          "ใช้โฟลเดอร์ใหม่ที่ว่างเปล่า หรือย้ายไฟล์นั้นออกก่อน",
                          "use a new, empty folder, or move the file away first"),
        "ITA503": Message(E, "สร้างเว็บไซต์ไม่สำเร็จ เว็บไซต์เดิมใน {site} ยังอยู่ครบ",
                          "the build failed; the previous site in {site} is untouched",
                          "อ่านข้อความของ MkDocs ด้านบน แก้ไขแล้วสั่งใหม่", "read MkDocs' messages above, fix, and run again"),
        "ITA510": Message(E,
                          "site_dir คือ {site} ซึ่งเป็นหรือครอบโฟลเดอร์โครงการ การสร้างจะแทนที่ทั้งโครงการ จึงไม่สร้างเว็บไซต์",
                          "site_dir is {site}, which is or holds the project folder; a build would replace the "
                          "whole project, so nothing was built", *own_folder),
        "ITA511": Message(E,
                          "site_dir คือ {site} ซึ่งเป็น อยู่ใน หรือครอบโฟลเดอร์ของ {setting} ({other}) "
                          "การสร้างจะแทนที่ไฟล์ในนั้น จึงไม่สร้างเว็บไซต์",
                          "site_dir is {site}, which is, lies in or holds the {setting} folder ({other}); a build "
                          "would replace those files, so nothing was built", *own_folder),
        "ITA512": Message(E, "โฟลเดอร์ {site} มีไฟล์ที่ ita-site build ไม่ได้สร้าง จึงไม่แทนที่",
                          "{site} holds files that ita-site build did not write, so it is not replaced",
                          "ตั้ง site_dir เป็นโฟลเดอร์ใหม่ หรือย้ายไฟล์ออกจากโฟลเดอร์นั้น (เว็บไซต์ที่สร้างด้วย ita-site "
                          "รุ่นก่อนลบโฟลเดอร์ทิ้งได้ แล้วสั่งใหม่)",
                          "set site_dir to a new folder, or move the files away (a site built by an earlier "
                          "ita-site may simply be deleted; then run again)"),
        "ITA513": Message(E, "mkdocs.yml ไม่ได้เปิดปลั๊กอิน ita เว็บไซต์จะไม่มีหน้าเปิดเผยข้อมูล ITA จึงไม่สร้าง",
                          "mkdocs.yml does not enable the ita plugin; the site would have no ITA disclosure pages, "
                          "so nothing was built",
                          "เพิ่มบรรทัด - ita ใต้ plugins: (ดูตัวอย่างจาก ita-site init)",
                          "add the line - ita under plugins: (see ita-site init)"),
        "ITA520": Message(N, "ไม่ได้ตั้ง site_url หน้า 404 จึงแสดงถูกต้องเฉพาะเมื่อเว็บไซต์อยู่ที่รากของโดเมน "
                             "ใต้ที่อยู่ย่อย (เช่น /ita/) หน้า 404 จะไม่มีรูปแบบและลิงก์ออกนอกเว็บไซต์",
                          "site_url is not set, so the 404 page works only when the site is at the root of its "
                          "host; under a subpath (such as /ita/) it is unstyled and its links leave the site",
                          "ตั้ง site_url: ใน mkdocs.yml เป็นที่อยู่จริง เช่น https://www.example.go.th/ita/ หรือสั่ง "
                          "ita-site build --site-url ที่อยู่นั้น ซึ่ง workflow ของ GitHub Pages ตั้งให้แล้ว",
                          "set site_url: in mkdocs.yml to the real address, e.g. https://www.example.go.th/ita/, or "
                          "run ita-site build --site-url with it, as the GitHub Pages workflow does"),
        "ITA521": Message(E, "{path} ไม่ใช่โครงการเว็บไซต์ ITA (ไม่พบ mkdocs.yml และ content/) ita-site upgrade จึงไม่เขียนไฟล์ใด",
                          "{path} is not an ITA site project (no mkdocs.yml and content/), so ita-site upgrade "
                          "wrote nothing",
                          "สั่งในโฟลเดอร์โครงการที่สร้างด้วย ita-site init", "run it in a project made by ita-site init"),
        # --- progress, OIT evidence and attached files (ITA6xx) ---
        "ITA601": Message(W, "จุดอ่อน \"{id}\" ยังไม่มีมาตรการที่ตอบ", "weakness \"{id}\" has no measure answering it",
                          "ใส่ id นี้ใน addresses ของมาตรการใน {plans}", "add this id to the addresses of a measure in {plans}"),
        "ITA602": Message(N, "มาตรการ {number} เริ่มเมื่อ {start} แต่ยังไม่มีรายงานความคืบหน้า",
                          "measure {number} started on {start_iso} but has no progress entry",
                          "เพิ่มรายการใน progress: (date, status, percent, text) เว็บไซต์แสดงว่า \"ไม่มีรายงานความคืบหน้า\"",
                          "add an entry under progress: (date, status, percent, text)"),
        "ITA603": Message(W, "เอกสารของข้อ {code} ลงวันที่ {date} ซึ่งอยู่นอกปีงบประมาณ {year} ({start} ถึง {end})",
                          "evidence for {code} is dated {date_iso}, outside fiscal year {year} ({start_iso} to {end_iso})",
                          "ใช้เอกสารที่เผยแพร่ในปีงบประมาณ {year} หรือแก้วันที่ให้ถูกต้อง",
                          "use a document published in fiscal year {year}, or correct the date"),
        "ITA604": Message(W, "ข้อ OIT ของเกณฑ์ปี {year} ที่ยังไม่มีเอกสาร {count} ข้อ: {codes}",
                          "{count} OIT item(s) of the {year} framework have no evidence: {codes}",
                          "เพิ่มรายการ code: ... พร้อม documents ของแต่ละข้อใน {file} (หน้า OIT ของปีนี้แสดงรายการที่ขาด)",
                          "add an entry (code, documents) for each in {file}; the year's OIT index lists them"),
        "ITA605": Message(N, "ข้อ {code} ของเกณฑ์ปี {year} ({title}) ยังไม่ได้ยืนยันจากคู่มือ ป.ป.ช.",
                          "OIT item {code} of the {year} framework ({title}) is not verified against an NACC manual",
                          "ตรวจชื่อและเลขข้อกับคู่มือ ITA ของปีนั้นก่อนเผยแพร่",
                          "check the item's code and title against that year's ITA manual before publishing"),
        "ITA606": Message(W, "ไม่มีรายการข้อ OIT ของเกณฑ์ปี {year} จึงตรวจเลขข้อและข้อที่ขาดไม่ได้",
                          "no OIT item list for {year}; codes and missing items cannot be checked",
                          "ตรวจเลขข้อกับคู่มือ ITA ของปีนั้นเอง", "check the codes against that year's ITA manual"),
        "ITA607": Message(E, "ไม่มีไฟล์หลักฐาน OIT ของปีงบประมาณ {year}", "no OIT evidence file for fiscal year {year}",
                          "สร้างไฟล์ {path} (ปีที่มี: {available})", "create {path} (years present: {available})"),
        "ITA608": Message(E, "ไม่ได้ตั้งค่า site_url จึงสร้างที่อยู่เต็มของแต่ละข้อ OIT ไม่ได้",
                          "site_url is not set, so the full address of each OIT item is unknown",
                          "เพิ่มบรรทัด site_url: https://ที่อยู่เว็บไซต์ของหน่วยงาน/ ใน mkdocs.yml",
                          "add a line site_url: https://your-agency-site/ to mkdocs.yml"),
        "ITA609": Message(W, "ข้อ {code} ที่เรียกว่า \"{title}\" ใช้เลขข้อตามเกณฑ์ปี {other} ในเกณฑ์ปี {year} รายการนี้คือ {right}",
                          "{code} titled \"{title}\" follows the {other} numbering; in {year} that item is {right}",
                          "ใช้เลขข้อของเกณฑ์ปี {year}: เปลี่ยนเป็น code: {right}", "use the {year} numbering: code: {right}"),
        "ITA610": Message(E, "ที่อยู่ไฟล์แนบ \"{path}\" ชี้ออกนอกโฟลเดอร์ content",
                          "attached file path \"{path}\" points outside the content folder",
                          "เขียนที่อยู่เทียบกับโฟลเดอร์ content เช่น files/2566/o1.pdf (ห้ามใช้ .. หรือขึ้นต้นด้วย /)",
                          "write it relative to the content folder, e.g. files/2566/o1.pdf (no .., no leading /)"),
        "ITA611": Message(E, "ไม่พบไฟล์แนบ \"{path}\"", "attached file \"{path}\" not found",
                          "{suggestion}", "{suggestion_en}"),
        "ITA612": Message(E, "ไฟล์แนบ \"{path}\" ต้องอยู่ในโฟลเดอร์ content/files/",
                          "attached file \"{path}\" must be inside content/files/",
                          "ย้ายไฟล์ไปไว้ใน content/files/ แล้วเขียนเป็น files/...", "move it under content/files/ and write files/..."),
        "ITA613": Message(W, "ไม่ได้เปิดลิงก์ {url} เพราะพาไปที่เครื่อง {reason} ซึ่งไม่ใช่ที่อยู่สาธารณะบนอินเทอร์เน็ต",
                          "did not open {url}: it leads to {reason}, which is not a public internet address",
                          "อ้างอิงเว็บไซต์สาธารณะ หรือแนบไฟล์ไว้ใน content/files/ แทน",
                          "cite a public website, or attach the file under content/files/ instead"),
        "ITA614": Message(W, "ไม่ได้เปิดลิงก์ {url} เพราะพาไปที่ {reason} ซึ่งไม่ใช่ http หรือ https",
                          "did not open {url}: it leads to {reason}, which is not http or https",
                          "ใช้ลิงก์ที่ขึ้นต้นด้วย https:// หรือแนบไฟล์ไว้ใน content/files/ แทน",
                          "cite an https:// address, or attach the file under content/files/ instead"),
        "ITA615": Message(W, "ลิงก์ {url} ส่งต่อวนกลับไปที่ {reason} ไม่รู้จบ", "{url} redirects in a loop (back to {reason})",
                          "เปิดลิงก์ในเบราว์เซอร์ แล้วใส่ที่อยู่ของหน้าที่เปิดได้จริงแทน",
                          "open it in a browser and cite the page it really ends on"),
        "ITA616": Message(W, "ลิงก์ {url} ส่งต่อไปยังที่อื่นเกิน {reason} ครั้ง", "{url} redirects more than {reason} times",
                          "เปิดลิงก์ในเบราว์เซอร์ แล้วใส่ที่อยู่ของหน้าที่เปิดได้จริงแทน",
                          "open it in a browser and cite the page it really ends on"),
        "ITA617": Message(W, "ไม่ได้ใช้ไฟล์จำผลการตรวจลิงก์ ({reason}) จึงตรวจทุกลิงก์ใหม่และเขียนไฟล์นี้ใหม่",
                          "link cache not used ({reason}); every link was checked again and the file rewritten",
                          "ไม่ต้องแก้ไขอะไร หากเตือนทุกครั้ง ให้ลบไฟล์นี้ หรือใช้ --cache เลือกไฟล์อื่น",
                          "nothing to do; if it repeats, delete the file or choose another with --cache"),
        "ITA620": Message(W, "ลิงก์ใช้ไม่ได้: {url} ({reason})", "dead link: {url} ({reason})",
                          "ตรวจที่อยู่เว็บ หรือแนบไฟล์ไว้ใน content/files/ แทน",
                          "check the address, or attach the file under content/files/ instead"),
        "ITA630": Message(N, "ยังไม่ได้ระบุสัญญาอนุญาตของข้อมูลเปิด ข้อมูลเปิดในโฟลเดอร์ data/ จึงแจ้งผู้ใช้ว่ายังไม่ได้ระบุ "
                             "และยังลงทะเบียนในบัญชีข้อมูลภาครัฐ (data.go.th) ไม่ได้",
                          "no licence is given for the open data: the open data in data/ tells its users none is "
                          "given, and it cannot be listed in the national open-data catalogue (data.go.th)",
                          "ถ้าหน่วยงานเลือกสัญญาอนุญาตแล้ว ให้เพิ่ม open_data: license: title: และ url: ใน agency.yaml "
                          "(ดู catalogue-template.yaml ในข้อมูลเปิด) ระบบไม่เลือกสัญญาอนุญาตแทนหน่วยงาน",
                          "once the agency has chosen a licence, add open_data: license: title: and url: to "
                          "agency.yaml (see catalogue-template.yaml in the open data); ita-site never picks one"),
        # --- portal over many agencies (ITA7xx) ---
        "ITA700": Message(E, "ไม่พบเนื้อหาของหน่วยงานที่ \"{path}\"", "no agency content at \"{path}\"",
                          "ระบุโฟลเดอร์โครงการของหน่วยงาน (ที่มี content/agency.yaml) หรือโฟลเดอร์ข้อมูลเปิดที่มี datapackage.json",
                          "name an agency project folder (with content/agency.yaml) or an open-data folder with "
                          "datapackage.json"),
        "ITA701": Message(E, "หน่วยงานรหัส \"{id}\" ที่ \"{path}\" ซ้ำกับที่ \"{first}\" จึงแสดงเพียงครั้งเดียว",
                          "agency \"{id}\" at \"{path}\" repeats the one at \"{first}\"; it is shown once",
                          "ลบรายการที่ซ้ำออกจากรายการแหล่งข้อมูล หรือแก้ id ใน agency.yaml ของหน่วยงานใดหน่วยงานหนึ่ง",
                          "remove the repeated source, or correct the id in one agency's agency.yaml"),
    }


MESSAGES: dict[str, Message] = _catalogue()


_SECTIONS = {
    "0": "การอ่านไฟล์ / Reading files",
    "1": "รูปแบบข้อมูล / Shape of the data",
    "2": "การอ้างอิงและเกณฑ์ / References and framework",
    "3": "ข้อขัดแย้งที่บันทึกไว้ / Recorded contradictions",
    "4": "การตรวจเนื้อหา / Lints",
    "5": "คำสั่ง / Commands",
    "6": "การติดตามผลและ OIT / Progress and OIT evidence",
    "7": "พอร์ทัลหลายหน่วยงาน / Portal over many agencies",
}
_DOC_HEAD = """# สิ่งที่ ita-site check ตรวจ / What the checks catch

<!-- เขียนโดย scripts/checks-doc จาก ita_site/content/messages.py อย่าแก้ด้วยมือ / written by scripts/checks-doc -->

ทุกข้อความแสดงเป็น `ไฟล์:บรรทัด:คอลัมน์: ระดับ รหัส: ข้อความ (คำแนะนำ)` ระดับ `error` ต้องแก้ก่อนเผยแพร่ ระดับ `warning` และ `info` ไม่หยุดการสร้างเว็บไซต์ (เว้นแต่ตั้ง `fail_on: warning`) ข้อความในวงเล็บปีกกาเติมจากเนื้อหาจริง

Every finding prints as `file:line:column: level CODE: message (hint)`. Errors stop publication; warnings and notes do not, unless `fail_on: warning` is set.
"""


def checks_markdown() -> str:
    """docs/checks.md: every code of the catalogue, by family, so the documentation cannot fall behind it."""
    out = [_DOC_HEAD]
    for digit, title in _SECTIONS.items():
        out += [f"## {title}", "", "| code | level | ข้อความ | message |", "| --- | --- | --- | --- |"]
        out += [f"| {code} | {m.level} | {m.th} | {m.en} |".replace("\n", " ")
                for code, m in sorted(MESSAGES.items()) if code[3] == digit]
        out.append("")
    return "\n".join(out)
