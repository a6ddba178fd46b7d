// The results at a glance (issue 19): the summary's numbers are the
// engine's, the household's own services come first, what is everyone's
// and what does not apply are folded, "再回答" asks what is open and comes
// back, and a household with nothing known gets a short page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve, launch, newPage, ready, p, shot } from "./harness.mjs";
import { go, answerAll, axe, seen } from "./flow.mjs";

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const FAMILY = { v: 1, household: { area: "urban", support_status: "low_income", housing: "difficulty", tenure: "rent" }, members: [{ role: "self", age: 38, sex: "female", work: "flexible" }, { role: "spouse", age: 40, work: "unemployed" }, { role: "child", age: 2 }, { role: "parent", age: 72, chronic: ["hypertension"] }] };
const RETIRED = { v: 1, household: { area: "urban", support_status: "none", housing: "adequate", tenure: "own" }, members: [{ role: "self", age: 66, sex: "male", hukou: "local_urban", work: "retired", pension_insurance: "employee", medical_insurance: "employee", self_care: "independent" }, { role: "spouse", age: 63, sex: "female", work: "retired", self_care: "partial", chronic: ["diabetes"] }] };

/** The eval tool's JSON answer (built by `cargo test`). */
function evalTool(...args) {
  const built = new URL("../../target/debug/guide-eval", import.meta.url).pathname;
  return JSON.parse(existsSync(built) ? execFileSync(built, args) : execFileSync("cargo", ["run", "-q", "-p", "guide-eval", "--", ...args]));
}

/** The engine's summary of a profile. */
function engine(profile) {
  const file = join(mkdtempSync(join(tmpdir(), "guide-")), "profile.json");
  writeFileSync(file, JSON.stringify(profile));
  return evalTool("eval", file).summary;
}

/** A resident through the questions from the start page's `link`, then on the results. */
async function throughQuestions(link, script) {
  const { context, page } = await newPage(browser);
  await page.goto(srv.url + "/");
  await ready(page);
  await go(page, () => page.getByRole("link", { name: link, exact: true }).click());
  await go(page, () => page.getByRole("button", { name: "继续" }).click());
  await answerAll(page, script);
  await go(page, () => page.getByRole("link", { name: "查看结果" }).click());
  await page.waitForSelector(".summary .lead");
  return { context, page };
}

async function results(profile, viewport = { width: 390, height: 844 }) {
  const { context, page } = await newPage(browser, { viewport });
  await page.goto(srv.url + "/results" + p(profile));
  await ready(page);
  await page.waitForSelector(".summary .lead");
  return { context, page };
}

for (const [name, profile] of [["a family of four, some answers open", FAMILY], ["a retired couple", RETIRED]]) {
  test(`the summary's numbers are the engine's: ${name}`, async () => {
    const s = engine(profile);
    const { context, page } = await results(profile);
    const lead = s.mine === 0 ? "根据您的回答，没有找到专门适用于您家的服务。" : s.mine_free === 0 ? `有 ${s.mine} 项服务适用于您家。` : `有 ${s.mine} 项服务适用于您家，其中 ${s.mine_free} 项免费或不用申请。`;
    const lines = [
      s.mine > s.mine_free && `${s.mine - s.mine_free} 项需要申请：找${s.apply_at_zh.join("、")}。`,
      s.department_decides > 0 && `${s.department_decides} 项可能适用，由有关部门认定。`,
      s.open > 0 && `${s.open} 项还没法确定：再回答 ${s.to_ask_pages} 页问题就能确定。`,
      `另有 ${s.everyone} 项所有居民都可以享受。`,
    ].filter(Boolean);
    assert.equal(await page.locator(".summary .lead").textContent(), lead);
    assert.deepEqual(await page.locator(".summary li").allTextContents(), lines);
    // Each group shows exactly its services.
    assert.equal(await page.locator("section[aria-labelledby=eligible] article.service").count(), s.mine);
    assert.equal(await page.locator("section[aria-labelledby=maybe] article.service").count(), s.department_decides);
    assert.equal(await page.locator("section[aria-labelledby=open] ul.titles li").count(), s.open);
    assert.equal(await page.locator("details.everyone ul.titles li").count(), s.everyone);
    // The first screen holds the whole summary and the next actions.
    const bottom = await page.locator(".actions").evaluate((el) => el.getBoundingClientRect().bottom);
    assert.ok(bottom <= 844, `the summary and its actions end at ${bottom} px, within the first phone screen`);
    if (s.open > 0) assert.equal(await page.getByRole("button", { name: `回答这 ${s.to_ask_pages} 页问题` }).count(), 1);
    await context.close();
  });
}

