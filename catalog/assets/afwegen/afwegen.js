// The choice helper (/afwegen/): the reader's answers to the steps of Afwegen in de Wijk give a
// ranked shortlist from the catalogue, with the reasons per intervention. The order is the one the
// page states under "Zo werkt de volgorde": the problem first (1 point per chosen thema and
// doelgroep an intervention has), then 1 point per chosen werkzaam element; ties by erkenning
// (highest first, niet erkend last), then title. Interventions that share only an element are
// listed apart: they do not answer the problem. Choices and typed answers stay in the address.
// Data: window.CATALOG (facets, items) and window.CATALOG_COMPARE (titles, erkenning labels),
// classic scripts that work from file://. Text from records and readers only as textContent.
(function (CI) {
  "use strict";

  var data = window.CATALOG;
  var compare = window.CATALOG_COMPARE;
  var root = document.getElementById("ci-helper");
  if (!data || !compare || !root) return;

  var SHORTLIST = 8;
  var MAX_COMPARE = compare.max;
  var recordHref = root.getAttribute("data-record-href");
  var compareHref = root.getAttribute("data-compare-href");
  var form = document.getElementById("ci-helper-form");
  var list = document.getElementById("ci-shortlist");
  var status = document.getElementById("ci-shortlist-status");
  var compareLink = document.getElementById("ci-shortlist-compare");
  var baseline = document.getElementById("ci-baseline-answer");
  var answers = document.getElementById("ci-helper-answers");
  var apartBox = document.getElementById("ci-apart");
  var apartList = document.getElementById("ci-apart-list");
  var apartStatus = document.getElementById("ci-apart-status");
  var MAX_TEXT = 2000; // characters of a typed answer kept in the address

  // What each choice is matched against, and how a reason reads.
  var CHOICES = [
    { key: "thema", field: "themes", reason: "past bij thema " },
    { key: "doelgroep", field: "target_groups", reason: "voor doelgroep " },
    { key: "element", field: "elements", reason: "heeft werkzaam element " }
  ];
  var TEXTS = [
    ["problemen", "Problemen die de deelnemers zien"],
    ["bewoners", "Wat bewoners zelf al doen"],
    ["niets", "Als we niets extra doen"],
    ["rol", "Rol van de professional"]
  ];

  var labels = Object.create(null);
  data.facets.forEach(function (facet) {
    labels[facet.key] = Object.create(null);
    facet.options.forEach(function (o) { labels[facet.key][o.value] = o.label; });
  });
  var info = Object.create(null);
  compare.items.forEach(function (item) { info[item.slug] = item; });
  var titleRank = Object.create(null);
  compare.items.forEach(function (item, i) { titleRank[item.slug] = i; }); // already in title order
  var evidenceRank = Object.create(null);
  data.evidenceOrder.forEach(function (slug, i) { evidenceRank[slug] = slug === "niet-erkend" ? -1 : i; });

  function chosen(key) {
    return Array.prototype.map.call(form.querySelectorAll('input[name="' + key + '"]:checked'), function (box) { return box.value; });
  }

  function field(name) {
    return form.elements[name].value.trim();
  }

  // -- the ranking -------------------------------------------------------------------------------

  function rank() {
    var picks = CHOICES.map(function (c) { return chosen(c.key); });
    var problemChosen = picks[0].length + picks[1].length > 0;
    var ranked = [], apart = [];
    data.items.forEach(function (item) {
      var reasons = [], problem = 0, elements = 0;
      CHOICES.forEach(function (choice, i) {
        picks[i].forEach(function (value) {
          if (item[choice.field].indexOf(value) === -1) return;
          reasons.push(choice.reason + labels[choice.key][value]);
          if (choice.key === "element") elements++; else problem++;
        });
      });
      if (!reasons.length) return;
      var entry = { slug: item.slug, problem: problem, elements: elements, reasons: reasons, evidence: item.evidence[0] };
      (problem || !problemChosen ? ranked : apart).push(entry);
    });
    function order(a, b) {
      return (b.problem - a.problem) || (b.elements - a.elements) || (evidenceRank[b.evidence] - evidenceRank[a.evidence]) || (titleRank[a.slug] - titleRank[b.slug]);
    }
    ranked.sort(order);
    apart.sort(order);
    return { ranked: ranked, apart: apart, problemChosen: problemChosen, anything: picks.some(function (p) { return p.length > 0; }) };
  }

  function points(entry) {
    var parts = [];
    if (entry.problem) parts.push(entry.problem + " voor het probleem");
    if (entry.elements) parts.push(entry.elements + (entry.elements === 1 ? " werkzaam element" : " werkzame elementen"));
    return parts.join(" \u00b7 ");
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function entries(target, list) {
    target.replaceChildren.apply(target, list.map(function (entry) {
      var item = info[entry.slug];
      var li = el("li");
      li.setAttribute("data-slug", entry.slug);
      var heading = el("p", undefined, "ci-shortlist-title");
      var a = el("a", item.title);
      a.href = recordHref.replace("SLUG", entry.slug);
      heading.appendChild(a);
      heading.appendChild(el("span", points(entry), "ci-points"));
      li.appendChild(heading);
      var reasons = el("ul", undefined, "ci-reasons");
      entry.reasons.forEach(function (text) { reasons.appendChild(el("li", text)); });
      reasons.appendChild(el("li", "erkenning: " + CI.recognition(item), "ci-reason-evidence"));
      reasons.appendChild(el("li", "nieuwste bron: " + CI.sourceAge(item), "ci-reason-age"));
      li.appendChild(reasons);
      return li;
    }));
    target.hidden = list.length === 0;
  }

  function showShortlist(result) {
    var top = result.ranked.slice(0, SHORTLIST);
    entries(list, top);
    entries(apartList, result.apart.slice(0, SHORTLIST));
    apartBox.hidden = result.apart.length === 0;
    apartStatus.textContent = result.apart.length === 1 ? "1 interventie heeft geen gekozen thema of doelgroep, wel een gekozen werkzaam element. Ze past dus niet bij het probleem zoals u het beschreef."
      : result.apart.length + " interventies hebben geen gekozen thema of doelgroep, wel een gekozen werkzaam element. Ze passen dus niet bij het probleem zoals u het beschreef" +
        (result.apart.length > SHORTLIST ? "; hier staan de eerste " + SHORTLIST + "." : ".");
    var n = result.ranked.length;
    if (!result.anything) {
      status.textContent = "Kies in stap 1, 2 of 4 minstens één thema, doelgroep of werkzaam element. Dan maakt de hulp een korte lijst.";
    } else if (!n) {
      status.textContent = result.problemChosen
        ? "Geen interventie in de catalogus heeft een van de gekozen thema's of doelgroepen. Kies andere of meer thema's of doelgroepen."
        : "Geen interventie in de catalogus heeft een van de gekozen werkzame elementen. Kies andere of meer werkzame elementen.";
    } else {
      status.textContent = (result.problemChosen
        ? (n === 1 ? "1 interventie past" : n + " interventies passen") + " bij uw probleem: " + (n === 1 ? "ze heeft" : "ze hebben") + " minstens één gekozen thema of doelgroep"
        : (n === 1 ? "1 interventie heeft" : n + " interventies hebben") + " minstens één gekozen werkzaam element") +
        (n > SHORTLIST ? "; hier staan de eerste " + SHORTLIST + "." : ".");
    }
    var best = top.slice(0, MAX_COMPARE).map(function (entry) { return entry.slug; });
    compareLink.hidden = best.length < 2;
    compareLink.textContent = "Vergelijk de eerste " + best.length + " in een tabel";
    compareLink.href = compareHref + "#" + best.map(function (slug) { return "i=" + encodeURIComponent(slug); }).join("&");
  }

  // -- the summary for the meeting (printed) ----------------------------------------------------

  function showAnswers() {
    var rows = [];
    TEXTS.forEach(function (t) { rows.push([t[1], field(t[0]) || "niet ingevuld"]); });
    rows.splice(1, 0, ["Thema's", names("thema")], ["Om wie het gaat", names("doelgroep")]);
    rows.push(["Belangrijke werkzame elementen", names("element")]);
    var nodes = [];
    rows.forEach(function (row) {
      nodes.push(el("dt", row[0]), el("dd", row[1]));
    });
    answers.replaceChildren.apply(answers, nodes);
    baseline.textContent = field("niets") || "Nog niet ingevuld in stap 3.";
  }

  function names(key) {
    var values = chosen(key).map(function (v) { return labels[key][v]; });
    return values.length ? values.join(", ") : "niets gekozen";
  }

  // -- state: the choices in the address, so a reload or a shared link keeps them ---------------

  var choiceFacets = CHOICES.map(function (c) { // in the order of the steps, for the address
    return data.facets.filter(function (f) { return f.key === c.key; })[0];
  });

  function toHash() {
    var params = new URLSearchParams();
    var selected = Object.create(null);
    CHOICES.forEach(function (c) { selected[c.key] = chosen(c.key); });
    CI.appendFacets(params, selected, choiceFacets);
    TEXTS.forEach(function (t) {
      var text = field(t[0]).slice(0, MAX_TEXT);
      if (text) params.append(t[0], text);
    });
    var text = params.toString();
    return text ? "#" + text : "";
  }

  function fromHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    var selected = CI.readFacets(params, choiceFacets);
    CHOICES.forEach(function (c) {
      form.querySelectorAll('input[name="' + c.key + '"]').forEach(function (box) {
        box.checked = selected[c.key].indexOf(box.value) !== -1;
      });
    });
    TEXTS.forEach(function (t) {
      form.elements[t[0]].value = (params.get(t[0]) || "").slice(0, MAX_TEXT);
    });
  }

  function remember() {
    CI.setHash(toHash(), false);
  }

  function update() {
    showShortlist(rank());
    showAnswers();
  }

  form.addEventListener("change", function (event) {
    if (event.target.type === "checkbox") remember();
    update();
  });
  var typing = null;
  form.addEventListener("input", function (event) {
    if (event.target.tagName !== "TEXTAREA") return;
    showAnswers();
    clearTimeout(typing);
    typing = setTimeout(remember, 300); // not a history step per key
  });
  window.addEventListener("pagehide", remember);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  window.addEventListener("hashchange", function () {
    if (location.hash.indexOf("=") === -1) return; // a plain #anchor (a source, a step)
    fromHash();
    update();
  });
  if (location.hash.indexOf("=") !== -1) fromHash();
  update();
  document.documentElement.setAttribute("data-helper-ready", "");
})(window.CI = window.CI || {});
