// Details on demand in a table (the gebied overview): in a <tbody data-uitklap>, a row's link loads its
// details with htmx as the next row (hx-swap="afterend"). Clicking the link again, or the row's close
// button ([data-sluit-rij]), folds them away; the link says whether its details are open.
(function () {
  "use strict";

  function detailsNa(rij) {
    var volgende = rij.nextElementSibling;
    return volgende && volgende.classList.contains("uitklap-rij") ? volgende : null;
  }

  document.addEventListener("htmx:confirm", function (e) {
    var link = e.target;
    if (!link.closest || !link.closest("tbody[data-uitklap]")) return;
    var open = detailsNa(link.closest("tr"));
    if (open) {
      e.preventDefault(); // already open: fold it instead of loading it a second time
      open.remove();
      link.setAttribute("aria-expanded", "false");
    }
  });

  document.addEventListener("htmx:afterSwap", function (e) {
    var link = e.detail.requestConfig && e.detail.requestConfig.elt;
    if (link && link.closest && link.closest("tbody[data-uitklap]")) link.setAttribute("aria-expanded", "true");
  });

  document.addEventListener("click", function (e) {
    var knop = e.target.closest && e.target.closest("tbody[data-uitklap] [data-sluit-rij]");
    if (!knop) return;
    var rij = knop.closest("tr");
    var link = rij.previousElementSibling && rij.previousElementSibling.querySelector("a[hx-get]");
    rij.remove();
    if (link) {
      link.setAttribute("aria-expanded", "false");
      link.focus();
    }
  });
})();
