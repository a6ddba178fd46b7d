// Starts the app once the static start page in index.html has been painted
// (issue 24): the wasm is not even requested before, so the first paint is
// the largest (LCP = FCP, in the browser and in Lighthouse's simulation,
// which counts every request made before the largest paint), and the app's
// identical start page, mounted later, is no larger. Until then the page's
// links work as plain links. scripts/post-build.mjs writes this file with a
// hash and points data-boot at trunk's boot module.
//
// Then it registers the offline copy (public/sw.js, issue 22), and lets a
// new version of it take over only here: on a fresh load of the start page,
// before the app runs, when nothing can have been answered.
const boot = document.currentScript.dataset.boot;
let started = false;

// A kiosk or a portal's frame stays one when a link of the static page is
// followed before the app runs: the links keep the address's settings.
if (location.search) for (const a of document.querySelectorAll('#static-start a[href^="/"]')) a.search = location.search;

/** The service worker's container, unless the guide is in a frame (a
 * portal's page: its storage is the portal's business) or the browser
 * refuses it (a sandboxed frame, some private modes): the app works the
 * same without. */
function workers() {
  try {
    return window.top === window ? navigator.serviceWorker : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a new version waits and this is the moment to take it. */
async function takeNewVersion() {
  const container = workers();
  if (!container?.controller || location.pathname !== "/" || location.hash) return false;
  const waiting = (await container.getRegistration().catch(() => undefined))?.waiting;
  if (!waiting) return false;
  container.addEventListener("controllerchange", () => location.reload());
  waiting.postMessage("take-new-version");
  return true;
}

/** The worker's address as Trusted Types want it: the server's CSP allows
 * this one policy (guide-sw), and it passes /sw.js only. */
function workerScript() {
  const only = (url) => {
    if (url !== "/sw.js") throw new TypeError(`not the guide's worker: ${url}`);
    return url;
  };
  return window.trustedTypes ? trustedTypes.createPolicy("guide-sw", { createScriptURL: only }).createScriptURL("/sw.js") : "/sw.js";
}

async function start() {
  if (started) return;
  started = true;
  if (await takeNewVersion()) return;
  // A failure shows the page's own message (src/ui/crash.rs cannot run yet).
  import(boot).catch((e) => console.error("app failed to load", e));
  try {
    await workers()?.register(workerScript());
  } catch (e) {
    console.warn("offline copy unavailable", e);
  }
}

// Chrome drops a largest-paint candidate removed before its paint is
// presented, a frame or two after it: hence the short wait after the frame.
requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(start, 100)));
// A hidden tab or an off-screen frame paints no frames.
setTimeout(start, 1000);
