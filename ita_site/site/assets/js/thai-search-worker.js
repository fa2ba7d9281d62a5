"use strict";
/* ita-site: Thai word segmentation for the search worker */
/*
 * Runs at the start of Material's search worker, before the worker registers
 * its own "message" listener, so this listener sees every message first.
 *
 * Index (the setup message): the site's build has already put a zero-width
 * space, a separator of the search, between the Thai words of every title and
 * text (ita_site/search_words.py), so Material's tokenizer indexes Thai words
 * and records their positions for highlighting like any other words. When
 * lunr builds the index, this script keeps a reference to it, to learn which
 * Thai words it holds.
 *
 * Thai function words (STOP_WORDS: การ, ที่, และ, ของ, ...) are to Thai what
 * "the" and "of" are to English: about a quarter of the words of a page, and
 * no help in telling pages apart. When the search plugin's pipeline filters
 * stop words, lunr's filter is extended at setup to drop them and tokens
 * without a letter or digit (a bracket split off a word), so the index leaves
 * them out; they are also dropped from queries that have other words. Fewer
 * tokens make the index quicker to build, on every page load.
 *
 * Query (data is a string): Thai is typed without spaces. Each run of Thai
 * letters is split into the words the index holds, with as few words as
 * possible (characters that start no word stay together as one unknown
 * word, and the end of the run may be the start of a word still being typed).
 * The words of a run are read as one phrase and all are required
 * ("+w1 +w2*", the last word may be unfinished). If that finds nothing, the
 * same query is searched again with the words optional ("w1 w2"), so a
 * reader still gets the closest pages. A leading + or - applies to every word
 * of its run. Material's answer to the strict query is held back in that case
 * (postMessage is wrapped), so the page sees one answer per query.
 *
 * No Intl.Segmenter is needed, so Thai search works in every browser that
 * runs Material's search. Also works inside the iframe that stands in for the
 * worker on file:// pages.
 */
(function () {
  var HAS_THAI = /[\u0E00-\u0E7F]/;
  var HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
  var OPERATOR_THAI_RUN = /([+\-]?)([\u0E00-\u0E7F]+)/g;

  /* As ICU's word breaker splits them; each is one of the most frequent words
   * of Thai prose (conjunctions, prepositions, nominalisers, auxiliaries). */
  var STOP_WORDS = new Set([
    "การ", "ความ", "ที่", "ซึ่ง", "และ", "หรือ", "แต่", "ของ", "ใน", "จาก", "กับ",
    "แก่", "ต่อ", "โดย", "เพื่อ", "ถึง", "ให้", "ได้", "มี", "เป็น", "คือ", "ว่า",
    "จะ", "ไป", "มา", "นี้", "นั้น"
  ]);
  var STOP_WORD_LONGEST = Math.max.apply(null, Array.from(STOP_WORDS, function (word) { return word.length; }));
  var dropStopWords = false;

  /* The index's terms (lunr's inverted index, kept when lunr builds it), and
   * what is learnt from them at the first Thai query. */
  var terms = null;
  var known = null;

  function watchBuild(lunr) {
    var builder = lunr && lunr.Builder && lunr.Builder.prototype;
    if (!builder || typeof builder.build !== "function" || builder.build.thai) return;
    var build = builder.build;
    var watched = function () {
      var index = build.apply(this, arguments);
      if (index && index.invertedIndex) {
        terms = index.invertedIndex;
        known = null;
      }
      return index;
    };
    watched.thai = true;
    builder.build = watched;
  }

  /* The Thai words the index holds: a set, the same sorted, the longest's length. */
  function knownWords() {
    if (!known) {
      var list = terms ? Object.keys(terms).filter(function (term) { return HAS_THAI.test(term); }) : [];
      list.sort();
      var longest = 0;
      for (var i = 0; i < list.length; i++) longest = Math.max(longest, list[i].length);
      known = { set: new Set(list), sorted: list, longest: longest };
    }
    return known;
  }

  /* Whether some word of the index starts with text. */
  function startsSomeWord(words, text) {
    var low = 0, high = words.sorted.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (words.sorted[middle] < text) low = middle + 1;
      else high = middle;
    }
    return low < words.sorted.length && words.sorted[low].startsWith(text);
  }

  /* Split a run of Thai letters into words of the index (or stop words) with
   * as few characters left unknown as possible, then as few words as possible. */
  function words(run) {
    var index = knownWords();
    if (!index.sorted.length) return [run];
    var n = run.length;
    var unknown = [0], count = [0], from = [], isWord = [];
    function reach(end, start, unknownChars, word) {
      var pieces = count[start] + 1;
      if (unknown[end] === undefined || unknownChars < unknown[end] ||
          (unknownChars === unknown[end] && pieces < count[end])) {
        unknown[end] = unknownChars;
        count[end] = pieces;
        from[end] = start;
        isWord[end] = word;
      }
    }
    /* Every position is reached: at worst from the one before, by an unknown character. */
    for (var start = 0; start < n; start++) {
      var last = Math.min(n, start + Math.max(index.longest, STOP_WORD_LONGEST));
      for (var end = start + 1; end <= last; end++) {
        var piece = run.slice(start, end);
        if (index.set.has(piece) || STOP_WORDS.has(piece)) reach(end, start, unknown[start], true);
      }
      /* The end of the run: a word the reader is still typing. */
      if (startsSomeWord(index, run.slice(start))) reach(n, start, unknown[start], true);
      reach(start + 1, start, unknown[start] + 1, false);
    }
    var out = [];
    var unknownAfter = false;
    for (var stop = n; stop > 0; stop = from[stop]) {
      var text = run.slice(from[stop], stop);
      if (!isWord[stop] && unknownAfter) out[0] = text + out[0];
      else out.unshift(text);
      unknownAfter = !isWord[stop];
    }
    return out;
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
        watchBuild(self.lunr);
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
