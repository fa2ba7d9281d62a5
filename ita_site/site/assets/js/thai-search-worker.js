"use strict";
/* ita-site: Thai word segmentation for the search worker */
/*
 * Runs at the start of Material's search worker, before the worker registers
 * its own "message" listener, so this listener sees every message first.
 *
 * Index (the setup message): the site's build has already put a zero-width
 * space, a separator of the search, between the Thai words of every title and
 * text, and written Thai digits as Arabic ones (ita_site/site/search_words.py),
 * so Material's tokenizer indexes Thai words, figures and codes in one form and
 * records their positions for highlighting like any other words. When lunr has
 * built the index, this script keeps a reference to it, to learn which Thai
 * words it holds, and puts the agency's Thai digits back into the documents
 * (their places are listed in each document's "thai_digits"): results show the
 * digits of the page, and the highlights stay in place, a Thai and an Arabic
 * digit being one character each.
 *
 * Thai function words (STOP_WORDS: การ, ที่, และ, ของ, ...) are to Thai what
 * "the" and "of" are to English: about a quarter of the words of a page, and
 * no help in telling pages apart. When the search plugin's pipeline filters
 * stop words, lunr's filter is extended at setup to drop them and tokens
 * without a letter or digit (a bracket split off a word), so the index leaves
 * them out. Fewer tokens make the index quicker to build, on every page load.
 *
 * Query (data is a string): every word the reader typed must match, as a
 * reader expects of a search box. Digits are read as Arabic ones. Thai is
 * typed without spaces: each run of Thai letters is split into the words the
 * index holds, with as few words as possible (the end of the last run may be a
 * word still being typed). A run that cannot be split so (a word on no page of
 * the site) finds nothing, and so does a query left with no word once stop
 * words and single letters are set aside: an honest "nothing found" rather
 * than pages that share one letter with the query. A leading - excludes every
 * word of its term; a leading + changes nothing, every word being required.
 *
 * Answer: Material lists the query's words with each result, for the page to
 * highlight when the reader opens it (search.highlight). A figure the page
 * shows in Thai digits is listed so too (postMessage is wrapped to see answers).
 *
 * No Intl.Segmenter is needed, so Thai search works in every browser that
 * runs Material's search. Also works inside the iframe that stands in for the
 * worker on file:// pages.
 */
