// Shared by the end-to-end tests: serves dist/ through Debian's nginx with
// the shipped configuration (deploy/nginx/, via scripts/nginx.mjs): its
// strict CSP with Trusted Types, its caching, its SPA fallback, exactly as
// the city deploys it. Launches Debian's headless Chromium through
// playwright-core.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startNginx } from "../../scripts/nginx.mjs";

export const ARTIFACTS = new URL("./artifacts/", import.meta.url).pathname;

const servers = [];

/** Every request address the servers saw, so tests can prove no answer leaves the device. */
export const requests = () => servers.flatMap((s) => s.requests());

/** `frameAncestors`: who may embed the app (the portal's origin), as a deployment lists them. */
export async function serve({ frameAncestors = "'self'" } = {}) {
  const s = await startNginx({ frameAncestors });
  servers.push(s);
  return { server: { close: s.close }, url: s.url };
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
