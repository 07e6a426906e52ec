// What the search knows of the records besides the index (issue 29): their titles and the themes
// and target groups they are tagged with. From CATALOG.items once catalogus-data.js is there; or,
// before it, from the small files of catalog/outputs/search/facts.py that a query loads as it
// needs them, so full-text results need not wait for data that grows with the catalogue. Both
// give the same answers (tests/test_search_facts.py). Records are numbers, in title order.
(function (CI) {
  "use strict";

  // Does record i have the term (a theme or target group of CI.namingTerms)?
  CI.factsFromItems = function (items) {
    var titles = items.map(function (item) { return " " + CI.fold(item.title); });
    var titleWordSet = new Set(titles.join(" ").split(" "));
    var has = function (i, term) { return items[i][term.field].indexOf(term.value) !== -1; };
    return {
      n: items.length,
      // The records whose title holds the folded words typed, in order (the last may be unfinished).
      holds: function (query) { return CI.titleHolds(titles, query); },
      // The records with a title word starting with `word` (a score of 1 each).
      starts: function (word) {
        var found = new Float64Array(items.length);
        for (var i = 0; i < items.length; i++) if (titles[i].indexOf(" " + word) !== -1) found[i] = 1;
        return found;
      },
      inTitle: function (word) { return titleWordSet.has(word) ? 1 : 0; },
      setTitled: function () {},
      tagged: function (named) {
        var tagged = new Uint8Array(items.length);
        for (var i = 0; i < items.length; i++) {
          for (var t = 0; t < named.length && !tagged[i]; t++) if (has(i, named[t])) tagged[i] = 1;
        }
        return tagged;
      },
      has: has
    };
  };

  // The names of the files (CI.factFile): "t" + number: title words; "g" + number: tags.
  CI.factFile = function (name) {
    return (name.charAt(0) === "t" ? "zoektitel-" : "zoeklabel-") + name.slice(1) + ".js";
  };

  // manifest: the shard list (INDEX_FILE). Until bind(note), and for a file not here yet, a
  // record has nothing (note(name) says which file is missing).
  CI.factsFromFiles = function (manifest) {
    var n = manifest.documents, note = null, number = new Map();
    CI.namingTerms(manifest.facets || []).forEach(function (term, t) { number.set(term.facet + "/" + term.value, t); });
    var titleShards = [], tagFiles = manifest.tagFiles || [], tagsOf = [], sets = [];
    var titled = null;

    function shard(number) {
      if (number < 0) return null;
      if (!titleShards[number]) {
        if (note) note("t" + number);
        return null;
      }
      return titleShards[number];
    }

    // The postings ([record gap, position, ...]) of the title words equal to `word`, or with
    // `prefix` starting with it.
    function postings(word, prefix) {
      var first = CI.shardOfTerm(manifest.titles, word);
      var last = prefix ? CI.shardOfTerm(manifest.titles, word + "\uffff") : first, out = [];
      for (var s = Math.max(first, 0); s <= last; s++) {
        var here = shard(s);
        if (!here) continue;
        if (!prefix) {
          if (here.at.has(word)) out.push(here.postings[here.at.get(word)]);
          continue;
        }
        here.words.forEach(function (w, k) { if (w.indexOf(word) === 0) out.push(here.postings[k]); });
      }
      return out;
    }

    // Per posting pair (record, position) the number record * 65536 + position.
    function places(lists) {
      var found = new Set();
      lists.forEach(function (flat) {
        var ref = 0;
        for (var k = 0; k < flat.length; k += 2) found.add((ref += flat[k]) * 65536 + flat[k + 1]);
      });
      return found;
    }

    function tagsOfTerm(t) {
      var file = CI.shardOfTerm(tagFiles, t);
      if (!tagsOf[file]) {
        if (note) note("g" + file);
        return null;
      }
      if (!sets[t]) {
        sets[t] = new Uint8Array(n);
        var ref = 0;
        tagsOf[file].tags[t - tagsOf[file].start].forEach(function (gap) { sets[t][ref += gap] = 1; });
      }
      return sets[t];
    }

    return {
      n: n,
      bind: function (noteMissing) { note = noteMissing; },
      add: function (name, data) {
        if (name.charAt(0) === "g") {
          tagsOf[+name.slice(1)] = data;
          return;
        }
        data.at = new Map(data.words.map(function (w, k) { return [w, k]; }));
        titleShards[+name.slice(1)] = data;
      },
      holds: function (query) {
        var words = CI.fold(query).split(" "), held = new Uint8Array(n);
        if (!words[0]) return held;
        var at = places(postings(words[0], words.length === 1));
        for (var j = 1; j < words.length; j++) {
          var next = places(postings(words[j], j === words.length - 1)), still = new Set();
          at.forEach(function (p) { if (next.has(p + j)) still.add(p); });
          at = still;
        }
        at.forEach(function (p) { held[Math.floor(p / 65536)] = 1; });
        return held;
      },
      starts: function (word) {
        var found = new Float64Array(n);
        places(postings(word, true)).forEach(function (p) { found[Math.floor(p / 65536)] = 1; });
        return found;
      },
      // With the catalogue's words (catalogus-woorden.js): "1" per word a title has.
      setTitled: function (text, marks) {
        titled = new Set();
        text.split(" ").filter(Boolean).forEach(function (w, i) { if (marks.charAt(i) === "1") titled.add(w); });
      },
      inTitle: function (word) { return titled && titled.has(word) ? 1 : 0; },
      tagged: function (named) {
        var tagged = new Uint8Array(n);
        named.forEach(function (term) {
          var set = tagsOfTerm(number.get(term.facet + "/" + term.value));
          if (set) for (var i = 0; i < n; i++) tagged[i] |= set[i];
        });
        return tagged;
      },
      has: function (i, term) {
        var set = tagsOfTerm(number.get(term.facet + "/" + term.value));
        return !!(set && set[i]);
      }
    };
  };
})(window.CI = window.CI || {});
