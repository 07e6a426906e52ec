// Dutch words as the catalogue search sees them, on the query side: the same steps as
// catalog/records/words.py, which makes the index (tests/test_search_agreement.py compares the two in
// Chromium on word lists). fold works at once; the functions that stem need lunr and
// lunr.nl.js, which the page loads after the first results.
(function (CI) {
  "use strict";

  // Lower case without accents or punctuation: "Kan wél!" -> "kan wel".
  CI.fold = function (text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  };

  // Plurals no rule makes uniform; "ouderen" (elderly) stays apart from "ouders" (parents).
  var IRREGULAR = { ouderen: "oudere", oudere: "oudere", kinderen: "kind", steden: "stad", leden: "lid" };
  var VOWELS = "aeiouy";

  function consonant(c) {
    return VOWELS.indexOf(c) === -1;
  }

  // Makes a Snowball stem uniform across singular and plural (catalog/records/words.py: normalise).
  CI.normalise = function (s) {
    if (s.length >= 6 && /ies$/.test(s)) { // organisaties -> organisatie
      s = s.slice(0, -1);
    } else if (s.length >= 5 && /(ieen|eeen)$/.test(s)) { // categorieën -> categorie, ideeën -> idee
      s = s.slice(0, -2);
    }
    var n = s.length;
    if (n >= 4 && s[n - 1] === "j" && consonant(s[n - 2])) { // huisje -> huisj -> huis
      s = s.slice(0, -1);
    }
    n = s.length;
    if (n >= 4 && s[n - 1] === s[n - 2] && consonant(s[n - 1])) { // processen -> process -> proces
      s = s.slice(0, -1);
    }
    n = s.length;
    if (n >= 3 && s[n - 1] === "v" && s[n - 2] !== "v") { // initiatieven -> initiatiev -> initiatief
      s = s.slice(0, -1) + "f";
    } else if (n >= 3 && s[n - 1] === "z" && s[n - 2] !== "z") { // huizen -> huiz -> huis
      s = s.slice(0, -1) + "s";
    }
    return s;
  };

  var keys = Object.create(null);

  // A folded word's search key: what index and query compare.
  CI.wordKey = function (word) {
    var k = keys[word];
    if (k === undefined) {
      k = Object.prototype.hasOwnProperty.call(IRREGULAR, word) ? IRREGULAR[word]
        : CI.normalise(lunr.nl.stemmer(new lunr.Token(word)).toString());
      keys[word] = k;
    }
    return k;
  };

  CI.isStopWord = function (word) {
    return !lunr.nl.stopWordFilter(new lunr.Token(word));
  };

  // The index names its pipeline ("woordvorm-nl"); lunr.Index.load refuses an unknown label.
  CI.registerWordForms = function () {
    if (lunr.Pipeline.registeredFunctions["woordvorm-nl"]) return;
    lunr.Pipeline.registerFunction(function (token) {
      return token.update(function (text) { return CI.wordKey(text); });
    }, "woordvorm-nl");
  };

  // Edits between two words (insert, delete, replace, or swap two neighbours: "hied" -> "heid"
  // is one), or max + 1 as soon as it is certainly more than max.
  // Is `word` Dutch, given the stored words of woorden-nl.js (a Set): a stored word, its
  // inflection, or a compound of a stored word (a linking s allowed) and a known word. The same
  // rule as is_dutch in catalog/outputs/search/dutch.py, which leaves out what this derives.
  var SUFFIXES = ["en", "s", "e", "n"], LETTERS = 5;
  function known(word, stored) {
    if (stored.has(word)) return true;
    return SUFFIXES.some(function (x) {
      return word.length - x.length >= LETTERS && word.slice(-x.length) === x && stored.has(word.slice(0, -x.length));
    });
  }
  CI.isDutchWord = function (stored, word) {
    if (known(word, stored)) return true;
    for (var i = LETTERS; i <= word.length - LETTERS; i++) {
      var head = word.slice(0, i);
      if ((stored.has(head) || (head.charAt(i - 1) === "s" && stored.has(head.slice(0, -1)))) && known(word.slice(i), stored)) return true;
    }
    return false;
  };

  CI.editDistance = function (a, b, max) {
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > max) return max + 1;
    var before = null, previous = [], current, i, j;
    for (j = 0; j <= lb; j++) previous[j] = j;
    for (i = 1; i <= la; i++) {
      current = [i];
      var least = i;
      for (j = 1; j <= lb; j++) {
        var d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] && before[j - 2] + 1 < d) d = before[j - 2] + 1;
        current[j] = d;
        if (d < least) least = d;
      }
      if (least > max) return max + 1;
      before = previous;
      previous = current;
    }
    return Math.min(previous[lb], max + 1);
  };

  // -- a query's words ----------------------------------------------------------------------

  CI.FEW_LETTERS = 3; // a last word shorter than this is still being typed

  // The words to look up: without stop words once the index is there; in the titles (before the
  // index, or when every word typed is a stop word) each word of a few letters.
  CI.queryWords = function (query, titlesOnly) {
    var folded = CI.fold(query).split(" ").filter(function (w) { return w && (titlesOnly ? w.length >= CI.FEW_LETTERS : !CI.isStopWord(w)); });
    if (folded.length && /[^\s]$/.test(query) && folded[folded.length - 1].length < CI.FEW_LETTERS) folded.pop();
    return folded;
  };

  // The groups of synoniemen.yml by the keys of each phrase: { groups: key -> the group's
  // phrases, each a list of words; longest: words in the longest phrase }.
  CI.synonymTable = function (synonymGroups) {
    var table = { groups: Object.create(null), longest: 1 };
    (synonymGroups || []).forEach(function (terms) {
      var group = terms.map(function (term) {
        return CI.fold(term).split(" ").filter(function (w) { return w && !CI.isStopWord(w); });
      });
      group.forEach(function (phrase) {
        table.groups[phrase.map(CI.wordKey).join(" ")] = group;
        table.longest = Math.max(table.longest, phrase.length);
      });
    });
    return table;
  };

  // The query's words in units: a synonym phrase ("actieve bewoners") or one word.
  CI.queryUnits = function (list, table) {
    var keys = list.map(CI.wordKey);
    var result = [];
    for (var i = 0; i < list.length;) {
      var unit = null;
      for (var length = Math.min(table.longest, list.length - i); length >= 1 && !unit; length--) {
        var group = table.groups[keys.slice(i, i + length).join(" ")];
        if (group) unit = { words: list.slice(i, i + length), group: group };
      }
      unit = unit || { words: [list[i]], group: null };
      result.push(unit);
      i += unit.words.length;
    }
    return result;
  };

  CI.PART = 4; // letters of a compound's part at least (catalog/records/words.py: MIN_PART)
  var LONGEST = 60; // letters of a compound at most: a longer word is not split (words.py: MAX_COMPOUND)
  var LINKS = ["s", "en", "e"]; // between the parts: ontmoeting-s-plek

  // A compound typed as one word: its two parts, where both are words of the catalogue (has: is
  // a word key in the index) ("ontmoetingsplek" -> "ontmoeting" + "plek"), the longest last part
  // first; null when there are none.
  CI.compoundParts = function (word, has) {
    if (word.length > LONGEST) return null;
    for (var i = CI.PART; i <= word.length - CI.PART; i++) {
      var head = word.slice(i);
      if (CI.isStopWord(head) || !has(CI.wordKey(head))) continue;
      var left = word.slice(0, i);
      var bases = [left].concat(LINKS.filter(function (link) { return left.slice(-link.length) === link; })
        .map(function (link) { return left.slice(0, -link.length); }));
      for (var b = 0; b < bases.length; b++) {
        if (bases[b].length >= CI.PART && !CI.isStopWord(bases[b]) && has(CI.wordKey(bases[b]))) return [bases[b], head];
      }
    }
    return null;
  };
})(window.CI = window.CI || {});
