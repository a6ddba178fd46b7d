// Inclusion requirements of the questionnaire and results (issue 5):
// axe on every page type in both languages and modes, 长辈模式 sizes,
// keyboard-only completion, reflow at 320 px, back/edit, language switch
// mid-flow, read aloud, and screenshots for review.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, newPage, ready, p, shot } from "./harness.mjs";
import { go, answerAll, axe, titles, seen, answersText } from "./flow.mjs";

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const FAMILY = { v: 1, household: { area: "urban", support_status: "low_income", housing: "difficulty" }, members: [{ role: "self", age: 38, sex: "female" }, { role: "child", age: 2 }, { role: "parent", age: 72 }] };
const PAGES = {
  start: "/",
  household: "/household",
  "question (radio)": "/q/sex/2",
  "question (number)": "/q/age/0",
  "question (checkboxes)": "/q/returnee/0",
  "everyone's age (rows)": "/q/age/all",
  "a person's choices (rows)": "/q/sex/about-1",
  "the household's situations": "/q/formerly_poor/anyone",
  "check answers": "/check",
  results: "/results",
  source: "/source/public-rental-dibao",
  "not found": "/q/nowhere/0",
};

async function open(path, { lang = "zh", elder = false, viewport } = {}) {
  const { context, page } = await newPage(browser, viewport ? { viewport } : {});
  await page.goto(srv.url + path + (path === "/" ? "" : p(FAMILY)));
  await ready(page);
  if (lang === "en") await page.getByRole("button", { name: "English" }).click();
  if (elder) await page.locator("header .tool").nth(1).click();
  await page.waitForTimeout(50);
  return { context, page };
}

for (const [name, path] of Object.entries(PAGES)) {
  test(`axe finds nothing on ${name}, in zh/en and normal/长辈模式`, async () => {
    for (const lang of ["zh", "en"]) for (const elder of [false, true]) {
      const { context, page } = await open(path, { lang, elder });
      assert.equal(await page.getAttribute("html", "lang"), lang === "zh" ? "zh-CN" : "en");
      assert.deepEqual(await axe(page), [], `${name} ${lang} elder=${elder}`);
      assert.deepEqual(page.problems, []);
      await context.close();
    }
  });
}

test("长辈模式: text 24 px, headings 30 px, line spacing 1.3, targets 60×60", async () => {
  for (const path of ["/", "/q/sex/2", "/q/returnee/0", "/check", "/results"]) {
    const { context, page } = await open(path, { elder: true });
    const m = await page.evaluate(() => {
      const px = (el, prop) => parseFloat(getComputedStyle(el)[prop]);
      const targets = [...document.querySelectorAll("button, input, a.button, .events a, .change a, .choice label")]
        .filter((el) => el.offsetParent !== null)
        .map((el) => { const r = el.getBoundingClientRect(); return { what: el.outerHTML.slice(0, 60), w: r.width, h: r.height }; });
      const body = document.querySelector("main p:not(.progress)") ?? document.querySelector("main");
      return { body: px(body, "fontSize"), line: px(body, "lineHeight") / px(body, "fontSize"), h1: px(document.querySelector("h1"), "fontSize"), small: targets.filter((t) => t.w < 60 || t.h < 60) };
    });
    assert.ok(m.body >= 24, `${path} body ${m.body}`);
    assert.ok(m.h1 >= 30, `${path} h1 ${m.h1}`);
    assert.ok(m.line >= 1.3, `${path} line-height ${m.line}`);
    assert.deepEqual(m.small, [], `${path} targets under 60 px`);
    await context.close();
  }
});

test("reflows at 320 px without horizontal scrolling", async () => {
  for (const path of ["/", "/household", "/q/sex/2", "/q/returnee/0", "/check", "/results", "/source/public-rental-dibao"]) {
    for (const elder of [false, true]) {
      const { context, page } = await open(path, { elder, viewport: { width: 320, height: 640 } });
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= 320, `${path} elder=${elder} is ${wide} px wide`);
      await context.close();
    }
  }
});

test("keyboard only: start to results, with visible focus", async () => {
  const { context, page } = await newPage(browser);
  await page.goto(srv.url + "/");
  await ready(page);
  const tabTo = async (text) => {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      const f = await page.evaluate(() => ({ text: document.activeElement.innerText ?? "", outline: getComputedStyle(document.activeElement).outlineStyle }));
      if (f.text.trim() === text) { assert.notEqual(f.outline, "none", `focus on ${text} is visible`); return; }
    }
    assert.fail(`could not Tab to ${text}`);
  };
  await tabTo("退役军人和军属");
  await go(page, () => page.keyboard.press("Enter"));
  await tabTo("继续");
  await go(page, () => page.keyboard.press("Enter"));
  for (let i = 0; i < 30 && page.url().includes("/q/"); i++) {
    const number = await page.locator("#number-input").count();
    await page.locator("h1").first().click({ position: { x: 1, y: 1 } }).catch(() => {});
    await page.keyboard.press("Tab"); // first control after the heading's read-aloud button, or the field
    if (number) { await page.locator("#number-input").focus(); await page.keyboard.type("40"); }
    else {
      // Move focus to the first choice, tick it with Space.
      await page.locator(".choices input").first().focus();
      await page.keyboard.press("Space");
    }
    await go(page, () => page.keyboard.press("Enter"));
  }
  assert.match(page.url(), /\/check$/);
  await tabTo("查看结果");
  await go(page, () => page.keyboard.press("Enter"));
  await page.waitForSelector(".summary");
  await context.close();
});

