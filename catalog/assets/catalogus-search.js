// Dutch search over the catalogue: a lunr index built at build time (catalog/search.py), queried
// word by word. Must match catalog/search.py: fold, stop words, Dutch stemmer.
// Until the index has loaded (it comes after the first results), words match the titles only.
(function (CI) {
  "use strict";

  CI.fold = function (text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  };

  // Documents with a term (or, for a prefix, any term starting with it), read straight from
  // the inverted index, with a small weight per field.
  var FIELD_WEIGHT = { title: 3, about: 2, body: 1 };
  var FEW_LETTERS = 3; // a last word shorter than this is still being typed

  CI.createSearch = function (items) {
    var index = null;
    var lastQuery = null;
    var lastScores = null;
    // One word's matches, kept while the reader types the next words.
    var wordCache = {};
    // A word in more documents than this says little about relevance (never below 200, so small
    // catalogues always rank with BM25).
    var common = Math.max(200, items.length / 10);
    var titleWords = null; // for the search before the index is there

    function stem(word) {
      return lunr.nl.stemmer(new lunr.Token(word)).toString();
    }

    function isStopWord(word) {
      return !lunr.nl.stopWordFilter(new lunr.Token(word));
    }

    function postings(terms, fields, found) {
      terms.forEach(function (term) {
        var entry = index.invertedIndex[term];
        if (!entry) return;
        fields.forEach(function (field) {
          Object.keys(entry[field] || {}).forEach(function (ref) {
            var slug = items[+ref].slug;
            found[slug] = Math.max(found[slug] || 0, FIELD_WEIGHT[field] / 100);
          });
        });
      });
      return found;
    }

    function documentCount(term, fields) {
      var entry = index.invertedIndex[term];
      if (!entry) return 0;
      return fields.reduce(function (n, field) { return n + Object.keys(entry[field] || {}).length; }, 0);
    }

    // The stem is looked up in every field; the prefix (for a word still being typed) in title
    // and kenmerken only, because a short prefix matches most bodies and scoring all of them
    // made typing slow.
    function matchWord(word) {
      if (wordCache[word]) return wordCache[word];
      var found = {};
      var stemmed = stem(word);
      var prefix = word.length >= FEW_LETTERS ? index.tokenSet.intersect(lunr.TokenSet.fromString(word + "*")).toArray() : [];
      var matches = documentCount(stemmed, ["title", "about", "body"]) +
        prefix.reduce(function (n, term) { return n + documentCount(term, ["title", "about"]); }, 0);
      if (matches > common) {
        // Scoring thousands of matches with BM25 made typing slow, and a word this common barely
        // changes the order: match it without scores. Rarer words in the query still rank.
        postings([stemmed], ["title", "about", "body"], found);
        postings(prefix, ["title", "about"], found);
        return remember(word, found);
      }
      index.query(function (q) {
        q.term(stemmed, { usePipeline: false, boost: 10 });
        if (word.length >= FEW_LETTERS) {
          q.term(word, { usePipeline: false, boost: 1, wildcard: lunr.Query.wildcard.TRAILING, fields: ["title", "about"] });
        }
      }).forEach(function (hit) { found[items[+hit.ref].slug] = hit.score; }); // refs are positions
      return remember(word, found);
    }

    function remember(word, found) {
      if (Object.keys(wordCache).length > 200) wordCache = {};
      wordCache[word] = found;
      return found;
    }

    function queryWords(query) {
      var words = CI.fold(query).split(" ").filter(function (w) { return w && (index ? !isStopWord(w) : w.length >= FEW_LETTERS); });
      if (words.length && /[^\s]$/.test(query) && words[words.length - 1].length < FEW_LETTERS) words.pop();
      return words;
    }

    // Before the index: every word must start a word of the title.
    function matchTitle(word) {
      if (!titleWords) titleWords = items.map(function (item) { return " " + CI.fold(item.title); });
      var found = {};
      items.forEach(function (item, i) {
        if (titleWords[i].indexOf(" " + word) !== -1) found[item.slug] = 1;
      });
      return found;
    }

    // Every query word must match: scores per slug, or null when there are no words to match.
    function scores(query) {
      if (index && query === lastQuery) return lastScores;
      var result = null;
      queryWords(query).forEach(function (word) {
        var found = index ? matchWord(word) : matchTitle(word);
        if (result === null) {
          result = found;
        } else {
          var both = {};
          Object.keys(result).forEach(function (slug) {
            if (slug in found) both[slug] = result[slug] + found[slug];
          });
          result = both;
        }
      });
      if (index) {
        lastQuery = query;
        lastScores = result;
      }
      return result;
    }

    return {
      scores: scores,
      ready: function () { return index !== null; },
      setIndex: function (serialized) {
        index = lunr.Index.load(serialized);
        lastQuery = null;
        wordCache = {};
      }
    };
  };
})(window.CI = window.CI || {});
