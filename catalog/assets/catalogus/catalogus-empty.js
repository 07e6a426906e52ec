// An empty result says what caused it and offers, right under that, the changes that give results
// again: without a word, without a filter, all of the catalogue; for a Dutch word that no record
// has, the themes, target groups and synonyms nearest to it. Text nodes and buttons only.
(function (CI) {
  "use strict";

  var NEAR = 3; // nearest themes, target groups or synonyms offered for a word no record has

  // The themes, target groups and synonym phrases whose words are nearest to `word` (by spelling,
  // or the one holding the other: "geldschulden", "schuld"): [{ kind, label, facet, value, phrase }].
  CI.nearestMeanings = function (word, facets, groups) {
    var found = [];
    function closeness(candidate) {
      if (candidate.length < 4 || word.length < 4) return 99;
      if (candidate === word) return 0;
      if (word.indexOf(candidate) !== -1 || candidate.indexOf(word) !== -1) return 1;
      var max = Math.max(1, Math.floor(Math.min(word.length, candidate.length) / 4));
      var d = CI.editDistance(word, candidate, max);
      return d <= max ? 1 + d : 99;
    }
    facets.forEach(function (facet) {
      facet.options.forEach(function (option) {
        var words = CI.fold(option.label).split(" ").concat((option.words || []).map(function (w) { return CI.fold(w.replace(/^-/, "")); }));
        var best = Math.min.apply(null, words.map(closeness));
        if (best < 99) found.push({ d: best, kind: facet.key, label: option.label, facet: facet.key, value: option.value });
      });
    });
    (groups || []).forEach(function (group) {
      var best = 99, nearest = null;
      group.forEach(function (phrase) {
        var d = Math.min.apply(null, CI.fold(phrase).split(" ").map(closeness));
        if (d < best) { best = d; nearest = phrase; }
      });
      if (best < 99) {
        group.forEach(function (phrase) {
          if (CI.fold(phrase) !== word) found.push({ d: best + 0.5, kind: "woord", label: phrase, phrase: CI.fold(phrase) });
        });
      }
    });
    found.sort(function (a, b) { return a.d - b.d; });
    return found;
  };

  // h: { facets, changed, chosenFilters, withoutFilter, button, meaningFacets, groups }.
  CI.showEmpty = function (h, box, n, state, note, total, resultCount) {
    if (n > 0) {
      box.hidden = true;
      return;
    }
    note = note || {};
    var chosen = h.chosenFilters(state);
    var words = CI.fold(state.q).split(" ").filter(Boolean);
    var ways = [];
    if (words.length > 1) {
      words.forEach(function (word) {
        ways.push(["zonder het woord \u201c" + word + "\u201d", h.changed(function (s) {
          s.q = words.filter(function (w) { return w !== word; }).join(" ");
        })]);
      });
    }
    chosen.forEach(function (c) {
      ways.push(["zonder het filter " + c.label, h.withoutFilter(c)]);
    });
    if (words.length && chosen.length) {
      ways.push(["alleen de zoekwoorden, zonder filters", h.changed(function (s) {
        h.facets.forEach(function (f) { s.selected[f.key] = []; });
      })]);
      ways.push(["alleen de filters, zonder zoekwoorden", h.changed(function (s) { s.q = ""; })]);
    }
    // A Dutch word no record has: the nearest word of the catalogue, and the nearest themes,
    // target groups and synonyms, as choices, not as a fix.
    var meanings = [];
    (note.unknown || []).forEach(function (u) {
      var rest = words.filter(function (w) { return u[0].split(" ").indexOf(w) === -1; }).join(" ");
      if (u[1]) ways.push(["met \u201c" + u[1] + "\u201d in plaats van \u201c" + u[0] + "\u201d", h.changed(function (s) {
        s.q = words.map(function (w) { return w === u[0] ? u[1] : w; }).join(" ");
      })]);
      CI.nearestMeanings(u[0], h.meaningFacets, h.groups).forEach(function (m) {
        var text = m.phrase ? "met \u201c" + m.label + "\u201d in plaats van \u201c" + u[0] + "\u201d"
          : "met " + (m.facet === "thema" ? "thema " : "doelgroep ") + m.label + " in plaats van \u201c" + u[0] + "\u201d";
        meanings.push([text, h.changed(function (s) {
          if (m.phrase) {
            s.q = (rest + " " + m.phrase).trim();
          } else {
            s.q = rest;
            if (s.selected[m.facet].indexOf(m.value) === -1) s.selected[m.facet] = s.selected[m.facet].concat([m.value]);
          }
        })]);
      });
    });
    if (words.length && !chosen.length) ways.push(["zonder de zoekwoorden", h.changed(function (s) { s.q = ""; })]);
    function counted(list) {
      return list.map(function (way) { return { text: way[0], next: way[1], n: resultCount(way[1]) }; })
        .filter(function (way) { return way.n > 0; });
    }
    var found = counted(meanings).slice(0, NEAR).concat(counted(ways).sort(function (a, b) { return b.n - a.n; }).slice(0, 5));
    if (chosen.length && (words.length || chosen.length > 1)) { // every way out at once: all of the catalogue
      found.push({ text: words.length ? "alle interventies, zonder zoekwoorden en filters" : "alle interventies, zonder filters", n: total,
        next: h.changed(function (s) {
          s.q = "";
          h.facets.forEach(function (f) { s.selected[f.key] = []; });
        }) });
    }
    var q = state.q.trim();
    var cause = words.length && chosen.length ? "de zoekwoorden \u201c" + q + "\u201d samen met de gekozen filters"
      : words.length ? "de zoekwoorden \u201c" + q + "\u201d" : "deze combinatie van filters";
    var title = document.createElement("p");
    title.textContent = (note.unknown || []).length ? "Geen interventie noemt \u201c" + note.unknown.map(function (u) { return u[0]; }).join("\u201d of \u201c") + "\u201d."
      : "Geen interventies gevonden met " + cause + ".";
    var nodes = [title];
    if (found.length) {
      var intro = document.createElement("p");
      intro.textContent = "Zo vindt u wel iets:";
      var list = document.createElement("ul");
      found.forEach(function (way) {
        var item = document.createElement("li");
        item.appendChild(h.button(CI.plural(way.n) + " " + way.text, null, way.next));
        list.appendChild(item);
      });
      nodes.push(intro, list);
    } else if (words.length) {
      var hint = document.createElement("p");
      hint.textContent = "Probeer een ander woord, of een deel van het woord.";
      nodes.push(hint);
    }
    box.replaceChildren.apply(box, nodes);
    box.hidden = false;
  };
})(window.CI = window.CI || {});
