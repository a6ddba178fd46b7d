// Every service's own page (issue 24, crates/pages): plain HTML served by
// nginx, readable with JavaScript off, in Chinese and English; the plan's
// sentence on each; every link on them resolves; the list of all services;
// a real 404 for an unknown service; result cards link to them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { serve, launch, newPage, ready, p } from "./harness.mjs";
import { axe, go } from "./flow.mjs";

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

/** The catalog as the eval tool lists it (built by `cargo test`). */
function services() {
  const built = new URL("../../target/debug/guide-eval", import.meta.url).pathname;
  return JSON.parse(existsSync(built) ? execFileSync(built, ["list"]) : execFileSync("cargo", ["run", "-q", "-p", "guide-eval", "--", "list"])).services;
}

test("every service has a page in Chinese and English that needs no script: its words, the plan's sentence, links that resolve, axe clean", async () => {
  const list = services();
  assert.ok(list.length > 100);
  // With JavaScript off the page is all there (what the browser got is
  // checked as HTML: evaluating anything needs script); with it on, axe.
  const off = await newPage(browser, { javaScriptEnabled: false });
  const { context, page } = await newPage(browser);
  const links = new Set();
  for (const s of list) {
    for (const [path, title] of [[`/service/${s.id}/`, s.title_zh], [`/en/service/${s.id}/`, s.title_en]]) {
      assert.equal((await off.page.goto(srv.url + path)).status(), 200, path);
      const html = await off.page.content();
      const escaped = title.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
      assert.ok(html.includes(`<h1>${escaped}</h1>`) && !html.includes("<script"), `${path}: the page with no script`);
      const response = await page.goto(srv.url + path);
      assert.equal(response.status(), 200, path);
      assert.equal(await page.locator("h1").innerText(), title, path);
      const text = await page.locator("main").innerText();
      assert.ok(text.includes(s.source.quote), `${path}: the plan's sentence, verbatim`);
      assert.ok(text.includes(s.department_zh) || path.startsWith("/en/"), `${path}: the office`);
      assert.match(await page.title(), new RegExp(`^${title.replace(/[()]/g, ".")} · `));
      assert.deepEqual(await axe(page), [], path);
      for (const href of await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href")))) links.add(href);
    }
  }
  // Every link on them leads somewhere real.
  for (const href of links) {
    const r = await fetch(new URL(href, srv.url));
    assert.equal(r.status, 200, href);
  }
  assert.deepEqual(page.problems, []);
  await off.context.close();
  await context.close();
});

test("the list of all services, by category, each a link; an unknown service is a real 404 in both languages", async () => {
  const list = services();
  const { context, page } = await newPage(browser);
  await page.goto(srv.url + "/services/");
  assert.equal(await page.locator("h1").innerText(), "全部服务");
  assert.equal(await page.locator("main li a").count(), list.length);
  assert.deepEqual(await axe(page), []);
  await page.getByRole("link", { name: "English" }).click();
  assert.equal(await page.locator("h1").innerText(), "All services");
  for (const path of ["/service/no-such-service/", "/en/service/no-such-service/"]) {
    const r = await page.goto(srv.url + path);
    assert.equal(r.status(), 404, path);
    assert.match(await page.locator("main").innerText(), /找不到这个页面[\s\S]*does not exist/);
  }
  page.problems.length = 0; // the browser logs the 404s itself
  const sitemap = await (await fetch(srv.url + "/sitemap.xml")).text();
  assert.equal((sitemap.match(/<loc>/g) ?? []).length, 1 + 2 * (list.length + 2), "the start page, the lists, the about pages and every page in both languages");
  await context.close();
});

test("search on the list finds what a resident expects as they type; no match says so and leads back to the full list", async () => {
  const { context, page } = await newPage(browser);
  await page.goto(srv.url + "/services/");
  const field = page.getByRole("searchbox", { name: "搜索服务" });
  const shown = () => page.locator("main li[data-find]:visible a").allInnerTexts();
  const expect = { "低保": /低保/, "公租房": /公租房/, "孕": /孕/, "pension": /养老/ };
  for (const [query, finds] of Object.entries(expect)) {
    await field.fill("");
    await field.pressSequentially(query);
    const titles = await shown();
    assert.ok(titles.length > 0 && titles.length < 30, `${query}: ${titles.length} found`);
    assert.ok(titles.some((t) => finds.test(t)), `${query}: ${titles.join("、")}`);
    assert.match(await page.locator("#find-count").innerText(), new RegExp(`找到 ${titles.length} 项服务`));
  }
  // A category with nothing left is hidden with its heading.
  assert.ok((await page.locator("section.group:visible").count()) < 12);
  await field.fill("火星移民");
  assert.deepEqual(await shown(), []);
  assert.match(await page.locator("#find-none").innerText(), /没有找到与“?火星移民”?有关的服务/);
  await page.locator("#find-none").getByRole("link", { name: "看全部服务" }).click();
  assert.equal((await shown()).length, await page.locator("main li[data-find]").count());
  assert.deepEqual(await axe(page), []);
  await page.goto(srv.url + "/en/services/");
  await page.getByRole("searchbox", { name: "Search the services" }).pressSequentially("rental");
  assert.ok((await shown()).some((t) => /rental/i.test(t)));
  assert.deepEqual(page.problems, []);
  await context.close();
  // No script: no field, the whole list.
  const off = await newPage(browser, { javaScriptEnabled: false });
  await off.page.goto(srv.url + "/services/");
  assert.match(await off.page.content(), /<form id="find" role="search" hidden="">/);
  await off.context.close();
});

test("长辈模式 on a service page needs no script: larger text and targets, and back", async () => {
  const { context, page } = await newPage(browser);
  await page.goto(srv.url + "/service/public-rental-housing/");
  const size = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  assert.equal(await size(), "18px");
  await page.getByRole("link", { name: "长辈模式", exact: true }).click();
  assert.equal(await size(), "24px");
  assert.deepEqual(await axe(page), []);
  await page.getByRole("link", { name: "退出长辈模式" }).click();
  assert.equal(await size(), "18px");
  await context.close();
});

test("a result card links to the service's page, which loads as a page of its own", async () => {
  const { context, page } = await newPage(browser);
  await page.goto(srv.url + "/results" + p({ v: 1, members: [{ role: "self", age: 27, sex: "female", pregnant: true }] }));
  await ready(page);
  const card = page.locator("section[aria-labelledby=eligible] article.service").first();
  await card.locator("details.more > summary").click();
  const title = await card.locator("h4").innerText();
  await card.getByRole("link", { name: "这项服务的介绍页" }).click();
  await page.waitForURL(/\/service\/[a-z0-9-]+\/$/);
  assert.equal(await page.locator("h1").innerText(), title);
  // 看看我家是否符合 starts the questions at the service's life event.
  await go(page, () => page.getByRole("link", { name: "看看我家是否符合" }).click());
  await ready(page);
  assert.match(page.url(), /\/household(\?event=[a-z]+)?$/);
  await context.close();
});

test("the about page: the plan, the catalog's version, how results are decided, what the guide does not know, privacy, where to ask", async () => {
  const { context, page } = await newPage(browser, { javaScriptEnabled: false });
  assert.equal((await page.goto(srv.url + "/about/")).status(), 200);
  const text = await page.locator("main").innerText();
  for (const words of ["安政〔2022〕16号", "2021–2025", "服务目录版本", "可以享受", "可能可以享受", "暂不符合", "指南不知道的", "不会上传", "12345"]) assert.ok(text.includes(words), words);
  await context.close();
  const on = await newPage(browser);
  await on.page.goto(srv.url + "/en/about/");
  assert.equal(await on.page.locator("h1").innerText(), "About this guide");
  assert.deepEqual(await axe(on.page), []);
  await on.context.close();
});
