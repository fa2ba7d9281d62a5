"use strict";
/* ita-site: Thai word segmentation for the search worker */
/*
 * Runs at the start of Material's search worker, before the worker registers
 * its own "message" listener, so this listener sees every message first and
 * rewrites it in place:
 *
 * - setup (data.docs is an array): a zero-width space (U+200B) is put between
 *   the Thai words of each document's title, text and tags. With the search plugin's
 *   separator set to [\s\u200b\-]+ the index then holds single Thai words
 *   instead of whole space-free runs, and titles keep their ranking boost.
 * - query (data is a string): Thai runs of the query are split into words
 *   separated by spaces; a leading + or - applies to every word of its run.
 *
 * Words come from the browser's Intl.Segmenter (ICU dictionary). Where it is
 * missing, nothing is changed and search behaves as without this script.
 * Also works inside the iframe that stands in for the worker on file:// pages.
 */
(function () {
  if (typeof Intl === "undefined" || typeof Intl.Segmenter !== "function") return;
  var segmenter;
  try {
    segmenter = new Intl.Segmenter("th", { granularity: "word" });
  } catch (err) {
    return;
  }

  var HAS_THAI = /[\u0E00-\u0E7F]/;
  var TAG_OR_THAI_RUN = /<[^>]*>|[\u0E00-\u0E7F]+/g;
  var OPERATOR_THAI_RUN = /([+\-]?)([\u0E00-\u0E7F]+)/g;

  function words(run) {
    var out = [];
    var it = segmenter.segment(run)[Symbol.iterator]();
    for (var step = it.next(); !step.done; step = it.next()) out.push(step.value.segment);
    return out;
  }

  /* Document title or HTML text: only text outside tags is touched. */
  function markWords(value) {
    if (typeof value !== "string" || !HAS_THAI.test(value)) return value;
    return value.replace(TAG_OR_THAI_RUN, function (match) {
      return match.charAt(0) === "<" ? match : words(match).join("\u200B");
    });
  }

  /* Query typed by the reader. */
  function splitQuery(query) {
    return query.replace(OPERATOR_THAI_RUN, function (match, operator, run) {
      return words(run).map(function (word) { return operator + word; }).join(" ");
    });
  }

  addEventListener("message", function (event) {
    var message = event.data;
    if (!message || typeof message !== "object") return;
    try {
      var data = message.data;
      if (data && typeof data === "object" && Array.isArray(data.docs)) {
        for (var i = 0; i < data.docs.length; i++) {
          var doc = data.docs[i];
          if (!doc || typeof doc !== "object") continue;
          doc.title = markWords(doc.title);
          doc.text = markWords(doc.text);
          if (Array.isArray(doc.tags)) doc.tags = doc.tags.map(markWords);
        }
      } else if (typeof data === "string") {
        message.data = splitQuery(data);
      }
    } catch (err) {
      /* Leave the message as it came: plain search still works. */
    }
  });
})();