test("the household's own services come first; everyone's are folded titles, what does not apply is folded", async () => {
  const { context, page } = await results(FAMILY);
  const order = await page.evaluate(() => ["section[aria-labelledby=eligible]", "section[aria-labelledby=maybe]", "section[aria-labelledby=open]", "details.everyone", "details.not-eligible"].map((s) => document.querySelector(s).getBoundingClientRect().top));
  assert.deepEqual(order, [...order].sort((a, b) => a - b), "mine, a department's, open, everyone's, not applying");
  assert.equal(await page.locator("details.everyone[open]").count(), 0);
  assert.equal(await page.locator("details.everyone article").count(), 0, "titles only");
  assert.ok((await page.locator("details.everyone li").allTextContents()).includes("家庭医生签约服务"));
  assert.equal(await page.locator("section[aria-labelledby=eligible] article.service", { hasText: "家庭医生签约服务" }).count(), 0, "not among the household's own");
  // A card's details are one tap away; a department's services say who decides.
  const card = page.locator("section[aria-labelledby=eligible] article.service", { hasText: "普惠托育服务" });
  assert.equal(await card.locator("details.more[open]").count(), 0);
  assert.match(await seen(card), /为什么[\s\S]*怎么办[\s\S]*负责部门/);
  assert.deepEqual(await axe(page), [], "with a card open");
  await context.close();
});

test("再回答: the questions that settle what is open are asked, then the results come back updated", async () => {
  const { context, page } = await throughQuestions("全面查一查", { "age@0": 45 }); // everything else 不确定 or 都没有
  const open = () => page.locator("section[aria-labelledby=open] ul.titles li").count();
  const before = await open();
  assert.ok(before > 0, "不确定 leaves services open");
  await go(page, () => page.getByRole("button", { name: /^回答这 \d+ 页问题$/ }).click());
  assert.match(page.url(), /\/q\/[^?]+\?return=results$/, "the first question that settles something, coming back to the results");
  // This time the first one is answered; the rest 不确定 again.
  if (await page.locator(".row-field").count()) {
    // A page of rows: each row answered (its first choice).
    for (const row of await page.locator(".row-field").all()) {
      const select = row.locator("select");
      if (await select.count()) await select.selectOption({ index: 1 });
      else await row.locator("input.number").fill("1");
    }
  } else if (await page.locator("#number-input").count()) await page.fill("#number-input", "1");
  else if (await page.locator("#box-none").count()) await page.getByLabel("都没有", { exact: true }).check();
  else await page.locator(".choices input").first().check();
  await go(page, () => page.getByRole("button", { name: "继续" }).click());
  await answerAll(page);
  assert.match(page.url(), /\/results$/, "back on the results");
  await page.waitForSelector(".summary .lead");
  assert.ok((await open()) < before, `fewer open services (${await open()} < ${before})`);
  await context.close();
});

test("nothing known yet: a short page that leads back to the questions, and where else to ask", async () => {
  const { context, page } = await results({ v: 1 });
  assert.equal(await page.locator(".summary .lead").textContent(), "根据您的回答，没有找到专门适用于您家的服务。");
  assert.match(await page.locator("section[aria-labelledby=eligible]").innerText(), /核对了规划里的全部 \d+ 项服务[\s\S]*12345/);
  assert.equal(await page.locator("main article.service:visible").count(), 0, "no card of maybes");
  assert.equal(await page.getByRole("button", { name: /^回答这 \d+ 页问题$/ }).count(), 1);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height <= 3 * 844, `${height} px: three phone screens at most`);
  await context.close();
});

test("printed results hold every card's details and everyone's services, and the page is as it was after", async () => {
  const { context, page } = await results(FAMILY);
  const card = page.locator("section[aria-labelledby=eligible] article.service", { hasText: "普惠托育服务" });
  await card.locator("details.more > summary").click(); // one opened by the resident stays open
  const closed = () => page.locator("details.print-open:not([open])").count();
  const before = await closed();
  assert.ok(before > 0);
  await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
  assert.equal(await closed(), 0, "everything printable is open for printing");
  await page.evaluate(() => dispatchEvent(new Event("afterprint")));
  assert.equal(await closed(), before, "and folded again after");
  assert.equal(await card.locator("details.more[open]").count(), 1);
  await context.close();
});

