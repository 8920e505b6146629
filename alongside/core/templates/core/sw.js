{% autoescape off %}// Alongside's service worker, served from the site root (/sw.js) so that its scope covers
// every page.
//
// 1. Web push: shows notifications and opens the page they point to.
// 2. Offline: keeps the participant's own safety plan and the Get help now page, with the
//    files they need, on this device, so they open without a connection. Pages are network
//    first: online, the latest version is shown (and kept); offline, the kept copy.
//    On a shared phone the copy must not outlive the person's session, so it is removed when
//    they sign out, whenever the sign-in page is shown (after a sign-out, an expired session,
//    or before someone else signs in), and when the page stops answering for this browser
//    (a redirect to sign in, or a refusal).
"use strict";

const CONFIG = {{ config }};
const OFFLINE_CACHE = "alongside-offline-" + CONFIG.version;

self.addEventListener("push", function (event) {
  let data = { title: "Alongside", body: "", url: "/" };
  try { data = Object.assign(data, event.data ? event.data.json() : {}); } catch (e) { /* plain text */ }
  event.waitUntil(self.registration.showNotification(data.title, {
    body: data.body,
    data: { url: data.url },
    icon: CONFIG.icon,
  }));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  const url = (event.notification.data && event.notification.data.url) || "/";
  event.waitUntil(self.clients.openWindow(url));
});

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("alongside-offline-") === 0 && name !== OFFLINE_CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

function forgetOffline() {
  return caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("alongside-offline-") === 0;
    }).map(function (name) { return caches.delete(name); }));
  });
}

function isOfflinePage(path) { return CONFIG.pages.indexOf(path) !== -1; }
function isOfflineAsset(path) { return CONFIG.assets.indexOf(path) !== -1; }

// Online: the network's answer, kept when it is the page itself. Offline: the kept copy (for a
// page that was never kept, the kept Get help now page).
function networkFirst(event, url) {
  const key = url.pathname;
  return fetch(event.request).then(function (response) {
    const cacheable = url.search === "" && response.ok && response.type === "basic" && !response.redirected;
    if (cacheable && (isOfflinePage(key) || isOfflineAsset(key))) {
      const copy = response.clone();
      event.waitUntil(caches.open(OFFLINE_CACHE).then(function (cache) {
        // Files are refreshed only while a page is kept; pages are kept whenever visited.
        return isOfflinePage(key) ? cache.put(key, copy) : cache.match(key).then(function (had) {
          return had ? cache.put(key, copy) : undefined;
        });
      }));
    } else if (isOfflinePage(key) && (response.type === "opaqueredirect" || response.redirected || response.status === 403 || response.status === 404)) {
      event.waitUntil(caches.open(OFFLINE_CACHE).then(function (cache) { return cache.delete(key); }));
    }
    return response;
  }).catch(function () {
    return caches.open(OFFLINE_CACHE).then(function (cache) {
      return cache.match(key, { ignoreVary: true }).then(function (kept) {
        if (kept) { return kept; }
        if (event.request.mode === "navigate") {
          return cache.match(CONFIG.help, { ignoreVary: true }).then(function (help) { return help || Response.error(); });
        }
        return Response.error();
      });
    });
  });
}

self.addEventListener("fetch", function (event) {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (request.mode === "navigate" && (url.pathname === CONFIG.signOut || url.pathname === CONFIG.signIn)) {
    event.waitUntil(forgetOffline());
    return;  // the browser handles the request itself
  }
  if (request.method !== "GET") { return; }
  if ((request.mode === "navigate" && isOfflinePage(url.pathname)) || isOfflineAsset(url.pathname)) {
    event.respondWith(networkFirst(event, url));
  }
});

// A page asks to be kept for offline use (the first visit, before this worker controlled it).
function keep(pages) {
  const wanted = pages.filter(isOfflinePage);
  return caches.open(OFFLINE_CACHE).then(function (cache) {
    return Promise.all(wanted.map(function (page) {
      return fetch(page, { credentials: "same-origin" }).then(function (response) {
        if (response.ok && !response.redirected) { return cache.put(page, response).then(function () { return page; }); }
        return cache.delete(page).then(function () { return null; });
      }).catch(function () { return null; });
    })).then(function (results) {
      const kept = results.filter(Boolean);
      if (!kept.length) { return kept; }
      return Promise.all(CONFIG.assets.map(function (asset) {
        return fetch(asset).then(function (response) {
          return response.ok ? cache.put(asset, response) : undefined;
        }).catch(function () { return undefined; });
      })).then(function () { return kept; });
    });
  });
}

self.addEventListener("message", function (event) {
  const data = event.data || {};
  const port = event.ports && event.ports[0];
  function reply(message) { if (port) { port.postMessage(message); } }
  if (data.type === "keep-offline") {
    event.waitUntil(keep(Array.isArray(data.pages) ? data.pages : []).then(function (kept) { reply({ kept: kept }); }));
  } else if (data.type === "forget-offline") {
    event.waitUntil(forgetOffline().then(function () { reply({ forgotten: true }); }));
  }
});
{% endautoescape %}
