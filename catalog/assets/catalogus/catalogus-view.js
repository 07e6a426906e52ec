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
    function showEmpty(n, state, note, total) {
      if (n > 0) {
        ctx.empty.hidden = true;
        return;
      }
      note = note || {};
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
      // A Dutch word no record has: the nearest word of the catalogue, as a choice, not a fix.
      (note.unknown || []).forEach(function (u) {
        if (u[1]) ways.push(["met \u201c" + u[1] + "\u201d in plaats van \u201c" + u[0] + "\u201d", ctx.changed(function (s) {
          s.q = words.map(function (w) { return w === u[0] ? u[1] : w; }).join(" ");
        })]);
      });
      if (words.length && !chosen.length) ways.push(["zonder de zoekwoorden", ctx.changed(function (s) { s.q = ""; })]);
      var found = ways.map(function (way) { return { text: way[0], next: way[1], n: ctx.resultCount(way[1]) }; })
        .filter(function (way) { return way.n > 0; })
        .sort(function (a, b) { return b.n - a.n; })
        .slice(0, 5);
      if (words.length && chosen.length) { // every way out at once: all of the catalogue
        found.push({ text: "alle interventies, zonder zoekwoorden en filters", n: total, next: ctx.changed(function (s) {
          s.q = "";
          ctx.facets.forEach(function (f) { s.selected[f.key] = []; });
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
    // Built from text nodes and <mark> elements only.
    function marker(units) {
      var keys = Object.create(null), words = [];
      units.forEach(function (unit) {
        [unit.words].concat(unit.group || []).forEach(function (phrase) {
          phrase.forEach(function (w) {
            keys[CI.wordKey(w)] = true;
            if (w.length >= 4) words.push(w);
          });
        });
      });
      return function (token) {
        var f = CI.fold(token);
        if (!f || CI.isStopWord(f)) return false;
        if (keys[CI.wordKey(f)]) return true;
        return words.some(function (w) { return f.indexOf(w) !== -1; });
      };
    }

    function marked(text, marks) {
      var nodes = [], any = false;
      (text.match(/[\p{L}\p{N}]+|[^\p{L}\p{N}]+/gu) || []).forEach(function (token) {
        if (marks(token)) {
          var m = document.createElement("mark");
          m.textContent = token;
          nodes.push(m);
          any = true;
        } else {
          nodes.push(document.createTextNode(token));
        }
      });
      return any ? nodes : null;
    }

    function whyLine(i, card, note, item, marks) {
      var parts = [];
      note.units.forEach(function (unit) {
        if (!unit.tagged[i]) return;
        unit.named.forEach(function (term) {
          if (item[term.field].indexOf(term.value) === -1) return;
          var m = document.createElement("mark");
          m.textContent = term.label;
          parts.push([document.createTextNode((term.field === "themes" ? "Thema " : "Doelgroep ")), m]);
        });
      });
      var summary = card.querySelectorAll(":scope > p")[1];
      var sentences = summary ? summary.textContent.split(/(?<=[.!?])\s+/) : [];
      var found = null;
      for (var k = 0; k < sentences.length && !found; k++) found = marked(sentences[k], marks);
      if (found) {
        parts.push(found);
      } else {
        var words = [];
        note.units.forEach(function (unit) { if (unit.found[i]) words = words.concat(unit.words); });
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

    function showWhy(places, cards, note, items, scores) {
      var searched = note.units && note.units.length && scores;
      var marks = searched ? marker(note.units) : null;
      cards.forEach(function (card, k) {
        var old = card.querySelector(":scope > .ci-why");
        var line = searched ? whyLine(places[k], card, note, items[places[k]], marks) : null;
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
