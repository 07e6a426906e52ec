// How the catalogue search ranks (issue 27), apart from how it finds a word (catalogus-search.js),
// so a sharded search can use the same rules. Loaded with the index, after the first results.
//
// - A query word that names a theme or target group (its label, or one of its taxonomy.yml
//   `words`, directly or through a synonym) matches the records tagged with that term, and those
//   rank above records that only mention the word.
// - Records with every word come first; records with the most of the words follow, apart (the
//   page shows them under "Ook gevonden met een deel van uw woorden").
// - A record whose title holds the words typed, stop words included ("kan wel"), comes first. A
//   word in a third of the records or more ("wijk", "wel") is then not needed among the records
//   with every word; nor when another word names a theme or target group.
(function (CI) {
  "use strict";

  var FULL = 1e8; // a record with every word outranks any record with part of them
  var WORD = 1e6; // per word matched, among the partial matches
  var TITLE = 1e5; // the title holds the words typed
  var TAGGED = 1e4; // per word whose theme or target group the record has
  var LEAD = 3; // per word in the title or summary (about a mention there): more than a passing mention
  var TAG_MATCH = 0.5; // the text score of a tagged record that does not mention the word
  var WEAK_SHARE = 1 / 3; // a word in this share of the records says little
  var WEAK_FROM = 30; // records in a catalogue before a word can be weak
  CI.RANK_FULL = FULL;

  // The terms of the facets with taxonomy words (thema, doelgroep), each with what names it:
  // its label's word keys, and its words (folded; "-" in front: anywhere in a word).
  CI.namingTerms = function (facets) {
    var terms = [];
    facets.forEach(function (facet) {
      facet.options.forEach(function (option) {
        if (!option.words) return;
        var label = CI.fold(option.label).split(" ").filter(function (w) { return w && !CI.isStopWord(w); });
        terms.push({
          facet: facet.key, field: facet.field, value: option.value, label: option.label,
          labelKey: label.map(CI.wordKey).join(" "),
          words: option.words.map(function (w) {
            var inside = w.charAt(0) === "-";
            return { text: CI.fold(inside ? w.slice(1) : w), inside: inside };
          }).filter(function (w) { return w.text.length >= 3; })
        });
      });
    });
    return terms;
  };

  // Inside a word ("-ouders"), a term's word counts after a word of the catalogue only
  // ("grootouders", not "statushouders"), with a linking s or e(n) allowed.
  function after(joined, at, isWord) {
    if (at === 0) return true;
    if (at < 0 || !isWord) return false;
    var left = joined.slice(0, at);
    return [left, left.replace(/s$/, ""), left.replace(/e?n?$/, "")].some(isWord);
  }

  function phraseNames(phrase, term, isWord) {
    if (phrase.map(CI.wordKey).join(" ") === term.labelKey) return true;
    var joined = phrase.join(" ");
    return term.words.some(function (w) {
      if (w.text.indexOf(" ") !== -1) return joined.indexOf(w.text) === 0;
      if (phrase.length !== 1) return false;
      return joined.indexOf(w.text) === 0 || (w.inside && after(joined, joined.indexOf(w.text), isWord));
    });
  }

  // The terms a query unit names: its own words, or any phrase of its synonym group. isWord(w):
  // is w a word of the catalogue.
  CI.namedTerms = function (terms, words, group, isWord) {
    var phrases = [words].concat(group || []);
    return terms.filter(function (term) {
      return phrases.some(function (phrase) { return phraseNames(phrase, term, isWord); });
    });
  };

  // The records whose title holds the folded words typed, in order (the last may be unfinished).
  // titles: per record " " + its folded title.
  CI.titleHolds = function (titles, query) {
    var words = " " + CI.fold(query);
    var held = new Uint8Array(titles.length);
    if (words === " ") return held;
    for (var i = 0; i < titles.length; i++) if (titles[i].indexOf(words) !== -1) held[i] = 1;
    return held;
  };

  // found: per unit a score per record (0: no match); tagged: per unit, the records tagged with a term it names (catalogus-facts.js); title:
  // from CI.titleHolds; lead: per unit, is it in the record's title or summary. Returns { scores, full: records with every word, partial: the others shown }.
  CI.rankUnits = function (found, tagged, title, lead) {
    var n = title.length, units = found.length, i, u;
    var scores = new Float64Array(n), count = new Int32Array(n), tags = new Int32Array(n), text = new Float64Array(n); // counts: a query may have more than 255 words
    var weak = found.map(function (one) {
      if (n < WEAK_FROM) return false;
      var c = 0;
      for (var k = 0; k < n; k++) if (one[k]) c++;
      return c >= WEAK_SHARE * n;
    });
    // Something that says more than a weak word: a title with the words typed, or a word that
    // names a theme or target group.
    var anyTitle = false; // (a single word is always needed: it is all the reader asked)
    for (i = 0; i < n; i++) if (title[i]) anyTitle = true;
    for (u = 0; u < units && !anyTitle; u++) {
      for (i = 0; i < n && !anyTitle; i++) if (tagged[u][i]) anyTitle = true;
    }
    if (units < 2) anyTitle = false;
    var required = 0;
    for (u = 0; u < units; u++) if (!(anyTitle && weak[u])) required++;
    var strong = new Int32Array(n), leads = new Int32Array(n);
    for (u = 0; u < units; u++) {
      for (i = 0; i < n; i++) {
        var score = found[u][i];
        if (tagged[u][i]) {
          score = Math.max(score, TAG_MATCH);
          tags[i]++;
        }
        if (score) {
          if (lead && lead[u][i]) leads[i]++;
          count[i]++;
          text[i] += score;
          if (!(anyTitle && weak[u])) strong[i]++;
        }
      }
    }
    var most = 0, full = 0;
    for (i = 0; i < n; i++) {
      var isFull = title[i] || (required > 0 && strong[i] === required);
      if (isFull) full++;
      else if (count[i] > most) most = count[i];
    }
    var least = Math.max(1, most >= 3 ? most - 1 : most), partial = 0;
    for (i = 0; i < n; i++) {
      var rest = title[i] * TITLE + tags[i] * TAGGED + leads[i] * LEAD + text[i];
      if (title[i] || (required > 0 && strong[i] === required)) {
        scores[i] = FULL + rest;
      } else if (count[i] >= least) {
        scores[i] = (tags[i] + count[i]) * WORD + rest; // a word's meaning counts as much as a word
        partial++;
      }
    }
    return { scores: scores, full: full, partial: partial };
  };

  // -- matches as one score per record (0: no match) ------------------------------------------

  // The records in both, their scores added (and weighed).
  CI.bothScores = function (a, b, weight) {
    var found = new Float64Array(a.length);
    for (var i = 0; i < a.length; i++) if (a[i] && b[i]) found[i] = weight * (a[i] + b[i]);
    return found;
  };

  // Adds `found` (weighed) to `into`, keeping the higher score of a record in both.
  CI.addScores = function (into, found, weight) {
    for (var i = 0; i < into.length; i++) if (into[i] < weight * found[i]) into[i] = weight * found[i];
    return into;
  };

  // How many records match, counting no further than atMost.
  CI.countMatches = function (found, atMost) {
    var count = 0;
    for (var i = 0; i < found.length && count < atMost; i++) if (found[i]) count++;
    return count;
  };
})(window.CI = window.CI || {});
