// The guide on the city portal's page (issue 21, docs/embed.md): a demo
// portal (tests/e2e/portal/) on an origin of its own, with a strict CSP of
// its own, embeds the guide with the two documented lines. The guide is
// served by nginx with frame-ancestors set to the portal's origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, newPage, shot, p } from "./harness.mjs";
import { answerAll, go, axe } from "./flow.mjs";
import { startPortal } from "./portal.mjs";

let srv, portal, browser;
before(async () => {
  let guide;
  portal = await startPortal(() => guide);
  srv = await serve({ frameAncestors: portal.url });
  guide = srv.url;
  browser = await launch();
});
after(async () => { await browser?.close(); srv?.server.close(); portal?.close(); });

/** The guide's frame, once the app runs in it. */
async function guideIn(page) {
  const frame = await (await page.waitForSelector("iframe")).contentFrame();
  await frame.waitForSelector("#static-start", { state: "detached", timeout: 20000 });
  await frame.waitForSelector("header.site-header .tools");
  return frame;
}

/** Waits until the portal's frame is as tall as the guide's content, and
 * checks the guide has no scrollbar of its own. */
async function fits(page, frame, where) {
  let inner, outer;
  for (let i = 0; i < 50; i++) {
    inner = await frame.evaluate(() => document.body.offsetHeight);
    outer = await page.$eval("iframe", (f) => f.offsetHeight);
    if (inner === outer) break;
    await page.waitForTimeout(100);
  }
  assert.equal(outer, inner, `${where}: the frame is as tall as the guide`);
  assert.ok(await frame.evaluate(() => document.documentElement.scrollHeight <= document.documentElement.clientHeight), `${where}: no scrollbar inside`);
}

/** The guide's top is on screen, and focus is on its heading. */
async function topShown(page, frame, where) {
  await page.waitForFunction(() => { const top = document.querySelector("iframe").getBoundingClientRect().top; return top >= -1 && top < innerHeight / 2; }, null, { timeout: 5000 }).catch(() => {});
  const top = await page.$eval("iframe", (f) => f.getBoundingClientRect().top);
  assert.ok(top >= -1 && top < 844 / 2, `${where}: the guide's top is on screen (${top})`);
  assert.equal(await frame.evaluate(() => document.activeElement?.tagName), "H1", `${where}: focus on the heading`);
}

