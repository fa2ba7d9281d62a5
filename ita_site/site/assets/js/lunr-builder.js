"use strict";
/* ita-site: faster index building for lunr 2.3.9 (MIT, Oliver Nightingale) in the search worker */
/*
 * Material's search worker builds its lunr index in the reader's browser on
 * every page load, and Thai word segmentation gives lunr about four times as
 * many tokens to index as unsegmented Thai runs. Two lunr.Builder methods are
 * replaced here with versions that do the same work in fewer steps:
 *
 * - add() turns each term into its string once, where lunr's own code looks
 *   the term up as an object key (calling toString) eight times;
 * - createFieldVectors() sorts each field's terms once and builds its vector
 *   in one go, where lunr's own code inserts the terms one by one into a
 *   sorted array (a binary search and a splice per term).
 *
 * The index they build is the same, value for value, as lunr's (the browser
 * tests compare the two). The bodies follow lunr 2.3.9 (MIT, Oliver
 * Nightingale), the version Material bundles; with any other version, or no
 * lunr, nothing is replaced. The worker exposes lunr as self.lunr only after
 * this script has run, so the methods are replaced when the first message
 * (the index) arrives, before Material's handler builds the index.
 */
(function () {
  function add(doc, attributes) {
    var docRef = doc[this._ref];
    var fields = Object.keys(this._fields);
    var whitelist = this.metadataWhitelist;
    var inverted = this.invertedIndex;
    this._documents[docRef] = attributes || {};
    this.documentCount += 1;
    for (var i = 0; i < fields.length; i++) {
      var fieldName = fields[i];
      var extractor = this._fields[fieldName].extractor;
      var field = extractor ? extractor(doc) : doc[fieldName];
      var terms = this.pipeline.run(this.tokenizer(field, { fields: [fieldName] }));
      var fieldRef = new self.lunr.FieldRef(docRef, fieldName).toString();
      var fieldTerms = Object.create(null);
      this.fieldTermFrequencies[fieldRef] = fieldTerms;
      this.fieldLengths[fieldRef] = terms.length;
      for (var j = 0; j < terms.length; j++) {
        var term = terms[j];
        var key = term.toString();
        fieldTerms[key] = (fieldTerms[key] || 0) + 1;
        var posting = inverted[key];
        if (posting === undefined) {
          posting = Object.create(null);
          posting._index = this.termIndex;
          this.termIndex += 1;
          for (var k = 0; k < fields.length; k++) posting[fields[k]] = Object.create(null);
          inverted[key] = posting;
        }
        var entry = posting[fieldName][docRef];
        if (entry === undefined) entry = posting[fieldName][docRef] = Object.create(null);
        for (var m = 0; m < whitelist.length; m++) {
          var name = whitelist[m];
          if (entry[name] === undefined) entry[name] = [];
          entry[name].push(term.metadata[name]);
        }
      }
    }
  }

  function createFieldVectors() {
    var lunr = self.lunr;
    var fieldVectors = {};
    var fieldRefs = Object.keys(this.fieldTermFrequencies);
    var idfs = Object.create(null);
    /* Score of each term of the current field, by the term's index number. */
    var scores = new Float64Array(this.termIndex);
    for (var i = 0; i < fieldRefs.length; i++) {
      var fieldRef = lunr.FieldRef.fromString(fieldRefs[i]);
      var fieldName = fieldRef.fieldName;
      var fieldLength = this.fieldLengths[fieldRef];
      var frequencies = this.fieldTermFrequencies[fieldRef];
      var terms = Object.keys(frequencies);
      var fieldBoost = this._fields[fieldName].boost || 1;
      var docBoost = this._documents[fieldRef.docRef].boost || 1;
      var lengthNorm = this._k1 * (1 - this._b + this._b * (fieldLength / this.averageFieldLength[fieldName]));
      var order = new Float64Array(terms.length);
      for (var j = 0; j < terms.length; j++) {
        var term = terms[j];
        var tf = frequencies[term];
        var posting = this.invertedIndex[term];
        var idf = idfs[term];
        if (idf === undefined) idf = idfs[term] = lunr.idf(posting, this.documentCount);
        var score = idf * ((this._k1 + 1) * tf) / (lengthNorm + tf);
        score *= fieldBoost;
        score *= docBoost;
        order[j] = posting._index;
        scores[posting._index] = Math.round(score * 1000) / 1000;
      }
      order.sort();
      var elements = new Array(order.length * 2);
      for (var n = 0; n < order.length; n++) {
        elements[2 * n] = order[n];
        elements[2 * n + 1] = scores[order[n]];
      }
      fieldVectors[fieldRef] = new lunr.Vector(elements);
    }
    this.fieldVectors = fieldVectors;
  }

  addEventListener("message", function () {
    var lunr = self.lunr;
    if (!lunr || lunr.version !== "2.3.9" || !lunr.Builder) return;
    var builder = lunr.Builder.prototype;
    if (builder.add === add) return;
    builder.add = add;
    builder.createFieldVectors = createFieldVectors;
  });
})();
