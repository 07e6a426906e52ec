// Facets: which interventions pass the chosen options, and what ticking each option would give.
// Within a facet the options combine with "or" (for werkzame elementen optionally "and");
// between facets every facet must pass.
//
// Interventions are numbers here (their place in CATALOG.items) and options are numbers within
// their facet: an update on a phone goes through every intervention several times, and string
// keys made that the slowest part of it at 5,000 interventions.
(function (CI) {
  "use strict";

  // Per facet, the options of every item as numbers: item p has values[start[p] .. start[p + 1]).
  CI.codeFacets = function (facets, items) {
    facets.forEach(function (facet) {
      var number = Object.create(null);
      facet.options.forEach(function (option, k) { number[option.value] = k; });
      var start = new Int32Array(items.length + 1);
      var values = [];
      items.forEach(function (item, p) {
        item[facet.field].forEach(function (value) {
          if (value in number) values.push(number[value]);
        });
        start[p + 1] = values.length;
      });
      facet.start = start;
      // One byte per value while a facet has at most 256 options (werkzame elementen can have more).
      facet.values = facet.options.length <= 256 ? Uint8Array.from(values) : Int32Array.from(values);
    });
  };

  function chosenOptions(facet, state) {
    var flags = new Uint8Array(facet.options.length);
    var chosen = state.selected[facet.key];
    facet.options.forEach(function (option, k) {
      if (chosen.indexOf(option.value) !== -1) flags[k] = 1;
    });
    return { flags: flags, count: chosen.length, all: facet.key === "element" && state.mode === "alle" };
  }

  // Which facets each item of the pool passes, one bit per facet.
  CI.facetMasks = function (facets, pool, state) {
    var masks = new Int32Array(pool.length);
    facets.forEach(function (facet, bit) {
      var chosen = chosenOptions(facet, state);
      var start = facet.start, values = facet.values, flags = chosen.flags, flag = 1 << bit;
      for (var i = 0; i < pool.length; i++) {
        var p = pool[i], hits = 0;
        if (chosen.count) {
          for (var j = start[p]; j < start[p + 1]; j++) hits += flags[values[j]];
        }
        if (!chosen.count || (chosen.all ? hits === chosen.count : hits > 0)) masks[i] |= flag;
      }
    });
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
    var counts = Object.create(null);
    facets.forEach(function (facet, bit) {
      var own = new Int32Array(facet.options.length);
      var added = new Int32Array(facet.options.length); // items with the value that this facet keeps out now
      var chosen = chosenOptions(facet, state);
      var needed = chosen.all ? all : all & ~(1 << bit);
      var open = !chosen.all && chosen.count > 0;
      var start = facet.start, values = facet.values;
      for (var i = 0; i < pool.length; i++) {
        if ((masks[i] & needed) !== needed) continue;
        var p = pool[i];
        var outside = open && !(masks[i] & (1 << bit));
        for (var j = start[p]; j < start[p + 1]; j++) {
          own[values[j]]++;
          if (outside) added[values[j]]++;
        }
      }
      var result = counts[facet.key] = Object.create(null);
      facet.options.forEach(function (option, k) {
        result[option.value] = open && !chosen.flags[k] ? results + added[k] : own[k];
      });
    });
    return counts;
  };

  // The first `limit` of the results as a stable sort by key (high first) would put them: the
  // page shows only those, and sorting thousands of results at every keystroke took long.
  CI.firstByKey = function (results, key, limit) {
    var top = [];
    for (var k = 0; k < results.length; k++) {
      var r = results[k], v = key[r];
      if (top.length === limit && key[top[limit - 1]] >= v) continue;
      var low = 0, high = top.length; // after the results with the same key or higher
      while (low < high) {
        var mid = (low + high) >> 1;
        if (key[top[mid]] >= v) low = mid + 1;
        else high = mid;
      }
      top.splice(low, 0, r);
      if (top.length > limit) top.pop();
    }
    return top;
  };
})(window.CI = window.CI || {});
