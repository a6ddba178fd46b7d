// The guide on a phone with no network (issue 22): this service worker keeps
// one version of the built site in the Cache Storage and serves it from
// there, so a second visit, a phone in a lift or a kiosk whose network
// drops works fully offline. scripts/post-build.mjs writes it as /sw.js
// with this build's VERSION (a hash of every file listed) and FILES.
//
// Versions never mix: every screen's page and every file it loads come
// from the cache of the worker's own version. A new version installs beside
// the old one and waits; public/load.js lets it take over only on a fresh
// load of the start page, never in the middle of a question.
//
// Nothing personal is kept here: only the site's own files.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const CACHE = `guide-${VERSION}`;
/** The app's screens, as deploy/nginx/guide.conf lists them: all one page. */
const SCREEN = /^\/(|index\.html|(household|check|results)\/?|(q|source)\/[^/]+(\/[^/]+)?)$/;
/** The static pages (crates/pages): precached in part, cached as visited. */
const PAGE = /^\/(en\/)?(services|about|service\/[a-z0-9-]+)\/?$/;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("guide-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// From public/load.js, on a fresh load of the start page.
self.addEventListener("message", (event) => {
  if (event.data === "take-new-version") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== location.origin) return;
  if (request.mode === "navigate" && SCREEN.test(url.pathname)) {
    event.respondWith(fromCache("/").then((hit) => hit ?? fetch(request)));
  } else if (PAGE.test(url.pathname)) {
    event.respondWith(page(request));
  } else {
    event.respondWith(fromCache(url.pathname).then((hit) => hit ?? fetch(request)));
  }
});

async function fromCache(path) {
  const cache = await caches.open(CACHE);
  return cache.match(path);
}

/** A service's page: the network's copy (kept for next time), else the
 * kept one, else a plain page that says why and leads on. */
async function page(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch {
    return (await cache.match(request)) ?? offline();
  }
}

async function offline() {
  const sheet = FILES.find((f) => f.endsWith(".css"));
  const html = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>没有网络 · 安阳市公共服务指南</title><link rel="stylesheet" href="${sheet}"></head><body><header class="site-header"><a class="brand" href="/">安阳市公共服务指南</a></header><main id="main"><h1>现在没有网络</h1><p>这一页还没有保存在这台设备上，联网后再打开就可以。</p><p>不用网络也可以：<a href="/">回答几个问题，看看您家能享受哪些服务</a>，或者看<a href="/services/">全部服务的列表</a>。</p><p lang="en">You are offline and this page has not been kept on this device yet. The questions and the list of services work offline.</p></main></body></html>`;
  return new Response(html, { status: 503, headers: { "content-type": "text/html; charset=utf-8" } });
}
