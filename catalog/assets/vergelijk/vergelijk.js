// The comparison (/vergelijk/): 2 to 4 interventions side by side. The choice lives in the
// address (#i=kan-wel&i=vitale-wijken), so it survives a reload and can be shared.
// Data: window.CATALOG_COMPARE from assets/vergelijk-data.js (a classic script: works from
// file://). The table itself is vergelijk-tabel.js's (CI.compareTable), loaded before this.
// Contributors' text only ever reaches the page as text (textContent).
(function (CI) {
  "use strict";

  var data = window.CATALOG_COMPARE;
  var root = document.getElementById("ci-compare");
  if (!data || !root) return;

  var MAX = data.max;
  var recordHref = root.getAttribute("data-record-href");
  var bySlug = Object.create(null);
  data.items.forEach(function (item) { bySlug[item.slug] = item; });

  var pick = document.getElementById("ci-compare-pick");
  var select = document.getElementById("ci-compare-select");
  var addButton = document.getElementById("ci-compare-add");
  var chosenList = document.getElementById("ci-compare-chosen");
  var status = document.getElementById("ci-compare-status");
  var result = document.getElementById("ci-compare-result");
  var table = document.getElementById("ci-compare-table");
  var caption = document.getElementById("ci-compare-caption");
  var showTable = CI.compareTable(data, table, caption, link);

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

  // -- everything from the address ---------------------------------------------------------------

  function show() {
    var state = fromHash();
    fillSelect(state.chosen);
    showChosen(state.chosen);
    status.textContent = statusText(state);
    if (state.chosen.length >= 2) {
      showTable(state.chosen.map(function (slug) { return bySlug[slug]; }));
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
})(window.CI = window.CI || {});
