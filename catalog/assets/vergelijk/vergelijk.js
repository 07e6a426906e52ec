// The comparison (/vergelijk/): 2 to 4 interventions side by side. The choice lives in the
// address (#i=kan-wel&i=vitale-wijken), so it survives a reload and can be shared.
// Data: window.CATALOG_COMPARE from assets/vergelijk-data.js (a classic script: works from
// file://). Contributors' text only ever reaches the page as text (textContent).
(function () {
  "use strict";

  var data = window.CATALOG_COMPARE;
  var root = document.getElementById("ci-compare");
  if (!data || !root) return;

  var MAX = data.max;
  var recordHref = root.getAttribute("data-record-href");
  var bySlug = Object.create(null);
  data.items.forEach(function (item) { bySlug[item.slug] = item; });
  var elementTitle = Object.create(null);
  var elementRank = Object.create(null);
  data.elements.forEach(function (element, i) {
    elementTitle[element.slug] = element.title;
    elementRank[element.slug] = i;
  });

  var pick = document.getElementById("ci-compare-pick");
  var select = document.getElementById("ci-compare-select");
  var addButton = document.getElementById("ci-compare-add");
  var chosenList = document.getElementById("ci-compare-chosen");
  var status = document.getElementById("ci-compare-status");
  var result = document.getElementById("ci-compare-result");
  var table = document.getElementById("ci-compare-table");
  var caption = document.getElementById("ci-compare-caption");

  var UNKNOWN = "Onbekend: de bronnen noemen dit niet";
  var today = new Date().toISOString().slice(0, 10);

  // -- the choice <-> the address ---------------------------------------------------------------

  function fromHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    var chosen = [];
    var missing = [];
    params.getAll("i").forEach(function (slug) {
      // An old address of a renamed record; own properties only: the address is the reader's
      // text, and "constructor" or "__proto__" must not reach Object.prototype.
      var own = bySlug[slug] ? slug : Object.prototype.hasOwnProperty.call(data.aliases, slug) ? data.aliases[slug] : null;
      if (!own) missing.push(slug);
      else if (chosen.indexOf(own) === -1) chosen.push(own);
    });
    return { chosen: chosen.slice(0, MAX), dropped: Math.max(0, chosen.length - MAX), missing: missing };
  }

  function toHash(chosen) {
    return chosen.length ? "#" + chosen.map(function (slug) { return "i=" + encodeURIComponent(slug); }).join("&") : "";
  }

  function write(chosen) {
    var hash = toHash(chosen);
    var url = location.pathname + location.search + hash;
    try {
      history.pushState(null, "", url);
    } catch (error) { // some browsers refuse the History API on file://
      location.hash = hash;
    }
    show();
  }

  // -- the picker --------------------------------------------------------------------------------

  function option(value, text) {
    var o = document.createElement("option");
    o.value = value;
    o.textContent = text;
    return o;
  }

  function fillSelect(chosen) {
    var options = [option("", chosen.length >= MAX ? "Al " + MAX + " gekozen: haal er eerst een weg" : "Kies een interventie")];
    if (chosen.length < MAX) {
      data.items.forEach(function (item) {
        if (chosen.indexOf(item.slug) === -1) options.push(option(item.slug, item.title));
      });
    }
    select.replaceChildren.apply(select, options);
    select.disabled = addButton.disabled = chosen.length >= MAX;
  }

  function link(slug, text) {
    var a = document.createElement("a");
    a.href = recordHref.replace("SLUG", slug);
    a.textContent = text;
    return a;
  }

  function showChosen(chosen) {
    chosenList.replaceChildren.apply(chosenList, chosen.map(function (slug) {
      var li = document.createElement("li");
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "ci-compare-remove";
      remove.textContent = "Haal weg";
      remove.setAttribute("aria-label", "Haal " + bySlug[slug].title + " weg");
      remove.setAttribute("data-slug", slug);
      li.appendChild(link(slug, bySlug[slug].title));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(remove);
      return li;
    }));
    chosenList.hidden = chosen.length === 0;
  }

  function statusText(state) {
    var n = state.chosen.length;
    var parts = [];
    if (n === 0) parts.push("Nog geen interventies gekozen. Kies er 2 tot " + MAX + ".");
    else if (n === 1) parts.push("1 interventie gekozen. Kies er nog minstens één.");
    else parts.push(n + " interventies gekozen" + (n === MAX ? ", het hoogste aantal." : "."));
    if (state.dropped) {
      parts.push("U kunt hoogstens " + MAX + " interventies vergelijken. De eerste " + MAX + " uit het adres staan in de tabel.");
    }
    if (state.missing.length) {
      parts.push("Niet gevonden in de catalogus: " + state.missing.join(", ") + ".");
    }
    return parts.join(" ");
  }

  // -- the table ---------------------------------------------------------------------------------

  function orUnknown(value) {
    return value === null || value === undefined || value === "" || (value.join && !value.length) ? UNKNOWN : value;
  }

  function joined(list, separator) {
    return list && list.length ? list.join(separator) : UNKNOWN;
  }

  // One recognition display everywhere (the record page, cards, the helper): level, who and
  // when, and the mark once it is due (the build gives the day, the reader's browser today).
  function recognition(item) {
    var r = item.recognition;
    var text = r.level + (r.detail ? ", " + r.detail : "");
    if (r.flag_from && r.flag_from < today) text += " (" + r.flag + ")";
    return text;
  }

  function sourceAge(item) {
    if (!item.newest_source) return "onbekend (geen bron noemt een datum)";
    var old = item.old_sources_from && item.old_sources_from < today;
    return item.newest_source + (old ? " (bronnen meer dan 5 jaar oud)" : "");
  }

  function contact(item) {
    if (!item.contact.length) return UNKNOWN;
    var links = item.contact.map(function (c) { return { text: c.text, url: c.href }; });
    if (item.contact_year) links.push({ text: "(volgens een bron uit " + item.contact_year + ")", url: null });
    return { inline: links };
  }

  // The rows: first what the interventions are, then the decision rows, which say "Onbekend"
  // where the sources are silent (as on the record page), then the rest.
  var ROWS = [
    ["wat", "Wat is het", function (i) { return orUnknown(i.summary); }],
    ["doel", "Doel", function (i) { return orUnknown(i.aim); }],
    ["soort", "Soort", function (i) { return orUnknown(i.kind); }],
    ["doelgroepen", "Doelgroepen", function (i) { return joined(i.target_groups, ", "); }],
    ["themas", "Thema's", function (i) { return joined(i.themes, ", "); }],
    ["erkenning", "Erkenning", recognition],
    ["nieuwste-bron", "Nieuwste bron", sourceAge],
    ["kosten", "Kosten", function (i) { return orUnknown(i.costs); }],
    ["duur", "Duur", function (i) { return orUnknown(i.duration); }],
    ["uitvoering", "Wie voert uit", function (i) { return joined(i.implementers, "; "); }],
    ["training", "Training en materiaal", function (i) { return orUnknown(i.training); }],
    ["randvoorwaarden", "Randvoorwaarden", function (i) { return orUnknown(i.preconditions); }],
    ["contact", "Contact of meer informatie", contact],
    ["ontwikkelaar", "Ontwikkelaar", function (i) { return orUnknown(i.developer); }],
    ["sinds", "Sinds", function (i) { return orUnknown(i.since); }],
    ["varianten", "Varianten", function (i) { return joined(i.variants, "; "); }],
    ["bronnen", "Bronnen", function (i) { return { list: i.sources.map(function (s) { return { text: s.text, url: s.url }; }) }; }]
  ];

  function cell(tag, text, className) {
    var c = document.createElement(tag);
    if (className) c.className = className;
    if (text !== undefined) c.textContent = text;
    return c;
  }

  function rowHeader(text) {
    var th = cell("th", text);
    th.scope = "row";
    return th;
  }

  // A link whose address is printed after it (see catalogus.css), so paper keeps it too.
  function linked(part) {
    if (!part.url) return document.createTextNode(part.text);
    var a = document.createElement("a");
    a.href = part.url;
    a.textContent = part.text;
    return a;
  }

  function valueCell(value, title) {
    var td;
    if (value === UNKNOWN) td = cell("td", UNKNOWN, "ci-unknown");
    else if (typeof value === "string") td = cell("td", value);
    else if (value.inline) {
      td = cell("td");
      value.inline.forEach(function (part, n) {
        if (n) td.appendChild(document.createTextNode(part.url === null && /^\(/.test(part.text) ? " " : ", "));
        td.appendChild(linked(part));
      });
    } else { // a list: the sources, each a link to its address
      td = cell("td");
      var ul = document.createElement("ul");
      value.list.forEach(function (part) {
        var li = document.createElement("li");
        li.appendChild(document.createTextNode(part.text));
        if (part.url) {
          li.appendChild(document.createTextNode(". "));
          li.appendChild(linked({ text: part.url, url: part.url }));
        }
        ul.appendChild(li);
      });
      td.appendChild(ul);
    }
    td.setAttribute("data-title", title); // on a phone each value is labelled with its intervention
    return td;
  }

  // Element rows: shared by all first, then by how many have it, then in title order.
  function elementRows(items) {
    var count = Object.create(null);
    items.forEach(function (item) {
      item.elements.forEach(function (slug) { count[slug] = (count[slug] || 0) + 1; });
    });
    return Object.keys(count).sort(function (a, b) {
      return (count[b] - count[a]) || (elementRank[a] - elementRank[b]);
    }).map(function (slug) { return { slug: slug, shared: count[slug] === items.length }; });
  }

  function listTitles(items) {
    var titles = items.map(function (item) { return item.title; });
    return titles.length > 1 ? titles.slice(0, -1).join(", ") + " en " + titles[titles.length - 1] : titles[0];
  }

  function showTable(chosen) {
    var items = chosen.map(function (slug) { return bySlug[slug]; });
    caption.textContent = "Vergelijking van " + listTitles(items);
    var head = document.createElement("thead");
    var top = document.createElement("tr");
    var corner = cell("th", "Kenmerk");
    corner.scope = "col";
    top.appendChild(corner);
    items.forEach(function (item) {
      var th = cell("th");
      th.scope = "col";
      th.setAttribute("data-slug", item.slug);
      th.appendChild(link(item.slug, item.title));
      top.appendChild(th);
    });
    head.appendChild(top);

    var facts = document.createElement("tbody");
    ROWS.forEach(function (row) {
      var tr = document.createElement("tr");
      tr.setAttribute("data-row", row[0]);
      tr.appendChild(rowHeader(row[1]));
      items.forEach(function (item) { tr.appendChild(valueCell(row[2](item), item.title)); });
      facts.appendChild(tr);
    });

    var elements = document.createElement("tbody");
    elements.className = "ci-compare-elements";
    var group = document.createElement("tr");
    var groupHeader = cell("th", "Werkzame elementen");
    groupHeader.scope = "colgroup";
    groupHeader.colSpan = items.length + 1;
    group.appendChild(groupHeader);
    elements.appendChild(group);
    elementRows(items).forEach(function (row) {
      var tr = document.createElement("tr");
      tr.setAttribute("data-element", row.slug);
      if (row.shared) tr.className = "ci-shared";
      var th = rowHeader(elementTitle[row.slug]);
      if (row.shared) {
        th.appendChild(document.createTextNode(" "));
        th.appendChild(cell("span", "gedeeld", "ci-shared-mark"));
      }
      tr.appendChild(th);
      items.forEach(function (item) {
        var has = item.elements.indexOf(row.slug) !== -1;
        var td = cell("td", has ? "ja" : "nee", has ? "ci-yes" : "ci-no");
        td.setAttribute("data-slug", item.slug);
        td.setAttribute("data-title", item.title);
        tr.appendChild(td);
      });
      elements.appendChild(tr);
    });
    table.replaceChildren(caption, head, facts, elements);
  }

  // -- everything from the address ---------------------------------------------------------------

  function show() {
    var state = fromHash();
    fillSelect(state.chosen);
    showChosen(state.chosen);
    status.textContent = statusText(state);
    if (state.chosen.length >= 2) {
      showTable(state.chosen);
      result.hidden = false;
    } else {
      result.hidden = true;
      table.replaceChildren(caption);
    }
    window.dispatchEvent(new Event("ci-address")); // the werkkaart's printed address (werkkaart.js)
  }

  addButton.addEventListener("click", function () {
    var slug = select.value;
    if (!slug) {
      status.textContent = "Kies eerst een interventie in de lijst.";
      select.focus();
      return;
    }
    var chosen = fromHash().chosen;
    if (chosen.indexOf(slug) === -1 && chosen.length < MAX) chosen.push(slug);
    write(chosen);
    select.focus();
  });

  chosenList.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-slug]");
    if (!button) return;
    var slug = button.getAttribute("data-slug");
    write(fromHash().chosen.filter(function (s) { return s !== slug; }));
    select.focus();
  });

  window.addEventListener("hashchange", show);
  window.addEventListener("popstate", show);
  pick.hidden = false;
  show();
  document.documentElement.setAttribute("data-compare-ready", "");
})();
