// The lägesbild's sections open on demand: a link to a section (the contents, #hotspots in the address) opens
// it, two buttons open or close them all, and printing opens them all. Without the script every section still
// opens by its summary.
(function () {
  "use strict";
  var sections = document.querySelectorAll("section.section > details");

  function openTarget() {
    var target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    var details = target && target.closest("section.section") && target.closest("section.section").querySelector("details");
    if (details && !details.open) {
      details.open = true;
      target.scrollIntoView();
    }
  }

  document.querySelectorAll("[data-sections]").forEach(function (button) {
    button.addEventListener("click", function () {
      var open = button.dataset.sections === "open";
      sections.forEach(function (details) { details.open = open; });
    });
    button.parentElement.hidden = false;
  });
  // A printed page shows every section, as the PDF does.
  window.addEventListener("beforeprint", function () {
    sections.forEach(function (details) { details.open = true; });
  });
  window.addEventListener("hashchange", openTarget);
  openTarget();
})();
