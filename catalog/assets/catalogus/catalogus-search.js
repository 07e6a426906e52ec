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
// CATALOG.items, which is also the index's ref; 0: no match): combining thousands of matches
// stays fast on a phone.
(function (CI) {
  "use strict";

  var FIELDS = ["title", "about", "body", "parts"];
  var WRITTEN_FIELDS = ["title", "about", "body"]; // without the parts of compounds
  var NEAR_FIELDS = ["title", "about"]; // where a prefix is looked up
  var FIELD_WEIGHT = { title: 3, about: 2, body: 1, parts: 1 };
  var FEW_LETTERS = 3; // a last word shorter than this is still being typed
  var PART = 4; // letters of a compound's part at least (catalog/records/words.py: MIN_PART)
  var LONGEST = 60; // letters of a compound at most: a longer word is not split (catalog/records/words.py: MAX_COMPOUND)
  var LINKS = ["s", "en", "e"]; // between the parts: ontmoeting-s-plek
  var CORRECT_FROM = 5; // letters: shorter words are not corrected
  var SPLIT_BELOW = 5; // records with the compound itself: fewer, and its parts are looked up too
  var SPLIT_WEIGHT = 0.5; // a record with the parts apart ranks below one with the compound
  var SYNONYM_WEIGHT = 0.7; // and one with a synonym below one with the word typed
  var CACHED = 100; // matches kept (each as large as the catalogue)

  // lunr's serialised index from the compact form of the index file (catalog/outputs/search/compact_index.py
  // describes it): every posting goes both into the inverted index and into its field's vector.
  CI.expandIndex = function (compact) {
    var fields = compact.fields, n = compact.documents, terms = compact.terms;
    var vectors = fields.map(function () {
      var perDocument = new Array(n);
      for (var ref = 0; ref < n; ref++) perDocument[ref] = [];
      return perDocument;
    });
    var inverted = new Array(terms.length);
    for (var t = 0; t < terms.length; t++) {
      var posting = { _index: t };
      fields.forEach(function (field) { posting[field] = Object.create(null); });
      var flat = compact.postings[t];
      for (var k = 0; k < flat.length; k += 2 + 2 * flat[k + 1]) {
        var field = flat[k], count = flat[k + 1], refs = posting[fields[field]], ref = 0;
        for (var j = 0; j < count; j++) {
          ref += flat[k + 2 + j];
          refs[ref] = Object.create(null);
          vectors[field][ref].push(t, flat[k + 2 + count + j] / 1000);
        }
      }
      inverted[t] = [terms[t], posting];
    }
    var fieldVectors = [];
    for (var d = 0; d < n; d++) {
      fields.forEach(function (field, f) { fieldVectors.push([field + "/" + d, vectors[f][d]]); });
    }
    return { version: compact.version, fields: fields, pipeline: compact.pipeline, invertedIndex: inverted, fieldVectors: fieldVectors };
  };

  // lunr's serialised index from the shards loaded so far (catalog/outputs/search/shards.py): the
  // terms of those shards, with their global numbers, and per document and field a vector of the
  // scores of those terms. A posting's first number is its field, plus the number of fields when
  // it lists its records without scores (no query scores them), plus twice that when it lists
  // the records without the term.
  CI.expandShards = function (manifest, shards) {
    var fields = manifest.fields, count = fields.length, n = manifest.documents;
    var vectors = fields.map(function () { return Object.create(null); });
    var inverted = [];
    shards.slice().sort(function (a, b) { return a.start - b.start; }).forEach(function (shard) {
      shard.terms.forEach(function (term, j) {
        var t = shard.start + j, flat = shard.postings[j];
        var posting = { _index: t };
        fields.forEach(function (field) { posting[field] = Object.create(null); });
        for (var k = 0; k < flat.length;) {
          var field = flat[k] % count, kind = Math.floor(flat[k] / count), many = flat[k + 1];
          var refs = posting[fields[field]], ref = 0, i;
          if (kind === 2) {
            var without = new Set();
            for (i = 0; i < many; i++) without.add(ref += flat[k + 2 + i]);
            for (i = 0; i < n; i++) if (!without.has(i)) refs[i] = Object.create(null);
          } else {
            for (i = 0; i < many; i++) {
              ref += flat[k + 2 + i];
              refs[ref] = Object.create(null);
              if (kind === 0) (vectors[field][ref] = vectors[field][ref] || []).push(t, flat[k + 2 + many + i] / 1000);
            }
          }
          k += 2 + (kind === 0 ? 2 : 1) * many;
        }
        inverted.push([term, posting]);
      });
    });
    var fieldVectors = [];
    fields.forEach(function (field, f) {
      Object.keys(vectors[f]).forEach(function (ref) { fieldVectors.push([field + "/" + ref, vectors[f][ref]]); });
    });
    return { version: manifest.version, fields: fields, pipeline: manifest.pipeline, invertedIndex: inverted, fieldVectors: fieldVectors };
  };

  CI.createSearch = function (items, synonymGroups, facets) {
    var n = items.length;
    var index = null;
    var last = null; // the last query's outcome, while the reader types
    // Matches per word, kept while the reader types the next words.
    var cache = Object.create(null);
    var cached = 0;
    // A word in more documents than this says little about relevance (never below 200, so small
    // catalogues always rank with BM25).
    var common = Math.max(200, n / 10);
    var titleWords = null; // for the search before the index is there
    var words = []; // the catalogue's words, most common first, for typos
    var byLength = null; // words per length, made at the first typo
    var ranks = Object.create(null); // word -> place in `words`
    var synonyms = Object.create(null); // phrase key -> the group's phrases, each a list of words
    var longest = 1; // words in the longest synonym phrase
    var terms = null; // the themes and target groups a query word can name (catalogus-rank.js)
    var titles = null; // per record " " + its folded title
    var titleWordSet = null;
    var dutch = null; // the Dutch words (a Set), once loaded
    var needDutch = null;
    // The index comes in shards (catalog/outputs/search/shards.py): `manifest` names the first
    // term of each; a term looked up in a shard not here yet goes into `missing`, and the
    // page loads those (whenShardsNeeded) and searches again.
    var manifest = null;
    var loaded = []; // shard number -> shard
    var missing = new Set(); // shard numbers, and "words" for the typo list
    var requested = new Set();
    var needShards = null;
    var haveWords = false;

    // The shard a term would be in: the last whose first term is not after it (-1: none).
    function shardOf(term) {
      var low = 0, high = manifest.shards.length - 1, found = -1;
      while (low <= high) {
        var mid = (low + high) >> 1;
        if (manifest.shards[mid] <= term) {
          found = mid;
          low = mid + 1;
        } else {
          high = mid - 1;
        }
      }
      return found;
    }

    // Whether the shard(s) of a term (or of every term starting with `prefix`) are here.
    function need(term, prefix) {
      var first = shardOf(term), last = prefix ? shardOf(term + "\uffff") : first, here = true;
      for (var i = Math.max(first, 0); i <= last; i++) {
        if (!loaded[i]) {
          missing.add(i);
          here = false;
        }
      }
      return here;
    }

    function none() {
      return new Float64Array(n);
    }

    function has(term) {
      return need(term) && Object.prototype.hasOwnProperty.call(index.invertedIndex, term);
    }

    // How many records match, counting no further than atMost.
    function size(found, atMost) {
      var count = 0;
      for (var i = 0; i < n && count < atMost; i++) if (found[i]) count++;
      return count;
    }

    function postings(terms, fields, found, weight) {
      terms.forEach(function (term) {
        var entry = need(term) && index.invertedIndex[term];
        if (!entry) return;
        fields.forEach(function (field) {
          var score = weight * FIELD_WEIGHT[field] / 100;
          for (var ref in entry[field]) if (found[ref] < score) found[ref] = score;
        });
      });
      return found;
    }

    function documentCount(term, fields) {
      var entry = need(term) && index.invertedIndex[term];
      var count = 0;
      if (entry) fields.forEach(function (field) { for (var ref in entry[field]) count++; });
      return count;
    }

    function remember(name, value) {
      if (++cached > CACHED) {
        cache = Object.create(null);
        cached = 1;
      }
      cache[name] = value;
      return value;
    }

    // Records with the word's form in any field and, with `prefix`, a term starting with the
    // word in title and kenmerken (a short prefix matches most bodies, and scoring all of them
    // made typing slow). With `written`, only where the word itself is written, not as a part.
    function lookup(word, prefix, written) {
      var name = (prefix ? "<" : "=") + (written ? "w" : "") + word;
      if (cache[name]) return cache[name];
      var found = none();
      var key = CI.wordKey(word);
      var fields = written ? WRITTEN_FIELDS : FIELDS;
      prefix = prefix && word.length >= FEW_LETTERS;
      var starts = prefix && need(word, true) ? index.tokenSet.intersect(lunr.TokenSet.fromString(word + "*")).toArray() : [];
      var matches = documentCount(key, fields) +
        starts.reduce(function (count, term) { return count + documentCount(term, NEAR_FIELDS); }, 0);
      if (matches > common) {
        // Scoring thousands of matches with BM25 made typing slow, and a word this common barely
        // changes the order: match it without scores. Rarer words in the query still rank.
        postings([key], fields, found, 1);
        postings(starts, NEAR_FIELDS, found, 1);
      } else if (matches > 0) {
        index.query(function (q) {
          q.term(key, { usePipeline: false, boost: 10, fields: fields });
          if (prefix) q.term(word, { usePipeline: false, boost: 1, wildcard: lunr.Query.wildcard.TRAILING, fields: NEAR_FIELDS });
        }).forEach(function (hit) { found[+hit.ref] = hit.score; }); // refs are positions
      }
      return remember(name, found);
    }

    // A compound typed as one word: its two parts, where both are words of the catalogue
    // ("ontmoetingsplek" -> "ontmoeting" + "plek"), the longest last part first.
    function parts(word) {
      if (word.length > LONGEST) return null;
      for (var i = PART; i <= word.length - PART; i++) {
        var head = word.slice(i);
        if (CI.isStopWord(head) || !has(CI.wordKey(head))) continue;
        var left = word.slice(0, i);
        var bases = [left].concat(LINKS.filter(function (link) { return left.slice(-link.length) === link; })
          .map(function (link) { return left.slice(0, -link.length); }));
        for (var b = 0; b < bases.length; b++) {
          if (bases[b].length >= PART && !CI.isStopWord(bases[b]) && has(CI.wordKey(bases[b]))) return [bases[b], head];
        }
      }
      return null;
    }

    // The records in both, their scores added (and weighed).
    function both(a, b, weight) {
      var found = none();
      for (var i = 0; i < n; i++) if (a[i] && b[i]) found[i] = weight * (a[i] + b[i]);
      return found;
    }

    // Adds `found` (weighed) to `into`, keeping the higher score of a record in both.
    function union(into, found, weight) {
      for (var i = 0; i < n; i++) if (into[i] < weight * found[i]) into[i] = weight * found[i];
      return into;
    }

    // One word without corrections: its forms (and a prefix), plus, for a compound that few
    // records have, the records where its parts are written as words ("plek voor ontmoeting";
    // not "buurt" of "buurtcoach" beside "bewoners" for "buurtbewoners"). A common compound
    // would find too much that way.
    function plain(word, prefix) {
      var name = (prefix ? "+" : "-") + word;
      if (cache[name]) return cache[name];
      var found = lookup(word, prefix);
      var split = word.length >= 2 * PART && size(found, SPLIT_BELOW) < SPLIT_BELOW ? parts(word) : null;
      if (split) {
        found = union(union(none(), found, 1), both(lookup(split[0], false, true), lookup(split[1], false, true), 1), SPLIT_WEIGHT);
      }
      return remember(name, found);
    }

    // The nearest word of the catalogue, at most 1 edit away (2 from 8 letters), most common
    // first; null when there is none.
    function inTitle(word) {
      return titles && titleWordSet.has(word) ? 1 : 0;
    }

    function nearest(word) {
      if (word.length < CORRECT_FROM || /\d/.test(word)) return null;
      var name = "?" + word;
      if (name in cache) return cache[name];
      if (!haveWords) {
        missing.add("words");
        return null;
      }
      if (!byLength) {
        byLength = [];
        words.forEach(function (w) { (byLength[w.length] = byLength[w.length] || []).push(w); });
      }
      var max = word.length >= 8 ? 2 : 1;
      var best = null, bestDistance = max + 1;
      for (var length = word.length - max; length <= word.length + max; length++) {
        (byLength[length] || []).forEach(function (candidate) {
          var d = CI.editDistance(word, candidate, Math.min(max, bestDistance));
          // At the same distance: a word of a title first (names are typed), then the most common.
          var better = d === bestDistance && d <= max &&
            (inTitle(candidate) - inTitle(best) || ranks[best] - ranks[candidate]) > 0;
          if (d < bestDistance || better) {
            best = candidate;
            bestDistance = d;
          }
        });
      }
      return remember(name, bestDistance <= max ? best : null);
    }

    // A query word: { found, corrected } (corrected: the word searched instead, or null). A word
    // the catalogue does not have is corrected to its nearest word; the records with the parts
    // of a compound ("ontmoetigsplek": "ontmoet" + "plek") count too. A nearest word that only
    // lacks the end of the word typed ("werkt" -> "werk") is a form of it, not a typo: it is
    // searched without asking "Bedoelde u ...?".
    // A real correction waits for the Dutch word list (woorden-nl.js, loaded at the first one):
    // a Dutch word that no record has ("schulden") is not a typo and stays as typed (unknown).
    function matchWord(word) {
      var before = missing.size;
      var found = plain(word, true);
      if (size(lookup(word, true), 1)) return { found: found, corrected: null };
      if (missing.size > before) return { found: found, corrected: null, loading: true }; // its shards first
      var other = nearest(word);
      if (!haveWords && word.length >= CORRECT_FROM && !/\d/.test(word)) return { found: found, corrected: null, pending: true };
      var form = other !== null && word.indexOf(other) === 0;
      if (!form && word.length >= CORRECT_FROM && !/\d/.test(word)) {
        if (!dutch) {
          if (needDutch) needDutch();
          return { found: found, corrected: null, pending: true };
        }
        if (CI.isDutchWord(dutch, word)) return { found: found, corrected: null, unknown: other || "" };
      }
      if (!other) return { found: found, corrected: null };
      found = union(union(none(), found, 1), plain(other, false), 1);
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
          .reduce(function (a, b) { return both(a, b, 1); });
        union(found, all, same ? 1 : SYNONYM_WEIGHT);
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
          if (entry) NEAR_FIELDS.forEach(function (field) { for (var ref in entry[field]) here[ref] = 1; });
          if (all) for (var i = 0; i < n; i++) all[i] &= here[i];
          else all = here;
        });
        for (var i = 0; i < n; i++) held[i] |= all[i];
      });
      return held;
    }

    // The words to look up: without stop words once the index is there; in the titles (before the
    // index, or when every word typed is a stop word) each word of a few letters.
    function queryWords(query, titlesOnly) {
      var folded = CI.fold(query).split(" ").filter(function (w) { return w && (titlesOnly ? w.length >= FEW_LETTERS : !CI.isStopWord(w)); });
      if (folded.length && /[^\s]$/.test(query) && folded[folded.length - 1].length < FEW_LETTERS) folded.pop();
      return folded;
    }

    // The query's words in units: a synonym phrase ("actieve bewoners") or one word.
    function units(list) {
      var keys = list.map(CI.wordKey);
      var result = [];
      for (var i = 0; i < list.length;) {
        var unit = null;
        for (var length = Math.min(longest, list.length - i); length >= 1 && !unit; length--) {
          var group = synonyms[keys.slice(i, i + length).join(" ")];
          if (group) unit = { words: list.slice(i, i + length), group: group };
        }
        unit = unit || { words: [list[i]], group: null };
        result.push(unit);
        i += unit.words.length;
      }
      return result;
    }

    // Before the index: every word must start a word of the title.
    function matchTitle(word) {
      if (!titleWords) titleWords = items.map(function (item) { return " " + CI.fold(item.title); });
      var found = none();
      for (var i = 0; i < n; i++) if (titleWords[i].indexOf(" " + word) !== -1) found[i] = 1;
      return found;
    }

    // The query's outcome: a score per record (null: no words to match), whether it fell back to
    // the records with the most words, and the corrections.
    function outcome(query) {
      if (index && last && last.query === query) return last;
      var list = index ? queryWords(query, false) : [];
      var result = { query: query, scores: null, fallback: false, suggestion: null, corrections: [], full: 0, partial: 0, units: [], unknown: [], pending: false, loading: false };
      // Only stop words ("kan"): the index leaves them out, so they match the titles, as they did
      // before the index came; the list stays the same when it arrives.
      if (!list.length) {
        list = queryWords(query, true);
        if (list.length) result.scores = list.map(matchTitle).reduce(function (a, b) { return both(a, b, 1); });
        return result;
      }
      var corrections = Object.create(null);
      var us = units(list);
      var found = us.map(function (unit) {
        if (unit.group) {
          var all = matchGroup(unit.words, unit.group);
          if (!size(all, 1)) result.unknown.push([unit.words.join(" "), ""]); // a group has real words only
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
      var isWord = function (w) { return w.length >= PART && has(CI.wordKey(w)); };
      var named = us.map(function (unit) { return CI.namedTerms(terms, unit.words, unit.group, isWord); });
      var tagged = named.map(function (terms) { return CI.taggedBy(items, terms); });
      var ranked = CI.rankUnits(found, tagged, CI.titleHolds(titles, query), us.map(inLead));
      result.scores = ranked.scores;
      result.full = ranked.full;
      result.partial = ranked.partial;
      result.fallback = ranked.full === 0 && ranked.partial > 0 && found.length > 1;
      result.units = us.map(function (unit, u) {
        return { words: unit.words, group: unit.group, named: named[u], found: found[u], tagged: tagged[u] };
      });
      if (missing.size) {
        missing.forEach(function (name) { if (name !== "words") result.loading = true; });
        var wanted = [];
        missing.forEach(function (name) { if (!requested.has(name)) wanted.push(name); requested.add(name); });
        missing.clear();
        if (wanted.length && needShards) needShards(wanted);
      }
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
      setDutch: function (coded) { // woorden-nl.js: front-coded (catalog/outputs/search/dutch.py)
        dutch = new Set();
        var before = "";
        coded.split(" ").forEach(function (entry) {
          if (!entry) return;
          before = before.slice(0, entry.charCodeAt(0) - 48) + entry.slice(1);
          dutch.add(before);
        });
        last = null;
      },
      // needed(names): called with the shards (numbers) and "words" a query needs that are not here.
      whenShardsNeeded: function (needed) { needShards = needed; },
      addShard: function (number, shard) {
        loaded[number] = shard;
        requested.delete(number);
        index = lunr.Index.load(CI.expandShards(manifest, loaded.filter(Boolean)));
        last = null;
        cache = Object.create(null);
        cached = 0;
      },
      setWords: function (text) { // the catalogue's words, most common first
        words = text.split(" ").filter(Boolean);
        words.forEach(function (w, i) { ranks[w] = i; });
        byLength = null;
        haveWords = true;
        requested.delete("words");
        last = null;
        cache = Object.create(null);
        cached = 0;
      },
      // catalog/outputs/search/shards.py: INDEX_FILE; or the whole index in the compact form of
      // compact_index.py as one shard (tests compare the two).
      setIndex: function (shardList) {
        CI.registerWordForms();
        manifest = shardList;
        loaded = [];
        if (shardList.terms) {
          manifest = { version: shardList.version, fields: shardList.fields, pipeline: shardList.pipeline,
            documents: shardList.documents, shards: shardList.terms.slice(0, 1) };
          loaded = [{ start: 0, terms: shardList.terms, postings: shardList.postings }];
        }
        index = lunr.Index.load(CI.expandShards(manifest, loaded));
        synonyms = Object.create(null);
        (synonymGroups || []).forEach(function (terms) {
          var group = terms.map(function (term) {
            return CI.fold(term).split(" ").filter(function (w) { return w && !CI.isStopWord(w); });
          });
          group.forEach(function (phrase) {
            synonyms[phrase.map(CI.wordKey).join(" ")] = group;
            longest = Math.max(longest, phrase.length);
          });
        });
        terms = CI.namingTerms(facets || []);
        titles = items.map(function (item) { return " " + CI.fold(item.title); });
        titleWordSet = new Set(titles.join(" ").split(" "));
        last = null;
        cache = Object.create(null);
        cached = 0;
      }
    };
  };
})(window.CI = window.CI || {});
