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

    // A disabled option says why: the chosen filters (and words) it cannot be combined with.
    function zeroReason(facet, option, state) {
      var parts = [];
      if (state.q.trim()) parts.push("de zoekwoorden \u201c" + state.q.trim() + "\u201d");
      ctx.facets.forEach(function (f) {
        if (f === facet && !(f.key === "element" && state.mode === "alle")) return;
        var labels = state.selected[f.key].map(function (v) { return optionLabel(f, v); });
        if (labels.length) parts.push(labels.join(f.key === "element" && state.mode === "alle" ? " \u00e9n " : " of "));
      });
      parts.push(option.label);
      return parts.length > 1 ? "geen interventie met " + parts.join(" \u00e9n ") : "geen interventie in de catalogus";
    }

    function showCounts(counts, state) {
      var elementsChosen = 0;
      ctx.facets.forEach(function (facet) {
        facet.options.forEach(function (option) {
          var view = ctx.optionViews[facet.key + "/" + option.value];
          var n = counts[facet.key][option.value];
          var text = plural(n);
          if (view.count.textContent !== text) view.count.textContent = text;
          view.row.classList.toggle("ci-zero", n === 0);
          var disabled = n === 0 && state.selected[facet.key].indexOf(option.value) === -1;
          view.box.disabled = disabled;
          if (disabled && !view.why) {
            view.why = document.createElement("span");
            view.why.className = "ci-zero-why";
            view.why.id = view.box.id + "-why";
            view.row.appendChild(view.why);
          }
          if (view.why) {
            view.why.hidden = !disabled;
            view.why.textContent = disabled ? zeroReason(facet, option, state) : "";
          }
          view.box.setAttribute("aria-describedby", view.count.id + (disabled ? " " + view.why.id : ""));
        });
        if (facet.key === "element") elementsChosen = state.selected.element.length;
      });
      if (ctx.fold) {
        ctx.foldChosen.textContent = elementsChosen ? "(" + elementsChosen + " gekozen)" : "";
        if (elementsChosen) ctx.fold.open = true;
      }
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

    // No results: catalogus-empty.js, loaded with the data (not before the first results).
    function showEmpty(n, state, note, total) {
      var catalog = window.CATALOG || {};
      if (!CI.showEmpty) { // still loading: update() runs again when it is there
        ctx.empty.hidden = true;
        return;
      }
      CI.showEmpty({
        facets: ctx.facets, changed: ctx.changed, chosenFilters: chosenFilters, withoutFilter: withoutFilter, button: button,
        meaningFacets: (catalog.facets || []).filter(function (f) { return f.key === "thema" || f.key === "doelgroep"; }),
        groups: catalog.synonyms
      }, ctx.empty, n, state, note, total, ctx.resultCount);
    }

    // What the search did besides matching every word, for the status line (read out): a word
    // corrected, or the records with the most words because none has them all.
    function searchNote(note, n) {
      var text = "";
      note.corrections.forEach(function (c) {
        text += " \u201c" + c[0] + "\u201d staat in geen enkele interventie; u ziet de interventies met \u201c" + c[1] + "\u201d.";
      });
      (note.unknown || []).forEach(function (u) {
        text += " Geen interventie noemt \u201c" + u[0] + "\u201d.";
      });
      if (note.pending) text += " De spelling wordt nagekeken\u2026";
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

    // "Filter op thema Eenzaamheid?": the themes and target groups the words name, as buttons
    // that tick that filter (the words stay).
    var offers = null;
    function showOffers(note, state) {
      if (!offers) {
        offers = document.createElement("p");
        offers.className = "ci-offers";
        offers.id = "ci-offers";
        ctx.empty.parentNode.insertBefore(offers, ctx.empty);
      }
      var seen = Object.create(null), nodes = [];
      (note.units || []).forEach(function (unit) {
        unit.named.forEach(function (term) {
          var id = term.facet + "/" + term.value;
          if (seen[id] || nodes.length >= 3 || !state.selected[term.facet] || state.selected[term.facet].indexOf(term.value) !== -1) return;
          seen[id] = true;
          var kind = term.field === "themes" ? "thema" : "doelgroep";
          nodes.push(button("Filter op " + kind + " " + term.label + "?", null, ctx.changed(function (s) {
            s.selected[term.facet] = s.selected[term.facet].concat([term.value]);
          })));
        });
      });
      offers.hidden = !nodes.length;
      offers.replaceChildren.apply(offers, nodes);
    }

    // Why a card matched, on one line under its title: the theme or target group a word names,
    // and a sentence of its summary (or else the words found in its text), the words marked.
    // A word of a phrase ("sociaal isolement") is marked only within the whole phrase.
    // Built from text nodes and <mark> elements only.
    function marker(units) {
      var keys = Object.create(null), words = [], phrases = [];
      units.forEach(function (unit) {
        [unit.words].concat(unit.group || []).forEach(function (phrase) {
          if (phrase.length > 1) {
            phrases.push(phrase);
            return;
          }
          keys[CI.wordKey(phrase[0])] = true;
          if (phrase[0].length >= 4) words.push(phrase[0]);
        });
      });
      function single(f) {
        if (!f || CI.isStopWord(f)) return false;
        if (keys[CI.wordKey(f)]) return true;
        return words.some(function (w) { return f.indexOf(w) !== -1; });
      }
      function same(f, w) {
        return CI.wordKey(f) === CI.wordKey(w) || (w.length >= 4 && f.indexOf(w) === 0);
      }
      return { single: single, phrases: phrases, same: same };
    }

    function marked(text, marks) {
      var tokens = text.match(/[\p{L}\p{N}]+|[^\p{L}\p{N}]+/gu) || [];
      var places = [], folded = [];
      tokens.forEach(function (token, k) {
        if (/[\p{L}\p{N}]/u.test(token)) {
          places.push(k);
          folded.push(CI.fold(token));
        }
      });
      var on = new Uint8Array(tokens.length), any = false;
      folded.forEach(function (f, j) {
        if (marks.single(f)) on[places[j]] = 1;
        marks.phrases.forEach(function (phrase) {
          if (j + phrase.length > folded.length) return;
          for (var w = 0; w < phrase.length; w++) if (!marks.same(folded[j + w], phrase[w])) return;
          for (w = 0; w < phrase.length; w++) on[places[j + w]] = 1;
        });
      });
      var nodes = tokens.map(function (token, k) {
        if (!on[k]) return document.createTextNode(token);
        var m = document.createElement("mark");
        m.textContent = token;
        any = true;
        return m;
      });
      return any ? nodes : null;
    }

    function whyLine(i, card, note, has, marks) {
      var parts = [];
      note.units.forEach(function (unit) {
        if (!unit.tagged[i]) return;
        unit.named.forEach(function (term) {
          if (!has(i, term)) return;
          var m = document.createElement("mark");
          m.textContent = term.label;
          parts.push([document.createTextNode((term.field === "themes" ? "Thema " : "Doelgroep ")), m]);
        });
      });
      var summary = card.querySelectorAll(":scope > p:not([class])")[1]; // after the kind and badge line
      var sentences = summary ? summary.textContent.split(/(?<=[.!?])\s+/) : [];
      var found = null;
      for (var k = 0; k < sentences.length && !found; k++) found = marked(sentences[k], marks);
      if (found) {
        parts.push(found);
      } else {
        var words = [];
        note.units.forEach(function (unit) { // the form the record has: the typed one or a synonym
          if (!unit.found[i]) return;
          var via = unit.found.via && unit.group ? unit.found.via[i] : -1;
          words.push(via >= 0 ? unit.group[via].join(" ") : unit.words.join(" "));
        });
        if (words.length) {
          var nodes = [document.createTextNode("in de tekst: ")];
          words.forEach(function (w, k) {
            var m = document.createElement("mark");
            m.textContent = w;
            if (k) nodes.push(document.createTextNode(", "));
            nodes.push(m);
          });
          parts.push(nodes);
        }
      }
      var line = document.createElement("p");
      line.className = "ci-why";
      line.appendChild(document.createTextNode("Gevonden: "));
      parts.forEach(function (nodes, k) {
        if (k) line.appendChild(document.createTextNode(" \u00b7 "));
        nodes.forEach(function (node) { line.appendChild(node); });
      });
      return parts.length ? line : null;
    }

    // has(i, term): does record i have the theme or target group (catalogus-facts.js)?
    function showWhy(places, cards, note, has, scores) {
      var searched = note.units && note.units.length && scores;
      var marks = searched ? marker(note.units) : null;
      cards.forEach(function (card, k) {
        var old = card.querySelector(":scope > .ci-why");
        var line = searched ? whyLine(places[k], card, note, has, marks) : null;
        if (old) old.remove();
        if (line) card.insertBefore(line, card.children[1] || null);
      });
    }

    function showPanelButtons(n, state) {
      var active = chosenFilters(state).length;
      ctx.panelToggle.textContent = active ? "Filters (" + active + ")" : "Filters";
      ctx.panelClose.textContent = n === 1 ? "Toon 1 resultaat" : "Toon " + n + " resultaten";
    }

    return {
      showCounts: showCounts, showChips: showChips, showEmpty: showEmpty, showPanelButtons: showPanelButtons,
      searchNote: searchNote, showSuggestion: showSuggestion, showOffers: showOffers, showWhy: showWhy
    };
  };
})(window.CI = window.CI || {});
