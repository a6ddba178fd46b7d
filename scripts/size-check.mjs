// Size budget of the release build (dist/), brotli-compressed as served.
// Sizes are deterministic, so this is a test; timings are a benchmark.
import { readdirSync, readFileSync } from "node:fs";
import { brotliCompressSync, constants } from "node:zlib";

const dist = new URL("../dist/", import.meta.url).pathname;
const br = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
// The app's own files; the services' static pages (service/, services/,
// en/) and sitemap.xml are other pages, each loaded on its own.
const rows = readdirSync(dist, { withFileTypes: true }).filter((d) => d.isFile() && !/\.(br|gz|xml)$/.test(d.name)).map((d) => d.name).map((f) => {
  const raw = readFileSync(dist + f);
  return { file: f, raw: raw.length, brotli: br(raw) };
});
const sum = (pred) => rows.filter(pred).reduce((a, r) => a + r.brotli, 0);
const kb = (n) => (n / 1024).toFixed(1) + " KB";
for (const r of rows) console.log(`${r.file.padEnd(48)} ${String(r.raw).padStart(8)} B raw ${kb(r.brotli).padStart(10)} brotli`);
const wasm = sum((r) => r.file.endsWith(".wasm"));
// The first question needs the page, the code and the styles; the services'
// texts (catalog-texts-*.json) and the plan text load later. Some files
// belong to other pages: the web server's 404 page, the search of the
// services' list, the portal's embed script; the offline copy's worker is
// registered after the first paint and fetches in the background.
const others = new Set(["404.html", "services-search.js", "embed.js", "sw.js"]);
const first = sum((r) => /\.(html|js|wasm|css|svg)$/.test(r.file) && !others.has(r.file));
const later = sum((r) => /\.(json|txt)$/.test(r.file));
console.log(`wasm ${kb(wasm)} brotli (budget 255 KB); first question total ${kb(first)} brotli (budget 270 KB); loaded later ${kb(later)}`);
const over = [];
if (wasm > 255 * 1024) over.push(`wasm is ${kb(wasm)} brotli, budget 255 KB`);
if (first > 270 * 1024) over.push(`first-question bytes are ${kb(first)} brotli, budget 270 KB`);
if (over.length) { console.error("SIZE BUDGET EXCEEDED: " + over.join("; ")); process.exit(1); }
