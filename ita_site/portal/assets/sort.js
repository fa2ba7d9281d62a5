/* ita-site: sort the portal's tables by any column, in the page, with no other script. */
(function () {
  "use strict";
  var thai = typeof Intl !== "undefined" && Intl.Collator ? new Intl.Collator("th") : null;

  function key(cell) {
    var value = cell.getAttribute("data-sort");
    return value === null ? cell.textContent.trim() : value;
  }

  function order(a, b, numeric) {
    if (numeric) {
      if (a === "" || b === "") { return a === b ? 0 : (a === "" ? 1 : -1); }
      return parseFloat(a) - parseFloat(b);
    }
    return thai ? thai.compare(a, b) : (a < b ? -1 : a > b ? 1 : 0);
  }

  function sortBy(table, heads, index) {
    var head = heads[index];
    var ascending = head.getAttribute("aria-sort") !== "ascending";
    var numeric = head.hasAttribute("data-numeric");
    for (var h = 0; h < heads.length; h++) { heads[h].removeAttribute("aria-sort"); }
    head.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows).map(function (row, position) {
      return { row: row, key: key(row.cells[index]), position: position };
    });
    rows.sort(function (a, b) {
      var missing = numeric && (a.key === "" || b.key === "");
      var found = order(a.key, b.key, numeric);
      return (missing || ascending ? found : -found) || a.position - b.position;
    });
    rows.forEach(function (item) { body.appendChild(item.row); });
  }

  var tables = document.querySelectorAll("table[data-ita-sort]");
  Array.prototype.forEach.call(tables, function (table) {
    if (!table.tHead || !table.tBodies.length) { return; }
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (head, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "ita-sort";
      while (head.firstChild) { button.appendChild(head.firstChild); }
      head.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, heads, index); });
    });
  });
})();
