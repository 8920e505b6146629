// Alongside's service worker: shows web push notifications and opens the page they point to.
self.addEventListener("push", function (event) {
  let data = { title: "Alongside", body: "", url: "/" };
  try { data = Object.assign(data, event.data ? event.data.json() : {}); } catch (e) { /* plain text */ }
  event.waitUntil(self.registration.showNotification(data.title, {
    body: data.body,
    data: { url: data.url },
    icon: "/static/alongside/favicon.svg",
  }));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  const url = (event.notification.data && event.notification.data.url) || "/";
  event.waitUntil(self.clients.openWindow(url));
});
