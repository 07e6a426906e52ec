// What the reader sees of the state: the counts beside the options, the chosen filters as chips
// above the results, an empty result that says why and offers ways out, and the buttons of the
// filter panel on a phone. Builds elements with textContent only: labels come from records.
(function (CI) {
  "use strict";

  function plural(n) {
    return n === 1 ? "1 interventie" : n + " interventies";
  }
  CI.plural = plural;

  // ctx: facets, optionViews, elements (chips, empty, panelToggle, panelClose), choose(next),
  // changed(fn) -> a changed copy of the state, resultCount(next) -> number of results.
  CI.createView = function (ctx) {
    function optionLabel(facet, value) {
      var option = facet.options.filter(function (o) { return o.value === value; })[0];
      return option ? option.label : value;
    }

    function chosenFilters(state) {
      var chosen = [];
      ctx.facets.forEach(function (facet) {
        state.selected[facet.key].forEach(function (value) {
          chosen.push({ facet: facet, value: value, label: optionLabel(facet, value) });
        });
      });
      return chosen;
    }

    function withoutFilter(c) {
      return ctx.changed(function (s) {
        s.selected[c.facet.key] = s.selected[c.facet.key].filter(function (v) { return v !== c.value; });
      });
    }

    function button(text, label, next) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = text;
      if (label) b.setAttribute("aria-label", label);
      b.addEventListener("click", function () { ctx.choose(next); });
      return b;
    }

    function showCounts(counts, state) {
      ctx.facets.forEach(function (facet) {
        facet.options.forEach(function (option) {
          var view = ctx.optionViews[facet.key + "/" + option.value];
          var n = counts[facet.key][option.value];
          var text = plural(n);
          if (view.count.textContent !== text) view.count.textContent = text;
          view.row.classList.toggle("ci-zero", n === 0);
          view.box.disabled = n === 0 && state.selected[facet.key].indexOf(option.value) === -1;
        });
      });
    }

    function showChips(state) {
      var chips = [];
      var q = state.q.trim();
      if (q) {
        chips.push(button("\u201c" + q + "\u201d \u00d7", "Zoekwoorden " + q + " weghalen", ctx.changed(function (s) { s.q = ""; })));
      }
      chosenFilters(state).forEach(function (c) {
        chips.push(button(c.label + " \u00d7", "Filter " + c.label + " weghalen", withoutFilter(c)));
      });
      if (state.mode === "alle") {
        chips.push(button("alle gekozen elementen \u00d7", "Terug naar minstens \u00e9\u00e9n gekozen element",
          ctx.changed(function (s) { s.mode = "een"; })));
      }
      ctx.chips.replaceChildren.apply(ctx.chips, chips);
      ctx.chips.hidden = chips.length === 0;
    }

    // No results: say what caused it and offer the changes that give results again, largest first.
    function showEmpty(n, state) {
      if (n > 0) {
        ctx.empty.hidden = true;
        return;
      }
      var chosen = chosenFilters(state);
      var words = CI.fold(state.q).split(" ").filter(Boolean);
      var ways = [];
      if (words.length > 1) {
        words.forEach(function (word) {
          ways.push(["zonder het woord \u201c" + word + "\u201d", ctx.changed(function (s) {
            s.q = words.filter(function (w) { return w !== word; }).join(" ");
          })]);
        });
      }
      chosen.forEach(function (c) {
        ways.push(["zonder het filter " + c.label, withoutFilter(c)]);
      });
      if (words.length && chosen.length) {
        ways.push(["alleen de zoekwoorden, zonder filters", ctx.changed(function (s) {
          ctx.facets.forEach(function (f) { s.selected[f.key] = []; });
        })]);
        ways.push(["alleen de filters, zonder zoekwoorden", ctx.changed(function (s) { s.q = ""; })]);
      }
      var found = ways.map(function (way) { return { text: way[0], next: way[1], n: ctx.resultCount(way[1]) }; })
        .filter(function (way) { return way.n > 0; })
        .sort(function (a, b) { return b.n - a.n; })
        .slice(0, 5);
      var q = state.q.trim();
      var cause = words.length && chosen.length ? "de zoekwoorden \u201c" + q + "\u201d samen met de gekozen filters"
        : words.length ? "de zoekwoorden \u201c" + q + "\u201d" : "deze combinatie van filters";
      var title = document.createElement("p");
      title.textContent = "Geen interventies gevonden met " + cause + ".";
      var nodes = [title];
      if (found.length) {
        var intro = document.createElement("p");
        intro.textContent = "Zo vindt u wel iets:";
        var list = document.createElement("ul");
        found.forEach(function (way) {
          var item = document.createElement("li");
          item.appendChild(button(plural(way.n) + " " + way.text, null, way.next));
          list.appendChild(item);
        });
        nodes.push(intro, list);
      } else if (words.length) {
        var hint = document.createElement("p");
        hint.textContent = "Probeer een ander woord, of een deel van het woord.";
        nodes.push(hint);
      }
      ctx.empty.replaceChildren.apply(ctx.empty, nodes);
      ctx.empty.hidden = false;
    }

    // What the search did besides matching every word, for the status line (read out): a word
    // corrected, or the records with the most words because none has them all.
    function searchNote(note, n) {
      var text = "";
      note.corrections.forEach(function (c) {
        text += " \u201c" + c[0] + "\u201d staat in geen enkele interventie; u ziet de interventies met \u201c" + c[1] + "\u201d.";
      });
      if (note.fallback && n > 0) text += " Geen interventie bevat alle woorden; dit zijn de interventies die het best passen.";
      return text ? "." + text : "";
    }

    // "Bedoelde u: <corrected words>?", a button that searches them, above the results.
    var suggestion = null;
    function showSuggestion(words, state) {
      if (!suggestion) {
        suggestion = document.createElement("p");
        suggestion.className = "ci-suggestion";
        suggestion.id = "ci-suggestion";
        ctx.empty.parentNode.insertBefore(suggestion, ctx.empty);
      }
      suggestion.hidden = !words;
      if (!words || suggestion.getAttribute("data-words") === words) return;
      suggestion.setAttribute("data-words", words);
      suggestion.replaceChildren(document.createTextNode("Bedoelde u: "),
        button(words, null, ctx.changed(function (s) { s.q = words; })), document.createTextNode("?"));
    }

    function showPanelButtons(n, state) {
      var active = chosenFilters(state).length;
      ctx.panelToggle.textContent = active ? "Filters (" + active + ")" : "Filters";
      ctx.panelClose.textContent = n === 1 ? "Toon 1 resultaat" : "Toon " + n + " resultaten";
    }

    return {
      showCounts: showCounts, showChips: showChips, showEmpty: showEmpty, showPanelButtons: showPanelButtons,
      searchNote: searchNote, showSuggestion: showSuggestion
    };
  };
})(window.CI = window.CI || {});
