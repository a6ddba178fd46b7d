// Foundation: the release build loads under a strict CSP, says what it does
// in Chinese, and its start button leads on.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { createServer } from "node:http";
import { serve, launch, newPage, ready, p } from "./harness.mjs";
import { titles } from "./flow.mjs";

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

test("an unknown address shows a plain message and a way back, not a blank page", async () => {
  const { context, page } = await newPage(browser);
  await page.goto(srv.url + "/no/such/page");
  await ready(page);
  assert.equal(await page.locator("h1").innerText(), "找不到这个页面");
  await page.getByRole("link", { name: "回到首页" }).click();
  await page.waitForURL(srv.url + "/");
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

test("type samples (ui/warmup) cover every text style the pages use, out of sight and unread, then go", async () => {
  const { context, page } = await newPage(browser);
  // The samples are removed once laid out: note each one's size and weight
  // as it comes.
  await page.addInitScript(() => {
    window.samples = { styles: [], tags: [], box: null, rounds: 0 };
    new MutationObserver((records) => {
      for (const node of records.flatMap((r) => [...r.addedNodes])) {
        if (node.nodeType !== 1 || !node.isConnected) continue; // the probes are gone at once
        const cs = getComputedStyle(node);
        if (node.classList.contains("type-samples")) {
          const r = node.getBoundingClientRect();
          window.samples.box = { ariaHidden: node.getAttribute("aria-hidden"), visibility: cs.visibility, height: r.height, right: r.right };
          window.samples.rounds++;
        } else if (node.parentElement?.classList.contains("type-samples")) {
          window.samples.styles.push(`${cs.fontSize} ${cs.fontWeight}`);
          window.samples.tags.push(node.tagName);
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const used = new Set();
  const collect = async (into = used) => {
    const styles = await page.evaluate(() => [...document.querySelectorAll("body *")]
      .filter((el) => el.getClientRects().length && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
      .map((el) => { const cs = getComputedStyle(el); return `${cs.fontSize} ${cs.fontWeight}`; }));
    for (const s of styles) into.add(s);
  };
  const gone = () => page.waitForFunction(() => window.samples.box && !document.querySelector(".type-samples"));
  await page.goto(srv.url + "/");
  await ready(page);
  await collect();
  await gone();
  await page.getByRole("link", { name: "开始" }).click();
  await page.getByRole("button", { name: "继续" }).click();
  await page.waitForURL(/\/q\//);
  await page.getByRole("button", { name: "继续" }).click(); // nothing chosen: the error summary
  await page.locator(".error-summary").waitFor();
  await collect();
  const family = { v: 1, household: { area: "urban", support_status: "low_income" }, members: [{ role: "self", age: 38 }, { role: "child", age: 2 }, { role: "parent", age: 72 }] };
  await page.goto(srv.url + "/results#p=" + Buffer.from(JSON.stringify(family)).toString("base64url"));
  await page.waitForSelector(".results-body[data-complete=true]");
  await page.locator("details.your-answers summary").click();
  await page.locator("details.not-eligible summary").click();
  await page.locator("details.your-answers .row", { hasText: "· 年龄" }).first().getByRole("button", { name: /修改/ }).click();
  await page.locator("dd.edit").waitFor();
  await collect();
  await gone();
  const { styles, box, tags: all } = await page.evaluate(() => window.samples);
  const tags = [...new Set(all)];
  for (const style of used) assert.ok(styles.includes(style), `text at ${style} is used but not in ui/warmup/type_samples.rs STYLES (${styles.join(", ")})`);
  assert.deepEqual(box, { ariaHidden: "true", visibility: "hidden", height: 0, right: 0 }, "hidden from screen readers, unseen, taking no room");
  assert.deepEqual(tags, ["DIV"], "plain blocks: never a second h1 or .summary on the page");
  // 长辈模式 changes every size: the samples come again in its sizes.
  await page.getByRole("button", { name: "长辈模式" }).click();
  await page.waitForFunction(() => window.samples.rounds === 2 && !document.querySelector(".type-samples"));
  const elder = new Set();
  await collect(elder);
  const again = await page.evaluate(() => window.samples.styles);
  for (const style of elder) assert.ok(again.includes(style), `长辈模式 text at ${style} is not warmed (${again.join(", ")})`);
  assert.ok(elder.has("36px 700"), "长辈模式 headings are 36 px");
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("the screens are rehearsed off the page (ui/warmup) to the end, touching nothing of the resident's", async () => {
  const { context, page } = await newPage(browser);
  // Anything the rehearsal put in the document would show here.
  await page.addInitScript(() => {
    window.added = [];
    new MutationObserver((records) => {
      for (const node of records.flatMap((r) => [...r.addedNodes])) if (node.nodeType === 1 && !node.closest(".type-samples")) window.added.push(node.tagName);
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(srv.url + "/");
  await ready(page);
  const before = await page.evaluate(() => ({ added: window.added.length, history: history.length }));
  // Runs once the services' texts are in, a step per idle moment.
  await page.waitForFunction(() => performance.getEntriesByName("warm-up: screens").length === 1, null, { timeout: 15000 });
  const after = await page.evaluate(() => ({ added: window.added.slice(), history: history.length, address: location.pathname + location.search + location.hash, focus: document.activeElement.tagName, h1: [...document.querySelectorAll("h1")].map((h) => h.textContent), main: document.querySelector("main").children.length }));
  assert.deepEqual(after.added.slice(before.added), [], "nothing added to the page");
  assert.equal(after.history, before.history, "no history entry");
  assert.equal(after.address, "/");
  assert.equal(after.focus, "BODY", "focus not moved");
  assert.deepEqual(after.h1, ["安阳市公共服务指南"], "only the start page's heading");
  // The resident's session is their own: a household of one, nothing answered.
  await page.getByRole("link", { name: "开始", exact: true }).click();
  await page.getByRole("heading", { name: "您家里有哪些人？" }).waitFor();
  assert.equal(await page.locator(".members li").count(), 1, "only 您, not the rehearsal's household");
  await page.getByRole("button", { name: "继续" }).click();
  await page.waitForURL(/\/q\/age\/0$/);
  assert.equal(await page.locator("#number-input").inputValue(), "", "no age from the rehearsal");
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("the results come top first: built off stage while check answers is read, brought on with one card, the rest follow", async () => {
  const { context, page } = await newPage(browser);
  const family = { v: 1, household: { area: "urban", support_status: "low_income" }, members: [{ role: "self", age: 38 }, { role: "child", age: 2 }, { role: "parent", age: 72 }] };
  await page.goto(srv.url + "/check" + p(family));
  await ready(page);
  await page.getByRole("heading", { name: "请核对您的回答" }).waitFor();
  // While check answers is read, the top of the results waits off stage:
  // one card, unseen, unread by screen readers, out of the keyboard's reach.
  await page.waitForSelector(".offstage article.service");
  const off = await page.evaluate(() => {
    const stage = document.querySelector(".offstage");
    const card = stage.querySelector("article.service").getBoundingClientRect();
    const hit = document.elementFromPoint(card.left + card.width / 2, Math.min(card.top + card.height / 2, innerHeight - 1));
    window.prebuilt = stage.querySelector("article.service");
    return { hidden: stage.getAttribute("aria-hidden"), inert: stage.inert, cards: stage.querySelectorAll("article.service").length, below: stage.querySelectorAll(".share-link, details.not-eligible").length, seen: stage.contains(hit) };
  });
  assert.deepEqual(off, { hidden: "true", inert: true, cards: 1, below: 0, seen: false });
  await page.getByRole("link", { name: "查看结果" }).focus();
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => !!document.activeElement.closest(".offstage")), false, "Tab does not go into the results off stage");
  // What the frame that first shows the results holds (read in its
  // animation callback, before it is painted): the card built off stage.
  const first = await page.evaluate(() => new Promise((resolve) => {
    const visible = () => document.querySelector("main h1:not([hidden] *, [inert] *)").textContent;
    const heading = visible();
    document.querySelector("a.button[href='/results']").click();
    const frame = () => {
      if (visible() === heading) return requestAnimationFrame(frame);
      const cards = (id) => [...document.querySelectorAll(`section[aria-labelledby=${id}] article.service`)];
      resolve({ eligible: cards("eligible").length, same: cards("eligible")[0] === window.prebuilt, maybe: cards("maybe").length, below: document.querySelectorAll(".share-link, details.not-eligible").length, offstage: document.querySelectorAll(".offstage, [inert]").length, complete: document.querySelector(".results-body").dataset.complete });
    };
    requestAnimationFrame(frame);
  }));
  assert.deepEqual(first, { eligible: 1, same: true, maybe: 0, below: 0, offstage: 0, complete: "false" });
  await page.waitForSelector(".results-body[data-complete=true]");
  assert.ok((await titles(page, "eligible")).length > 3 && (await titles(page, "maybe")).length > 3);
  await page.locator(".share-link").waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === "H1" && /服务/.test(document.activeElement.textContent), null, { timeout: 2000 });
  assert.equal(await page.locator("details.not-eligible").count(), 1);
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll("main h1")].map((h) => h.textContent)), [await page.locator("main h1").first().textContent()], "check answers is gone");
  // Back: check answers again, the results off stage again. Forward: the
  // same results, as they were left (the fold still open).
  await page.locator("details.not-eligible summary").click();
  await page.goBack();
  await page.waitForFunction(() => document.activeElement?.tagName === "H1" && document.activeElement.textContent === "请核对您的回答", null, { timeout: 2000 });
  assert.equal(await page.locator(".offstage[aria-hidden=true]").count(), 1);
  await page.goForward();
  await page.waitForFunction(() => document.activeElement?.tagName === "H1" && /服务/.test(document.activeElement.textContent), null, { timeout: 2000 });
  await page.waitForTimeout(100);
  assert.equal(await page.locator("details.not-eligible[open]").count(), 1, "the fold is as it was left");
  assert.deepEqual(page.problems, []);
  await context.close();
});
