// Typo correction for the catalogue search: the catalogue's words (catalogus-woorden.js, loaded
// at the first word that finds nothing) and the Dutch word list (woorden-nl.js, loaded at the
// first real correction). The page loads this with lunr, after the first results.
(function (CI) {
  "use strict";

  var decoded = null; // [coded, Set]: the searches of one page share the list (tests make many)

  // woorden-nl.js: front-coded (catalog/outputs/search/dutch.py); decoding takes about 90 ms.
  function dutchWords(coded) {
    if (decoded && decoded[0] === coded) return decoded[1];
    var words = new Set(), before = "";
    coded.split(" ").forEach(function (entry) {
      if (!entry) return;
      before = before.slice(0, entry.charCodeAt(0) - 48) + entry.slice(1);
      words.add(before);
    });
    decoded = [coded, words];
    return words;
  }

  CI.createTypos = function () {
    var words = []; // the catalogue's words, most common first
    var byLength = null; // words per length, made at the first typo
    var ranks = Object.create(null); // word -> place in `words`
    var dutch = null; // the Dutch words (a Set), once loaded
    var haveWords = false;

    return {
      haveWords: function () { return haveWords; },
      dutch: function () { return dutch; },
      setWords: function (text) {
        words = text.split(" ").filter(Boolean);
        words.forEach(function (w, i) { ranks[w] = i; });
        byLength = null;
        haveWords = true;
      },
      setDutch: function (coded) {
        dutch = dutchWords(coded);
      },
      // The nearest word of the catalogue, at most 1 edit away (2 from 8 letters), most common
      // first; at the same distance a word of a title first (inTitle: 1 or 0); null when none.
      nearest: function (word, inTitle) {
        if (!byLength) {
          byLength = [];
          words.forEach(function (w) { (byLength[w.length] = byLength[w.length] || []).push(w); });
        }
        var max = word.length >= 8 ? 2 : 1;
        var best = null, bestDistance = max + 1;
        for (var length = word.length - max; length <= word.length + max; length++) {
          (byLength[length] || []).forEach(function (candidate) {
            var d = CI.editDistance(word, candidate, Math.min(max, bestDistance));
            var better = d === bestDistance && d <= max &&
              (inTitle(candidate) - inTitle(best) || ranks[best] - ranks[candidate]) > 0;
            if (d < bestDistance || better) {
              best = candidate;
              bestDistance = d;
            }
          });
        }
        return bestDistance <= max ? best : null;
      }
    };
  };
})(window.CI = window.CI || {});
