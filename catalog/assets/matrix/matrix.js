// The element matrix (/matrix/): every intervention (rows) against every werkzaam element
// (columns), with totals, sorting and the catalogue's filters. Reads window.CATALOG
// (assets/catalogus-data.js, a classic script: works from file://); the filters' boxes are
// matrix-filters.js's. DOM nodes only (record text
// as textContent); a row is made once, when first shown, and only the rows shown are in the
// table, added in batches after the first screenful; fixed column widths keep layout cheap.
// A new column order makes the rows again. Stays quick at thousands of interventions.
(function (CI) {
  "use strict";

  var data = window.CATALOG;
  var root = document.getElementById("ci-matrix");
  if (!data || !root) return;

  var recordHref = root.getAttribute("data-record-href");
  var form = document.getElementById("ci-matrix-tools");
  var filters = document.getElementById("ci-matrix-filters");
  var rowSort = document.getElementById("ci-matrix-rows");
  var columnSort = document.getElementById("ci-matrix-columns");
  var status = document.getElementById("ci-matrix-status");
  var box = document.getElementById("ci-matrix-box");
  var table = document.getElementById("ci-matrix-table");
  var caption = document.getElementById("ci-matrix-caption");

  var items = data.items;
  var elementFacet = data.facets.filter(function (f) { return f.key === "element"; })[0];
  var elements = elementFacet.options; // {value: slug, label: title}, in title order
  var facets = data.facets.filter(function (f) { return f.key !== "element"; });

  // -- state: filters and sort orders, in the address like the catalogue's ----------------------

  var state = { selected: Object.create(null), rows: "titel", columns: "titel" };

  function fromHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    state.selected = CI.readFacets(params, facets);
    state.rows = params.get("rijen") === "elementen" ? "elementen" : "titel";
    state.columns = params.get("kolommen") === "totaal" ? "totaal" : "titel";
    toForm();
  }

  function toHash() {
    var params = new URLSearchParams();
    CI.appendFacets(params, state.selected, facets);
    if (state.rows !== "titel") params.append("rijen", state.rows);
    if (state.columns !== "titel") params.append("kolommen", state.columns);
    var text = params.toString();
    return text ? "#" + text : "";
  }

  function remember() {
    CI.setHash(toHash(), false);
  }

  function toForm() {
    boxes.write(state.selected);
    rowSort.value = state.rows;
    columnSort.value = state.columns;
  }

  function fromForm() {
    state.selected = boxes.read();
    state.rows = rowSort.value;
    state.columns = columnSort.value;
  }

  // -- the table ---------------------------------------------------------------------------------

  var byTitle = items; // CATALOG.items are in title order

  function passes(item) {
    return CI.matrixPasses(item, facets, state.selected);
  }

  function columnTotals(shown) {
    var totals = Object.create(null);
    shown.forEach(function (item) {
      item.elements.forEach(function (slug) { totals[slug] = (totals[slug] || 0) + 1; });
    });
    return totals;
  }

  var rowsBySlug = Object.create(null); // rows made so far for the current column order (made when first shown)
  var currentColumns = [];

  function makeRow(item) {
    var title = item.title;
    var href = recordHref.replace("SLUG", item.slug);
    var own = Object.create(null);
    item.elements.forEach(function (slug) { own[slug] = true; });
    var tr = document.createElement("tr");
    tr.setAttribute("data-slug", item.slug);
    var th = document.createElement("th");
    th.scope = "row";
    var a = el("a", title);
    a.href = href;
    th.appendChild(a);
    tr.appendChild(th);
    currentColumns.forEach(function (element) {
      var td = document.createElement("td");
      if (own[element.value]) {
        td.className = "ci-has";
        var dot = el("a", "\u25cf", "ci-dot");
        dot.href = href;
        dot.title = title + ": " + element.label;
        dot.setAttribute("aria-label", title + " heeft " + element.label);
        td.appendChild(dot);
      }
      tr.appendChild(td);
    });
    tr.appendChild(el("td", String(item.elements.length), "ci-matrix-total"));
    return tr;
  }

  function row(item) {
    return rowsBySlug[item.slug] || (rowsBySlug[item.slug] = makeRow(item));
  }
  var footCells = Object.create(null);
  var grandCell = null;

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  // The table's columns, headers and totals for one column order; update() puts in the rows.
  function build() {
    var shown = items.filter(passes);
    var totals = columnTotals(shown);
    var columns = elements.slice();
    if (state.columns === "totaal") {
      columns.sort(function (a, b) { return (totals[b.value] || 0) - (totals[a.value] || 0); }); // stable: ties by title
    }
    var head = document.createElement("thead");
    var top = document.createElement("tr");
    var corner = el("th", "Interventie", "ci-matrix-corner");
    corner.scope = "col";
    top.appendChild(corner);
    columns.forEach(function (element) {
      var th = el("th", undefined, "ci-matrix-element");
      th.scope = "col";
      th.title = element.label;
      th.setAttribute("data-element", element.value);
      th.appendChild(el("span", element.label));
      top.appendChild(th);
    });
    var total = el("th", "Totaal", "ci-matrix-total");
    total.scope = "col";
    top.appendChild(total);
    head.appendChild(top);

    var body = document.createElement("tbody");
    rowsBySlug = Object.create(null);
    currentColumns = columns;

    var foot = document.createElement("tfoot");
    var bottom = document.createElement("tr");
    var label = el("th", "Aantal interventies");
    label.scope = "row";
    bottom.appendChild(label);
    footCells = Object.create(null);
    columns.forEach(function (element) {
      var td = el("td", "", "ci-matrix-total");
      td.setAttribute("data-element", element.value);
      footCells[element.value] = td;
      bottom.appendChild(td);
    });
    grandCell = el("td", "", "ci-matrix-total");
    bottom.appendChild(grandCell);
    foot.appendChild(bottom);
    // Fixed column widths (table-layout: fixed): the browser lays out a row without looking at
    // all the others. The title column's width is a CSS variable (narrower on a phone).
    var cols = document.createElement("colgroup");
    cols.appendChild(el("col", undefined, "ci-col-title"));
    columns.forEach(function () { cols.appendChild(el("col", undefined, "ci-col-element")); });
    cols.appendChild(el("col", undefined, "ci-col-total"));
    table.style.width = "calc(var(--ci-title-col) + " + (columns.length * 2.6 + 4.5) + "em)";
    table.replaceChildren(caption, cols, head, body, foot);
    update(body);
  }

  // Only the rows shown are in the table, put in by batches: the first screenful at once, then
  // a batch after each painted frame, so the first paint does not wait for a thousand rows.
  var FIRST_ROWS = 40; // more than a tall screen shows in the box (80% of its height)
  var BATCH = 200;
  var generation = 0;

  function attach(body, list, from, budget, mine) {
    if (mine !== generation) return; // a newer update started meanwhile
    var fragment = document.createDocumentFragment();
    var end = Math.min(list.length, from + budget);
    for (var i = from; i < end; i++) fragment.appendChild(row(list[i]));
    body.appendChild(fragment);
    if (end < list.length) {
      requestAnimationFrame(function () {
        setTimeout(function () { attach(body, list, end, BATCH, mine); }, 0);
      });
    } else {
      table.setAttribute("data-complete", "");
    }
  }

  function update(body) {
    body = body || table.tBodies[0];
    var shown = byTitle.filter(passes);
    var order = shown;
    if (state.rows === "elementen") {
      order = shown.slice().sort(function (a, b) { return b.elements.length - a.elements.length; });
    }
    generation++;
    table.removeAttribute("data-complete");
    body.replaceChildren();
    attach(body, order, 0, FIRST_ROWS, generation);
    var totals = columnTotals(shown);
    var sum = 0;
    Object.keys(footCells).forEach(function (slug) {
      footCells[slug].textContent = String(totals[slug] || 0);
      sum += totals[slug] || 0;
    });
    grandCell.textContent = String(sum);
    var n = shown.length;
    var picked = facets.reduce(function (sum, f) { return sum + state.selected[f.key].length; }, 0);
    document.getElementById("ci-matrix-chosen").textContent = picked ? "(" + picked + " gekozen)" : "";
    status.textContent = (n === items.length ? "" : n + " van ") +
      (items.length === 1 ? "1 interventie" : items.length + " interventies") + ", " +
      (elements.length === 1 ? "1 werkzaam element" : elements.length + " werkzame elementen");
  }

  form.addEventListener("change", function (event) {
    var columnsBefore = state.columns;
    fromForm();
    remember();
    // With a column order by totals, a filter changes the totals and so the order.
    if (state.columns !== columnsBefore || state.columns === "totaal") build();
    else update();
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  document.getElementById("ci-matrix-reset").addEventListener("click", function () {
    facets.forEach(function (f) { state.selected[f.key] = []; });
    toForm();
    remember();
    if (state.columns === "totaal") build();
    else update();
  });

  // -- start -------------------------------------------------------------------------------------

  var boxes = CI.matrixFilters(facets, filters);
  fromHash();
  build();
  // On a wide screen the filters are open; on a phone they fold away above the table.
  if (window.matchMedia("(min-width: 60em)").matches) document.getElementById("ci-matrix-details").open = true;
  form.hidden = false;
  box.hidden = false;
  window.addEventListener("hashchange", function () {
    fromHash();
    build();
  });
  document.documentElement.setAttribute("data-matrix-ready", "");
})(window.CI = window.CI || {});
