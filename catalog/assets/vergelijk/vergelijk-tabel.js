// The comparison's table (/vergelijk/): a column per chosen intervention; first what they are,
// then the decision rows (which say "Onbekend" where the sources are silent, as on the record
// page), then their werkzame elementen, shared ones first. vergelijk.js keeps the choice (the
// address, the picker, the status) and calls CI.compareTable; erkenning.js, loaded before it,
// gives the recognition and source-age text that the helper shows too. Contributors' text only ever
// reaches the page as text (textContent).
(function (CI) {
  "use strict";

  var UNKNOWN = "Onbekend: de bronnen noemen dit niet";

  function orUnknown(value) {
    return value === null || value === undefined || value === "" || (value.join && !value.length) ? UNKNOWN : value;
  }

  function joined(list, separator) {
    return list && list.length ? list.join(separator) : UNKNOWN;
  }

  function contact(item) {
    if (!item.contact.length) return UNKNOWN;
    var links = item.contact.map(function (c) { return { text: c.text, url: c.href }; });
    if (item.contact_year) links.push({ text: "(volgens een bron uit " + item.contact_year + ")", url: null });
    return { inline: links };
  }

  // The rows: first what the interventions are, then the decision rows, which say "Onbekend"
  // where the sources are silent (as on the record page), then the rest.
  var ROWS = [
    ["wat", "Wat is het", function (i) { return orUnknown(i.summary); }],
    ["doel", "Doel", function (i) { return orUnknown(i.aim); }],
    ["soort", "Soort", function (i) { return orUnknown(i.kind); }],
    ["doelgroepen", "Doelgroepen", function (i) { return joined(i.target_groups, ", "); }],
    ["themas", "Thema's", function (i) { return joined(i.themes, ", "); }],
    ["erkenning", "Erkenning", CI.recognition],
    ["nieuwste-bron", "Nieuwste bron", CI.sourceAge],
    ["kosten", "Kosten", function (i) { return orUnknown(i.costs); }],
    ["duur", "Duur", function (i) { return orUnknown(i.duration); }],
    ["uitvoering", "Wie voert uit", function (i) { return joined(i.implementers, "; "); }],
    ["training", "Training en materiaal", function (i) { return orUnknown(i.training); }],
    ["randvoorwaarden", "Randvoorwaarden", function (i) { return orUnknown(i.preconditions); }],
    ["contact", "Contact of meer informatie", contact],
    ["ontwikkelaar", "Ontwikkelaar", function (i) { return orUnknown(i.developer); }],
    ["sinds", "Sinds", function (i) { return orUnknown(i.since); }],
    ["varianten", "Varianten", function (i) { return joined(i.variants, "; "); }],
    ["bronnen", "Bronnen", function (i) { return { list: i.sources.map(function (s) { return { text: s.text, url: s.url }; }) }; }]
  ];

  function cell(tag, text, className) {
    var c = document.createElement(tag);
    if (className) c.className = className;
    if (text !== undefined) c.textContent = text;
    return c;
  }

  function rowHeader(text) {
    var th = cell("th", text);
    th.scope = "row";
    return th;
  }

  // A link whose address is printed after it (see catalogus.css), so paper keeps it too.
  function linked(part) {
    if (!part.url) return document.createTextNode(part.text);
    var a = document.createElement("a");
    a.href = part.url;
    a.textContent = part.text;
    return a;
  }

  function valueCell(value, title) {
    var td;
    if (value === UNKNOWN) td = cell("td", UNKNOWN, "ci-unknown");
    else if (typeof value === "string") td = cell("td", value);
    else if (value.inline) {
      td = cell("td");
      value.inline.forEach(function (part, n) {
        if (n) td.appendChild(document.createTextNode(part.url === null && /^\(/.test(part.text) ? " " : ", "));
        td.appendChild(linked(part));
      });
    } else { // a list: the sources, each a link to its address
      td = cell("td");
      var ul = document.createElement("ul");
      value.list.forEach(function (part) {
        var li = document.createElement("li");
        li.appendChild(document.createTextNode(part.text));
        if (part.url) {
          li.appendChild(document.createTextNode(". "));
          li.appendChild(linked({ text: part.url, url: part.url }));
        }
        ul.appendChild(li);
      });
      td.appendChild(ul);
    }
    td.setAttribute("data-title", title); // on a phone each value is labelled with its intervention
    return td;
  }

  function listTitles(items) {
    var titles = items.map(function (item) { return item.title; });
    return titles.length > 1 ? titles.slice(0, -1).join(", ") + " en " + titles[titles.length - 1] : titles[0];
  }

  // The function that fills `table` with the given items (window.CATALOG_COMPARE's); `link`
  // makes the link to a record page.
  CI.compareTable = function (data, table, caption, link) {
    var elementTitle = Object.create(null);
    var elementRank = Object.create(null);
    data.elements.forEach(function (element, i) {
      elementTitle[element.slug] = element.title;
      elementRank[element.slug] = i;
    });

    // Element rows: shared by all first, then by how many have it, then in title order.
    function elementRows(items) {
      var count = Object.create(null);
      items.forEach(function (item) {
        item.elements.forEach(function (slug) { count[slug] = (count[slug] || 0) + 1; });
      });
      return Object.keys(count).sort(function (a, b) {
        return (count[b] - count[a]) || (elementRank[a] - elementRank[b]);
      }).map(function (slug) { return { slug: slug, shared: count[slug] === items.length }; });
    }

    return function (items) {
      caption.textContent = "Vergelijking van " + listTitles(items);
      var head = document.createElement("thead");
      var top = document.createElement("tr");
      var corner = cell("th", "Kenmerk");
      corner.scope = "col";
      top.appendChild(corner);
      items.forEach(function (item) {
        var th = cell("th");
        th.scope = "col";
        th.setAttribute("data-slug", item.slug);
        th.appendChild(link(item.slug, item.title));
        top.appendChild(th);
      });
      head.appendChild(top);

      var facts = document.createElement("tbody");
      ROWS.forEach(function (row) {
        var tr = document.createElement("tr");
        tr.setAttribute("data-row", row[0]);
        tr.appendChild(rowHeader(row[1]));
        items.forEach(function (item) { tr.appendChild(valueCell(row[2](item), item.title)); });
        facts.appendChild(tr);
      });

      var elements = document.createElement("tbody");
      elements.className = "ci-compare-elements";
      var group = document.createElement("tr");
      var groupHeader = cell("th", "Werkzame elementen");
      groupHeader.scope = "colgroup";
      groupHeader.colSpan = items.length + 1;
      group.appendChild(groupHeader);
      elements.appendChild(group);
      elementRows(items).forEach(function (row) {
        var tr = document.createElement("tr");
        tr.setAttribute("data-element", row.slug);
        if (row.shared) tr.className = "ci-shared";
        var th = rowHeader(elementTitle[row.slug]);
        if (row.shared) {
          th.appendChild(document.createTextNode(" "));
          th.appendChild(cell("span", "gedeeld", "ci-shared-mark"));
        }
        tr.appendChild(th);
        items.forEach(function (item) {
          var has = item.elements.indexOf(row.slug) !== -1;
          var td = cell("td", has ? "ja" : "nee", has ? "ci-yes" : "ci-no");
          td.setAttribute("data-slug", item.slug);
          td.setAttribute("data-title", item.title);
          tr.appendChild(td);
        });
        elements.appendChild(tr);
      });
      table.replaceChildren(caption, head, facts, elements);
    };
  };
})(window.CI = window.CI || {});
