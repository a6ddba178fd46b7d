// Starts the app once the static start page in index.html has been painted
// (issue 24): the wasm is not even requested before, so the first paint is
// the largest (LCP = FCP, in the browser and in Lighthouse's simulation,
// which counts every request made before the largest paint), and the app's
// identical start page, mounted later, is no larger. Until then the page's
// links work as plain links. scripts/post-build.mjs writes this file with a
// hash and points data-boot at trunk's boot module.
const boot = document.currentScript.dataset.boot;
let started = false;
const start = () => {
  if (started) return;
  started = true;
  // A failure shows the page's own message (src/ui/crash.rs cannot run yet).
  import(boot).catch((e) => console.error("app failed to load", e));
};
// Chrome drops a largest-paint candidate removed before its paint is
// presented, a frame or two after it: hence the short wait after the frame.
requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(start, 100)));
// A hidden tab or an off-screen frame paints no frames.
setTimeout(start, 1000);
