// Turning web push on and off for this device, from the notifications page.
(function () {
  "use strict";
  const box = document.querySelector(".push-setup");
  if (!box || !("serviceWorker" in navigator) || !("PushManager" in window)) { return; }
  box.hidden = false;
  const on = box.querySelector(".push-on");
  const off = box.querySelector(".push-off");
  const status = box.querySelector(".push-status");
  const csrf = (document.querySelector("input[name=csrfmiddlewaretoken]") || {}).value || "";

  function keyBytes(base64url) {
    const padded = (base64url + "===".slice((base64url.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    return Uint8Array.from(atob(padded), function (c) { return c.charCodeAt(0); });
  }
  function post(url, body) {
    return fetch(url, { method: "POST", headers: { "Content-Type": "application/json", "X-CSRFToken": csrf }, body: JSON.stringify(body), credentials: "same-origin" });
  }
  function show(subscribed) { on.hidden = subscribed; off.hidden = !subscribed; }

  navigator.serviceWorker.register("/sw.js").then(function (registration) {
    return registration.pushManager.getSubscription().then(function (existing) { show(Boolean(existing)); return registration; });
  }).then(function (registration) {
    on.addEventListener("click", function () {
      registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(box.dataset.pushKey) })
        .then(function (subscription) { return post(box.dataset.subscribeUrl, subscription.toJSON()); })
        .then(function () { show(true); status.textContent = box.dataset.done || ""; })
        .catch(function () { status.textContent = box.dataset.refused || ""; });
    });
    off.addEventListener("click", function () {
      registration.pushManager.getSubscription().then(function (subscription) {
        if (!subscription) { show(false); return null; }
        return post(box.dataset.unsubscribeUrl, { endpoint: subscription.endpoint }).then(function () { return subscription.unsubscribe(); });
      }).then(function () { show(false); });
    });
  });
})();