test("再回答 after a life event asks what settles every open service, not only the event's", async () => {
  // Everything the veteran services need is answered: none of them is open.
  const { context, page } = await throughQuestions("退役军人和军属", { "age@0": 30 });
  await go(page, () => page.getByRole("button", { name: /^回答这 \d+ 页问题$/ }).click());
  assert.match(page.url(), /\/q\/[^?]+\?return=results$/, "a question, not straight back to the results");
  await context.close();
});

test("看看父母可以享受什么: one member's services (and the household's), then the whole household again", async () => {
  const { context, page } = await results(FAMILY);
  const mine = page.locator("section[aria-labelledby=eligible] article.service");
  const all = await mine.count();
  await page.getByRole("group", { name: "看看谁可以享受什么：" }).getByRole("button", { name: "父母", exact: true }).click();
  assert.equal(await page.getByRole("button", { name: "父母", exact: true }).getAttribute("aria-pressed"), "true");
  const theirs = await mine.locator(".meta").allTextContents();
  assert.ok(theirs.length > 0 && theirs.length < all, `${theirs.length} of ${all}`);
  for (const meta of theirs) assert.match(meta, /父母|全家/, meta);
  assert.deepEqual(await axe(page), [], "with one member chosen");
  await page.getByRole("button", { name: "全家", exact: true }).click();
  assert.equal(await mine.count(), all);
  await context.close();
});

test("every household case of three or more: results within six phone screens before anything is opened", async (t) => {
  const cases = evalTool("cases").cases.filter((c) => (c.profile.members ?? []).length >= 3);
  assert.ok(cases.length >= 5);
  for (const c of cases) {
    const { context, page } = await results(c.profile);
    // Lay out every card, as a resident scrolling through sees it (off
    // screen, content-visibility keeps only an estimate of its height).
    await page.evaluate(() => document.querySelectorAll("article.service").forEach((a) => (a.style.contentVisibility = "visible")));
    // The results, down to their last line (the footer below them is the
    // same on every page: the disclaimer and 在本机保存我的回答).
    const height = await page.evaluate(() => Math.round(document.querySelector("main").getBoundingClientRect().bottom + scrollY));
    assert.ok(height <= 5000, `${c.case}: ${height} px at 390×844`);
    t.diagnostic(`${height} px: ${c.case}`);
    await context.close();
  }
  // The largest, on a kiosk in 长辈模式, for review.
  const largest = cases.reduce((a, b) => (b.profile.members.length > a.profile.members.length ? b : a));
  for (const [device, viewport] of [["phone", { width: 390, height: 844 }], ["kiosk", { width: 1080, height: 1920 }]]) {
    const { context, page } = await newPage(browser, { viewport });
    await page.goto(srv.url + "/results" + p(largest.profile));
    await ready(page);
    await page.waitForSelector(".summary .lead");
    if (device === "kiosk") await page.getByRole("button", { name: "长辈模式" }).click();
    // A full-page screenshot is one frame: lay out the cards a reader would scroll to.
    await page.evaluate(() => document.querySelectorAll("article.service").forEach((a) => (a.style.contentVisibility = "visible")));
    await shot(page, `${device}-results-${largest.profile.members.length}-members`);
    await context.close();
  }
});

test("发给家人: copied where the browser has no share sheet, the share sheet where it has one; the link is the same results", async () => {
  const { context, page } = await newPage(browser, { permissions: ["clipboard-read", "clipboard-write"] });
  await page.goto(srv.url + "/results" + p(RETIRED));
  await ready(page);
  const link = await page.locator(".share-link").inputValue();
  assert.match(link, /\/results#p=[\w-]+$/);
  assert.match(await page.locator("#share-hint").innerText(), /拿到链接的人都能看到这些回答/);
  assert.equal(await page.evaluate(() => "share" in navigator), false, "desktop Chromium on Linux has no share sheet");
  await page.getByRole("button", { name: "发给家人" }).click();
  await page.locator(".share-said", { hasText: "链接已复制" }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  await context.close();
  // A phone's share sheet, stood in for by a script that records what it got.
  const phone = await newPage(browser);
  await phone.page.addInitScript(() => { navigator.share = async (data) => { window.__shared = data; }; });
  await phone.page.goto(srv.url + "/results" + p(RETIRED));
  await ready(phone.page);
  await phone.page.getByRole("button", { name: "发给家人" }).click();
  await phone.page.locator(".share-said", { hasText: "已经发出" }).waitFor();
  assert.deepEqual(await phone.page.evaluate(() => window.__shared), { title: "安阳市公共服务指南", url: link.replace(/^http:\/\/[^/]+/, srv.url) });
  assert.deepEqual(phone.page.problems, []);
  await phone.context.close();
});
