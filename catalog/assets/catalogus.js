// Marks an assessment as expired in the reader's browser, so the built HTML stays the same every day.
(function () {
  var today = new Date().toISOString().slice(0, 10);
  document.querySelectorAll(".ci-expired[data-valid-until]").forEach(function (el) {
    if (el.getAttribute("data-valid-until") < today) el.hidden = false;
  });
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
