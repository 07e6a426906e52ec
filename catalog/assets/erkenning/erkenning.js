// One recognition display everywhere (the record page, cards, the comparison, the helper): level,
// who and when, and the mark once it is due; and the age of the newest source, with its mark.
// The build gives the days the marks start; the reader's browser compares them with today, so a
// built page stays the same every day. Loaded before vergelijk-tabel.js and afwegen.js.
(function (CI) {
  "use strict";

  var today = new Date().toISOString().slice(0, 10);

  CI.recognition = function (item) {
    var r = item.recognition;
    var text = r.level + (r.detail ? ", " + r.detail : "");
    if (r.flag_from && r.flag_from < today) text += " (" + r.flag + ")";
    return text;
  };

  CI.sourceAge = function (item) {
    if (!item.newest_source) return "onbekend (geen bron noemt een datum)";
    var old = item.old_sources_from && item.old_sources_from < today;
    return item.newest_source + (old ? " (bronnen meer dan 5 jaar oud)" : "");
  };
})(window.CI = window.CI || {});
