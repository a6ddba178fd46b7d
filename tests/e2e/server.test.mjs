// The production web server (issue 23): dist/ through Debian's nginx with
// deploy/nginx/ exactly as shipped (scripts/nginx.mjs), every header on
// every kind of file, the fallback for the app's own screens and a real
// 404 for anything else, brotli and gzip by Accept-Encoding, and bad
// requests refused cleanly. The other end-to-end tests run against the
// same server (harness.mjs), so a full flow under its CSP and Trusted
// Types is tested there.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { readdirSync } from "node:fs";
import { serve } from "./harness.mjs";
import { checkDeployment, headerProblems, sumsOf } from "../../scripts/check-deployment.mjs";

let srv;
before(async () => { srv = await serve({ frameAncestors: "'self' https://portal.example" }); });
after(() => srv?.server.close());

/** A raw request (no client normalising the path or adding headers). */
function get(path, { method = "GET", headers = {} } = {}) {
  return new Promise((ok, fail) => {
    const { hostname, port } = new URL(srv.url);
    const req = request({ hostname, port, path, method, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", fail);
    req.end();
  });
}

const dist = new URL("../../dist/", import.meta.url).pathname;
// 404.html is what the server sends for a 404, never a file of its own.
const built = readdirSync(dist, { withFileTypes: true }).filter((d) => d.isFile() && !/\.(br|gz)$/.test(d.name) && d.name !== "404.html").map((d) => d.name);
const hashed = built.filter((f) => /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css|json)$/.test(f));
const TYPES = { js: "text/javascript", wasm: "application/wasm", css: "text/css", json: "application/json", txt: "text/plain", svg: "image/svg+xml", html: "text/html", xml: "application/xml", png: "image/png", webmanifest: "application/manifest+json" };

/** The security headers every response carries (the same check as scripts/check-deployment.mjs). */
function secure(h, what) {
  assert.deepEqual(headerProblems(new Headers(Object.entries(h).map(([k, v]) => [k, String(v)])), what, { frameAncestors: "'self' https://portal.example" }), []);
  assert.equal(h.server, "nginx", `${what}: no version in Server`);
}

test("every built file: its type, its caching, the security headers, readable cross-origin only where an embed needs it", async () => {
  assert.ok(hashed.length >= 4, hashed.join(" "));
  for (const f of built) {
    const r = await get("/" + f);
    assert.equal(r.status, 200, f);
    const ext = f.split(".").pop();
    assert.ok(r.headers["content-type"].startsWith(TYPES[ext]), `${f}: ${r.headers["content-type"]}`);
    secure(r.headers, f);
    if (hashed.includes(f)) {
      assert.equal(r.headers["cache-control"], "public, max-age=31536000, immutable", f);
      assert.equal(r.headers["access-control-allow-origin"], "*", `${f}: a sandboxed embed fetches it cross-origin`);
    } else {
      assert.equal(r.headers["cache-control"], "no-cache", f);
    }
    if (f === "index.html") assert.equal(r.headers["access-control-allow-origin"], undefined, "the page itself is not for other origins");
  }
});

test("the app's screens fall back to the page; a missing file is a real 404", async () => {
  const page = await get("/index.html");
  for (const path of ["/", "/household", "/household?event=baby", "/q/age/all", "/q/hukou/about-1?return=check", "/check", "/results", "/source/free-tuition"]) {
    const r = await get(path);
    assert.equal(r.status, 200, path);
    assert.ok(r.headers["content-type"].startsWith("text/html"), path);
    assert.equal(r.headers["cache-control"], "no-cache", path);
    assert.deepEqual(r.body, page.body, `${path} is the app's page`);
    secure(r.headers, path);
  }
  for (const path of ["/missing.js", "/anyang-guide-0000000000000000_bg.wasm", "/img/logo.png", "/q", "/q/a/b/c", "/results/extra", "/.git/config", "/dist/index.html", "/404.html"]) {
    const r = await get(path);
    assert.equal(r.status, 404, path);
    assert.ok(!r.body.includes("static-start"), `${path}: not the app's page`);
    assert.ok(r.body.includes("找不到这个页面") && r.body.includes('href="/"'), `${path}: a plain Chinese page with a way back`);
    assert.ok(r.headers["content-type"].startsWith("text/html"), path);
    secure(r.headers, path);
  }
});

test("brotli, gzip or plain, as the browser accepts", async () => {
  const wasm = hashed.find((f) => f.endsWith(".wasm"));
  for (const f of ["index.html", wasm, "anyang-14th-fyp-public-services-plan.txt"]) {
    const plain = await get("/" + f);
    assert.equal(plain.headers["content-encoding"], undefined, f);
    const br = await get("/" + f, { headers: { "accept-encoding": "gzip, deflate, br" } });
    assert.equal(br.headers["content-encoding"], "br", f);
    assert.ok(br.body.length < plain.body.length, `${f}: ${br.body.length} < ${plain.body.length}`);
    assert.match(br.headers.vary ?? "", /accept-encoding/i, f);
    const gz = await get("/" + f, { headers: { "accept-encoding": "gzip" } });
    assert.equal(gz.headers["content-encoding"], "gzip", f);
  }
});

test("bad requests are refused cleanly: other methods, paths out of the root, very long addresses", async () => {
  for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]) {
    assert.equal((await get("/", { method })).status, 405, method);
    assert.equal((await get("/results", { method })).status, 405, method);
  }
  assert.equal((await get("/", { method: "HEAD" })).status, 200);
  for (const path of ["/../../etc/passwd", "/q/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd"]) {
    const r = await get(path);
    assert.ok([400, 404].includes(r.status), `${path}: ${r.status}`);
    assert.ok(!r.body.includes("root:"), path);
  }
  assert.equal((await get("/q/" + "a".repeat(9000) + "/0")).status, 414);
});

test("scripts/check-deployment.mjs finds this deployment as built, and a broken one not", async () => {
  assert.deepEqual(await checkDeployment(srv.url, sumsOf(dist), { frameAncestors: "'self' https://portal.example" }), []);
  const wrong = sumsOf(dist).map(([f, sum], i) => [f, i === 0 ? "0".repeat(64) : sum]);
  assert.equal((await checkDeployment(srv.url, wrong)).length, 1, "one file that is not the release's");
});
