// Compare from the catalogue: a "Vergelijk" tick on every card and a bar "Vergelijk (n)" that
// opens the comparison (/vergelijk/#i=...) with the ticked interventions. One listener on the
// results' surroundings (event delegation) and an observer that ticks the boxes of cards put in
// later, so it works however the catalogue script inserts its cards. The ticks are kept for the
// browser tab (sessionStorage), so they survive opening a card and coming back.
(function () {
  "use strict";

  var script = document.currentScript;
  var compareHref = script && script.getAttribute("data-compare");
  var area = document.querySelector(".ci-list");
  if (!compareHref || !area) return;

  var MAX = 4;
  var KEY = "ci-vergelijk";
  var chosen = load(); // [{slug, title}], in the order ticked

  function load() {
    try {
      var saved = JSON.parse(sessionStorage.getItem(KEY) || "[]");
      return Array.isArray(saved) ? saved.filter(function (c) { return c && typeof c.slug === "string" && typeof c.title === "string"; }).slice(0, MAX) : [];
    } catch (error) { // storage refused (some browsers on file://): ticks last as long as the page
      return [];
    }
  }

  function save() {
    try {
      sessionStorage.setItem(KEY, JSON.stringify(chosen));
    } catch (error) { /* see load() */ }
  }

  function position(slug) {
    for (var i = 0; i < chosen.length; i++) if (chosen[i].slug === slug) return i;
    return -1;
  }

  // -- the bar -----------------------------------------------------------------------------------

  var bar = document.createElement("div");
  bar.className = "ci-compare-bar";
  bar.id = "ci-compare-bar";
  bar.setAttribute("role", "region");
  bar.setAttribute("aria-label", "Vergelijken");
  var text = document.createElement("p");
  text.id = "ci-compare-text";
  var open = document.createElement("button");
  open.type = "button";
  open.className = "md-button md-button--primary";
  open.id = "ci-compare-open";
  var clear = document.createElement("button");
  clear.type = "button";
  clear.id = "ci-compare-clear";
  clear.textContent = "Wis keuze";
  var message = document.createElement("p");
  message.id = "ci-compare-message";
  message.setAttribute("aria-live", "polite"); // not role=status: the catalogue has its own status line
  bar.appendChild(text);
  bar.appendChild(open);
  bar.appendChild(clear);
  bar.appendChild(message);
  area.appendChild(bar);

  function showBar() {
    var n = chosen.length;
    open.textContent = "Vergelijk (" + n + ")";
    open.hidden = clear.hidden = n === 0;
    bar.classList.toggle("ci-active", n > 0);
    text.textContent = n === 0
      ? "Vink bij 2 tot " + MAX + " interventies \u201cVergelijk\u201d aan om ze naast elkaar te zetten."
      : "Gekozen: " + chosen.map(function (c) { return c.title; }).join(", ") + "." + (n === 1 ? " Kies er nog minstens één." : "");
  }

  function sync(root) {
    root.querySelectorAll(".ci-card-compare input").forEach(function (box) {
      box.checked = position(box.value) !== -1;
    });
  }

  // -- ticking -----------------------------------------------------------------------------------

  area.addEventListener("change", function (event) {
    var box = event.target.closest(".ci-card-compare input");
    if (!box) return;
    var slug = box.value;
    message.textContent = "";
    if (box.checked) {
      if (chosen.length >= MAX) {
        box.checked = false;
        message.textContent = "U kunt hoogstens " + MAX + " interventies vergelijken. Haal eerst een vinkje weg.";
        return;
      }
      var card = box.closest(".ci-result");
      var heading = card && card.querySelector("h2");
      if (position(slug) === -1) chosen.push({ slug: slug, title: heading ? heading.textContent.trim() : slug });
    } else {
      chosen = chosen.filter(function (c) { return c.slug !== slug; });
    }
    save();
    showBar();
  });

  open.addEventListener("click", function () {
    location.href = compareHref + "#" + chosen.map(function (c) { return "i=" + encodeURIComponent(c.slug); }).join("&");
  });

  clear.addEventListener("click", function () {
    chosen = [];
    save();
    sync(area);
    showBar();
    message.textContent = "De keuze is gewist.";
  });

  // Cards the catalogue puts in later (filters, "Toon meer") get their ticks.
  new MutationObserver(function (mutations) {
    mutations.forEach(function (mutation) {
      mutation.addedNodes.forEach(function (node) {
        if (node.nodeType === 1) sync(node);
      });
    });
  }).observe(area, { childList: true, subtree: true });

  document.documentElement.classList.add("ci-compare-on");
  sync(area);
  showBar();
})();
