// The guide's service worker: keeps the files of one build so the guide works offline.
//
// It stores only the guide's own static files (the list below, written at build time by
// pwa/gen-sw.sh from the files Trunk produced). It never stores answers, never caches anything
// else and never talks to another origin.
//
// - install: download every file of the build into the cache `guide-<VERSION>`.
// - activate: delete the caches of older builds (`guide-*`), take control of open pages.
// - fetch (same origin, GET only): page loads try the network first and fall back to the cached
//   index.html (offline); every other file comes from the cache first (their names carry a
//   content hash, so a cached copy is never stale), else from the network.
// - update: a new build has a new VERSION, so the browser installs this worker again; the new
//   one waits until the page asks it to take over (message "SKIP_WAITING", sent when the person
//   presses Reload on the "new version" banner). Nothing changes under someone mid-way.
"use strict";

const VERSION = "__GUIDE_VERSION__";
const PRECACHE = __GUIDE_PRECACHE__;
const PREFIX = "guide-";
const CACHE = PREFIX + VERSION;
const SHELL = new URL("index.html", self.registration.scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // "no-cache": revalidate with the server, never take a stale copy from the HTTP cache.
      cache.addAll(PRECACHE.map((path) => new Request(path, { cache: "no-cache" })))
    )
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(PREFIX) && name !== CACHE)
            .map((name) => caches.delete(name))
        )
      )
      .then(() => self.clients.claim())
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "SKIP_WAITING") {
    self.skipWaiting();
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return; // not ours: the browser handles it (the page's CSP allows no other origin anyway)
  }
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).catch(() =>
        caches
          .open(CACHE)
          .then((cache) => cache.match(SHELL))
          .then((response) => response || Response.error())
      )
    );
    return;
  }
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(request))
      .then((response) => response || fetch(request))
  );
});
