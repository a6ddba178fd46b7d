// Browser benchmarks of the release build in dist/, as a resident feels
// them, written to docs/performance.md with the engine and size figures
// scripts/bench gathered (bench-out/engine.txt, bench-out/size.txt):
// - Lighthouse (mobile preset: slow 4G, 4x CPU) on the start page, a
//   service's static page and the results page, the median of three runs;
// - interaction latency as Chrome's INP measures it (Event Timing API: from
//   the input to the next paint), with 4x CPU throttling, over full flows of
//   a household of four: every tap and key press from the start page to the
//   results, then answers changed on the results page;
// - pages from the start page to the results;
// - JS heap plus wasm memory after a flow.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { serve, launch, newPage, ready } from "../tests/e2e/harness.mjs";

const FLAGS = "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync";
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** The budget (issue "one workspace…", point 2): INP-style latency under 4x CPU throttling. */
const BUDGET = { median: 50, p90: 100 };
/** Between key presses: a quick typist on a phone. Keys sent with no pause
 * queue up, and each one's latency then includes the frames of those before. */
const TYPING = 150;
const { server, url } = await serve();
mkdirSync("bench-out", { recursive: true });

// Async: the static server runs in this same process and must keep serving.
// Lighthouse's simulated figures vary from run to run (a start page's TBT
// between 60 and 190 ms here): each page is the median of three runs, by
// performance score.
async function lighthouse(name, path) {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await lighthouseOnce(name, path));
  return runs.sort((a, b) => a[1] - b[1])[1];
}

async function lighthouseOnce(name, path) {
  const out = `bench-out/lighthouse-${name.replace(/ /g, "-")}.json`;
  await promisify(execFile)("node_modules/.bin/lighthouse", [url + path, "--quiet", `--chrome-flags=${FLAGS}`, "--only-categories=performance,accessibility,best-practices", "--output=json", `--output-path=${out}`], { env: { ...process.env, CHROME_PATH: "/usr/bin/chromium" } });
  const r = JSON.parse(readFileSync(out, "utf8"));
  const a = (id) => r.audits[id].numericValue;
  return [name, r.categories.performance.score * 100, r.categories.accessibility.score * 100, r.categories["best-practices"].score * 100, Math.round(a("first-contentful-paint")), Math.round(a("largest-contentful-paint")), Math.round(a("total-blocking-time")), (a("total-byte-weight") / 1024).toFixed(1)];
}

const FAMILY = { v: 1, household: { area: "urban", support_status: "low_income", housing: "difficulty", tenure: "rent" }, members: [{ role: "self", age: 38, sex: "female", work: "flexible" }, { role: "spouse", age: 40, work: "unemployed" }, { role: "child", age: 2 }, { role: "parent", age: 72, chronic: ["hypertension"] }] };
const lighthouseRows = [await lighthouse("start", "/"), await lighthouse("service page", "/service/public-rental-housing/"), await lighthouse("results", "/results#p=" + Buffer.from(JSON.stringify(FAMILY)).toString("base64url"))];

/** Every interaction's latency so far (the longest event of each): where,
 * what, and its parts (input delay, handlers, rendering to the paint). */
const observe = () => {
  window.__interactions = new Map();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!e.interactionId) continue;
      const before = window.__interactions.get(e.interactionId);
      const target = e.target?.closest?.("button, a, label, summary")?.textContent?.trim().slice(0, 12) || e.target?.id || e.target?.tagName || "";
      const parts = { delay: e.processingStart - e.startTime, handlers: e.processingEnd - e.processingStart, render: e.startTime + e.duration - e.processingEnd };
      if (!before || e.duration > before.duration) window.__interactions.set(e.interactionId, { duration: e.duration, kind: e.name, target, where: location.pathname, ...parts });
    }
  }).observe({ type: "event", durationThreshold: 16, buffered: true });
};
const taken = (page) => page.evaluate(() => [...window.__interactions.values()]);

