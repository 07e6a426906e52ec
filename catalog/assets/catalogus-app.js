// The catalogue page: facets, Dutch search and sorting over the result cards already in the page.
// Without JavaScript the page lists every intervention (in <noscript>); this script shows the
// cards that match, built from those same lines of HTML.
// Data comes from classic scripts (window.CATALOG, window.CATALOG_INDEX), so file:// works too.
(function () {
  "use strict";

  var data = window.CATALOG;
  var form = document.getElementById("ci-finder");
  var all = document.getElementById("ci-all");
  if (!data || !window.lunr || !form || !all) return;

  var PAGE = 25;
  var index = null; // the search index arrives after the first results (see loadIndex)
  var status = document.getElementById("ci-status");
  var more = document.getElementById("ci-more");
  var queryField = document.getElementById("ci-q");
  var sortField = document.getElementById("ci-sort");
  var facets = data.facets;
  var items = data.items;
  // With scripting on, the browser keeps <noscript> as one piece of text instead of building
  // thousands of cards (that took over a second for 5,000). Every card is one line of it, in
  // title order; a card becomes elements only when it is shown.
  var cards = {};
  var titleRank = {};
  var label = "";
  var count = 0;
  all.textContent.split("\n").forEach(function (line) {
    var slug = /^<div class="ci-result" [^>]*data-slug="([^"]+)"/.exec(line);
    if (slug) {
      titleRank[slug[1]] = count++;
      cards[slug[1]] = line;
    } else if (!label && /^<div class="ci-results"/.test(line)) {
      label = /aria-label="([^"]*)"/.exec(line)[1];
    }
  });
  var list = document.createElement("div");
  list.className = "ci-results";
  list.id = "ci-live";
  list.setAttribute("role", "list");
  list.setAttribute("aria-label", label);
  all.parentNode.insertBefore(list, all);
  var copies = {};

  function copy(slug) {
    if (!copies[slug]) {
      var template = document.createElement("template");
      template.innerHTML = cards[slug];
      copies[slug] = template.content.firstElementChild;
    }
    return copies[slug];
  }
  var evidenceRank = {};
  data.evidenceOrder.forEach(function (slug, i) {
    evidenceRank[slug] = slug === "niet-erkend" ? -1 : i;
  });

  var optionViews = {};
  facets.forEach(function (facet) {
    facet.options.forEach(function (option) {
      var id = "ci-" + facet.key + "-" + option.value;
      var box = document.getElementById(id);
      optionViews[facet.key + "/" + option.value] = { box: box, row: box.parentNode, count: document.getElementById(id + "-n") };
    });
  });

  var state = emptyState();
  var shown = [];

  function emptyState() {
    var selected = {};
    facets.forEach(function (f) { selected[f.key] = []; });
    return { q: "", selected: selected, mode: "een", sort: "relevantie", limit: PAGE };
  }

  // -- search (must match catalog/search.py: fold, stop words, dutch stemmer) -----------------

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }

  function stem(word) {
    return lunr.nl.stemmer(new lunr.Token(word)).toString();
  }

  function isStopWord(word) {
    return !lunr.nl.stopWordFilter(new lunr.Token(word));
  }

  // Every query word must match (as a Dutch stem, or as the start of a word while typing).
  // A last word of one or two letters is still being typed: it waits for a third letter,
  // because a prefix that short matches half the index and makes typing slow.
  var lastQuery = null;
  var lastScores = null;

  // One word's matches, kept while the reader types the next words. The stem is looked up in
  // every field; the prefix (for a word still being typed) in title and kenmerken only, because
  // a short prefix matches most bodies and scoring all of them made typing slow.
  var wordCache = {};

  // A word in more documents than this says little about relevance (never below 200, so small
  // catalogues always rank with BM25).
  var COMMON = Math.max(200, items.length / 10);

  // Documents with a term (or, for a prefix, any term starting with it), read straight from
  // the inverted index, with a small weight per field.
  var FIELD_WEIGHT = { title: 3, about: 2, body: 1 };

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

  function matchWord(word) {
    if (wordCache[word]) return wordCache[word];
    var found = {};
    var stemmed = stem(word);
    var prefix = word.length >= 3 ? index.tokenSet.intersect(lunr.TokenSet.fromString(word + "*")).toArray() : [];
    var matches = documentCount(stemmed, ["title", "about", "body"]) +
      prefix.reduce(function (n, term) { return n + documentCount(term, ["title", "about"]); }, 0);
    if (matches > COMMON) {
      // Scoring thousands of matches with BM25 made typing slow, and a word this common barely
      // changes the order: match it without scores. Rarer words in the query still rank.
      postings([stemmed], ["title", "about", "body"], found);
      postings(prefix, ["title", "about"], found);
      return remember_(word, found);
    }
    index.query(function (q) {
      q.term(stem(word), { usePipeline: false, boost: 10 });
      if (word.length >= 3) {
        q.term(word, { usePipeline: false, boost: 1, wildcard: lunr.Query.wildcard.TRAILING, fields: ["title", "about"] });
      }
    }).forEach(function (hit) { found[items[+hit.ref].slug] = hit.score; }); // refs are positions
    return remember_(word, found);
  }

  function remember_(word, found) {
    if (Object.keys(wordCache).length > 200) wordCache = {};
    wordCache[word] = found;
    return found;
  }

  function search(query) {
    if (!index) return null; // still loading: the list updates again once it is there
    if (query === lastQuery) return lastScores;
    var words = fold(query).split(" ").filter(function (w) { return w && !isStopWord(w); });
    if (words.length && /[^\s]$/.test(query) && words[words.length - 1].length < 3) words.pop();
    var scores = null;
    words.forEach(function (word) {
      var found = matchWord(word);
      if (scores === null) {
        scores = found;
      } else {
        var both = {};
        Object.keys(scores).forEach(function (ref) {
          if (ref in found) both[ref] = scores[ref] + found[ref];
        });
        scores = both;
      }
    });
    lastQuery = query;
    lastScores = scores;
    return scores;
  }

  // -- facets --------------------------------------------------------------------------------

  function values(item, facet) {
    return item[facet.field];
  }

  function passes(item, facet, chosen) {
    if (!chosen.length) return true;
    var own = values(item, facet);
    if (facet.key === "element" && state.mode === "alle") {
      return chosen.every(function (v) { return own.indexOf(v) !== -1; });
    }
    return chosen.some(function (v) { return own.indexOf(v) !== -1; });
  }

  // Which facets an item passes, one bit per facet: each item is tested once per facet per
  // update, instead of once per facet for every facet's counts (5,000 items made that slow).
  var ALL = (1 << facets.length) - 1;

  function facetMasks(pool) {
    var chosen = facets.map(function (f) { return state.selected[f.key]; });
    var masks = new Array(pool.length);
    for (var i = 0; i < pool.length; i++) {
      var mask = 0;
      for (var bit = 0; bit < facets.length; bit++) {
        if (passes(pool[i], facets[bit], chosen[bit])) mask |= 1 << bit;
      }
      masks[i] = mask;
    }
    return masks;
  }

  // An option's count says what ticking it gives: the items that pass every other facet and have
  // that value, plus, when other options of the same facet are ticked already (they combine with
  // "or"), the results there are now. A ticked option counts its share of the results. In "alle"
  // mode the chosen elements narrow the element counts too. An option that would give nothing
  // cannot be ticked.
  function countOptions(pool, masks, results) {
    facets.forEach(function (facet, bit) {
      var counts = {};
      var added = {}; // items with the value that this facet keeps out now
      var allMode = facet.key === "element" && state.mode === "alle";
      var needed = allMode ? ALL : ALL & ~(1 << bit);
      var open = !allMode && state.selected[facet.key].length > 0;
      for (var i = 0; i < pool.length; i++) {
        if ((masks[i] & needed) !== needed) continue;
        var own = values(pool[i], facet);
        var outside = open && !(masks[i] & (1 << bit));
        for (var j = 0; j < own.length; j++) {
          counts[own[j]] = (counts[own[j]] || 0) + 1;
          if (outside) added[own[j]] = (added[own[j]] || 0) + 1;
        }
      }
      facet.options.forEach(function (option) {
        var view = optionViews[facet.key + "/" + option.value];
        var n = counts[option.value] || 0;
        if (open && !view.box.checked) n = results + (added[option.value] || 0);
        var text = n === 1 ? "1 interventie" : n + " interventies";
        if (view.count.textContent !== text) view.count.textContent = text;
        view.row.classList.toggle("ci-zero", n === 0);
        view.box.disabled = n === 0 && !view.box.checked;
      });
    });
  }

  // -- the list ------------------------------------------------------------------------------

  // Results come in title order already (the sort is stable), so sorting by title costs nothing.
  var byTitle = items.slice().sort(function (a, b) { return titleRank[a.slug] - titleRank[b.slug]; });

  function sortResults(results, scores) {
    if (state.sort === "relevantie" && scores) {
      results.sort(function (a, b) { return scores[b.slug] - scores[a.slug]; });
    } else if (state.sort === "erkenning") {
      results.sort(function (a, b) { return evidenceRank[b.evidence[0]] - evidenceRank[a.evidence[0]]; });
    }
  }

  function update() {
    var scores = search(state.q);
    var pool = scores ? byTitle.filter(function (item) { return item.slug in scores; }) : byTitle;
    var masks = facetMasks(pool);
    var results = pool.filter(function (item, i) { return masks[i] === ALL; });
    sortResults(results, scores);
    countOptions(pool, masks, results.length);

    var next = results.slice(0, state.limit).map(function (item) { return item.slug; });
    if (next.join() !== shown.join()) list.replaceChildren.apply(list, next.map(copy));
    shown = next;

    var n = results.length;
    status.textContent = n === 1 ? "1 interventie" : n + " interventies";
    showChips();
    showEmpty(n);
    showPanelButtons(n);
    var rest = n - next.length;
    more.hidden = rest <= 0;
    more.textContent = "Toon meer (nog " + rest + ")";
  }

  // -- where the reader is: chips, the empty result, the filter panel on a phone --------------

  var chips = document.getElementById("ci-chips");
  var empty = document.getElementById("ci-empty");
  var catalog = form.parentNode;
  var panelToggle = document.getElementById("ci-panel-toggle");
  var panelClose = document.getElementById("ci-panel-close");

  function optionLabel(facet, value) {
    var option = facet.options.filter(function (o) { return o.value === value; })[0];
    return option ? option.label : value;
  }

  function chosenFilters() {
    var chosen = [];
    facets.forEach(function (facet) {
      state.selected[facet.key].forEach(function (value) {
        chosen.push({ facet: facet, value: value, label: optionLabel(facet, value) });
      });
    });
    return chosen;
  }

  function without(change) { // a copy of the state with one change, for a chip or a way out
    var next = fromHashText(toHash());
    next.sort = state.sort;
    change(next);
    return next;
  }

  function apply(next) {
    state = next;
    state.limit = PAGE;
    toForm();
    update();
    remember(true);
  }

  function button(text, label, next) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    if (label) b.setAttribute("aria-label", label);
    b.addEventListener("click", function () {
      apply(next);
      queryField.focus();
    });
    return b;
  }

  function showChips() {
    var items = [];
    if (state.q.trim()) {
      items.push(button("\u201c" + state.q.trim() + "\u201d \u00d7", "Zoekwoorden " + state.q.trim() + " weghalen",
        without(function (s) { s.q = ""; })));
    }
    chosenFilters().forEach(function (c) {
      items.push(button(c.label + " \u00d7", "Filter " + c.label + " weghalen", without(function (s) {
        s.selected[c.facet.key] = s.selected[c.facet.key].filter(function (v) { return v !== c.value; });
      })));
    });
    if (state.mode === "alle") {
      items.push(button("alle gekozen elementen \u00d7", "Terug naar minstens \u00e9\u00e9n gekozen element",
        without(function (s) { s.mode = "een"; })));
    }
    chips.replaceChildren.apply(chips, items);
    chips.hidden = items.length === 0;
  }

  function resultCount(next) {
    var saved = state;
    state = next;
    try {
      var scores = search(state.q);
      var pool = scores ? byTitle.filter(function (item) { return item.slug in scores; }) : byTitle;
      return facetMasks(pool).filter(function (mask) { return mask === ALL; }).length;
    } finally {
      state = saved;
    }
  }

  // No results: say what caused it and offer the changes that give results again, largest first.
  function showEmpty(n) {
    if (n > 0) {
      empty.hidden = true;
      return;
    }
    var chosen = chosenFilters();
    var words = fold(state.q).split(" ").filter(Boolean);
    var ways = [];
    if (words.length > 1) {
      words.forEach(function (word) {
        ways.push(["zonder het woord \u201c" + word + "\u201d", without(function (s) {
          s.q = words.filter(function (w) { return w !== word; }).join(" ");
        })]);
      });
    }
    chosen.forEach(function (c) {
      ways.push(["zonder het filter " + c.label, without(function (s) {
        s.selected[c.facet.key] = s.selected[c.facet.key].filter(function (v) { return v !== c.value; });
      })]);
    });
    if (words.length && chosen.length) {
      ways.push(["alleen de zoekwoorden, zonder filters", without(function (s) { facets.forEach(function (f) { s.selected[f.key] = []; }); })]);
      ways.push(["alleen de filters, zonder zoekwoorden", without(function (s) { s.q = ""; })]);
    }
    var found = ways.map(function (way) { return { text: way[0], next: way[1], n: resultCount(way[1]) }; })
      .filter(function (way) { return way.n > 0; })
      .sort(function (a, b) { return b.n - a.n; })
      .slice(0, 5);
    var cause = words.length && chosen.length ? "de zoekwoorden \u201c" + state.q.trim() + "\u201d samen met de gekozen filters"
      : words.length ? "de zoekwoorden \u201c" + state.q.trim() + "\u201d" : "deze combinatie van filters";
    var title = document.createElement("p");
    title.textContent = "Geen interventies gevonden met " + cause + ".";
    var nodes = [title];
    if (found.length) {
      var intro = document.createElement("p");
      intro.textContent = "Zo vindt u wel iets:";
      var list = document.createElement("ul");
      found.forEach(function (way) {
        var item = document.createElement("li");
        var text = way.n === 1 ? "1 interventie" : way.n + " interventies";
        item.appendChild(button(text + " " + way.text, null, way.next));
        list.appendChild(item);
      });
      nodes.push(intro, list);
    } else if (words.length) {
      var hint = document.createElement("p");
      hint.textContent = "Probeer een ander woord, of een deel van het woord.";
      nodes.push(hint);
    }
    empty.replaceChildren.apply(empty, nodes);
    empty.hidden = false;
  }

  function showPanelButtons(n) {
    var active = chosenFilters().length;
    panelToggle.textContent = active ? "Filters (" + active + ")" : "Filters";
    panelClose.textContent = n === 1 ? "Toon 1 resultaat" : "Toon " + n + " resultaten";
  }

  function openPanel(open) {
    catalog.classList.toggle("ci-open", open);
    panelToggle.setAttribute("aria-expanded", open ? "true" : "false");
  }

  panelToggle.addEventListener("click", function () {
    openPanel(!catalog.classList.contains("ci-open"));
  });
  panelClose.addEventListener("click", function () {
    openPanel(false);
    status.focus();
  });

  // -- state <-> URL and form ----------------------------------------------------------------

  function toHash() {
    var params = new URLSearchParams();
    if (state.q) params.append("q", state.q);
    facets.forEach(function (f) {
      state.selected[f.key].forEach(function (v) { params.append(f.key, v); });
    });
    if (state.mode !== "een") params.append("elementen", state.mode);
    if (state.sort !== "relevantie") params.append("sorteer", state.sort);
    var text = params.toString();
    return text ? "#" + text : "";
  }

  function fromHash() {
    return fromHashText(location.hash);
  }

  function fromHashText(hash) {
    var next = emptyState();
    var params = new URLSearchParams(hash.replace(/^#/, ""));
    next.q = params.get("q") || "";
    facets.forEach(function (f) {
      var allowed = f.options.map(function (o) { return o.value; });
      next.selected[f.key] = params.getAll(f.key).filter(function (v) { return allowed.indexOf(v) !== -1; });
    });
    if (params.get("elementen") === "alle") next.mode = "alle";
    if (["titel", "erkenning"].indexOf(params.get("sorteer")) !== -1) next.sort = params.get("sorteer");
    return next;
  }

  function toForm() {
    queryField.value = state.q;
    sortField.value = state.sort;
    document.getElementById("ci-mode-" + state.mode).checked = true;
    facets.forEach(function (f) {
      f.options.forEach(function (o) {
        optionViews[f.key + "/" + o.value].box.checked = state.selected[f.key].indexOf(o.value) !== -1;
      });
    });
  }

  function fromForm() {
    state.q = queryField.value;
    state.sort = sortField.value;
    state.mode = document.getElementById("ci-mode-alle").checked ? "alle" : "een";
    facets.forEach(function (f) {
      state.selected[f.key] = f.options.filter(function (o) {
        return optionViews[f.key + "/" + o.value].box.checked;
      }).map(function (o) { return o.value; });
    });
  }

  // A new history entry for choices (so Back undoes them); typing replaces the current one, once
  // the reader pauses: Chromium spends milliseconds on every history call and limits how many a
  // page may make. A choice, or leaving the page, writes a pending replacement first.
  var pendingTyping = null;

  function remember(push) {
    if (push) {
      flushTyping();
      writeHistory(true);
    } else {
      clearTimeout(pendingTyping); // each key restarts the pause
      pendingTyping = setTimeout(flushTyping, 300);
    }
  }

  function flushTyping() {
    if (pendingTyping === null) return;
    clearTimeout(pendingTyping);
    pendingTyping = null;
    writeHistory(false);
  }

  function writeHistory(push) {
    var hash = toHash();
    if (hash === location.hash || (!hash && !location.hash)) return;
    var url = location.pathname + location.search + hash;
    try {
      history[push ? "pushState" : "replaceState"](null, "", url);
    } catch (error) { // some browsers refuse the History API on file://
      if (push) location.hash = hash; else location.replace(url);
    }
  }

  function changed(push) {
    fromForm();
    state.limit = PAGE;
    update();
    remember(push);
  }

  function restore() {
    clearTimeout(pendingTyping); // the reader went elsewhere in history: never overwrite that entry
    pendingTyping = null;
    if (location.hash && location.hash.indexOf("=") === -1) return; // a plain #anchor, not a state
    state = fromHash();
    toForm();
    update();
  }

  queryField.addEventListener("input", function () { changed(false); });
  form.addEventListener("change", function (event) {
    if (event.target !== queryField) changed(true);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  // Clears the filters; the words typed stay (the search field clears them on its own).
  document.getElementById("ci-reset").addEventListener("click", function () {
    var query = state.q;
    state = emptyState();
    state.q = query;
    toForm();
    update();
    remember(true);
    queryField.focus();
  });
  more.addEventListener("click", function () {
    state.limit += PAGE;
    update();
  });
  window.addEventListener("popstate", restore);
  window.addEventListener("pagehide", flushTyping);
  window.addEventListener("hashchange", restore);

  // The search index is the largest file: load it after the first results are on screen, as a
  // classic script (works from file:// too), then apply any query typed or linked meanwhile.
  function loadIndex() {
    var dataScript = document.querySelector('script[src$="catalogus-data.js"]');
    var script = document.createElement("script");
    script.src = dataScript.src.replace(/catalogus-data\.js$/, "catalogus-index.js");
    script.onload = function () {
      index = lunr.Index.load(window.CATALOG_INDEX);
      lastQuery = null;
      update();
      document.documentElement.setAttribute("data-catalog-ready", "");
    };
    document.body.appendChild(script);
  }

  form.hidden = false;
  restore();
  document.documentElement.setAttribute("data-results-ready", "");
  // Start on the index only after the first results were painted: parsing it takes a while.
  requestAnimationFrame(function () { setTimeout(loadIndex, 0); });
})();
