// Small progressive enhancements. Every page works without JavaScript.
(function () {
  "use strict";
  // Focus the main region after a skip-link jump so screen readers start there.
  document.addEventListener("click", function (event) {
    const link = event.target.closest("a.skip-link");
    if (link) {
      const main = document.getElementById("main");
      if (main) { main.focus(); }
    }
  });
  // Send the CSRF token with htmx requests.
  document.addEventListener("htmx:configRequest", function (event) {
    const match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    const input = document.querySelector("input[name=csrfmiddlewaretoken]");
    const token = input ? input.value : (match ? decodeURIComponent(match[1]) : "");
    if (token) { event.detail.headers["X-CSRFToken"] = token; }
  });
  // A time zone never chosen starts as this device's own (the person sees it and can change it).
  document.querySelectorAll("select[data-device-zone=fill]").forEach(function (select) {
    let zone = "";
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (error) { return; }
    const option = Array.prototype.find.call(select.options, function (o) { return o.value === zone; });
    if (option) { select.value = zone; }
  });
})();
