// The catalogue page. Its HTML holds the form and the first results, so they show before any
// script or data has loaded. After the first paint this script loads, as classic scripts (they
// work from file:// too): the data the filters need (catalogus-data.js), the cards
// (catalogus-kaarten-N.js) and the search index (lunr and catalogus-index.js). Until then a
// choice waits, and words match the titles only (see catalogus-search.js).
(function (CI) {
  "use strict";

  var form = document.getElementById("ci-finder");
  var list = document.getElementById("ci-live");
  if (!form || !list || !window.URLSearchParams) return;
  var assets = document.currentScript.src.replace(/[^/]*$/, "");
  var root = document.documentElement;
  var status = document.getElementById("ci-status");
  var more = document.getElementById("ci-more");
  var queryField = document.getElementById("ci-q");
  var sortField = document.getElementById("ci-sort");
  var catalog = form.parentNode;
  var panelToggle = document.getElementById("ci-panel-toggle");

  // The facets as the form shows them: the page works with them before the data has loaded.
  var optionViews = Object.create(null);
  var facets = Array.prototype.map.call(form.querySelectorAll("fieldset.ci-facet"), function (fieldset) {
    var key = fieldset.getAttribute("data-facet");
    var options = Array.prototype.map.call(fieldset.querySelectorAll("input[type=checkbox]"), function (box) {
      optionViews[key + "/" + box.value] = { box: box, row: box.parentNode, count: document.getElementById(box.id + "-n") };
      return { value: box.value, label: form.querySelector('label[for="' + box.id + '"]').textContent };
    });
    return { key: key, field: null, options: options }; // field: the item's field, from the data
  });

  var state = CI.emptyState(facets);
  var data = null;
  var search = null;
  var byTitle = []; // places in data.items (in title order, like the card files): 0, 1, 2, ...
  var evidence = null; // per place: how strong its evidence is, for sorting
  var cards = null; // CI.createCards, once the data is there
  var shown = "";
  var cardsMissing = false;
  var wantData = function () {}; // loads catalogus-data.js, once (loadData)

  var history_ = CI.History(function () { return CI.toHash(state, facets); });
  var view = CI.createView({
    facets: facets, optionViews: optionViews,
    chips: document.getElementById("ci-chips"), empty: document.getElementById("ci-empty"),
    panelToggle: panelToggle, panelClose: document.getElementById("ci-panel-close"),
    fold: document.getElementById("ci-element-fold"), foldChosen: document.getElementById("ci-element-chosen"),
    changed: function (change) { return CI.changedState(state, facets, change); },
    resultCount: function (next) { return compute(next).found.length; },
    choose: function (next) {
      history_.flush(); // the words typed keep their own history entry, before this choice
      state = next;
      state.limit = CI.PAGE;
      toForm();
      update();
      history_.remember(true);
      queryField.focus();
    }
  });

  function compute(st) {
    var scores = search.scores(st.q);
    var pool = scores ? byTitle.filter(function (i) { return scores[i] > 0; }) : byTitle;
    if (!data) return { scores: scores, pool: pool, masks: null, found: pool }; // no filter chosen yet
    var masks = CI.facetMasks(facets, pool, st);
    var all = CI.allFacets(facets);
    var found = [];
    for (var k = 0; k < pool.length; k++) if (masks[k] === all) found.push(pool[k]);
    return { scores: scores, pool: pool, masks: masks, found: found };
  }

  // The results shown (the first state.limit) and how many records have every word. Results
  // come in title order already. Relevance puts the records with every word first
  // (catalogus-rank.js); the other orders keep them first too.
  function firstResults(results, scores) {
    var limit = state.limit, byKey = state.sort === "relevantie" && scores ? scores : state.sort === "erkenning" ? evidence : null;
    var sorted = function (list) { return byKey ? CI.firstByKey(list, byKey, limit) : list.slice(0, limit); };
    if (!scores || !search.ready()) return { places: sorted(results), full: results.length };
    var full = results.filter(function (i) { return scores[i] >= CI.RANK_FULL; });
    if (!full.length || full.length === results.length || byKey === scores) return { places: sorted(results), full: full.length || results.length };
    var places = sorted(full);
    if (places.length < limit) places = places.concat(sorted(results.filter(function (i) { return scores[i] < CI.RANK_FULL; })).slice(0, limit - places.length));
    return { places: places, full: full.length };
  }

  // The line between the records with every word and those with part of them.
  var partialLine = document.createElement("div");
  partialLine.className = "ci-partial-line";
  partialLine.setAttribute("role", "listitem");

  // Words only (no filter, not by evidence): the search can show results before the data.
  function wordsOnly() {
    return state.q.trim() && state.mode === "een" && state.sort !== "erkenning" && facets.every(function (f) { return !state.selected[f.key].length; });
  }

  function update() {
    if (!data && !(search && wordsOnly())) { // a choice before the data is there: it applies as soon as the data has loaded
      if (search) wantData();
      if (!CI.isEmpty(state, facets)) {
        root.classList.add("ci-waiting");
        status.textContent = "De catalogus laadt nog\u2026";
      }
      return;
    }
    var r = compute(state);
    var first = firstResults(r.found, r.scores), full = first.full, places = first.places;
    var shownCards = [];
    places.forEach(function (i) { // asks for the card files missing, before the counts are made
      var c = cards.card(i);
      if (c) shownCards.push(c);
    });
    if (data) view.showCounts(CI.optionCounts(facets, r.pool, r.masks, r.found.length, state), state);
    cardsMissing = shownCards.length < places.length;
    var n = r.found.length;
    var note = search.explain(state.q); // a corrected word, or the records with the most words
    var key = places.join() + "/" + shownCards.length + "/" + full + "/" + n;
    if (key !== shown) {
      var nodes = shownCards.slice();
      if (full < n && full < shownCards.length) {
        partialLine.textContent = "Ook gevonden met een deel van uw woorden (" + (n - full) + ")";
        nodes.splice(full, 0, partialLine);
      }
      list.replaceChildren.apply(list, nodes);
    }
    shown = key;
    view.showWhy(places, shownCards, note, search.hasTerm, r.scores);

    var searching = state.q.trim() && !search.ready();
    var line = (full < n ? CI.plural(full) + " met al uw woorden; ook " + (n - full) + " met een deel ervan" : CI.plural(n)) +
      (searching ? " (gezocht in de titels; zoeken in alle tekst laadt nog)" : note.loading ? " (de zoekindex laadt nog\u2026)" : view.searchNote(note, n));
    status.textContent = data ? line : line + (/[.!?\u2026]$/.test(line) ? " " : ". ") + "De filters laden nog\u2026";
    view.showOffers(note, state);
    view.showSuggestion(note.suggestion, state);
    view.showChips(state);
    view.showEmpty(searching || note.pending || note.loading || !data ? 1 : n, state, note, byTitle.length);
    view.showPanelButtons(n, state);
    // Words searched in all text, with the index shards they need and the cards shown (bench/).
    var done = search.ready() && !note.loading && !note.pending && !cardsMissing;
    root.toggleAttribute("data-search-done", !!(state.q.trim() && done));
    if (done && !data) wantData(); // the filters' data after the results typed for
    if (!state.q.trim() || done) cards.loadRest(); // the results typed for have their cards first
    var rest = n - places.length;
    more.hidden = rest <= 0;
    more.textContent = "Toon meer (nog " + rest + ")";
    root.classList.remove("ci-waiting");
  }

  // -- the phone's filter panel --------------------------------------------------------------

  function openPanel(open) {
    catalog.classList.toggle("ci-open", open);
    panelToggle.setAttribute("aria-expanded", open ? "true" : "false");
  }

  panelToggle.addEventListener("click", function () {
    openPanel(!catalog.classList.contains("ci-open"));
  });
  document.getElementById("ci-panel-close").addEventListener("click", function () {
    openPanel(false);
    status.focus();
  });

  // -- state <-> form --------------------------------------------------------------------------

  function toForm() { CI.stateToForm(state, facets, optionViews, queryField, sortField); }

  function fromForm() { CI.stateFromForm(state, facets, optionViews, queryField, sortField); }

  function changed(push) {
    fromForm();
    state.limit = CI.PAGE;
    update();
    history_.remember(push);
  }

  function restore() {
    history_.forget();
    if (location.hash && location.hash.indexOf("=") === -1) return; // a plain #anchor, not a state
    state = CI.fromHash(location.hash, facets);
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
    state = CI.emptyState(facets);
    state.q = query;
    toForm();
    update();
    history_.remember(true);
    queryField.focus();
  });
  more.addEventListener("click", function () {
    state.limit += CI.PAGE;
    update();
  });
  window.addEventListener("popstate", restore);
  window.addEventListener("pagehide", history_.flush);
  window.addEventListener("hashchange", restore);

  // -- loading -------------------------------------------------------------------------------

  // `inOrder`: runs after the scripts loaded before it with inOrder, while all download at once.
  function load(name, done, inOrder) {
    var script = document.createElement("script");
    script.src = assets + name;
    script.async = !inOrder;
    script.onload = done;
    script.onerror = function () {
      status.textContent = "Niet alles van de catalogus kon laden (" + name + "). Laad de pagina opnieuw.";
    };
    document.body.appendChild(script);
  }

  // lunr with the index's shard list and the data download at once; the search starts when both
  // are there. With words in the address and no filter (wordsOnly), the search starts with the
  // shard list alone (catalogus-facts.js), and the data, which grows with the catalogue, loads
  // after the results. The card files load as the results need them (catalogus-cards.js).
  function loadData() {
    var parts = 3; // ready when catalogus-empty.js, the index and every card file are there
    function ready() { if (--parts === 0) root.setAttribute("data-catalog-ready", ""); }
    var here = Object.create(null), started = false, early = !!wordsOnly();
    function arrived(name) {
      here[name] = true;
      var code = here.lunr && here.rank && here.shards && here.typos && here.facts; // what the search runs on
      if (here.index && here.shards && here.lunr && !here.asked) here.asked = CI.prefetchShards(state.q, window.CATALOG_INDEX, load) || true; // word keys need lunr's stemmer
      if (!search && here.cards && here.facts && (here.data || early && here.index && code)) {
        if (here.data) withData();
        else begin(CI.factsFromFiles(window.CATALOG_INDEX));
      } else if (search && here.data && !data) {
        withData();
      }
      if (search && here.index && code && !started) startSearch();
      if (data) root.setAttribute("data-results-ready", "");
    }
    // The shard list first, what only defines functions (any order), lunr in order.
    ["index", "shards", "rank", "typos", "facts"].forEach(function (name) { load("catalogus-" + name + ".js", function () { arrived(name); }); });
    ["lunr", "lunr.stemmer.support", "lunr.nl"].forEach(function (name, k) { load("vendor/" + name + ".js", k === 2 ? function () { arrived("lunr"); } : null, true); });
    load("catalogus-cards.js", function () { arrived("cards"); });
    load("catalogus-empty.js", function () { if (data) update(); ready(); });
    wantData = function () { wantData = function () {}; load("catalogus-data.js", function () { arrived("data"); }); };
    if (!early) wantData();
    function startSearch() {
      started = true;
      CI.loadShardsFor(search, load, root, update); // the shards a query needs, as it needs them
      search.setIndex(window.CATALOG_INDEX);
      update();
      ready();
    }
    // The search and the cards: from the data, or before it from the shard list (records in title order).
    function begin(source) {
      var from = data || window.CATALOG_INDEX, n = data ? data.items.length : from.documents;
      byTitle = Array.from({ length: n }, function (x, i) { return i; });
      search = CI.createSearch(source, from.synonyms, from.facets);
      search.whenDutchNeeded(function () {
        search.whenDutchNeeded(null);
        load("woorden-nl.js", function () {
          search.setDutch(window.CATALOG_DUTCH);
          update();
          root.setAttribute("data-dutch-ready", "");
        });
      });
      cards = CI.createCards(Math.ceil(n / from.cardsPerFile), from.cardsPerFile, load, function () { if (cardsMissing) update(); }, ready);
      Array.prototype.forEach.call(list.children, function (card, i) { cards.keep(i, card); }); // the first in title order
      if (!here.index) update(); // with the index, startSearch updates the page (once, not first without it)
    }
    function withData() {
      data = window.CATALOG;
      facets.forEach(function (facet) {
        facet.field = data.facets.filter(function (f) { return f.key === facet.key; })[0].field;
      });
      var items = data.items;
      var rank = Object.create(null);
      data.evidenceOrder.forEach(function (slug, i) { rank[slug] = slug === "niet-erkend" ? -1 : i; });
      evidence = Int8Array.from(items, function (item) { return rank[item.evidence[0]]; });
      CI.codeFacets(facets, items);
      if (search) { // the same facts, no more files to load for them
        search.setFacts(CI.factsFromItems(items));
        update();
      } else {
        begin(items);
      }
    }
  }

  form.hidden = false;
  restore();
  // Start loading only after the first results were painted; with words in the address and no
  // filter just before that paint (the theme's script waits for the full-text results there:
  // overrides/main.html).
  requestAnimationFrame(function () { if (wordsOnly()) loadData(); else setTimeout(loadData, 0); });
})(window.CI = window.CI || {});
