// A service hall's terminal (issue 20, first part): ?mode=kiosk forgets the
// resident after the idle time, asks first, never stores anything, and
// stays a kiosk (src/ui/kiosk.rs). The clock is Playwright's, so 90
// seconds pass at once.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, newPage, ready, shot } from "./harness.mjs";
import { answerAll, go, axe } from "./flow.mjs";

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const dialog = (page) => page.locator("dialog.idle");

/** A kiosk with a household of two at a question page. */
async function atAQuestion(page) {
  await page.clock.install();
  await page.goto(srv.url + "/household?mode=kiosk");
  await page.clock.runFor(1500); // load.js waits for the first frames
  await ready(page);
  await page.getByRole("button", { name: "+ 添加配偶" }).click();
  await go(page, () => page.getByRole("button", { name: "继续" }).click());
  assert.match(page.url(), /\/q\/.*mode=kiosk/, "every address keeps the kiosk");
}

for (const viewport of [{ width: 1080, height: 1920 }, { width: 1920, height: 1080 }]) {
  test(`kiosk ${viewport.width}×${viewport.height}: asked at 90 s without a touch, 继续使用 keeps everything; at 120 s all is forgotten, back brings nothing back, nothing stored`, async () => {
    const { context, page } = await newPage(browser, { viewport });
    await atAQuestion(page);
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains("elder")), true, "长辈模式 by default");
    await page.getByRole("button", { name: "English" }).click();
    await page.clock.runFor(89_000);
    assert.equal(await dialog(page).isVisible(), false);
    await page.clock.runFor(2_000);
    await dialog(page).waitFor();
    assert.match(await dialog(page).innerText(), /Are you still there\?[\s\S]*2\d seconds/);
    await shot(page, `kiosk-${viewport.width}x${viewport.height}-idle`);
    assert.deepEqual(await axe(page), []);
    await dialog(page).getByRole("button", { name: "Keep going" }).click();
    assert.equal(await dialog(page).isVisible(), false);
    assert.equal(await page.evaluate(() => document.documentElement.lang), "en", "nothing lost");
    // A touch resets the count.
    await page.clock.runFor(80_000);
    await page.mouse.click(5, 300);
    await page.clock.runFor(80_000);
    assert.equal(await dialog(page).isVisible(), false);
    // Nobody there: asked, then forgotten.
    await page.clock.runFor(121_000);
    await page.waitForURL(/\/\?mode=kiosk&idle=90&countdown=30&paper=a4$/);
    await page.clock.runFor(1500);
    await ready(page);
    assert.equal(await page.locator("h1").first().innerText(), "安阳市公共服务指南");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-CN", "language back to default");
    assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0]);
    assert.equal(await page.getByLabel("在本机保存我的回答").isVisible(), false, "a kiosk offers no saving");
    // Back: the screens before are empty.
    await page.goBack();
    await page.clock.runFor(1500);
    await ready(page);
    await page.goto(srv.url + "/check?mode=kiosk");
    await page.clock.runFor(1500);
    await ready(page);
    assert.doesNotMatch(await page.locator("main").innerText(), /配偶/, "no answer comes back");
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}

test("a touch on the start page before the app runs stays in the kiosk", async () => {
  const { context, page } = await newPage(browser, { viewport: { width: 1080, height: 1920 } });
  await page.clock.install(); // load.js waits for frames that do not come
  await page.goto(srv.url + "/?mode=kiosk&idle=60");
  assert.ok(await page.locator("#static-start").isVisible(), "the app has not run");
  await page.locator("#static-start a.start").click();
  await page.waitForURL(/\/household\?mode=kiosk&idle=60$/);
  await page.clock.runFor(1500);
  await ready(page);
  assert.ok(await page.getByRole("button", { name: "结束并清除" }).isVisible(), "still a kiosk");
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("结束并清除 in the kiosk header forgets at once; bad kiosk settings are ignored with a warning", async () => {
  const { context, page } = await newPage(browser, { viewport: { width: 1080, height: 1920 } });
  const warnings = [];
  page.on("console", (m) => { if (m.type() === "warning") warnings.push(m.text()); });
  await page.clock.install();
  await page.goto(srv.url + "/household?mode=kiosk&idle=5&countdown=x");
  await page.clock.runFor(1500);
  await ready(page);
  assert.equal(warnings.filter((w) => w.includes("anyang-guide: ignored")).length, 2, warnings.join("\n"));
  await page.getByRole("button", { name: "+ 添加子女" }).click();
  await go(page, () => page.getByRole("button", { name: "继续" }).click());
  await answerAll(page, { "age@0": 70, "age@1": 40 }, { until: /\/check/ });
  await page.getByRole("button", { name: "结束并清除" }).click();
  await page.waitForURL(/\/\?mode=kiosk&idle=90&countdown=30&paper=a4$/);
  await page.clock.runFor(1500);
  await ready(page);
  assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0]);
  assert.deepEqual(page.problems, []);
  await context.close();
});
