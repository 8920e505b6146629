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
})();
