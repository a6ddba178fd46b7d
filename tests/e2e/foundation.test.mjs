// Foundation: the release build loads under a strict CSP, says what it does
// in Chinese, and its start button leads on.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { createServer } from "node:http";
import { serve, launch, newPage, ready, p } from "./harness.mjs";
import { titles, axe } from "./flow.mjs";

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

test("built index.html has no inline script or style", () => {
  const html = readFileSync(new URL("../../dist/index.html", import.meta.url), "utf8");
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, "inline <script>");
  assert.doesNotMatch(html, /<style/, "inline <style>");
  assert.doesNotMatch(html, /\sstyle=/, "style attribute");
  assert.match(html, /<html lang="zh-CN">/);
  assert.doesNotMatch(html, /user-scalable=no|maximum-scale/, "zoom must not be blocked");
  const files = readdirSync(new URL("../../dist/", import.meta.url));
  assert.ok(files.some((f) => /^anyang-guide-[0-9a-f]{8,16}_bg\.wasm$/.test(f)), "hashed wasm name");
});

test("start page renders in Chinese under CSP and the start button leads to the household page", async () => {
  const { context, page } = await newPage(browser);
  await page.goto(srv.url + "/");
  await ready(page);
  assert.equal(await page.locator("h1").first().innerText(), "安阳市公共服务指南");
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  await page.getByRole("link", { name: "开始", exact: true }).click();
  await page.waitForURL(/\/household$/);
  assert.equal(await page.locator("h1").innerText(), "您家里有哪些人？");
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("the static start page in index.html says what the app says, and is replaced", async () => {
  const { context, page } = await newPage(browser, { javaScriptEnabled: false });
  await page.goto(srv.url + "/");
  const before = await page.locator("#static-start main").innerText();
  await context.close();
  const live = await newPage(browser);
  await live.page.goto(srv.url + "/");
  await ready(live.page);
  assert.equal(await live.page.locator("#static-start").count(), 0);
  const after = await live.page.locator("main").innerText();
  for (const line of before.split("\n").filter(Boolean)) assert.ok(after.includes(line.trim()), `app shows: ${line}`);
  await live.context.close();
});

test("the start page's largest paint is the static page's, even when the wasm is ready before the first paint (LCP = FCP)", async () => {
  const { context, page } = await newPage(browser);
  // An LCP entry's element is gone once the app replaces the static page,
  // so the test proves it by time: the largest paint is the first paint,
  // and the first paint came before the app took the static page away.
  await page.addInitScript(() => {
    window.__lcp = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lcp.push(e.startTime); }).observe({ type: "largest-contentful-paint", buffered: true });
    new MutationObserver((changes, observer) => {
      if (changes.some((c) => [...c.removedNodes].some((n) => n.id === "static-start"))) { window.__replaced = performance.now(); observer.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(srv.url + "/");
  await ready(page);
  await page.waitForTimeout(500);
  const { lcp, fcp, replaced } = await page.evaluate(() => ({ lcp: window.__lcp, fcp: performance.getEntriesByName("first-contentful-paint")[0].startTime, replaced: window.__replaced }));
  assert.ok(fcp < replaced, `first paint ${fcp} ms, before the app took over at ${replaced} ms`);
  assert.deepEqual(lcp, [fcp], "one largest paint, the first one: the app's same start page is no larger");
  await context.close();
});

test("an unknown address shows a plain message and a way back, not a blank page", async () => {
  const { context, page } = await newPage(browser);
  // Not a screen of the guide: the server's own page, status 404, no script needed.
  const response = await page.goto(srv.url + "/no/such/page");
  assert.equal(response.status(), 404);
  assert.equal(await page.locator("h1").innerText(), "找不到这个页面");
  assert.deepEqual(await axe(page), []);
  await page.getByRole("link", { name: "回到首页" }).click();
  await page.waitForURL(srv.url + "/");
  await ready(page);
  page.problems.length = 0; // the browser logs the 404 itself
  // A screen address with nothing behind it: the app says so itself.
  await page.goto(srv.url + "/q/nowhere/0");
  await ready(page);
  assert.equal(await page.locator("h1").innerText(), "找不到这个页面");
  await page.getByRole("link", { name: "回到首页" }).click();
  await page.waitForURL(srv.url + "/");
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("if the service texts fail to load, results say so and retry works; answers are kept", async () => {
  const { context, page } = await newPage(browser);
  let fail = true;
  await page.route(/catalog-texts-[0-9a-f]+\.json$/, (route) => (fail ? route.abort() : route.continue()));
  await page.goto(srv.url + "/results#p=" + Buffer.from('{"v":1,"members":[{"role":"self","age":30,"sex":"female","pregnant":true}]}').toString("base64url"));
  await ready(page);
  await page.getByText("服务说明没有加载成功").waitFor();
  page.problems.length = 0; // the aborted request logs a console error
  fail = false;
  await page.getByRole("button", { name: "重试" }).click();
  await page.locator("article.service h4", { hasText: "免费产前筛查和产前诊断" }).first().waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("only this origin is ever contacted, and no request carries answers", async () => {
  const { context, page } = await newPage(browser);
  const urls = [];
  page.on("request", (r) => urls.push(r.url()));
  await page.goto(srv.url + "/#p=" + Buffer.from('{"v":1,"members":[{"role":"self","age":77}]}').toString("base64url"));
  await ready(page);
  await page.waitForURL(/\/q\//);
  // A typed answer is neither kept by the browser's autofill nor offered
  // to its spell checker (Chrome's enhanced spell check sends text out).
  await page.goto(srv.url + "/q/age/0");
  assert.deepEqual(await page.locator("#number-input").evaluate((i) => [i.autocomplete, i.spellcheck]), ["off", false]);
  await page.goto(srv.url + "/source/family-doctor");
  await page.waitForSelector("mark");
  assert.ok(urls.every((u) => u.startsWith(srv.url)), urls.join("\n"));
  assert.ok(urls.every((u) => !/[?#]/.test(u.replace(srv.url, ""))), "no query or fragment is requested: " + urls.join(" "));
  await context.close();
});

test("works inside the portal's sandboxed iframe, with and without allow-same-origin", async () => {
  const app = await serve({ frameAncestors: "http://127.0.0.1:*" });
  for (const sandbox of ["allow-scripts allow-same-origin allow-forms", "allow-scripts allow-forms"]) {
    const portal = createServer((_, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><html lang="zh-CN"><title>portal</title><iframe id="f" title="guide" sandbox="${sandbox}" src="${app.url}/" width="400" height="800"></iframe>`);
    });
    await new Promise((ok) => portal.listen(0, "127.0.0.1", ok));
    const { context, page } = await newPage(browser);
    await page.goto(`http://127.0.0.1:${portal.address().port}/`);
    const frame = page.frameLocator("#f");
    await frame.locator("#static-start").waitFor({ state: "detached" });
    await frame.getByRole("link", { name: "开始", exact: true }).click();
    await frame.getByRole("heading", { name: "您家里有哪些人？" }).waitFor();
    const styled = await frame.locator("a.brand").evaluate((a) => getComputedStyle(a.closest("header")).backgroundColor);
    assert.equal(styled, "rgb(11, 83, 148)", `${sandbox}: styles load`);
    assert.deepEqual(page.problems, [], sandbox);
    await context.close();
    portal.close();
  }
  app.server.close();
});

test("check answers and the results are screens of their own: back and forward move between them, focus on each heading", async () => {
  const { context, page } = await newPage(browser);
  const family = { v: 1, household: { area: "urban", support_status: "low_income" }, members: [{ role: "self", age: 38 }, { role: "child", age: 2 }, { role: "parent", age: 72 }] };
  await page.goto(srv.url + "/check" + p(family));
  await ready(page);
  await page.getByRole("heading", { name: "请核对您的回答" }).waitFor();
  assert.equal(await page.locator("article.service").count(), 0, "no results are built while check answers is read");
  await page.getByRole("link", { name: "查看结果" }).click();
  await page.waitForURL(/\/results$/);
  assert.ok((await titles(page, "eligible")).length > 3 && (await titles(page, "maybe")).length > 3);
  await page.locator(".share-link").waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === "H1" && /服务/.test(document.activeElement.textContent), null, { timeout: 2000 });
  assert.equal(await page.locator("details.not-eligible").count(), 1);
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll("main h1")].map((h) => h.textContent)), [await page.locator("main h1").first().textContent()], "check answers is gone");
  await page.goBack();
  await page.waitForFunction(() => document.activeElement?.tagName === "H1" && document.activeElement.textContent === "请核对您的回答", null, { timeout: 2000 });
  assert.equal(await page.locator("article.service").count(), 0);
  await page.goForward();
  await page.waitForFunction(() => document.activeElement?.tagName === "H1" && /服务/.test(document.activeElement.textContent), null, { timeout: 2000 });
  assert.ok((await titles(page, "eligible")).length > 3, "the same results again");
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("Trusted Types are enforced: HTML from a string is refused, and the app never needs it", async () => {
  const { context, page } = await newPage(browser);
  await page.goto(srv.url + "/");
  await ready(page);
  const refused = await page.evaluate(() => { try { document.body.insertAdjacentHTML("beforeend", "<b>x</b>"); return false; } catch (e) { return e instanceof TypeError; } });
  assert.ok(refused, "the server's CSP makes the browser refuse string-to-HTML sinks");
  // The one policy (load.js's, for /sw.js) is taken: no other can be made.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const policies = await page.evaluate(() => ["guide-sw", "other"].map((name) => { try { trustedTypes.createPolicy(name, {}); return "made"; } catch { return "refused"; } }));
  assert.deepEqual(policies, ["refused", "refused"]);
  page.problems.length = 0; // that refusal is logged; the app itself must log nothing
  await page.getByRole("link", { name: "开始" }).click();
  await page.waitForURL(/\/household$/);
  assert.deepEqual(page.problems, []);
  await context.close();
});
