// The page of a bulk download: while it is being made, fetch the page again every few seconds and replace the
// status (a live region), so the progress shows without reloading the page or moving the focus.
(function () {
  "use strict";
  var status = document.getElementById("bulk-job");
  if (!status) return;
  function refresh() {
    fetch(window.location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("bulk-job");
        if (!fresh) return;
        status.innerHTML = fresh.innerHTML;
        status.setAttribute("data-status", fresh.getAttribute("data-status"));
        status.setAttribute("data-active", fresh.getAttribute("data-active"));
        if (fresh.getAttribute("data-active") === "true") window.setTimeout(refresh, 2000);
      })
      .catch(function () { window.setTimeout(refresh, 10000); });
  }
  if (status.getAttribute("data-active") === "true") window.setTimeout(refresh, 2000);
})();
