// Zoom for a chart shown full size on its own page: buttons, and keys while the chart or its
// buttons have focus (+ / − zoom, 0 fits the chart to the screen, 1 is its natural size).
// The point in the middle of the view stays in the middle. Without JavaScript the chart stays
// at its natural size and scrolls; the buttons stay hidden.
(function () {
  "use strict";
  var STEP = 1.25;
  var SMALLEST = 0.1;
  var LARGEST = 4;

  function setUp(bar) {
    var scroller = document.getElementById(bar.getAttribute("aria-controls"));
    var svg = scroller && scroller.querySelector("svg");
    if (!svg) return;
    var width = parseFloat(svg.getAttribute("width"));
    var height = parseFloat(svg.getAttribute("height"));
    if (!(width > 0 && height > 0)) return;
    var output = bar.querySelector("output");
    var scale = 1;

    function zoom(next) {
      next = Math.min(LARGEST, Math.max(SMALLEST, next));
      var middleX = (scroller.scrollLeft + scroller.clientWidth / 2) / scale;
      var middleY = (scroller.scrollTop + scroller.clientHeight / 2) / scale;
      scale = next;
      svg.style.width = width * scale + "px";
      svg.style.height = height * scale + "px";
      scroller.scrollLeft = middleX * scale - scroller.clientWidth / 2;
      scroller.scrollTop = middleY * scale - scroller.clientHeight / 2;
      scroller.setAttribute("data-skala", String(scale));
      if (output) output.textContent = Math.round(scale * 100) + "%";
    }

    function fitting() {
      var style = window.getComputedStyle(scroller);
      var across = scroller.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      var down = scroller.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      return Math.min(across / width, down / height, 2);
    }

    var actions = {
      masuk: function () { zoom(scale * STEP); },
      keluar: function () { zoom(scale / STEP); },
      pas: function () { zoom(fitting()); },
      asli: function () { zoom(1); }
    };
    var keys = { "+": "masuk", "=": "masuk", "-": "keluar", "_": "keluar", "\u2212": "keluar", "0": "pas", "1": "asli" };

    bar.addEventListener("click", function (event) {
      var button = event.target.closest("[data-perbesaran]");
      if (button) actions[button.getAttribute("data-perbesaran")]();
    });
    function onKey(event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      var action = keys[event.key];
      if (!action) return;
      event.preventDefault();
      actions[action]();
    }
    scroller.addEventListener("keydown", onKey);
    bar.addEventListener("keydown", onKey);
    bar.hidden = false;
  }

  function setUpAll() {
    Array.prototype.forEach.call(document.querySelectorAll(".bagan-kendali[aria-controls]"), setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
