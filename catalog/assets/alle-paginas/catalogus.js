// Marks an assessment as expired, or a record's sources as more than 5 years old, in the reader's
// browser, so the built HTML stays the same every day. Cards the catalogue adds later are marked
// as they arrive.
(function () {
  var today = new Date().toISOString().slice(0, 10);
  function mark(root) {
    root.querySelectorAll(".ci-expired[data-valid-until]").forEach(function (el) {
      if (el.getAttribute("data-valid-until") < today) el.hidden = false;
    });
  }
  mark(document);
  var results = document.querySelectorAll(".ci-results");
  if (!results.length || !window.MutationObserver) return;
  var observer = new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      change.addedNodes.forEach(function (node) { if (node.querySelectorAll) mark(node); });
    });
  });
  results.forEach(function (list) { observer.observe(list, { childList: true }); });
})();

// Heading links (¶), with the markup and title Markdown's toc extension would write. Added here
// because at build time they cost mkdocs about 4% of its work per page (the search plugin parses
// every one); Material styles .headerlink and hides it in print.
(function () {
  document.querySelectorAll(".md-content__inner :is(h1, h2, h3, h4, h5, h6)[id]").forEach(function (heading) {
    var link = document.createElement("a");
    link.className = "headerlink";
    link.href = "#" + heading.id;
    link.title = "Vaste link naar dit kopje";
    link.textContent = "\u00b6";
    heading.appendChild(link);
  });
})();

// The search field in the header of every page. The catalogue's own search (Dutch stemming) is
// the one search of the site: the field opens the catalogue page with the words typed (#q=...),
// which the catalogue reads from its address. Material's search plugin is off (mkdocs.yml): it
// downloaded its whole index on every page. On a phone the field folds into a button.
(function () {
  var header = document.querySelector(".md-header__inner");
  if (!header) return;
  var onCatalogue = !!document.getElementById("ci-q");
  // The navigation's link to the catalogue: "catalogus/" online, "catalogus/index.html" offline.
  var link = Array.prototype.find.call(
    document.querySelectorAll("a.md-tabs__link[href], .md-nav--primary a.md-nav__link[href]"),
    function (a) { return /(^|\/)catalogus\/(index\.html)?$/.test(a.getAttribute("href")); }
  );
  if (!link && !onCatalogue) return;
  var icon = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
    '<path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 ' +
    '6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>';
  var form = document.createElement("form");
  form.className = "ci-header-search";
  form.setAttribute("role", "search");
  form.innerHTML =
    '<button type="button" class="ci-header-search__open" aria-expanded="false" aria-controls="ci-header-search-field">' +
    icon + '<span class="ci-header-search__hidden">Zoek een interventie</span></button>' +
    '<div class="ci-header-search__field" id="ci-header-search-field">' +
    '<label class="ci-header-search__hidden" for="ci-header-q">Zoek een interventie</label>' +
    '<input type="search" id="ci-header-q" name="q" placeholder="Zoek een interventie" autocomplete="off" spellcheck="false" enterkeyhint="search">' +
    '<button type="submit" class="ci-header-search__go">' + icon + '<span class="ci-header-search__hidden">Zoeken</span></button>' +
    "</div>";
  var source = header.querySelector(".md-header__source");
  header.insertBefore(form, source);
  var field = form.querySelector("input");
  var toggle = form.querySelector(".ci-header-search__open");

  function setOpen(open) {
    form.classList.toggle("ci-open", open);
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  }
  toggle.addEventListener("click", function () {
    setOpen(true);
    field.focus();
  });
  form.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && form.classList.contains("ci-open")) {
      setOpen(false);
      toggle.focus();
    }
  });
  document.addEventListener("click", function (event) {
    if (form.classList.contains("ci-open") && !form.contains(event.target)) setOpen(false);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = field.value.trim();
    if (!query) {
      field.focus();
      return;
    }
    var hash = "#q=" + encodeURIComponent(query);
    if (onCatalogue) {
      setOpen(false);
      location.hash = hash;
    } else {
      location.href = link.href.split("#")[0] + hash;
    }
  });
})();
