// Browser benchmarks of the release build in dist/: Lighthouse (mobile
// preset, default throttling) on the start and results pages, the time
// from "继续" to the next page rendered with 4x CPU throttling, and the
// JS heap plus wasm memory after a full flow.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdirSync, readFileSync } from "node:fs";
import { serve, launch, newPage, ready, p } from "../tests/e2e/harness.mjs";

const FAMILY = { v: 1, household: { area: "urban", support_status: "low_income", housing: "difficulty", tenure: "rent" }, members: [{ role: "self", age: 38, sex: "female", work: "flexible" }, { role: "spouse", age: 40, work: "unemployed" }, { role: "child", age: 2 }, { role: "parent", age: 72, chronic: ["hypertension"] }] };
const FLAGS = "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync";
const { server, url } = await serve();
mkdirSync("bench-out", { recursive: true });

// Async: the static server runs in this same process and must keep serving.
async function lighthouse(name, path) {
  const out = `bench-out/lighthouse-${name}.json`;
  await promisify(execFile)("node_modules/.bin/lighthouse", [url + path, "--quiet", `--chrome-flags=${FLAGS}`, "--only-categories=performance,accessibility,best-practices", "--output=json", `--output-path=${out}`], { env: { ...process.env, CHROME_PATH: "/usr/bin/chromium" } });
  const r = JSON.parse(readFileSync(out, "utf8"));
  const a = (id) => r.audits[id].numericValue;
  return { page: name, performance: r.categories.performance.score * 100, accessibility: r.categories.accessibility.score * 100, "best-practices": r.categories["best-practices"].score * 100, "FCP ms": Math.round(a("first-contentful-paint")), "LCP ms": Math.round(a("largest-contentful-paint")), "TBT ms": Math.round(a("total-blocking-time")), "bytes KB": (a("total-byte-weight") / 1024).toFixed(1) };
}

const rows = [await lighthouse("start", "/"), await lighthouse("results", "/results" + p(FAMILY))];
console.table(rows);

// Render steps with 4x CPU throttling.
const browser = await launch();
const { context, page } = await newPage(browser);
// trunk's boot script hands over the wasm exports, memory included.
await page.addInitScript(() => addEventListener("TrunkApplicationStarted", (e) => { window.__wasm = e.detail.wasm; }));
const cdp = await context.newCDPSession(page);
await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
await page.goto(url + "/");
await ready(page);
await page.getByRole("link", { name: "全面查一查" }).click();
await page.getByRole("button", { name: "+ 添加子女" }).click();
await page.getByRole("button", { name: "继续" }).click();
await page.waitForURL(/\/q\//);
const steps = [];
for (let i = 0; i < 60 && page.url().includes("/q/"); i++) {
  if (await page.locator("#number-input").count()) await page.fill("#number-input", i ? "4" : "35");
  else if (await page.locator("#box-none").count()) await page.locator("label[for=box-none]").click();
  else await page.locator(".choices label").first().click();
  // From the click to the next page's heading in the DOM, measured in the page.
  steps.push(await page.evaluate(() => new Promise((done) => {
    const before = location.pathname;
    const t0 = performance.now();
    document.querySelector("button[type=submit]").click();
    const poll = () => (location.pathname !== before && document.querySelector("main h1") ? done(performance.now() - t0) : requestAnimationFrame(poll));
    poll();
  })));
}
// First cards on screen, and every card (they render a few per frame).
const [results, resultsAll] = await page.evaluate(() => new Promise((done) => {
  const t0 = performance.now();
  let first;
  document.querySelector("a.button[href='/results']").click();
  const poll = () => {
    first ??= document.querySelector("article.service") ? performance.now() - t0 : undefined;
    document.querySelector(".results-body[data-complete=true]") ? done([first, performance.now() - t0]) : requestAnimationFrame(poll);
  };
  poll();
}));
// An answer changed from the results page: 修改 → new age → 继续 → results.
const edits = [];
for (const age of [36, 37, 38, 39, 40]) {
  await page.locator("details.your-answers summary").click();
  await page.locator("details.your-answers .row", { hasText: "年龄" }).first().getByRole("link").click();
  await page.waitForSelector("#number-input");
  await page.fill("#number-input", String(age));
  edits.push(await page.evaluate(() => new Promise((done) => {
    const t0 = performance.now();
    document.querySelector("button[type=submit]").click();
    const poll = () => (location.pathname === "/results" && document.querySelector("article.service") ? done(performance.now() - t0) : requestAnimationFrame(poll));
    poll();
  })));
  await page.waitForSelector(".results-body[data-complete=true]");
}
const heap = await cdp.send("Runtime.getHeapUsage");
const wasmBytes = await page.evaluate(() => window.__wasm?.memory?.buffer.byteLength ?? 0);
const sorted = [...steps].sort((a, b) => a - b);
console.table([{ "question steps": steps.length, "median ms": sorted[sorted.length >> 1].toFixed(1), "p90 ms": sorted[Math.floor(sorted.length * 0.9)].toFixed(1), "max ms": sorted.at(-1).toFixed(1), "check → results ms": results.toFixed(1), "… all cards ms": resultsAll.toFixed(1), "answer changed on results → updated ms": edits.map((t) => t.toFixed(1)).join(" "), "JS heap MB": (heap.usedSize / 2 ** 20).toFixed(2), "wasm memory MB": (wasmBytes / 2 ** 20).toFixed(2), "total MB": ((heap.usedSize + wasmBytes) / 2 ** 20).toFixed(2) }]);
await browser.close();
server.close();
