// The search index in shards (catalog/outputs/search/shards.py): which shard holds a term, which
// shards a query still needs, and lunr's index made from the shards loaded so far. The page
// loads this with lunr, after the first results.
(function (CI) {
  "use strict";

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

  // The shard a term would be in: the last whose first term is not after it (-1: none).
  var shardOfTerm = CI.shardOfTerm = function (firsts, term) {
    var low = 0, high = firsts.length - 1, found = -1;
    while (low <= high) {
      var mid = (low + high) >> 1;
      if (firsts[mid] <= term) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found;
  };

  // The shards of one catalogue. `set` takes the shard list (INDEX_FILE of shards.py), or the
  // whole index in the compact form of compact_index.py as one shard (tests compare the two).
  CI.createShards = function () {
    var manifest = null;
    var loaded = []; // shard number -> shard
    var missing = new Set(); // shard numbers, and "words" for the typo list
    var requested = new Set();

    function shardOf(term) {
      return shardOfTerm(manifest.shards, term);
    }

    function index() {
      return lunr.Index.load(CI.expandShards(manifest, loaded.filter(Boolean)));
    }

    return {
      set: function (shardList) {
        manifest = shardList;
        loaded = [];
        if (shardList.terms) {
          manifest = { version: shardList.version, fields: shardList.fields, pipeline: shardList.pipeline,
            documents: shardList.documents, shards: shardList.terms.slice(0, 1) };
          loaded = [{ start: 0, terms: shardList.terms, postings: shardList.postings }];
        }
        return index();
      },
      // Whether the shard(s) of a term (or of every term starting with `prefix`) are here; those
      // that are not are noted as missing.
      need: function (term, prefix) {
        var first = shardOf(term), last = prefix ? shardOf(term + "\uffff") : first, here = true;
        for (var i = Math.max(first, 0); i <= last; i++) {
          if (!loaded[i]) {
            missing.add(i);
            here = false;
          }
        }
        return here;
      },
      needWords: function () { missing.add("words"); },
      note: function (name) { missing.add(name); }, // a file of catalogus-facts.js
      missing: function () { return missing.size; },
      // The missing names not asked for before, and whether a shard of the index is missing;
      // forgets what was missing.
      take: function () {
        var wanted = [], loading = false;
        missing.forEach(function (name) {
          if (name !== "words") loading = true; // shards and the files of catalogus-facts.js
          if (!requested.has(name)) wanted.push(name);
          requested.add(name);
        });
        missing.clear();
        return { wanted: wanted, loading: loading };
      },
      received: function (name) { requested.delete(name); },
      documents: function () { return manifest.documents; },
      // Shards ([number, shard] each) that arrived: lunr's index made once for all of them.
      add: function (arrived) {
        arrived.forEach(function (pair) {
          loaded[pair[0]] = pair[1];
          requested.delete(pair[0]);
        });
        return index();
      }
    };
  };

  // Each shard file is asked for once: per shard number the callbacks waiting for it (null: here).
  var fetched = Object.create(null);
  function fetchShard(load, name, done) {
    if (fetched[name] === null) {
      if (done) setTimeout(done, 0); // not inside the search that asked for it
      return;
    }
    if (fetched[name]) return fetched[name].push(done);
    fetched[name] = [done];
    load(typeof name === "number" ? "zoekdeel-" + name + ".js" : CI.factFile(name), function () {
      var waiting = fetched[name];
      fetched[name] = null;
      waiting.forEach(function (f) { if (f) f(); });
    });
  }

  // The shards of the words in the address (#q=), asked for as soon as the shard list is here,
  // while the data still loads, so their search need not wait for them then. What needs the
  // index (parts of compounds, corrections) follows when the search asks for it.
  CI.prefetchShards = function (query, manifest, load) {
    var wanted = Object.create(null);
    CI.queryWords(query, false).forEach(function (word) {
      wanted[shardOfTerm(manifest.shards, CI.wordKey(word))] = true;
      if (word.length < CI.FEW_LETTERS) return;
      var last = shardOfTerm(manifest.shards, word + "\uffff");
      for (var i = shardOfTerm(manifest.shards, word); i <= last; i++) wanted[i] = true;
    });
    Object.keys(wanted).forEach(function (name) { if (name >= 0) fetchShard(load, +name, null); });
    // The title words' shards (catalogus-facts.js) that the title check needs: every word, the
    // last one as a prefix.
    var words = manifest.titles ? CI.fold(query).split(" ").filter(Boolean) : [];
    words.forEach(function (word, j) {
      var last = j === words.length - 1 ? shardOfTerm(manifest.titles, word + "\uffff") : shardOfTerm(manifest.titles, word);
      for (var i = Math.max(shardOfTerm(manifest.titles, word), 0); i <= last; i++) fetchShard(load, "t" + i, null);
    });
  };

  // Loads the shards (and the typo list) a query asks for, all at once, with `load` of the page;
  // data-search-loading on the root while any is on its way. When the last is there, lunr's
  // index is made once for all that arrived (not once per shard), then `done`.
  CI.loadShardsFor = function (search, load, root, done) {
    var onTheWay = 0, arrived = [];
    search.whenShardsNeeded(function (names) {
      root.setAttribute("data-search-loading", "");
      names.forEach(function (name) {
        onTheWay++;
        var fetch = name === "words" ? function (f) { load("catalogus-woorden.js", f); } : function (f) { fetchShard(load, name, f); };
        fetch(function () {
          if (name === "words") search.setWords(window.CATALOG_WORDS, window.CATALOG_TITLED);
          else if (typeof name === "string") search.addFacts(name, (name.charAt(0) === "t" ? window.CATALOG_TITLES : window.CATALOG_TAGS)[+name.slice(1)]);
          else arrived.push([name, window.CATALOG_SHARDS[name]]);
          if (--onTheWay) return;
          if (arrived.length) search.addShards(arrived.splice(0));
          root.removeAttribute("data-search-loading");
          done();
        });
      });
    });
  };

  // -- looking a word up in the shards loaded so far -----------------------------------------

  var FIELDS = ["title", "about", "body", "parts"];
  var WRITTEN_FIELDS = ["title", "about", "body"]; // without the parts of compounds
  var NEAR_FIELDS = ["title", "about"]; // where a prefix is looked up
  var FIELD_WEIGHT = { title: 3, about: 2, body: 1, parts: 1 };

  // A posting's records (lunr's object with a key per record) as numbers, made once per posting
  // and index: for-in over thousands of keys at every keystroke was the slowest part of a query.
  var refLists = new WeakMap();
  CI.refsOf = function (records) {
    var refs = refLists.get(records);
    if (!refs) {
      var keys = Object.keys(records);
      refs = new Int32Array(keys.length);
      for (var i = 0; i < keys.length; i++) refs[i] = +keys[i];
      refLists.set(records, refs);
    }
    return refs;
  };

  function postings(index, shards, terms, fields, found, weight) {
    terms.forEach(function (term) {
      var entry = shards.need(term) && index.invertedIndex[term];
      if (!entry) return;
      fields.forEach(function (field) {
        var score = weight * FIELD_WEIGHT[field] / 100, refs = CI.refsOf(entry[field]);
        for (var i = 0; i < refs.length; i++) if (found[refs[i]] < score) found[refs[i]] = score;
      });
    });
    return found;
  }

  function documentCount(index, shards, term, fields) {
    var entry = shards.need(term) && index.invertedIndex[term];
    var count = 0;
    if (entry) fields.forEach(function (field) { count += CI.refsOf(entry[field]).length; });
    return count;
  }

  // A score per record with the word's form in any field and, with `prefix`, a term starting
  // with the word in title and kenmerken (a short prefix matches most bodies, and scoring all of
  // them made typing slow). With `written`, only where the word itself is written, not as a part.
  // A term whose shard is not here yet counts as absent, and the shard as missing.
  CI.lookupWord = function (index, shards, word, prefix, written) {
    var n = shards.documents();
    var found = new Float64Array(n);
    // A word in more documents than this says little about relevance (never below 200, so small
    // catalogues always rank with BM25).
    var common = Math.max(200, n / 10);
    var key = CI.wordKey(word);
    var fields = written ? WRITTEN_FIELDS : FIELDS;
    prefix = prefix && word.length >= CI.FEW_LETTERS;
    var starts = prefix && shards.need(word, true) ? index.tokenSet.intersect(lunr.TokenSet.fromString(word + "*")).toArray() : [];
    var matches = documentCount(index, shards, key, fields) +
      starts.reduce(function (count, term) { return count + documentCount(index, shards, term, NEAR_FIELDS); }, 0);
    if (matches > common) {
      // Scoring thousands of matches with BM25 made typing slow, and a word this common barely
      // changes the order: match it without scores. Rarer words in the query still rank.
      postings(index, shards, [key], fields, found, 1);
      postings(index, shards, starts, NEAR_FIELDS, found, 1);
    } else if (matches > 0) {
      index.query(function (q) {
        q.term(key, { usePipeline: false, boost: 10, fields: fields });
        if (prefix) q.term(word, { usePipeline: false, boost: 1, wildcard: lunr.Query.wildcard.TRAILING, fields: NEAR_FIELDS });
      }).forEach(function (hit) { found[+hit.ref] = hit.score; }); // refs are positions
    }
    return found;
  };
})(window.CI = window.CI || {});
