// Shared by the end-to-end tests: serves dist/ on 127.0.0.1 with the strict
// Content-Security-Policy the portal uses (and SPA fallback), and launches
// Debian's headless Chromium through playwright-core.
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'";
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8" };
const DIST = process.env.DIST ?? new URL("../../dist/", import.meta.url).pathname;
export const ARTIFACTS = new URL("./artifacts/", import.meta.url).pathname;

/** Every request the server saw, so tests can prove no answer leaves the device. */
export const requests = [];

/** `frameAncestors`: who may embed the app (the portal's origin), as its CSP would say. */
export async function serve({ frameAncestors = "'self'" } = {}) {
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    let file = join(DIST, path);
    let body;
    try {
      body = await readFile(file);
    } catch {
      file = join(DIST, "index.html"); // client-side routes
      body = await readFile(file);
    }
    // Sends the precompressed copy the build wrote, as a static server would.
    const accepts = req.headers["accept-encoding"] ?? "";
    const headers = { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "content-security-policy": `${CSP}; frame-ancestors ${frameAncestors}`, "x-content-type-options": "nosniff", vary: "accept-encoding",
      // Public static files: lets a portal embed the app in a sandbox without allow-same-origin.
      "access-control-allow-origin": "*" };
    for (const [enc, ext] of [["br", ".br"], ["gzip", ".gz"]]) {
      if (!accepts.includes(enc)) continue;
      try { body = await readFile(file + ext); headers["content-encoding"] = enc; break; } catch {}
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}

export async function launch() {
  await mkdir(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** A page that fails the test on any console error, CSP violation or uncaught exception. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 390, height: 844 }, ...options });
  const page = await context.newPage();
  page.problems = [];
  page.on("console", (m) => { if (m.type() === "error") page.problems.push(m.text()); });
  page.on("pageerror", (e) => page.problems.push(String(e)));
  page.on("request", (r) => { if (!r.url().startsWith("http://127.0.0.1")) page.problems.push(`request to another origin: ${r.url()}`); });
  return { context, page };
}

/** Waits until the app has rendered (the wasm has taken over). */
export async function ready(page) {
  await page.waitForSelector("#static-start", { state: "detached", timeout: 20000 });
  await page.waitForSelector("header.site-header .tools");
}

/** Base64url without padding, as profile-v1.md's #p= form. */
export function p(profile) {
  return "#p=" + Buffer.from(JSON.stringify(profile)).toString("base64url");
}

export async function shot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
