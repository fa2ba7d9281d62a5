"use strict";
/* ita-site: Thai word segmentation for the search worker */
/*
 * Runs at the start of Material's search worker, before the worker registers
 * its own "message" listener, so this listener sees every message first.
 *
 * Index (the setup message): Material's tokenizer splits each token (text
 * between separators) further when lunr.segmenter is set, and records every
 * piece's position, so matches are still highlighted. Material sets it, as it
 * builds the index, to a new lunr.TinySegmenter when that class exists (it is
 * its Japanese segmenter). This script provides that class at setup: it
 * splits a token that contains Thai into its Thai words and the non-Thai
 * text around them, and leaves other tokens alone. Titles, text and tags are
 * not rewritten, and each distinct token is segmented once.
 *
 * Thai function words (STOP_WORDS: การ, ที่, และ, ของ, ...) are to Thai what
 * "the" and "of" are to English: about a quarter of the words of a page, and
 * no help in telling pages apart. When the search plugin's pipeline filters
 * stop words, lunr's filter is extended at setup to drop them and tokens
 * without a letter or digit (a bracket split off a word), so the index leaves
 * them out; they are also dropped from queries that have other words. Fewer
 * tokens make the index quicker to build, on every page load.
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
 * missing, nothing is changed and search behaves as without this script. A
 * site that loads Material's Japanese segmenter (search lang "ja") keeps it
 * for its index. Also works inside the iframe that stands in for the worker
 * on file:// pages.
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
  var HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
  /* ICU does not break between Latin and Thai ("O13ข้อ" is one word to it). */
  var LATIN_OR_OTHER_RUN = /[A-Za-z0-9\u00C0-\u024F]+|[^A-Za-z0-9\u00C0-\u024F]+/g;
  var OPERATOR_THAI_RUN = /([+\-]?)([\u0E00-\u0E7F]+)/g;

  /* As Intl.Segmenter splits them; each is one of the most frequent words of
   * Thai prose (conjunctions, prepositions, nominalisers, auxiliaries). */
  var STOP_WORDS = new Set([
    "การ", "ความ", "ที่", "ซึ่ง", "และ", "หรือ", "แต่", "ของ", "ใน", "จาก", "กับ",
    "แก่", "ต่อ", "โดย", "เพื่อ", "ถึง", "ให้", "ได้", "มี", "เป็น", "คือ", "ว่า",
    "จะ", "ไป", "มา", "นี้", "นั้น"
  ]);
  var dropStopWords = false;

  function words(run) {
    var out = [];
    var it = segmenter.segment(run)[Symbol.iterator]();
    for (var step = it.next(); !step.done; step = it.next()) out.push(step.value.segment);
    return out;
  }

  /* Material's segmenter interface: ctype_ names a token's character class
   * (Material segments the classes M, H, I and K; "K" here means "has Thai"),
   * segment returns its pieces in order, which must add up to the token. */
  function ThaiSegmenter() {
    this.pieces = new Map();
  }
  ThaiSegmenter.prototype.ctype_ = function (token) {
    return HAS_THAI.test(token) ? "K" : "O";
  };
  ThaiSegmenter.prototype.segment = function (token) {
    var out = this.pieces.get(token);
    if (out === undefined) {
      out = [];
      var runs = token.match(LATIN_OR_OTHER_RUN) || [];
      for (var i = 0; i < runs.length; i++) {
        if (HAS_THAI.test(runs[i])) out.push.apply(out, words(runs[i]));
        else out.push(runs[i]);
      }
      this.pieces.set(token, out);
    }
    return out;
  };

  function segmentIndex(lunr) {
    if (lunr && !("TinySegmenter" in lunr)) lunr.TinySegmenter = ThaiSegmenter;
  }

  /* The words of a typed Thai run that the index holds: stop words are left
   * out unless nothing else would remain. */
  function queryWords(run) {
    var list = words(run);
    if (!dropStopWords) return list;
    var kept = list.filter(function (word) { return !STOP_WORDS.has(word); });
    return kept.length ? kept : list;
  }

  /* Extend lunr's stop-word filter, read by lunr() when the worker builds the
   * index, so that the index leaves Thai stop words out too. */
  function filterStopWords(lunr, config) {
    if (!lunr || typeof lunr.stopWordFilter !== "function") return false;
    if (!config || !Array.isArray(config.pipeline) || config.pipeline.indexOf("stopWordFilter") < 0) return false;
    var english = lunr.stopWordFilter;
    if (!english.thai) {
      var filter = function (token) {
        var word = token && token.toString();
        return STOP_WORDS.has(word) || !HAS_LETTER_OR_DIGIT.test(word) ? undefined : english(token);
      };
      filter.label = english.label;
      filter.thai = true;
      lunr.stopWordFilter = filter;
    }
    return true;
  }

  /* Query typed by the reader, as a strict (phrase) and a loose (any word) form. */
  function queryForms(query) {
    var strict = query.replace(OPERATOR_THAI_RUN, function (match, operator, run, offset, whole) {
      var list = queryWords(run);
      var out;
      if (operator || list.length < 2) {
        out = list.map(function (word) { return operator + word; }).join(" ");
      } else {
        out = list.map(function (word, i) { return "+" + word + (i === list.length - 1 ? "*" : ""); }).join(" ");
      }
      return spaced(out, whole, offset, match.length);
    });
    var loose = query.replace(OPERATOR_THAI_RUN, function (match, operator, run, offset, whole) {
      var out = queryWords(run).map(function (word) { return operator + word; }).join(" ");
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
        segmentIndex(self.lunr);
        dropStopWords = filterStopWords(self.lunr, data.config);
      } catch (err) {
        /* Index as Material does: plain search still works. */
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
