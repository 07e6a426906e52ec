// The catalogue's state (words, chosen options, element mode, sort, how many shown) and how it
// lives in the URL (#q=...&element=...), so that Back undoes a choice and a link can be shared.
(function (CI) {
  "use strict";

  CI.PAGE = 25; // cards per "Toon meer"; the page's HTML holds the first page

  CI.emptyState = function (facets) {
    var selected = Object.create(null);
    facets.forEach(function (f) { selected[f.key] = []; });
    return { q: "", selected: selected, mode: "een", sort: "relevantie", limit: CI.PAGE };
  };

  CI.isEmpty = function (state, facets) {
    return !state.q.trim() && state.mode === "een" && facets.every(function (f) { return !state.selected[f.key].length; });
  };

  // The chosen options as address parameters (element=...&thema=...), and back: only the values
  // a facet has count. Also used by the matrix and the choice helper.
  CI.appendFacets = function (params, selected, facets) {
    facets.forEach(function (f) {
      (selected[f.key] || []).forEach(function (v) { params.append(f.key, v); });
    });
  };

  CI.readFacets = function (params, facets) {
    var selected = Object.create(null);
    facets.forEach(function (f) {
      var allowed = f.options.map(function (o) { return o.value; });
      selected[f.key] = params.getAll(f.key).filter(function (v) { return allowed.indexOf(v) !== -1; });
    });
    return selected;
  };

  // Puts `hash` in the address: a new history entry (push) or in place of the current one.
  CI.setHash = function (hash, push) {
    if (hash === location.hash || (!hash && !location.hash)) return;
    var url = location.pathname + location.search + hash;
    try {
      history[push ? "pushState" : "replaceState"](null, "", url);
    } catch (error) { // some browsers refuse the History API on file://
      if (push) location.hash = hash; else location.replace(url);
    }
  };

  CI.toHash = function (state, facets) {
    var params = new URLSearchParams();
    if (state.q) params.append("q", state.q);
    CI.appendFacets(params, state.selected, facets);
    if (state.mode !== "een") params.append("elementen", state.mode);
    if (state.sort !== "relevantie") params.append("sorteer", state.sort);
    var text = params.toString();
    return text ? "#" + text : "";
  };

  CI.fromHash = function (hash, facets) {
    var next = CI.emptyState(facets);
    var params = new URLSearchParams(hash.replace(/^#/, ""));
    next.q = params.get("q") || "";
    next.selected = CI.readFacets(params, facets);
    if (params.get("elementen") === "alle") next.mode = "alle";
    if (["titel", "erkenning"].indexOf(params.get("sorteer")) !== -1) next.sort = params.get("sorteer");
    return next;
  };

  // A copy of the state with one change, for a chip or a way out of an empty result.
  CI.changedState = function (state, facets, change) {
    var next = CI.fromHash(CI.toHash(state, facets), facets);
    next.sort = state.sort;
    change(next);
    return next;
  };

  // A new history entry for choices (so Back undoes them); typing replaces the current one, once
  // the reader pauses: Chromium spends milliseconds on every history call and limits how many a
  // page may make. A choice, or leaving the page, writes a pending replacement first.
  CI.History = function (currentHash) {
    var pending = null;

    function write(push) {
      CI.setHash(currentHash(), push);
    }

    function flush() {
      if (pending === null) return;
      clearTimeout(pending);
      pending = null;
      write(false);
    }

    return {
      remember: function (push) {
        if (push) {
          flush();
          write(true);
        } else {
          clearTimeout(pending); // each key restarts the pause
          pending = setTimeout(flush, 300);
        }
      },
      flush: flush,
      forget: function () { // the reader went elsewhere in history: never overwrite that entry
        clearTimeout(pending);
        pending = null;
      }
    };
  };

  // The state into the catalogue's form, and back (catalogus-app.js).
  CI.stateToForm = function (state, facets, optionViews, queryField, sortField) {
    queryField.value = state.q;
    sortField.value = state.sort;
    document.getElementById("ci-mode-" + state.mode).checked = true;
    facets.forEach(function (f) {
      f.options.forEach(function (o) {
        optionViews[f.key + "/" + o.value].box.checked = state.selected[f.key].indexOf(o.value) !== -1;
      });
    });
  };

  CI.stateFromForm = function (state, facets, optionViews, queryField, sortField) {
    state.q = queryField.value;
    state.sort = sortField.value;
    state.mode = document.getElementById("ci-mode-alle").checked ? "alle" : "een";
    facets.forEach(function (f) {
      state.selected[f.key] = f.options.filter(function (o) {
        return optionViews[f.key + "/" + o.value].box.checked;
      }).map(function (o) { return o.value; });
    });
  };
})(window.CI = window.CI || {});
