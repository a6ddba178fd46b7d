// Foundation: the release build loads under a strict CSP, says what it does
// in Chinese, and its start button leads on.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { serve, launch, newPage, ready } from "./harness.mjs";

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
  assert.ok(files.some((f) => /^anyang-guide-[0-9a-f]{16}_bg\.wasm$/.test(f)), "hashed wasm name");
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

test("an unknown address shows a plain message and a way back, not a blank page", async () => {
  const { context, page } = await newPage(browser);
  await page.goto(srv.url + "/no/such/page");
  await ready(page);
  assert.equal(await page.locator("h1").innerText(), "找不到这个页面");
  await page.getByRole("link", { name: "回到首页" }).click();
  await page.waitForURL(srv.url + "/");
  await context.close();
});
