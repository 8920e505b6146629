// Live conversation over WebSocket. Without it the page still works: htmx posts the form and
// polls for new messages, and with JavaScript off the form posts and the page reloads.
(function () {
  "use strict";
  const chat = document.querySelector(".chat[data-live]");
  if (!chat || !("WebSocket" in window)) { return; }
  const list = document.getElementById("chat-messages");
  const form = document.getElementById("chat-form");
  const body = document.getElementById("chat-body");
  const errorBox = document.getElementById("chat-error");
  const typingBox = document.getElementById("chat-typing");
  const me = chat.dataset.me;
  const pending = {};  // client id -> list item waiting for its acknowledgement
  let socket = null;
  let live = false;
  let delay = 1000;
  let typingSent = 0;
  let typingTimer = null;

  function lastSeq() {
    const items = list.querySelectorAll("li[data-seq]");
    return items.length ? parseInt(items[items.length - 1].dataset.seq, 10) : 0;
  }

  // A time as the server writes it on this page: in the reader's own zone (theirs, else their
  // organization's, which may not be this device's), date and time as the language has them.
  const zone = chat.dataset.timeZone || undefined;
  const language = document.documentElement.lang || undefined;
  function clock(iso) {
    const moment = new Date(iso);
    try {
      const time = new Intl.DateTimeFormat(language, { timeZone: zone, hour: "numeric", minute: "2-digit" }).format(moment);
      if (chat.dataset.timeOnly) { return time; }
      const day = new Intl.DateTimeFormat(language, { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(moment);
      return day + " " + time;
    } catch (error) {
      return moment.toLocaleString();
    }
  }

  function newId() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    return String(Date.now()) + Math.random().toString(16).slice(2);
  }

  function bubble(text, mine) {
    const item = document.createElement("li");
    item.className = "chat-message" + (mine ? " mine" : "");
    const meta = document.createElement("p");
    meta.className = "chat-meta";
    const para = document.createElement("p");
    para.className = "chat-body";
    para.textContent = text;
    item.append(meta, para);
    if (mine) {
      const state = document.createElement("p");
      state.className = "chat-state small";
      state.textContent = chat.dataset.sending;
      item.append(state);
    }
    return item;
  }

  // Messages stand in the order they were stored (their sequence number), whatever order they
  // arrive in (a catch-up after a reconnect brings older ones); those not yet stored come last.
  function place(item) {
    const empty = document.getElementById("chat-empty");
    if (empty) { empty.remove(); }
    const seq = parseInt(item.dataset.seq, 10);
    let before = null;
    if (seq) {
      before = Array.prototype.find.call(list.querySelectorAll("li[data-seq]"), function (other) {
        return other !== item && parseInt(other.dataset.seq, 10) > seq;
      }) || Array.prototype.find.call(list.querySelectorAll("li.chat-message:not([data-seq])"), function (other) {
        return other !== item;
      }) || null;
    }
    if (item.parentNode !== list || item.nextElementSibling !== before) { list.insertBefore(item, before); }
    if (!before) { item.scrollIntoView({ block: "end" }); }
  }

  function show(message) {
    if (list.querySelector('li[data-seq="' + message.seq + '"]')) { return; }
    let item = pending[message.client_id];
    if (!item) { item = bubble(message.body, String(message.sender_id) === me); }
    delete pending[message.client_id];
    item.dataset.seq = message.seq;
    item.id = "m" + message.seq;
    place(item);
    const meta = item.querySelector(".chat-meta");
    const name = document.createElement("strong");
    name.textContent = message.sender_name;
    const when = document.createElement("time");
    when.dateTime = message.created_at;
    when.textContent = clock(message.created_at);
    meta.replaceChildren(name, " · ", when);
    const state = item.querySelector(".chat-state");
    if (state) { state.textContent = chat.dataset.sent; }
    const after = document.getElementById("chat-after");
    if (after) { after.value = String(Math.max(parseInt(after.value, 10) || 0, message.seq)); }
    if (String(message.sender_id) !== me && socket && live) {
      socket.send(JSON.stringify({ type: document.hidden ? "delivered" : "read", seq: message.seq }));
    }
  }

  function receipt(event) {
    if (String(event.member_id) === me) { return; }
    list.querySelectorAll("li.mine[data-seq]").forEach(function (item) {
      const seq = parseInt(item.dataset.seq, 10);
      const state = item.querySelector(".chat-state");
      if (!state) { return; }
      if (seq <= event.read) { state.textContent = chat.dataset.read; }
      else if (seq <= event.delivered && state.textContent !== chat.dataset.read) { state.textContent = chat.dataset.delivered; }
    });
  }

  function connect() {
    const scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    const path = chat.dataset.socket || "/ws/conversations/" + chat.dataset.conversation + "/";
    socket = new WebSocket(scheme + window.location.host + path);
    socket.addEventListener("open", function () {
      live = true;
      delay = 1000;
      socket.send(JSON.stringify({ type: "sync", after: lastSeq() }));
      // Anything typed while offline and not acknowledged goes again, under the same id.
      Object.keys(pending).forEach(function (clientId) {
        socket.send(JSON.stringify({ type: "send", client_id: clientId, body: pending[clientId].dataset.body }));
      });
    });
    socket.addEventListener("message", function (raw) {
      let data;
      try { data = JSON.parse(raw.data); } catch (error) { return; }
      if (data.type === "message") { show(data.message); }
      else if (data.type === "ack") {
        // Stored: the acknowledgement carries the message (this tab is not sent it again).
        if (data.message) { show(data.message); }
        const item = pending[data.client_id];
        if (item && !item.dataset.seq) {
          item.dataset.seq = data.seq;
          item.id = "m" + data.seq;
          place(item);
          const state = item.querySelector(".chat-state");
          if (state) { state.textContent = chat.dataset.sent; }
        }
        if (data.help_url) { window.location.assign(data.help_url); }
      } else if (data.type === "receipt") { receipt(data); }
      else if (data.type === "typing") {
        typingBox.textContent = chat.dataset.typing;
        window.clearTimeout(typingTimer);
        typingTimer = window.setTimeout(function () { typingBox.textContent = ""; }, 4000);
      } else if (data.type === "paused" || data.type === "muted") { window.location.reload(); }
      else if (data.type === "deleted") {
        const gone = list.querySelector('li[data-seq="' + data.id + '"] .chat-body');
        if (gone) { gone.textContent = chat.dataset.removed || ""; }
      }
      else if (data.type === "error") {
        errorBox.textContent = data.error || "";
        if (data.client_id && pending[data.client_id]) { pending[data.client_id].remove(); delete pending[data.client_id]; }
      }
    });
    socket.addEventListener("close", function (event) {
      live = false;
      if (event.code === 4403 || event.code === 4401) {  // not allowed (or removed): stop
        if (chat.dataset.socket) { window.location.reload(); }
        return;
      }
      window.setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    });
  }

  // While the socket is up it carries sending and receiving; htmx does when it is not.
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (!live) { return; }
    const source = event.detail.elt;
    if (source && (source.id === "chat-poll" || source.id === "chat-form")) { event.preventDefault(); }
  });

  form.addEventListener("submit", function (event) {
    if (!live) { return; }
    event.preventDefault();
    const text = body.value.trim();
    if (!text) { return; }
    const clientId = newId();
    const item = bubble(text, true);
    item.dataset.body = text;
    item.dataset.clientId = clientId;
    pending[clientId] = item;
    place(item);
    errorBox.textContent = "";
    socket.send(JSON.stringify({ type: "send", client_id: clientId, body: text }));
    body.value = "";
    body.focus();
  });

  body.addEventListener("input", function () {
    if (!live || Date.now() - typingSent < 3000) { return; }
    typingSent = Date.now();
    socket.send(JSON.stringify({ type: "typing" }));
  });

  document.addEventListener("visibilitychange", function () {
    if (!document.hidden && live) { socket.send(JSON.stringify({ type: "read", seq: lastSeq() })); }
  });

  connect();
})();