test("back button and back link keep answers; 修改 returns to check answers; links stay in the app", async () => {
  const { context, page } = await newPage(browser);
  await page.goto(srv.url + "/household?event=veteran");
  await ready(page);
  await page.evaluate(() => { window.samePage = true; }); // gone if a link loaded a page
  await go(page, () => page.getByRole("button", { name: "继续" }).click());
  assert.match(page.url(), /\/q\/age\/0$/);
  await page.fill("#number-input", "52");
  await go(page, () => page.getByRole("button", { name: "继续" }).click());
  const second = page.url();
  // A new screen starts at its heading, as a new page would (screen readers read it).
  await page.waitForFunction(() => document.activeElement?.matches("main h1"), null, { timeout: 2000 });
  await go(page, () => page.goBack());
  await page.waitForFunction(() => document.activeElement?.matches("main h1") && /多大/.test(document.activeElement.textContent), null, { timeout: 2000 });
  assert.equal(await page.inputValue("#number-input"), "52", "browser back keeps the answer");
  await go(page, () => page.goForward());
  assert.equal(page.url(), second);
  await go(page, () => page.getByRole("button", { name: "‹ 返回" }).click());
  assert.match(page.url(), /\/q\/age\/0$/, "the on-page back link");
  await go(page, () => page.getByRole("button", { name: "继续" }).click());
  assert.match(await page.locator(".progress").innerText(), /^第 2 页/, "answering again does not count twice");
  await answerAll(page, {}, { none: "不确定 / 不知道" });
  assert.match(await answersText(page), /年龄\s+52岁/);
  await go(page, () => page.locator(".row", { hasText: "年龄" }).getByRole("link", { name: /修改/ }).click());
  assert.match(page.url(), /\/q\/age\/0\?return=check$/);
  await page.fill("#number-input", "53");
  await go(page, () => page.getByRole("button", { name: "继续" }).click());
  assert.match(page.url(), /\/check$/);
  assert.match(await answersText(page), /年龄\s+53岁/);
  // "不确定" is shown as such.
  assert.match(await answersText(page), /不确定/);
  // Ctrl-click opens a link in a new tab, as anywhere else; this page stays.
  const [tab] = await Promise.all([context.waitForEvent("page"), page.locator(".row", { hasText: "年龄" }).getByRole("link", { name: /修改/ }).click({ modifiers: ["Control"] })]);
  await tab.waitForLoadState();
  assert.match(tab.url(), /\/q\/age\/0\?return=check$/);
  assert.match(page.url(), /\/check$/);
  // The skip link moves within the page.
  await page.locator("a.skip-link").focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/check#main$/);
  assert.equal(await page.evaluate(() => window.samePage), true, "no link loaded a page");
  await context.close();
});