/** A household of four through the whole check, as a resident taps and types. */
async function flow(page) {
  await page.getByRole("link", { name: "全面查一查" }).click();
  for (const who of ["配偶", "子女", "父母"]) await page.getByRole("button", { name: `+ 添加${who}` }).click();
  await page.getByRole("button", { name: "继续" }).click();
  await page.waitForURL(/\/q\//);
  const ages = { 0: "38", 1: "40", 2: "2", 3: "72" };
  let pages = 1; // the household page
  for (let i = 0; i < 80 && page.url().includes("/q/"); i++) {
    const [, key, who] = new URL(page.url()).pathname.match(/^\/q\/([^/]+)\/([^/]+)$/);
    pages++;
    if (await page.locator(".row-field").count()) {
      // A page of rows: ages typed, choices picked (the first of each).
      for (const row of await page.locator(".row-field").all()) {
        const select = row.locator("select");
        if (await select.count()) await select.selectOption({ index: 1 });
        else await row.locator("input.number").pressSequentially(ages[await row.getAttribute("data-member")] ?? "30", { delay: TYPING });
      }
    } else if (await page.locator("#number-input").count()) await page.locator("#number-input").pressSequentially(key === "age" ? ages[who] ?? "30" : "1", { delay: TYPING });
    else if (await page.locator("#box-none").count()) await page.locator("label[for=box-none]").click();
    else await page.locator(".choices label").first().click();
    const where = page.url();
    await page.getByRole("button", { name: "继续" }).click();
    await page.waitForURL((u) => u.href !== where);
  }
  pages++; // check answers
  await page.getByRole("link", { name: "查看结果" }).click();
  await page.waitForSelector("section[aria-labelledby=maybe]");
  pages++; // the results
  // Answers changed on the results page: 修改 opens the question in place,
  // 更新结果 updates the results.
  await page.locator("details.your-answers summary").click();
  for (const [who, age] of [["子女", "5"], ["子女", "16"], ["您", "61"], ["子女", "2"], ["您", "35"]]) {
    await page.locator("details.your-answers .row", { hasText: "· 年龄" }).filter({ hasText: who }).getByRole("button", { name: /修改/ }).click();
    await page.locator("#number-input").fill("");
    await page.locator("#number-input").pressSequentially(age, { delay: TYPING });
    await page.getByRole("button", { name: "更新结果" }).click();
    await page.waitForSelector("dd.edit", { state: "detached" });
  }
  await page.waitForTimeout(500); // the last paint's entries
  return pages;
}

const browser = await launch();
const all = [];
const pagesPerRun = [];
let heap, wasmBytes;
for (let run = 0; run < RUNS; run++) {
  const { context, page } = await newPage(browser);
  await page.addInitScript(observe);
  // trunk's boot script hands over the wasm exports, memory included.
  await page.addInitScript(() => addEventListener("TrunkApplicationStarted", (e) => { window.__wasm = e.detail.wasm; }));
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.goto(url + "/");
  await ready(page);
  pagesPerRun.push(await flow(page));
  all.push(...(await taken(page)));
  heap = await cdp.send("Runtime.getHeapUsage");
  wasmBytes = await page.evaluate(() => window.__wasm?.memory?.buffer.byteLength ?? 0);
  await context.close();
}
await browser.close();
server.close();

// Every interaction counts, those under 16 ms too (the observer's floor):
// those are reported as "< 16".
const interactions = all;
const count = interactions.length;
const sorted = interactions.map((x) => x.duration).sort((a, b) => a - b);
const at = (q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] : 0);
// Chrome's INP: the worst interaction, less one for every 50.
const inp = sorted.length ? sorted[Math.max(0, sorted.length - 1 - Math.floor(sorted.length / 50))] : 0;
const worst = interactions.sort((a, b) => b.duration - a.duration).slice(0, 5);
const verdict = at(0.5) <= BUDGET.median && at(0.9) <= BUDGET.p90 ? "within budget" : "OVER BUDGET";

