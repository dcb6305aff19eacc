// Filters the national list of secretariats by name and province, on this page only. Until the
// reader types a name or picks a province, the list shows the provincial secretariats (the whole
// list is 552 rows, over a hundred screens on a phone) and a button shows every row.
// Without JavaScript the whole list stays visible; nothing is loaded from elsewhere.
(function () {
  "use strict";

  function normalise(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim();
  }

  function setUp(box) {
    var table = document.getElementById(box.getAttribute("data-saring-untuk"));
    if (!table) return;
    var input = box.querySelector("[data-saring-teks]");
    var select = box.querySelector("[data-saring-provinsi]");
    var result = box.querySelector("[data-saring-hasil]");
    var everything = box.querySelector("[data-saring-semua]");
    var showAll = false;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    // A row matches by its code, name and province, and by the province's everyday names
    // ("Jabar"), as in the site's search; not by its level, whose "Kabupaten/Kota" made "kab
    // bogor" find Kota Bogor.
    var texts = rows.map(function (row) {
      var cells = Array.prototype.filter.call(row.cells, function (cell) {
        return !cell.hasAttribute("data-saring-lewati");
      });
      var words = cells.map(function (cell) { return cell.textContent; });
      return normalise(words.join(" ") + " " + (row.getAttribute("data-nama-lain") || ""));
    });

    function apply() {
      var words = normalise(input.value).split(/\s+/).filter(Boolean);
      var province = select.value;
      var provincesOnly = !showAll && !words.length && !province;
      var shown = 0;
      rows.forEach(function (row, i) {
        var match = (!province || row.getAttribute("data-provinsi") === province) &&
          (!provincesOnly || row.hasAttribute("data-tingkat-provinsi")) &&
          words.every(function (word) { return texts[i].indexOf(word) !== -1; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      result.textContent = provincesOnly
        ? shown + " sekretariat provinsi ditampilkan. Ketik nama daerah atau pilih provinsi " +
          "untuk melihat sekretariat kabupaten/kota."
        : shown + " dari " + rows.length + " sekretariat ditampilkan.";
      everything.hidden = !provincesOnly;
    }

    input.addEventListener("input", apply);
    select.addEventListener("change", apply);
    everything.addEventListener("click", function () {
      showAll = true;
      apply();
      // The button is gone: focus goes to the count above the list, not to the text box, whose
      // keyboard would cover the list on a phone.
      result.setAttribute("tabindex", "-1");
      result.focus();
    });
    box.hidden = false;
    apply();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-saring-untuk]"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