test("changing an answer on the results page: the question opens in place and the results update", async () => {
  const { context, page } = await open("/results");
  await page.waitForSelector("article.service");
  assert.ok((await titles(page, "eligible")).includes("普惠托育服务"), "a 2-year-old gets childcare");
  await page.locator("details.your-answers summary").click();
  const row = page.locator("details.your-answers .row", { hasText: "· 年龄" }).filter({ hasText: "子女" });
  const change = row.getByRole("button", { name: /修改/ });
  await change.click();
  assert.equal(await change.getAttribute("aria-expanded"), "true");
  assert.equal(await page.inputValue("#number-input"), "2", "the question opens with the answer given");
  assert.deepEqual(await axe(page), [], "the opened question passes axe");
  // A bad answer is reported where it was given; nothing changes.
  await page.fill("#number-input", "两百");
  await page.getByRole("button", { name: "更新结果" }).click();
  await page.waitForFunction(() => document.activeElement?.className === "error-summary", null, { timeout: 2000 });
  assert.ok((await titles(page, "eligible")).includes("普惠托育服务"));
  // Cards that stay are left where they are (no focus or reading place
  // lost in them, nothing styled again): none is taken out and put back.
  await page.evaluate(() => {
    const kept = { before: new Set(document.querySelectorAll(".results-body article")), out: new Set() };
    new MutationObserver((ms) => ms.forEach((m) => m.removedNodes.forEach((n) => kept.before.has(n) && kept.out.add(n)))).observe(document.querySelector(".results-body"), { subtree: true, childList: true });
    window.keptCards = kept;
  });
  await page.fill("#number-input", "5");
  await page.getByRole("button", { name: "更新结果" }).click();
  await page.waitForSelector("dd.edit", { state: "detached" });
  assert.match(page.url(), /\/results$/, "the page stays");
  const after = await titles(page, "eligible");
  assert.ok(!after.includes("普惠托育服务") && after.includes("公办和普惠性幼儿园"), after.join(","));
  const { stayed, churned } = await page.evaluate(() => ({ stayed: [...window.keptCards.before].filter((n) => n.isConnected).length, churned: [...window.keptCards.out].filter((n) => n.isConnected).length }));
  assert.ok(stayed > 5, `${stayed} cards stayed`);
  assert.equal(churned, 0, `${churned} of ${stayed} cards that stayed were taken out and put back`);
  assert.match(await row.innerText(), /子女 · 年龄\s+5岁/);
  assert.match(await page.locator(".summary").innerText(), /有 \d+ 项服务适用于您家/);
  await page.waitForFunction(() => document.activeElement?.id === "change-q-age-1", null, { timeout: 2000 });
  assert.equal(await change.getAttribute("aria-expanded"), "false");
  // 取消 keeps the answer as it was.
  await change.click();
  await page.fill("#number-input", "9");
  await page.getByRole("button", { name: "取消" }).click();
  await page.waitForSelector("dd.edit", { state: "detached" });
  assert.match(await row.innerText(), /5岁/);
  // A card that stays says whom it is for now: turning 61 adds the resident.
  const card = page.locator("section[aria-labelledby=eligible] article.service", { hasText: "社区嵌入式居家照护" });
  assert.doesNotMatch(await seen(card), /您/);
  await page.locator("details.your-answers .row", { hasText: "· 年龄" }).filter({ hasText: "您" }).getByRole("button", { name: /修改/ }).click();
  await page.fill("#number-input", "61");
  await page.getByRole("button", { name: "更新结果" }).click();
  await page.waitForSelector("dd.edit", { state: "detached" });
  assert.match(await seen(card), /适用于\s*您、父母[\s\S]*您：年龄 61岁/);
  // Switching language keeps the question open and what was typed.
  await change.click();
  await page.fill("#number-input", "6");
  await page.getByRole("button", { name: "English" }).click();
  await page.waitForFunction(() => document.documentElement.lang === "en");
  assert.equal(await page.inputValue("#number-input"), "6");
  assert.equal(await page.getByRole("button", { name: "Update results" }).count(), 1);
  assert.match(await page.locator(".row", { has: page.locator("#change-q-age-1") }).innerText(), /Age\s+5/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("a missing or bad answer shows an error summary that takes focus", async () => {
  const { context, page } = await open("/q/sex/2");
  await page.getByRole("button", { name: "继续" }).click();
  await page.waitForSelector(".error-summary");
  // Focus moves in the frame after the summary is rendered.
  await page.waitForFunction(() => document.activeElement?.className === "error-summary", null, { timeout: 2000 });
  assert.equal(await page.evaluate(() => document.activeElement.className), "error-summary");
  assert.match(await page.locator(".error-summary").innerText(), /请选择一项/);
  assert.match(page.url(), /\/q\/sex\/2/, "nothing was lost or skipped");
  // GOV.UK pattern: the alert is a child of the summary, the summary links
  // to the first choice, and the message stands beside the field too.
  assert.equal(await page.locator(".error-summary > [role=alert]").count(), 1);
  assert.equal(await page.locator(".error-summary[role]").count(), 0, "the focused summary itself is no live region");
  assert.equal(await page.locator("fieldset#answer").getAttribute("aria-describedby"), "answer-error");
  assert.match(await page.locator("#answer-error").textContent(), /^错误：请选择一项/);
  await page.locator(".error-summary a").click();
  assert.equal(await page.evaluate(() => document.activeElement.id), "opt-0", "the summary's link goes to the first choice");
  await page.getByLabel("女", { exact: true }).check();
  await go(page, () => page.getByRole("button", { name: "继续" }).click());
  await page.goto(srv.url + "/q/age/0");
  await ready(page);
  await page.fill("#number-input", "一百");
  await page.getByRole("button", { name: "继续" }).click();
  assert.match(await page.locator(".error-summary").innerText(), /0 到 120 之间的整数/);
  assert.equal(await page.locator("#number-input").getAttribute("aria-describedby"), "age-hint answer-error");
  assert.deepEqual(await axe(page), [], "the page with its errors passes axe");
  await context.close();
});

test("language switch mid-flow keeps the page, the choice and html lang", async () => {
  const { context, page } = await open("/q/sex/2");
  await page.getByLabel("女", { exact: true }).check();
  await page.getByRole("button", { name: "English" }).click();
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.match(await page.locator("legend h1").innerText(), /What is .*'s sex\?/);
  assert.equal(await page.getByLabel("Female", { exact: true }).isChecked(), true);
  await go(page, () => page.getByRole("button", { name: "Continue" }).click());
  await page.getByRole("button", { name: "中文" }).click();
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  await context.close();
});

test("the share link opens the same results, and follows a change of answers", async () => {
  const { context, page } = await open("/results");
  const link = () => page.waitForFunction((old) => { const v = document.querySelector(".share-link")?.value; return v && v !== old && v; }, link.last).then((h) => h.jsonValue()).then((v) => (link.last = v));
  assert.match(await link(), /\/results#p=[\w-]+$/);
  const summary = await page.locator(".summary").innerText();
  const other = await context.newPage();
  await other.goto(link.last);
  await ready(other);
  assert.equal(await other.locator(".summary").innerText(), summary, "the link shows the same results");
  await page.locator("details.your-answers summary").click();
  await page.locator("details.your-answers .row", { hasText: "· 年龄" }).filter({ hasText: "子女" }).getByRole("button", { name: /修改/ }).click();
  await page.fill("#number-input", "5");
  await page.getByRole("button", { name: "更新结果" }).click();
  await link();
  const third = await context.newPage(); // a fresh load, as a pasted link would be
  await third.goto(link.last);
  await ready(third);
  await third.locator("details.your-answers summary").click();
  assert.match(await answersText(third), /子女 · 年龄\s+5岁/);
  await context.close();
});

test("results: the summary is announced, details are one tap away, the source view highlights the plan's sentence", async () => {
  const { context, page } = await open("/results");
  const status = page.locator("[role=status]");
  assert.match(await status.innerText(), /有 \d+ 项服务适用于您家/);
  assert.equal(await status.getAttribute("aria-live"), "polite");
  // What does not apply is folded, with its reasons when opened.
  assert.equal(await page.locator("details.not-eligible article.service").count(), 0);
  await page.locator("details.not-eligible summary").click();
  const rural = page.locator("details.not-eligible article.service", { hasText: "农村互助幸福院" });
  assert.match(await seen(rural), /不符合条件/);
  // A department decides: its card says so, and which department.
  const decided = page.locator("section[aria-labelledby=maybe] article.service").first();
  assert.match(await seen(decided), /按现行政策认定/);
  const card = page.locator("section[aria-labelledby=eligible] article.service", { hasText: "普惠托育服务" });
  assert.equal(await card.locator("details.more[open]").count(), 0, "details are folded");
  await seen(card);
  const quote = (await card.locator("blockquote p").textContent()).replace(/[“”]/g, "").trim();
  await go(page, () => card.getByRole("link", { name: "查看规划原文" }).click());
  await page.waitForSelector("mark");
  await page.waitForFunction(() => document.querySelector(".plan-text").innerText.length > 60);
  const fold = (t) => t.replace(/，/g, ",").replace(/：/g, ":").replace(/；/g, ";");
  assert.equal(fold(await page.locator("mark").innerText()), fold(quote));
  await context.close();
});

test("printing the results shows every card, also those never scrolled to", async () => {
  const { context, page } = await open("/results");
  await titles(page, "maybe");
  await page.emulateMedia({ media: "print" });
  const empty = await page.evaluate(() => [...document.querySelectorAll("article.service")].filter((a) => a.innerText.trim() === "").length);
  assert.equal(empty, 0, "cards off screen are not rendered on screen, but are in print");
  await context.close();
});

test("read aloud is offered only where the browser can speak", async () => {
  let { context, page } = await open("/q/sex/2");
  const can = await page.evaluate(() => "speechSynthesis" in window);
  assert.equal(await page.getByRole("button", { name: "朗读" }).count(), can ? 1 : 0);
  await context.close();
  ({ context, page } = await newPage(browser));
  await page.addInitScript(() => { delete window.speechSynthesis; delete Window.prototype.speechSynthesis; });
  await page.goto(srv.url + "/q/age/0");
  await ready(page);
  assert.equal(await page.getByRole("button", { name: "朗读" }).count(), 0);
  await context.close();
});

test("screenshots for review: phone 390×844 and kiosk 1080×1920", async () => {
  for (const [device, viewport] of [["phone", { width: 390, height: 844 }], ["kiosk", { width: 1080, height: 1920 }]]) {
    for (const [name, path] of [["start", "/"], ["question", "/q/sex/2"], ["check", "/check"], ["results", "/results"]]) {
      const { context, page } = await open(path, { viewport });
      await shot(page, `${device}-${name}`);
      await context.close();
    }
  }
});
