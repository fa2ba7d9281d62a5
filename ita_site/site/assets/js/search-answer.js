"use strict";
/* ita-site: the search box's answer in the agency's digits, and a way onward when nothing is found */
/*
 * Material writes its answer line ("พบ 7 เอกสารที่ตรงกัน", "ไม่พบ…") and each
 * result's "อีก 2 รายการในหน้านี้" itself, filling the count into the Thai
 * string with Arabic digits. Watching the result box (a MutationObserver) and
 * rewriting those lines after Material, whenever it writes them, keeps working
 * however and whenever Material answers, without touching its code. The
 * results themselves already come in the agency's digits from the search
 * worker, and are left alone (codes such as O14 keep theirs).
 *
 * When the answer is Material's "nothing found" line, the links onward that the
 * search box carries (the weaknesses and the measures) are shown under it.
 * The search box says which digits the agency uses (data-ita-digits).
 */
(function () {
  var box = document.querySelector("[data-ita-digits]");
  var result = box && box.querySelector("[data-md-component=search-result]");
  if (!result) return;
  var meta = result.querySelector(".md-search-result__meta");
  var onward = box.querySelector(".ita-search-onward");
  var thaiDigits = box.getAttribute("data-ita-digits") === "thai";
  var nothingFound = null;

  function inThaiDigits(text) {
    return text.replace(/[0-9]/g, function (digit) { return String.fromCharCode(digit.charCodeAt(0) + 0x0E20); });
  }

  /* Material's own "nothing found" line, from the page's configuration. */
  function noneLine() {
    if (nothingFound === null) {
      var config = document.getElementById("__config");
      try {
        nothingFound = JSON.parse(config.textContent).translations["search.result.none"] || "";
      } catch (err) {
        nothingFound = "";
      }
    }
    return nothingFound;
  }

  function showDigits(element) {
    var text = element.textContent;
    var shown = inThaiDigits(text);
    if (shown !== text) element.textContent = shown;
  }

  function update() {
    if (thaiDigits) {
      showDigits(meta);
      var more = result.querySelectorAll(".md-search-result__more > summary > div");
      for (var i = 0; i < more.length; i++) showDigits(more[i]);
    }
    if (onward) onward.hidden = !noneLine() || meta.textContent.trim() !== noneLine();
  }

  new MutationObserver(update).observe(result, { childList: true, characterData: true, subtree: true });
})();
