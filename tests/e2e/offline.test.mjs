// On a resident's own phone (issue 22): the offline copy (public/sw.js,
// registered by public/load.js) and the installable app (manifest, icons).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve, launch, newPage, ready } from "./harness.mjs";
import { startNginx } from "../../scripts/nginx.mjs";
import { answerAll, go } from "./flow.mjs";
import { startPortal } from "./portal.mjs";

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

/** Loads the start page and waits until the offline copy controls it. */
async function kept(page, url) {
  await page.goto(url + "/");
  await ready(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test("after one visit the whole guide works offline: a full check to the results, the list of services, and a plain page for one not kept", async () => {
  const { context, page } = await newPage(browser);
  await kept(page, srv.url);
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  await go(page, () => page.getByRole("link", { name: "开始", exact: true }).click());
  await page.getByRole("button", { name: "+ 添加子女" }).click();
  await go(page, () => page.getByRole("button", { name: "继续" }).click());
  await answerAll(page, { "age@0": 34, "age@1": 2 });
  await go(page, () => page.getByRole("link", { name: "查看结果" }).click());
  await page.waitForSelector("section[aria-labelledby=eligible] article.service");
  // A screen loaded as a page (a reload) comes from the copy too.
  await page.reload();
  await ready(page);
  await page.goto(srv.url + "/services/");
  assert.equal(await page.locator("h1").innerText(), "全部服务");
  const response = await page.goto(srv.url + "/service/public-rental-housing/");
  assert.equal(response.status(), 503);
  assert.match(await page.locator("main").innerText(), /现在没有网络[\s\S]*全部服务的列表/);
  page.problems.length = 0; // the browser logs the 503 itself
  await context.setOffline(false);
  await context.close();
});

test("a new version waits: never in the middle of the questions, taken on a fresh start page", async () => {
  // Two builds at one address: dist/ as it is (the old one) and a copy
  // with one change (the new one), behind a link nginx follows per request.
  const dir = mkdtempSync(join(tmpdir(), "guide-versions-"));
  const [old, next, current] = ["old", "new", "current"].map((d) => join(dir, d));
  const dist = new URL("../../dist/", import.meta.url).pathname;
  cpSync(dist, old, { recursive: true });
  cpSync(dist, next, { recursive: true });
  for (const f of ["index.html", "sw.js"]) for (const z of [".br", ".gz"]) rmSync(join(next, f + z));
  writeFileSync(join(next, "index.html"), readFileSync(join(next, "index.html"), "utf8").replace("<head>", '<head>\n  <meta name="test-build" content="new">'));
  writeFileSync(join(next, "sw.js"), readFileSync(join(next, "sw.js"), "utf8").replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1-new"'));
  symlinkSync(old, current);
  const server = await startNginx({ root: current });
  const { context, page } = await newPage(browser);
  await kept(page, server.url);
  // In the middle of the questions, the new build appears and is found.
  await go(page, () => page.getByRole("link", { name: "开始", exact: true }).click());
  await page.getByRole("button", { name: "+ 添加配偶" }).click();
  await go(page, () => page.getByRole("button", { name: "继续" }).click());
  await page.evaluate(() => { window.__same = true; });
  rmSync(current);
  symlinkSync(next, current);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await page.waitForFunction(async () => !!(await navigator.serviceWorker.getRegistration()).waiting);
  // Nothing changes under the resident: same page, answers kept.
  await answerAll(page, { "age@0": 40, "age@1": 41 }, { until: /\/check/ });
  await page.locator("dl.answers").waitFor();
  assert.equal(await page.evaluate(() => window.__same), true, "no reload");
  assert.match(await page.locator("dl.answers").innerText(), /40/);
  assert.equal(await page.locator('meta[name="test-build"]').count(), 0);
  // A fresh start page takes the new version.
  await page.goto(server.url + "/");
  await page.waitForSelector('meta[name="test-build"]', { state: "attached", timeout: 15000 });
  await ready(page);
  assert.deepEqual(await page.evaluate(() => caches.keys()), [`guide-${readFileSync(join(next, "sw.js"), "utf8").match(/const VERSION = "([^"]+)"/)[1]}`]);
  assert.deepEqual(page.problems, []);
  await context.close();
  server.close();
  rmSync(dir, { recursive: true });
});

test("installable: a manifest with the guide's name and icons that Chromium accepts", async () => {
  const { context, page } = await newPage(browser);
  await kept(page, srv.url);
  const cdp = await context.newCDPSession(page);
  const { errors } = await cdp.send("Page.getAppManifest");
  assert.deepEqual(errors, []);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  // Playwright's contexts are incognito, where nothing installs; anything
  // else would be the guide's fault.
  assert.deepEqual(installabilityErrors.filter((e) => e.errorId !== "in-incognito"), []);
  const manifest = await (await fetch(srv.url + "/manifest.webmanifest")).json();
  assert.equal(manifest.name, "安阳市公共服务指南");
  for (const icon of manifest.icons) assert.equal((await fetch(srv.url + icon.src)).status, 200, icon.src);
  await context.close();
});

test("in a portal's frame no offline copy is registered, and the guide works the same", async () => {
  let guide;
  const portal = await startPortal(() => guide);
  const framed = await serve({ frameAncestors: portal.url });
  guide = framed.url;
  const { context, page } = await newPage(browser);
  await page.goto(portal.url + "/");
  const frame = await (await page.waitForSelector("iframe")).contentFrame();
  await frame.waitForSelector("#static-start", { state: "detached" });
  await page.waitForTimeout(1200);
  assert.equal(await frame.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  assert.deepEqual(page.problems, []);
  await context.close();
  framed.server.close();
  portal.close();
});
