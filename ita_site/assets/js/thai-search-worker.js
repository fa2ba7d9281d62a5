"use strict";
/* ita-site: Thai word segmentation for the search worker */
/*
 * Runs at the start of Material's search worker, before the worker registers
 * its own "message" listener, so this listener sees every message first and
 * rewrites it in place.
 *
 * Setup (data.docs is an array): a zero-width space (U+200B) is put between
 * the Thai words of each document's title, text and tags, and between a Thai
 * run and a letter or digit touching it. With the search plugin's separator
 * [\s\u200b\-]+ the index then holds single Thai words instead of whole
 * space-free runs, and titles keep their ranking boost.
 *
 * Query (data is a string): Thai is typed without spaces, so a run of several
 * Thai words is read as one phrase and all its words are required
 * ("+w1 +w2*", the last word may be unfinished). If that finds nothing, the
 * same query is searched again with the words optional ("w1 w2"), so a
 * reader still gets the closest pages. A leading + or - applies to every word
 * of its run. Material's answer to the strict query is held back in that case
 * (postMessage is wrapped), so the page sees one answer per query.
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

  var ZWSP = "\u200B";
  var HAS_THAI = /[\u0E00-\u0E7F]/;
  var TAG_OR_THAI_RUN = /<[^>]*>|[\u0E00-\u0E7F]+/g;
  var OPERATOR_THAI_RUN = /([+\-]?)([\u0E00-\u0E7F]+)/g;
  var LETTER_OR_DIGIT = /[A-Za-z0-9\u00C0-\u024F]/;

  function words(run) {
    var out = [];
    var it = segmenter.segment(run)[Symbol.iterator]();
    for (var step = it.next(); !step.done; step = it.next()) out.push(step.value.segment);
    return out;
  }

  function touches(text, index) {
    return index >= 0 && index < text.length && LETTER_OR_DIGIT.test(text.charAt(index));
  }

  /* Pages repeat their sections' text in the index: segment each Thai run once. */
  var segmented = new Map();
  function joined(run) {
    var out = segmented.get(run);
    if (out === undefined) {
      out = words(run).join(ZWSP);
      segmented.set(run, out);
    }
    return out;
  }

  /* Document title, tag or HTML text: only text outside tags is touched. */
  function markWords(value) {
    if (typeof value !== "string" || !HAS_THAI.test(value)) return value;
    return value.replace(TAG_OR_THAI_RUN, function (match, offset, whole) {
      if (match.charAt(0) === "<") return match;
      var out = joined(match);
      if (touches(whole, offset - 1)) out = ZWSP + out;
      if (touches(whole, offset + match.length)) out += ZWSP;
      return out;
    });
  }

  /* Query typed by the reader, as a strict (phrase) and a loose (any word) form. */
  function queryForms(query) {
    var strict = query.replace(OPERATOR_THAI_RUN, function (match, operator, run, offset, whole) {
      var list = words(run);
      var out;
      if (operator || list.length < 2) {
        out = list.map(function (word) { return operator + word; }).join(" ");
      } else {
        out = list.map(function (word, i) { return "+" + word + (i === list.length - 1 ? "*" : ""); }).join(" ");
      }
      return spaced(out, whole, offset, match.length);
    });
    var loose = query.replace(OPERATOR_THAI_RUN, function (match, operator, run, offset, whole) {
      var out = words(run).map(function (word) { return operator + word; }).join(" ");
      return spaced(out, whole, offset, match.length);
    });
    return { strict: strict, loose: loose };
  }

  function spaced(out, whole, offset, length) {
    if (offset > 0 && !/\s/.test(whole.charAt(offset - 1))) out = " " + out;
    if (offset + length < whole.length && !/\s/.test(whole.charAt(offset + length))) out += " ";
    return out;
  }

  /* The loose retry needs to see answers; without that, search loosely at once. */
  var post = self.postMessage;
  var canRetry = typeof post === "function" && typeof MessageEvent === "function" &&
    typeof dispatchEvent === "function" && typeof WeakSet === "function";

  /* One entry per query the worker will answer, in order: a retry or null. */
  var retries = [];
  var ours = canRetry ? new WeakSet() : null;

  addEventListener("message", function (event) {
    var message = event.data;
    if (!message || typeof message !== "object") return;
    var data = message.data;
    if (typeof data === "string") {
      var retry = null;
      if (!(ours && ours.has(message))) {
        try {
          var forms = queryForms(data);
          message.data = canRetry ? forms.strict : forms.loose;
          if (canRetry && forms.loose !== forms.strict) retry = { type: message.type, data: forms.loose };
        } catch (err) {
          /* Leave the query as typed. */
        }
      }
      if (canRetry) retries.push(retry);
      return;
    }
    if (data && typeof data === "object" && Array.isArray(data.docs)) {
      try {
        for (var i = 0; i < data.docs.length; i++) {
          var doc = data.docs[i];
          if (!doc || typeof doc !== "object") continue;
          doc.title = markWords(doc.title);
          doc.text = markWords(doc.text);
          if (Array.isArray(doc.tags)) doc.tags = doc.tags.map(markWords);
        }
      } catch (err) {
        /* Leave the index as it came: plain search still works. */
      }
    }
  });

  if (!canRetry) return;
  self.postMessage = function (reply) {
    var answer = reply && reply.data;
    if (answer && typeof answer === "object" && Array.isArray(answer.items) && retries.length) {
      var retry = retries.shift();
      if (retry && answer.items.length === 0) {
        ours.add(retry);
        dispatchEvent(new MessageEvent("message", { data: retry }));
        return;
      }
    }
    return post.apply(self, arguments);
  };
})();
