// Browser benchmarks of the release build in dist/: Lighthouse (mobile
// preset, default throttling) on the start and results pages; with 4x CPU
// throttling, each answer → next question, 修改 on the results page →
// question open, and each answer changed there → results updated; the JS
// heap plus wasm memory after a flow.
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

// A tap measured in the page with the Performance API: `work` is the main
// thread's time from the tap to the painted update: the handler and the DOM
// update (to the last DOM change before the frame), then that frame's
// rendering (from its animation-frame callbacks to after its paint).
// `wall` adds the idle wait for the display's next frame.
// `until`: "new page", or { gone: selector } or { shown: selector }.
const tap = (page, button, until) => page.evaluate(([button, until]) => new Promise((resolve) => {
  let changed = 0;
  // "new page": the heading or the progress says so. (Leptos may keep the
  // elements and change their words; the address bar follows after the paint.)
  const heading = () => document.querySelector("main h1:not([hidden] *, [inert] *)")?.textContent + "|" + document.querySelector("main .progress")?.textContent;
  const before = heading();
  const t0 = performance.now();
  const mo = new MutationObserver(() => { changed = performance.now() - t0; });
  mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  document.querySelector(button).click();
  const ready = () => (until === "new page" ? heading() !== before : until.gone ? !document.querySelector(until.gone) : !!document.querySelector(until.shown));
  const frame = () => {
    if (!ready()) return requestAnimationFrame(frame);
    const start = performance.now() - t0;
    const dom = changed;
    // Painted: a task after the frame runs, or else the next frame starts
    // (when frames follow each other, as while a long list comes in, tasks
    // wait). The task is urgent, so it runs before the work the app put off
    // until after the paint (a timer set in that frame), which would
    // otherwise be counted as the frame's.
    let over = false;
    const painted = () => {
      if (over) return;
      over = true;
      mo.disconnect();
      const painted = performance.now() - t0;
      resolve({ work: dom + painted - start, wall: painted, dom, render: painted - start });
    };
    scheduler.postTask(painted, { priority: "user-blocking" });
    requestAnimationFrame(painted);
  };
  requestAnimationFrame(frame);
}), [button, until]);
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[s.length >> 1].toFixed(1), p90: s[Math.floor(s.length * 0.9)].toFixed(1), max: s.at(-1).toFixed(1) };
};

// Render steps with 4x CPU throttling: one full flow per run, in a fresh
// page. Runs vary by about ±3 ms at the median, so several are pooled
// (BENCH_RUNS, default 3); memory is read after the last.
const browser = await launch();
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const steps = [], results = [], opens = [], edits = [], warmed = [];
let heap, wasmBytes;
for (let run = 0; run < RUNS; run++) {
  const { context, page } = await newPage(browser);
  // trunk's boot script hands over the wasm exports, memory included.
  await page.addInitScript(() => addEventListener("TrunkApplicationStarted", (e) => { window.__wasm = e.detail.wasm; }));
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.goto(url + "/");
  await ready(page);
  // A resident reads the start page first; meanwhile the screens are
  // rehearsed off the page (ui/warmup). The flow starts once that is done.
  await page.waitForFunction(() => performance.getEntriesByName("warm-up: screens").length, null, { timeout: 30000 });
  warmed.push(await page.evaluate(() => performance.getEntriesByName("warm-up: screens")[0].startTime));
  await page.getByRole("link", { name: "全面查一查" }).click();
  await page.getByRole("button", { name: "+ 添加子女" }).click();
  await page.getByRole("button", { name: "继续" }).click();
  await page.waitForURL(/\/q\//);
  for (let i = 0; i < 60 && page.url().includes("/q/"); i++) {
    if (await page.locator("#number-input").count()) await page.fill("#number-input", i ? "4" : "35");
    else if (await page.locator("#box-none").count()) await page.locator("label[for=box-none]").click();
    else await page.locator(".choices label").first().click();
    const where = new URL(page.url()).pathname;
    steps.push(await tap(page, "button[type=submit]", "new page"));
    await page.waitForURL((u) => u.pathname !== where);
  }
  // Check answers → results: the first card (the rest follow a few per
  // frame). A resident reads their answers first; meanwhile the top of the
  // results is built off stage (ui/summary).
  await page.waitForTimeout(1000);
  results.push(await tap(page, "a.button[href='/results']", "new page"));
  await page.waitForSelector(".results-body[data-complete=true]");
  // An answer changed on the results page: 修改 opens the question in place,
  // 更新结果 updates the results (the child's age, then the resident's).
  await page.locator("details.your-answers summary").click();
  for (const [who, age] of [["子女", 5], ["子女", 7], ["子女", 16], ["您", 36], ["您", 50], ["您", 61], ["子女", 2], ["您", 35]]) {
    const change = await page.locator("details.your-answers .row", { hasText: "· 年龄" }).filter({ hasText: who }).getByRole("button", { name: /修改|Change/ }).getAttribute("id");
    await page.waitForTimeout(200);
    opens.push(await tap(page, `#${change}`, { shown: "dd.edit" }));
    // Typing scrolls the field into view; a resident's tap on 更新结果
    // comes frames later, not in the frame that draws that scroll.
    await page.fill("#number-input", String(age));
    await page.waitForTimeout(200);
    edits.push(await tap(page, "dd.edit button[type=submit]", { gone: "dd.edit" }));
    await page.waitForTimeout(200);
  }
  heap = await cdp.send("Runtime.getHeapUsage");
  wasmBytes = await page.evaluate(() => window.__wasm?.memory?.buffer.byteLength ?? 0);
  await context.close();
}
const row = (step, xs) => {
  const [work, wall] = [stats(xs.map((x) => x.work)), stats(xs.map((x) => x.wall))];
  const within = xs.filter((x) => x.work < 16).length;
  return { step: `${step} (${xs.length}, ${RUNS} runs)`, "work median ms": work.median, "work p90 ms": work.p90, "work max ms": work.max, "within 16 ms": `${Math.round((100 * within) / xs.length)}%`, "wall median ms": wall.median };
};
console.table([row("answer → next question", steps), row("check answers → results", results), row("修改 on results → question open", opens), row("answer changed on results → results updated", edits)]);
if (process.env.EACH) console.log("opens", opens.map((x) => x.work.toFixed(1)).join(" "), "\nedits", edits.map((x) => x.work.toFixed(1) + "(" + x.dom.toFixed(1) + "+" + x.render.toFixed(1) + ")").join(" "));
console.log(`warm-up done (ms after the page was opened): ${warmed.map(Math.round).join(", ")}`);
console.table([{ "JS heap MB": (heap.usedSize / 2 ** 20).toFixed(2), "wasm memory MB": (wasmBytes / 2 ** 20).toFixed(2), "total MB": ((heap.usedSize + wasmBytes) / 2 ** 20).toFixed(2) }]);
await browser.close();
server.close();
