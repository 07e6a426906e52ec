// The element matrix's filters (/matrix/): a box per theme, target group and the other facets
// of window.CATALOG, as in the catalogue (any of the chosen within a facet, every facet).
// matrix.js keeps the state, the address and the table. Labels are set as text (textContent).
(function (CI) {
  "use strict";

  function boxId(facet, option) {
    return "ci-m-" + facet.key + "-" + option.value;
  }

  function fieldset(facet) {
    var set = document.createElement("fieldset");
    set.className = "ci-facet";
    var legend = document.createElement("legend");
    legend.textContent = facet.legend;
    set.appendChild(legend);
    facet.options.forEach(function (option) {
      var row = document.createElement("div");
      row.className = "ci-option";
      var input = document.createElement("input");
      input.type = "checkbox";
      input.id = boxId(facet, option);
      input.value = option.value;
      var label = document.createElement("label");
      label.htmlFor = input.id;
      label.textContent = option.label;
      row.appendChild(input);
      row.appendChild(document.createTextNode(" "));
      row.appendChild(label);
      set.appendChild(row);
    });
    return set;
  }

  // Puts the boxes in `container`; read() gives the chosen values per facet key, write(selected)
  // ticks them.
  CI.matrixFilters = function (facets, container) {
    facets.forEach(function (facet) { container.appendChild(fieldset(facet)); });
    return {
      read: function () {
        var selected = Object.create(null);
        facets.forEach(function (f) {
          selected[f.key] = f.options.filter(function (o) {
            return document.getElementById(boxId(f, o)).checked;
          }).map(function (o) { return o.value; });
        });
        return selected;
      },
      write: function (selected) {
        facets.forEach(function (f) {
          f.options.forEach(function (o) {
            document.getElementById(boxId(f, o)).checked = selected[f.key].indexOf(o.value) !== -1;
          });
        });
      }
    };
  };

  // Whether an intervention passes the chosen filters: within a facet any chosen value will do.
  CI.matrixPasses = function (item, facets, selected) {
    return facets.every(function (f) {
      var chosen = selected[f.key];
      if (!chosen.length) return true;
      var own = item[f.field];
      return chosen.some(function (v) { return own.indexOf(v) !== -1; });
    });
  };
})(window.CI = window.CI || {});