for (const width of [390, 1280]) {
  test(`two lines on a portal page (${width} px wide): a slim header, the frame follows the guide's height through a whole check, the portal shows the guide's top on each screen`, async () => {
    const { context, page } = await newPage(browser, { viewport: { width, height: 844 } });
    await page.goto(portal.url + "/?event=baby");
    const frame = await guideIn(page);
    // The portal names the site: no second title, but language, 长辈模式, start again.
    assert.equal(await frame.locator("a.brand").isVisible(), false);
    assert.deepEqual(await frame.locator("header .tools button:visible").allInnerTexts(), ["English", "长辈模式", "重新开始"]);
    assert.match(await frame.locator("footer").innerText(), /仅供参考/);
    assert.equal(await page.$eval("iframe", (f) => f.title), "安阳市公共服务指南");
    assert.equal(await frame.locator("h1").innerText(), "您家里有哪些人？");
    await fits(page, frame, "household");
    await frame.getByRole("button", { name: "+ 添加配偶" }).click();
    await frame.getByRole("button", { name: "+ 添加子女" }).click();
    await fits(page, frame, "household, three people");
    await go(frame, () => frame.getByRole("button", { name: "继续" }).click());
    let screens = 0;
    const each = async () => {
      screens++;
      await fits(page, frame, frame.url());
      await topShown(page, frame, frame.url());
    };
    await each();
    await answerAll(frame, { "age@0": 31, "age@1": 33, "age@2": 1, pregnant: "否" }, { each });
    assert.match(frame.url(), /\/check\?embed=1$/, "the address keeps the embedding");
    await go(frame, () => frame.getByRole("link", { name: "查看结果" }).click());
    await frame.waitForSelector(".summary .lead");
    await each();
    assert.ok(screens >= 4, `${screens} screens`);
    await shot(page, `embed-portal-results-${width}`);
    // A card opened makes the guide taller, and the frame follows.
    await frame.locator("article.service details.more > summary").first().click();
    await fits(page, frame, "a card opened");
    // 重新开始 forgets the answers.
    await frame.getByRole("button", { name: "重新开始", exact: true }).click();
    await frame.waitForSelector("main h1");
    assert.equal(await frame.locator("main h1").innerText(), "安阳市公共服务指南");
    await fits(page, frame, "start page");
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}

test("the portal's 关怀模式 and language switch the guide, and the guide's own switches tell the portal", async () => {
  const { context, page } = await newPage(browser);
  await page.goto(portal.url + "/");
  const frame = await guideIn(page);
  const fontSize = () => frame.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  await page.getByRole("button", { name: "关怀模式" }).click();
  await frame.waitForFunction(() => document.documentElement.classList.contains("elder"));
  assert.equal(await fontSize(), "24px");
  await fits(page, frame, "长辈模式 from the portal");
  await page.locator("#portal-lang").click();
  await frame.waitForFunction(() => document.documentElement.lang === "en");
  assert.equal(await frame.locator("main h1").innerText(), "Anyang Public Services Guide");
  // Inside: the resident switches back; the portal's buttons follow.
  await frame.getByRole("button", { name: "Normal text" }).click();
  await page.waitForFunction(() => document.getElementById("portal-elder").getAttribute("aria-pressed") === "false");
  await frame.getByRole("button", { name: "中文" }).click();
  await page.waitForFunction(() => document.getElementById("portal-lang").textContent === "English");
  assert.equal(await fontSize(), "18px");
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("settings at load: 长辈模式, English, a life event and the portal's colour; a bad colour is ignored with a warning", async () => {
  const { context, page } = await newPage(browser);
  const warnings = [];
  page.on("console", (m) => { if (m.type() === "warning") warnings.push(m.text()); });
  await page.goto(portal.url + "/?elder=1&lang=en&brand=%23b4232a");
  let frame = await guideIn(page);
  assert.equal(await frame.evaluate(() => document.documentElement.lang), "en");
  assert.ok(await frame.evaluate(() => document.documentElement.classList.contains("elder")));
  assert.equal(await frame.locator("header.site-header").evaluate((h) => getComputedStyle(h).backgroundColor), "rgb(180, 35, 42)");
  assert.deepEqual(await axe(frame), [], "axe in the portal's colour and 长辈模式");
  for (const bad of ["%23ffff00", "red", "%23b4232a%22%3E%3Cscript%3E"]) {
    await page.goto(portal.url + "/?brand=" + bad);
    frame = await guideIn(page);
    assert.equal(await frame.locator("header.site-header").evaluate((h) => getComputedStyle(h).backgroundColor), "rgb(11, 83, 148)", `${bad}: the guide's own colour`);
  }
  assert.equal(warnings.filter((w) => w.includes("anyang-guide: ignored brand")).length, 3, warnings.join("\n"));
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("deep links: answers pre-filled from the portal (data-prefill), and one service's page alone (data-service)", async () => {
  const { context, page } = await newPage(browser);
  const answers = p({ v: 1, members: [{ role: "self", age: 67 }] }).slice(1); // "p=..."
  await page.goto(portal.url + "/?prefill=" + answers);
  let frame = await guideIn(page);
  // The answers are taken and the guide goes on to what they leave open.
  await frame.waitForURL(/\/q\//);
  assert.doesNotMatch(frame.url(), /\/q\/age\//, "age is known from the portal's link");
  assert.match(frame.url(), /embed=1/);
  await page.goto(portal.url + "/?service=public-rental-housing");
  frame = await (await page.waitForSelector("iframe")).contentFrame();
  await frame.waitForSelector("main h1");
  assert.match(await frame.locator("main h1").innerText(), /公租房/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("messages of the wrong origin or shape are ignored, both ways", async () => {
  const { context, page } = await newPage(browser);
  await page.goto(portal.url + "/");
  const frame = await guideIn(page);
  await fits(page, frame, "start");
  const height = await page.$eval("iframe", (f) => f.offsetHeight);
  // To the portal, from the portal page itself (not the guide's frame).
  await page.evaluate(() => window.postMessage({ "anyang-guide": 1, type: "height", height: 5 }, "*"));
  // To the guide, from the guide itself and from a window that is not its parent.
  await frame.evaluate(() => window.postMessage({ "anyang-guide": 1, type: "settings", elder: true }, "*"));
  // From the parent, but of the wrong shape or version.
  await page.evaluate(() => {
    const w = document.querySelector("iframe").contentWindow;
    for (const m of [{ "anyang-guide": 2, type: "settings", elder: true }, { type: "settings", elder: true }, "elder", { "anyang-guide": 1, type: "settings", elder: "yes" }]) w.postMessage(m, "*");
  });
  await page.waitForTimeout(500);
  assert.equal(await page.$eval("iframe", (f) => f.offsetHeight), height);
  assert.equal(await frame.evaluate(() => document.documentElement.classList.contains("elder")), false);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("with sandbox=\"allow-scripts\" alone (an opaque origin): the guide works, follows its height and the portal's switches", async () => {
  const { context, page } = await newPage(browser);
  await page.goto(portal.url + "/?sandbox=allow-scripts&event=baby");
  const frame = await guideIn(page);
  assert.equal(await frame.evaluate(() => origin), "null");
  await fits(page, frame, "household");
  await frame.getByRole("button", { name: "+ 添加配偶" }).click();
  await fits(page, frame, "household, two people");
  await page.getByRole("button", { name: "关怀模式" }).click();
  await frame.waitForFunction(() => document.documentElement.classList.contains("elder"));
  await go(frame, () => frame.getByRole("button", { name: "继续" }).click());
  await fits(page, frame, "the next screen");
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("a portal with no script: a plain iframe works at a fixed height with its own scrollbar; the server lets only the listed portal frame the guide", async () => {
  const { context, page } = await newPage(browser, { viewport: { width: 390, height: 844 } });
  // The documented plain snippet.
  await page.goto(portal.url + "/plain");
  const frame = await guideIn(page);
  assert.equal(await page.$eval("iframe", (f) => f.clientHeight), 600);
  assert.ok(await frame.evaluate(() => document.documentElement.scrollHeight > document.documentElement.clientHeight), "the guide scrolls inside its frame");
  await frame.getByRole("link", { name: "开始", exact: true }).click();
  await frame.waitForSelector("text=您家里有哪些人？");
  assert.deepEqual(page.problems, []);
  await context.close();
  // nginx sends frame-ancestors with the listed portal only.
  const csp = (await fetch(srv.url + "/")).headers.get("content-security-policy");
  assert.match(csp, new RegExp(`frame-ancestors ${portal.url.replace(/[.:/]/g, "\\$&")}$`));
});
