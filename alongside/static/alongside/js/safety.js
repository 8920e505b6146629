// Safety plan pages: the print button, copying a private link, and keeping the plan and the
// Get help now page on this device for offline use (see the service worker, /sw.js).
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  document.querySelectorAll("[data-select-on-focus]").forEach(function (input) {
    input.addEventListener("focus", function () { input.select(); });
  });
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    const input = document.getElementById(button.dataset.copy);
    const status = document.querySelector("[data-copy-status]");
    if (!input || !navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(input.value).then(function () {
        if (status) { status.textContent = button.dataset.copied || ""; }
      });
    });
  });

  const note = document.querySelector("[data-keep-offline]");
  if (!note) { return; }
  function say(text) { note.textContent = text || ""; note.hidden = !text; }
  if (!navigator.onLine) { say(note.dataset.offlineText); }
  window.addEventListener("offline", function () { say(note.dataset.offlineText); });
  if (!("serviceWorker" in navigator) || !("caches" in window)) { return; }
  const pages = (note.dataset.keepOffline || "").split(" ").filter(Boolean);
  navigator.serviceWorker.register(note.dataset.serviceWorker).then(function () {
    return navigator.serviceWorker.ready;
  }).then(function (registration) {
    if (!registration.active || !navigator.onLine) { return; }
    const channel = new MessageChannel();
    channel.port1.onmessage = function (event) {
      const kept = (event.data && event.data.kept) || [];
      if (kept.indexOf(window.location.pathname) !== -1) {
        say(note.dataset.savedText);
        document.documentElement.dataset.offlineReady = "true";
      }
    };
    registration.active.postMessage({ type: "keep-offline", pages: pages }, [channel.port2]);
  }).catch(function () { /* offline use is a bonus; the page works without it */ });
})();