function pagesTable() {
  if (!existsSync("bench-out/pages.json")) return "(not measured in this run)";
  const { cases } = JSON.parse(readFileSync("bench-out/pages.json", "utf8"));
  const events = Object.keys(cases[0]?.life_events ?? {});
  const full = cases.map((c) => c.full_check).sort((a, b) => a - b);
  const rows = cases.map((c) => [c.case, c.members, c.full_check, ...events.map((e) => c.life_events[e])]);
  return `Full check: median ${full[full.length >> 1]} pages, most ${full.at(-1)}.\n\n` + table(["case", "members", "full check", ...events], rows);
}
const read = (f) => (existsSync(f) ? readFileSync(f, "utf8").trim() : "(not measured in this run)");
const table = (head, rows) => [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
const doc = `# Performance

Written by \`scripts/bench\` (do not edit by hand); history is in git.
Measured ${new Date().toISOString().slice(0, 10)} on the development machine (2 cores), release build.

## Budgets, as a resident feels them

| what | budget | checked by |
| --- | --- | --- |
| wasm | ≤ 255 KB brotli (200 until ADR 7, 215 until ADR 10, 225 until ADR 11, 230 until ADR 12) | \`scripts/size-check.mjs\`, in the test command |
| everything the first question needs | ≤ 270 KB brotli (250 until ADR 12) | the same |
| interaction to next paint, 4× CPU throttling, full flows of a household of four | median ≤ ${BUDGET.median} ms, p90 ≤ ${BUDGET.p90} ms | this bench |
| Lighthouse mobile, start page and a service page | LCP ≤ 1.0 s, performance 100, accessibility 100 (issue 24) | this bench |
| Lighthouse mobile, results page | performance ≥ 90, accessibility 100 | this bench |

Sizes are deterministic, so they are a test; timings vary from run to
run and machine to machine, so they are a benchmark and no test asserts one.

## Interactions (INP method)

Every tap and key press of ${RUNS} full flows (${pagesPerRun.join(", ")} pages from the start page to the results: the
household page, the questions, check answers, the results), then five
answers changed on the results page, in Chromium with 4× CPU throttling.
Latency is what Chrome's INP measures (Event Timing API): from the input to
the next paint. Ages are typed a key every ${TYPING} ms. The observer sees interactions of 16 ms and more; faster
ones count as under 16 ms.

| interactions of 16 ms or more | median | p90 | max | INP (worst, less one per 50) | verdict |
| --- | --- | --- | --- | --- | --- |
| ${count} | ${Math.round(at(0.5))} ms | ${Math.round(at(0.9))} ms | ${Math.round(sorted.at(-1) ?? 0)} ms | ${Math.round(inp)} ms | ${verdict} |

The slowest five (input delay + handlers + rendering to the paint):

${table(["ms", "what", "on", "page", "delay", "handlers", "rendering"], worst.map((w) => [Math.round(w.duration), w.kind, w.target, w.where, Math.round(w.delay), Math.round(w.handlers), Math.round(w.render)]))}

## Lighthouse (mobile: slow 4G, 4× CPU)

${table(["page", "performance", "accessibility", "best practices", "FCP ms", "LCP ms", "TBT ms", "bytes KB"], lighthouseRows)}

## Memory after a flow

JS heap ${(heap.usedSize / 2 ** 20).toFixed(2)} MB, wasm memory ${(wasmBytes / 2 ** 20).toFixed(2)} MB.

## Sizes (release build, brotli as served)

\`\`\`
${read("bench-out/size.txt")}
\`\`\`

## Question pages per household case

What a household sees after the household page, up to check answers,
answering truthfully ("不确定" where its case leaves a fact open), for a
full check (全面查一查) and for each life event; counted natively by
\`guide-eval pages\` over every case in \`crates/catalog/cases/\`.

${pagesTable()}

## Engine (native, divan)

The whole catalog evaluated for a household of four, and ranked for the next question:

\`\`\`
${read("bench-out/engine.txt")}
\`\`\`
`;
writeFileSync("docs/performance.md", doc);
console.log(doc);
