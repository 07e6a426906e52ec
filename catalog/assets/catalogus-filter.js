// Facets: which interventions pass the chosen options, and what ticking each option would give.
// Within a facet the options combine with "or" (for werkzame elementen optionally "and");
// between facets every facet must pass.
(function (CI) {
  "use strict";

  function passes(item, facet, chosen, mode) {
    if (!chosen.length) return true;
    var own = item[facet.field];
    if (facet.key === "element" && mode === "alle") {
      return chosen.every(function (v) { return own.indexOf(v) !== -1; });
    }
    return chosen.some(function (v) { return own.indexOf(v) !== -1; });
  }

  // Which facets an item passes, one bit per facet: each item is tested once per facet per
  // update, instead of once per facet for every facet's counts (5,000 items made that slow).
  CI.facetMasks = function (facets, pool, state) {
    var chosen = facets.map(function (f) { return state.selected[f.key]; });
    var masks = new Array(pool.length);
    for (var i = 0; i < pool.length; i++) {
      var mask = 0;
      for (var bit = 0; bit < facets.length; bit++) {
        if (passes(pool[i], facets[bit], chosen[bit], state.mode)) mask |= 1 << bit;
      }
      masks[i] = mask;
    }
    return masks;
  };

  CI.allFacets = function (facets) {
    return (1 << facets.length) - 1;
  };

  // An option's count says what ticking it gives: the items that pass every other facet and have
  // that value, plus, when other options of the same facet are ticked already (they combine with
  // "or"), the results there are now. A ticked option counts its share of the results. In "alle"
  // mode the chosen elements narrow the element counts too. Returns counts[facet key][value].
  CI.optionCounts = function (facets, pool, masks, results, state) {
    var all = CI.allFacets(facets);
    var counts = {};
    facets.forEach(function (facet, bit) {
      var own = {};
      var added = {}; // items with the value that this facet keeps out now
      var allMode = facet.key === "element" && state.mode === "alle";
      var needed = allMode ? all : all & ~(1 << bit);
      var chosen = state.selected[facet.key];
      var open = !allMode && chosen.length > 0;
      for (var i = 0; i < pool.length; i++) {
        if ((masks[i] & needed) !== needed) continue;
        var values = pool[i][facet.field];
        var outside = open && !(masks[i] & (1 << bit));
        for (var j = 0; j < values.length; j++) {
          own[values[j]] = (own[values[j]] || 0) + 1;
          if (outside) added[values[j]] = (added[values[j]] || 0) + 1;
        }
      }
      var result = counts[facet.key] = {};
      facet.options.forEach(function (option) {
        var n = own[option.value] || 0;
        if (open && chosen.indexOf(option.value) === -1) n = results + (added[option.value] || 0);
        result[option.value] = n;
      });
    });
    return counts;
  };
})(window.CI = window.CI || {});
