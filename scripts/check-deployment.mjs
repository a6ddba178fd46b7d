// Checks a live deployment of the guide against the files of a release:
// every file is there with the bytes of the build (SHA-256), its type, its
// caching and the security headers the guide needs; the app's screens fall
// back to the page; a missing file is a 404. The end-to-end tests run the
// same check against the shipped nginx configuration (server.test.mjs).
//
//   node scripts/check-deployment.mjs https://guide.example.gov.cn [SHA256SUMS]
//
// SHA256SUMS is the list in the release package (scripts/package); without
// it the local dist/ is hashed. Exits non-zero, naming each problem.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const TYPES = { js: "text/javascript", wasm: "application/wasm", css: "text/css", json: "application/json", txt: "text/plain", svg: "image/svg+xml", html: "text/html", xml: "application/xml", png: "image/png", webmanifest: "application/manifest+json" };
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css|json)$/;

/** Each file of a build (not its .br/.gz copies, not the 404 page) and its SHA-256. */
export function sumsOf(dist) {
  return readdirSync(dist, { recursive: true })
    .filter((f) => statSync(join(dist, f)).isFile() && !/\.(br|gz)$/.test(f) && f !== "404.html")
    .map((f) => [f, createHash("sha256").update(readFileSync(join(dist, f))).digest("hex")]);
}

/** What the security headers must say; `frameAncestors` as the deployment lists them, if given. */
export function headerProblems(h, what, { frameAncestors } = {}) {
  const problems = [];
  const csp = h.get("content-security-policy") ?? "";
  const directives = ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'", "base-uri 'none'", "form-action 'self'", "object-src 'none'", "require-trusted-types-for 'script'", "frame-ancestors"];
  for (const d of directives) if (!csp.includes(d)) problems.push(`${what}: Content-Security-Policy lacks ${d}`);
  if (frameAncestors && !csp.includes(`frame-ancestors ${frameAncestors}`)) problems.push(`${what}: frame-ancestors is not ${frameAncestors}`);
  const want = { "x-content-type-options": "nosniff", "referrer-policy": "no-referrer", "cross-origin-opener-policy": "same-origin" };
  for (const [k, v] of Object.entries(want)) if (h.get(k) !== v) problems.push(`${what}: ${k} is ${h.get(k)}, not ${v}`);
  for (const p of ["camera=()", "microphone=()", "geolocation=()"]) if (!h.get("permissions-policy")?.includes(p)) problems.push(`${what}: Permissions-Policy lacks ${p}`);
  return problems;
}

/** Every problem of the deployment at `base` for the files `sums` ([name, sha256]). */
export async function checkDeployment(base, sums, options = {}) {
  const problems = [];
  const get = (path) => fetch(new URL(path, base), { headers: { "accept-encoding": "identity" }, redirect: "manual" });
  for (const [f, sum] of sums) {
    const r = await get("/" + f);
    if (r.status !== 200) { problems.push(`/${f}: status ${r.status}`); continue; }
    const body = Buffer.from(await r.arrayBuffer());
    if (createHash("sha256").update(body).digest("hex") !== sum) problems.push(`/${f}: not the bytes of this release`);
    const type = TYPES[f.split(".").pop()];
    if (type && !r.headers.get("content-type")?.startsWith(type)) problems.push(`/${f}: type ${r.headers.get("content-type")}, not ${type}`);
    const cache = HASHED.test(f) ? "public, max-age=31536000, immutable" : "no-cache";
    if (r.headers.get("cache-control") !== cache) problems.push(`/${f}: Cache-Control ${r.headers.get("cache-control")}, not ${cache}`);
    if (HASHED.test(f) && r.headers.get("access-control-allow-origin") !== "*") problems.push(`/${f}: a sandboxed embed cannot read it (no Access-Control-Allow-Origin: *)`);
    problems.push(...headerProblems(r.headers, "/" + f, options));
  }
  for (const path of ["/household", "/results", "/q/age/all"]) {
    const r = await get(path);
    if (r.status !== 200 || !(await r.text()).includes("static-start")) problems.push(`${path}: the app's screens must fall back to index.html`);
  }
  const missing = await get("/no-such-file.js");
  if (missing.status !== 404) problems.push(`/no-such-file.js: status ${missing.status}, not 404`);
  return problems;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const [base, list] = process.argv.slice(2);
  if (!base) {
    console.error("usage: node scripts/check-deployment.mjs URL [SHA256SUMS]");
    process.exit(2);
  }
  const sums = list
    ? readFileSync(list, "utf8").split("\n").filter(Boolean).map((l) => l.split(/\s+\*?/)).map(([sum, f]) => [f.replace(/^\.\//, ""), sum])
    : sumsOf(new URL("../dist/", import.meta.url).pathname);
  const problems = await checkDeployment(base, sums);
  for (const p of problems) console.error(p);
  console.log(problems.length ? `${problems.length} problem(s) at ${base}` : `${base}: ${sums.length} files as built, headers as required`);
  process.exit(problems.length ? 1 : 0);
}
