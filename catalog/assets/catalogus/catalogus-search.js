// Dutch search over the catalogue: a lunr index built at build time (catalog/outputs/search/search.py), queried
// word by word with the word forms of catalogus-words.js. Until the index has loaded (it comes
// after the first results), words match the titles only.
//
// A query word finds the records with its word form (buur/buren, huis/huizen), with a compound
// that contains it (the index lists "plek" for "ontmoetingsplek"), or, for a compound typed
// ("ontmoetingsplek"), with both its parts. A word or phrase of synoniemen.yml also finds what
// the rest of its group finds. A word that finds nothing is corrected to the nearest word of the
// catalogue ("Bedoelde u ...?"). How the matches of the words rank (every word first, then the
// records with most of them; themes and target groups; titles) is in catalogus-rank.js.
//
// Inside, the matches of a word are one score per record (a Float64Array in the order of
// CATALOG.items, the index's ref; 0: no match): fast on a phone with thousands of matches.
(function (CI) {
  "use strict";

  var NEAR_FIELDS = ["title", "about"]; // where a prefix is looked up
  var CORRECT_FROM = 5; // letters: shorter words are not corrected
  var SPLIT_BELOW = 5; // records with the compound itself: fewer, and its parts are looked up too
  var SPLIT_WEIGHT = 0.5; // a record with the parts apart ranks below one with the compound
  var SYNONYM_WEIGHT = 0.7; // and one with a synonym below one with the word typed
  var CACHED = 100; // matches kept (each as large as the catalogue)

  // Whether a word not in the catalogue is looked at as a typo (numbers and short words are not).
  function correctable(word) {
    return word.length >= CORRECT_FROM && !/\d/.test(word);
  }

  // source: what the search knows of the records besides the index (catalogus-facts.js), or
  // CATALOG.items.
  CI.createSearch = function (source, synonymGroups, facets) {
    var facts = Array.isArray(source) ? CI.factsFromItems(source) : source;
    var n = facts.n;
    var index = null;
    var last = null; // the last query's outcome, while the reader types
    // Matches per word, kept while the reader types the next words.
    var cache = Object.create(null);
    var cached = 0;
    var synonyms = null; // CI.synonymTable
    var terms = null; // the themes and target groups a query word can name (catalogus-rank.js)
    // The index comes in shards (catalogus-shards.js); a term looked up in a shard not here yet
    // is noted, and the page loads those (whenShardsNeeded) and searches again.
    var shards = null;
    var typos = null; // CI.createTypos
    var needDutch = null;
    var needShards = null;

    function reset() {
      last = null;
      cache = Object.create(null);
      cached = 0;
    }

    function none() {
      return new Float64Array(n);
    }

    function has(term) {
      return shards.need(term) && Object.prototype.hasOwnProperty.call(index.invertedIndex, term);
    }

    function remember(name, value) {
      if (++cached > CACHED) {
        cache = Object.create(null);
        cached = 1;
      }
      cache[name] = value;
      return value;
    }

    // The records with a word (catalogus-shards.js: CI.lookupWord), kept while the reader types.
    function lookup(word, prefix, written) {
      var name = (prefix ? "<" : "=") + (written ? "w" : "") + word;
      if (cache[name]) return cache[name];
      return remember(name, CI.lookupWord(index, shards, word, prefix, written));
    }

    // One word without corrections: its forms (and a prefix), plus, for a compound that few
    // records have, the records where its parts are written as words ("plek voor ontmoeting";
    // not "buurt" of "buurtcoach" beside "bewoners" for "buurtbewoners"). A common compound
    // would find too much that way.
    // Whether the shards that lookup(word, prefix) looks in are here (those missing are noted).
    function ownShards(word, prefix) {
      return shards.need(CI.wordKey(word)) && (!prefix || word.length < CI.FEW_LETTERS || shards.need(word, true));
    }

    function plain(word, prefix) {
      var name = (prefix ? "+" : "-") + word;
      if (cache[name]) return cache[name];
      var found = lookup(word, prefix);
      // Its parts only once its own shards are here: before that it seems to have no records,
      // and looking its parts up asked for shards the search did not need (a round trip more).
      var split = ownShards(word, prefix) && word.length >= 2 * CI.PART && CI.countMatches(found, SPLIT_BELOW) < SPLIT_BELOW ? CI.compoundParts(word, has) : null;
      if (split) {
        found = CI.addScores(CI.addScores(none(), found, 1), CI.bothScores(lookup(split[0], false, true), lookup(split[1], false, true), 1), SPLIT_WEIGHT);
      }
      return remember(name, found);
    }

    // The nearest word of the catalogue (catalogus-typos.js), null when there is none.
    function nearest(word) {
      if (!correctable(word)) return null;
      var name = "?" + word;
      if (name in cache) return cache[name];
      if (!typos.haveWords()) {
        shards.needWords();
        return null;
      }
      return remember(name, typos.nearest(word, facts.inTitle));
    }

    // A query word: { found, corrected } (corrected: the word searched instead, or null). A word
    // the catalogue does not have is corrected to its nearest word; the records with the parts
    // of a compound ("ontmoetigsplek": "ontmoet" + "plek") count too. A nearest word that only
    // lacks the end of the word typed ("werkt" -> "werk") is a form of it, not a typo: it is
    // searched without asking "Bedoelde u ...?".
    // A real correction waits for the Dutch word list (woorden-nl.js, loaded at the first one):
    // a Dutch word that no record has ("schulden") is not a typo and stays as typed (unknown).
    function matchWord(word) {
      var before = shards.missing();
      var found = plain(word, true);
      if (CI.countMatches(lookup(word, true), 1)) return { found: found, corrected: null };
      if (shards.missing() > before) { // its shards first
        // Only its parts are missing: it has no records itself, so its typo list comes with them.
        if (ownShards(word, true) && correctable(word) && !typos.haveWords()) shards.needWords();
        return { found: found, corrected: null, loading: true };
      }
      var other = nearest(word);
      if (!typos.haveWords() && correctable(word)) return { found: found, corrected: null, pending: true };
      var form = other !== null && word.indexOf(other) === 0;
      if (!form && correctable(word)) {
        var dutch = typos.dutch();
        if (!dutch) {
          if (needDutch) needDutch();
          return { found: found, corrected: null, pending: true };
        }
        if (CI.isDutchWord(dutch, word)) return { found: found, corrected: null, unknown: other || "" };
      }
      if (!other) return { found: found, corrected: null };
      found = CI.addScores(CI.addScores(none(), found, 1), plain(other, false), 1);
      return { found: found, corrected: form ? null : other };
    }

    // A phrase of synoniemen.yml: what any phrase of its group finds, each phrase's words together.
    function matchGroup(typed, group) {
      var name = "~" + typed.join(" ");
      if (cache[name]) return cache[name];
      var found = none();
      // Per record: the phrase it has: the typed one, or else the first of the group (with the
      // Dutch stems "eenzaam" also finds "eenzaamheid": the shorter form is in what is written).
      var via = new Int16Array(n).fill(-1);
      group.forEach(function (phrase, p) {
        var same = phrase.join(" ") === typed.join(" ");
        var all = phrase.map(function (word) { return plain(word, false); })
          .reduce(function (a, b) { return CI.bothScores(a, b, 1); });
        CI.addScores(found, all, same ? 1 : SYNONYM_WEIGHT);
        for (var i = 0; i < n; i++) if (all[i] && (same || via[i] < 0)) via[i] = p;
      });
      found.via = via;
      return remember(name, found);
    }

    // Per record: do its title or its "about" field (summary, kenmerken) hold the unit's word, or
    // every word of one phrase of its synonym group? More than a passing mention in the text.
    function inLead(unit) {
      var held = new Uint8Array(n);
      (unit.group || [unit.words]).forEach(function (phrase) {
        var all = null;
        phrase.forEach(function (word) {
          var key = CI.wordKey(word), here = new Uint8Array(n), entry = has(key) ? index.invertedIndex[key] : null;
          if (entry) NEAR_FIELDS.forEach(function (field) { CI.refsOf(entry[field]).forEach(function (ref) { here[ref] = 1; }); });
          if (all) for (var i = 0; i < n; i++) all[i] &= here[i];
          else all = here;
        });
        for (var i = 0; i < n; i++) held[i] |= all[i];
      });
      return held;
    }

    // Asks for the files the query noted missing (the page loads them and searches again).
    function ask(result) {
      if (!shards || !shards.missing()) return result;
      var taken = shards.take();
      if (taken.loading) result.loading = true;
      if (taken.wanted.length && needShards) needShards(taken.wanted);
      return result;
    }

    // The query's outcome: a score per record (null: no words to match), whether it fell back to
    // the records with the most words, and the corrections.
    function outcome(query) {
      if (index && last && last.query === query) return last;
      var list = index ? CI.queryWords(query, false) : [];
      var result = { query: query, scores: null, fallback: false, suggestion: null, corrections: [], full: 0, partial: 0, units: [], unknown: [], pending: false, loading: false };
      // Only stop words ("kan"): the index leaves them out, so they match the titles, as they did
      // before the index came; the list stays the same when it arrives.
      if (!list.length) {
        list = CI.queryWords(query, true);
        if (list.length) result.scores = list.map(facts.starts).reduce(function (a, b) { return a.map(function (x, i) { return x && b[i] ? x + b[i] : 0; }); });
        return ask(result); // the title words' files (catalogus-facts.js) not here yet
      }
      var corrections = Object.create(null);
      var us = CI.queryUnits(list, synonyms);
      var found = us.map(function (unit) {
        if (unit.group) {
          var all = matchGroup(unit.words, unit.group);
          if (!CI.countMatches(all, 1)) result.unknown.push([unit.words.join(" "), ""]); // a group has real words only
          return all;
        }
        var match = matchWord(unit.words[0]);
        if (match.pending) result.pending = true;
        if (match.loading) result.loading = true;
        if (match.unknown !== undefined) result.unknown.push([unit.words[0], match.unknown]);
        if (match.corrected) {
          corrections[unit.words[0]] = match.corrected;
          result.corrections.push([unit.words[0], match.corrected]);
        }
        return match.found;
      });
      var isWord = function (w) { return w.length >= CI.PART && has(CI.wordKey(w)); };
      var named = us.map(function (unit) { return CI.namedTerms(terms, unit.words, unit.group, isWord); });
      var tagged = named.map(function (terms) { return facts.tagged(terms); });
      var ranked = CI.rankUnits(found, tagged, facts.holds(query), us.map(inLead));
      result.scores = ranked.scores;
      result.full = ranked.full;
      result.partial = ranked.partial;
      result.fallback = ranked.full === 0 && ranked.partial > 0 && found.length > 1;
      result.units = us.map(function (unit, u) {
        return { words: unit.words, group: unit.group, named: named[u], found: found[u], tagged: tagged[u] };
      });
      ask(result);
      if (result.corrections.length) {
        result.suggestion = CI.fold(query).split(" ").map(function (w) { return corrections[w] || w; }).join(" ");
      }
      last = result;
      return result;
    }

    return {
      // A score per record, in the order of CATALOG.items (0: no match; the array is shared, do
      // not change it), or null when there are no words to match.
      scores: function (query) { return outcome(query).scores; },
      // { fallback: no record has every word, these have the most; corrections: [typed, used]
      // per word that was corrected; suggestion: the query with those words corrected, or null;
      // full: records with every word (scores >= CI.RANK_FULL), partial: records with part of
      // them; units: per query word or phrase its words, synonym group, named terms, matches }.
      explain: function (query) {
        var o = outcome(query);
        return { fallback: o.fallback, corrections: o.corrections, suggestion: o.suggestion, full: o.full, partial: o.partial,
          units: o.units, unknown: o.unknown, pending: o.pending, loading: o.loading };
      },
      ready: function () { return index !== null; },
      // needed(): called once when a correction waits for the Dutch word list.
      whenDutchNeeded: function (needed) { needDutch = needed; },
      setDutch: function (coded) {
        typos.setDutch(coded);
        last = null;
      },
      // needed(names): called with the shards (numbers) and "words" a query needs that are not here.
      whenShardsNeeded: function (needed) { needShards = needed; },
      addShards: function (arrived) { // [number, shard] each
        index = shards.add(arrived);
        reset();
      },
      setWords: function (text, titled) { // the catalogue's words, most common first
        typos.setWords(text);
        if (titled) facts.setTitled(text, titled);
        shards.received("words");
        reset();
      },
      // The shard list (catalog/outputs/search/shards.py: INDEX_FILE), or the whole index in the
      // compact form of compact_index.py (tests compare the two).
      setIndex: function (shardList) {
        CI.registerWordForms();
        shards = CI.createShards();
        typos = CI.createTypos();
        index = shards.set(shardList);
        synonyms = CI.synonymTable(synonymGroups);
        terms = CI.namingTerms(facets || []);
        if (facts.bind) facts.bind(shards.note);
        reset();
      },
      // A file of catalogus-facts.js that arrived (name, its data).
      addFacts: function (name, value) {
        facts.add(name, value);
        reset();
      },
      // The same facts from CATALOG.items, once the data is there (same results, no more files).
      setFacts: function (source) {
        facts = source;
        reset();
      },
      // Does record i have the term (catalogus-view.js: why a result was found)?
      hasTerm: function (i, term) { return facts.has(i, term); }
    };
  };
})(window.CI = window.CI || {});