(function () {
  var HAS_THAI = /[\u0E00-\u0E7F]/;
  var HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
  var THAI_DIGIT = /[\u0E50-\u0E59]/g;
  var ARABIC_DIGIT = /[0-9]/g;
  /* Words of a query: Latin letters and digits with the points and commas
   * inside them ("99.50", "o14"), as the build keeps them, and runs of Thai
   * letters. Anything else (brackets, marks) separates them. */
  var QUERY_PIECE = /[A-Za-z0-9\u00C0-\u024F]+(?:[.,][A-Za-z0-9\u00C0-\u024F]+)*|[\u0E01-\u0E4F]+/g;
  /* Markup and spaces in a document, left out when looking for a figure in it. */
  var BETWEEN_WORDS = /<[^>]*>|[\s\u200b]+/g;
  /* A query lunr answers with nothing: a required prefix of no word (a noncharacter). */
  var NO_MATCH = "+\uFDD0*";
  /* Material's message types: a query to the worker, and the worker's answer. */
  var QUERY = 2, RESULT = 3;

  /* As ICU's word breaker splits them; each is one of the most frequent words
   * of Thai prose (conjunctions, prepositions, nominalisers, auxiliaries). */
  var STOP_WORDS = new Set([
    "การ", "ความ", "ที่", "ซึ่ง", "และ", "หรือ", "แต่", "ของ", "ใน", "จาก", "กับ",
    "แก่", "ต่อ", "โดย", "เพื่อ", "ถึง", "ให้", "ได้", "มี", "เป็น", "คือ", "ว่า",
    "จะ", "ไป", "มา", "นี้", "นั้น"
  ]);
  var STOP_WORD_LONGEST = Math.max.apply(null, Array.from(STOP_WORDS, function (word) { return word.length; }));

  /* The index's terms (lunr's inverted index, kept when lunr builds it), and
   * what is learnt from them at the first Thai query. */
  var terms = null;
  var known = null;
  /* The documents of the index, and (by location) their text without markup or spaces. */
  var documents = [];
  var joined = null;

  function arabic(text) {
    return text.replace(THAI_DIGIT, function (digit) { return String.fromCharCode(digit.charCodeAt(0) - 0x0E20); });
  }

  function thai(text) {
    return text.replace(ARABIC_DIGIT, function (digit) { return String.fromCharCode(digit.charCodeAt(0) + 0x0E20); });
  }

  /* Put the agency's Thai digits back at the places the build listed. */
  function showThaiDigits(docs) {
    for (var i = 0; i < docs.length; i++) {
      var doc = docs[i];
      var places = doc && doc.thai_digits;
      if (!places) continue;
      for (var field in places) {
        var runs = places[field], text = doc[field];
        if (typeof text !== "string" || !Array.isArray(runs)) continue;
        var out = "", done = 0;
        for (var r = 0; r + 1 < runs.length; r += 2) {
          out += text.slice(done, runs[r]) + thai(text.slice(runs[r], runs[r] + runs[r + 1]));
          done = runs[r] + runs[r + 1];
        }
        doc[field] = out + text.slice(done);
      }
      delete doc.thai_digits;
    }
  }

  function watchBuild(lunr) {
    var builder = lunr && lunr.Builder && lunr.Builder.prototype;
    if (!builder || typeof builder.build !== "function" || builder.build.thai) return;
    var build = builder.build;
    var watched = function () {
      var index = build.apply(this, arguments);
      if (index && index.invertedIndex) {
        terms = index.invertedIndex;
        known = null;
        joined = null;
        showThaiDigits(documents);
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
   * as few characters left unknown as possible, then as few words as possible.
   * With unfinished, the run's end may be the start of a word of the index.
   * Returns the words, or null when some characters start no word. */
  function words(run, unfinished) {
    var index = knownWords();
    if (!index.sorted.length) return [run];
    var n = run.length;
    var unknown = [0], count = [0], from = [];
    function reach(end, start, unknownChars) {
      var pieces = count[start] + 1;
      if (unknown[end] === undefined || unknownChars < unknown[end] ||
          (unknownChars === unknown[end] && pieces < count[end])) {
        unknown[end] = unknownChars;
        count[end] = pieces;
        from[end] = start;
      }
    }
    /* Every position is reached: at worst from the one before, by an unknown character. */
    for (var start = 0; start < n; start++) {
      var last = Math.min(n, start + Math.max(index.longest, STOP_WORD_LONGEST));
      for (var end = start + 1; end <= last; end++) {
        var piece = run.slice(start, end);
        if (index.set.has(piece) || STOP_WORDS.has(piece)) reach(end, start, unknown[start]);
      }
      if (unfinished && startsSomeWord(index, run.slice(start))) reach(n, start, unknown[start]);
      reach(start + 1, start, unknown[start] + 1);
    }
    if (unknown[n] > 0) return null;
    var out = [];
    for (var stop = n; stop > 0; stop = from[stop]) out.unshift(run.slice(from[stop], stop));
    return out;
  }

  /* A word that tells pages apart: not a stop word, not a single letter or digit. */
  function tellsApart(word) {
    return word.length > 1 && !STOP_WORDS.has(word);
  }

  /* The query for lunr: every word required, the last one possibly unfinished. */
  function plan(typed) {
    var text = arabic(typed);
    var open = !/\s$/.test(text);
    var parts = text.split(/\s+/).filter(Boolean);
    var clauses = [], nowhere = false;
    parts.forEach(function (part, p) {
      var excluded = part.charAt(0) === "-";
      var pieces = part.match(QUERY_PIECE) || [];
      pieces.forEach(function (piece, i) {
        var unfinished = open && !excluded && p === parts.length - 1 && i === pieces.length - 1;
        var list = HAS_THAI.test(piece) ? words(piece, unfinished) : [piece.toLowerCase()];
        if (list === null) {
          nowhere = nowhere || !excluded;
          return;
        }
        list.forEach(function (word, w) {
          if (!tellsApart(word)) return;
          var prefix = unfinished && w === list.length - 1;
          clauses.push((excluded ? "-" : "+") + word + (prefix ? "*" : ""));
        });
      });
    });
    var required = clauses.some(function (clause) { return clause.charAt(0) === "+"; });
    return nowhere || !required ? NO_MATCH : clauses.join(" ");
  }

  /* A document's title and text without markup and spaces, to look for its digits in. */
  function joinedText(location) {
    if (!joined) {
      joined = new Map();
      for (var i = 0; i < documents.length; i++) {
        var doc = documents[i];
        joined.set(doc.location, [doc.title, doc.text].join(" ").replace(BETWEEN_WORDS, ""));
      }
    }
    return joined.get(location) || "";
  }

  /* Words to highlight on the result's page, also in Thai digits where the page shows a figure so. */
  function pageTerms(item) {
    var text = joinedText(item.location);
    var out = {};
    for (var term in item.terms) {
      out[term] = item.terms[term];
      var shown = thai(term);
      if (item.terms[term] && shown !== term && text.indexOf(shown) >= 0) out[shown] = true;
    }
    return out;
  }

  /* Extend lunr's stop-word filter, read by lunr() when the worker builds the
   * index, so that the index leaves Thai stop words out too. */
  function filterStopWords(lunr, config) {
    if (!lunr || typeof lunr.stopWordFilter !== "function") return;
    if (!config || !Array.isArray(config.pipeline) || config.pipeline.indexOf("stopWordFilter") < 0) return;
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
  }

  addEventListener("message", function (event) {
    var message = event.data;
    if (!message || typeof message !== "object") return;
    var data = message.data;
    if (message.type === QUERY && typeof data === "string") {
      try {
        message.data = plan(data);
      } catch (err) {
        /* Leave the query as typed. */
      }
      return;
    }
    if (data && typeof data === "object" && Array.isArray(data.docs)) {
      try {
        documents = data.docs;
        watchBuild(self.lunr);
        filterStopWords(self.lunr, data.config);
      } catch (err) {
        /* Index as Material does: plain search still works. */
      }
    }
  });

  var post = self.postMessage;
  self.postMessage = function (reply) {
    if (reply && reply.type === RESULT && reply.data && Array.isArray(reply.data.items)) {
      try {
        reply.data.items.forEach(function (group) {
          group.forEach(function (item) { if (item.terms) item.terms = pageTerms(item); });
        });
      } catch (err) {
        /* Answer as Material does. */
      }
    }
    return post.apply(self, arguments);
  };
})();
