// Live notifications for the signed-in person over WebSocket. Urgent crisis alerts appear at
// the top of whatever page is open, at once; everything else updates the unread count. Pages
// work without this: alerts also show on the next page load until someone acknowledges.
(function () {
  "use strict";
  const main = document.getElementById("main");
  if (!main || !main.dataset.liveNotifications || !("WebSocket" in window)) { return; }
  const URGENT = { "crisis.alert": true, "crisis.talk": true };
  let delay = 1000;

  function showAlert(payload) {
    const box = document.getElementById("crisis-alerts");
    if (!box) { return; }
    const line = document.createElement("p");
    line.className = "crisis-alert";
    const link = document.createElement("a");
    link.href = payload.url || main.dataset.liveNotifications;
    link.textContent = payload.title || "";
    line.appendChild(link);
    box.prepend(line);
  }

  function bumpBadge() {
    const link = document.querySelector('a[href="' + main.dataset.liveNotifications + '"]');
    if (!link) { return; }
    let badge = link.querySelector(".badge");
    if (!badge) {
      badge = document.createElement("span");
      badge.className = "badge";
      badge.textContent = "0";
      link.append(" ", badge);
    }
    const count = parseInt(badge.firstChild.textContent, 10) || 0;
    badge.firstChild.textContent = String(count + 1);
  }

  function connect() {
    const scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    const socket = new WebSocket(scheme + window.location.host + "/ws/notifications/");
    socket.addEventListener("open", function () { delay = 1000; });
    socket.addEventListener("message", function (event) {
      let data;
      try { data = JSON.parse(event.data); } catch (error) { return; }
      if (!data || data.type !== "notification" || !data.payload) { return; }
      if (URGENT[data.payload.kind]) { showAlert(data.payload); }
      bumpBadge();
    });
    socket.addEventListener("close", function () {
      window.setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    });
  }
  connect();
})();
