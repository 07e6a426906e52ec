// The catalogue's cards (catalogus-kaarten-N.js, catalog/outputs/pages/cards.py: cardsPerFile
// cards per file, in the order of CATALOG.items). The files of the results shown load first;
// the others once the words typed have their results, so full-text results do not wait for
// every card of the catalogue.
(function (CI) {
  "use strict";

  // load(name, done): the page's loader; arrived(): the files the results asked for are here
  // (once for all of them: each update costs time on a phone); allHere(): every file is.
  CI.createCards = function (cardFiles, cardsPerFile, load, arrived, allHere) {
    var requested = new Uint8Array(cardFiles);
    var waiting = cardFiles;
    var asked = 0; // files asked for by card(), on their way
    var copies = []; // record number -> card element, made once
    var rest = false;

    function request(k, shown) {
      if (requested[k]) return;
      requested[k] = 1;
      if (shown) asked++;
      load("catalogus-kaarten-" + k + ".js", function () {
        if (shown) asked--;
        if (asked === 0) arrived(); // also a file loadRest asked for first, that a result needs now
        if (--waiting === 0) allHere();
      });
    }

    if (!waiting) allHere();
    return {
      // A card already in the page, by its record's number.
      keep: function (i, element) { copies[i] = element; },
      // Record i's card, or null while its file loads (asked for here; arrived() when it is in).
      card: function (i) {
        if (!copies[i]) {
          var k = Math.floor(i / cardsPerFile);
          var file = (window.CATALOG_CARDS || {})[k];
          if (!file) {
            request(k, true);
            return null;
          }
          var template = document.createElement("template");
          template.innerHTML = file[i % cardsPerFile]; // made by the build, escaped there
          copies[i] = template.content.firstElementChild;
        }
        return copies[i];
      },
      // Every other card file, once (filters and "Toon meer" can show any card), after the
      // results shown now are painted: adding the scripts takes a while on a phone.
      loadRest: function () {
        if (rest) return;
        rest = true;
        requestAnimationFrame(function () {
          setTimeout(function () {
            for (var k = 0; k < cardFiles; k++) request(k, false);
          }, 0);
        });
      }
    };
  };
})(window.CI = window.CI || {});
