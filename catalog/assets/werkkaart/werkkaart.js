// The werkkaart: an intervention page or the comparison printed for a meeting. The
// "Afdrukken" button prints (it stays hidden without JavaScript); the printed address is the
// site's (mkdocs.yml site_url, written at build time) or else the one in the browser's address
// bar. The comparison keeps its #i=... part: that is the choice.
(function () {
  "use strict";

  function address() {
    document.querySelectorAll(".ci-address").forEach(function (span) {
      var known = span.getAttribute("data-address");
      var hash = span.hasAttribute("data-keep-hash") ? location.hash : "";
      var text = known ? known + hash : location.href.split("#")[0] + hash;
      if (span.textContent !== text) span.textContent = text;
    });
  }

  document.querySelectorAll(".ci-print-button").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      address();
      window.print();
    });
  });
  address();
  window.addEventListener("ci-address", address);
  window.addEventListener("hashchange", address);
  window.addEventListener("popstate", address);
  window.addEventListener("beforeprint", address);
})();
