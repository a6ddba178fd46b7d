// A service hall's terminal, by touch (issue 20): the whole questionnaire
// answered with taps only (the age on the kiosk's number pad), every
// target at least 60 px, no link out of the app, the results handed to a
// phone by a QR code that decodes to a link which, opened on a phone,
// shows the same results; and 语音播报, which reads each page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, newPage, ready, shot, p } from "./harness.mjs";
import { go, axe, titles, readQr } from "./flow.mjs";

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const BASE = "https://guide.example";
const kiosk = (path, extra = "") => `${srv.url}${path}?mode=kiosk&base=${encodeURIComponent(BASE)}${extra}`;

/** Taps `digits` on the number pad inside `scope`. */
async function tapNumber(scope, digits) {
  for (const d of String(digits)) await scope.locator(".pad").getByRole("button", { name: d, exact: true }).tap();
}

/** What can be touched on screen and is smaller than 60 px (inline links in text excepted). */
async function smallTargets(page) {
  return page.evaluate(() => [...document.querySelectorAll("button, a.button, a.event, .site-header a, input, select, summary, .choice label")]
    .filter((el) => el.getClientRects().length && !el.closest("dialog:not([open])"))
    .map((el) => [el, el.getBoundingClientRect()])
    .filter(([el, r]) => (el.matches("input[type=radio], input[type=checkbox]") ? false : r.height < 59.5))
    .map(([el, r]) => `${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 20)}" ${Math.round(r.height)}px`));
}

for (const viewport of [{ width: 1080, height: 1920 }, { width: 1920, height: 1080 }]) {
  test(`kiosk ${viewport.width}×${viewport.height} by touch only: ages on the number pad, 60 px targets, no link out; the QR code opens the same results on a phone`, async () => {
    const { context, page } = await newPage(browser, { viewport, hasTouch: true });
    const name = `kiosk-${viewport.width}x${viewport.height}`;
    await page.goto(kiosk("/"));
    await ready(page);
    await shot(page, `${name}-1-start`);
    assert.deepEqual(await smallTargets(page), []);
    await go(page, () => page.getByRole("link", { name: "开始" }).tap());
    await page.getByRole("button", { name: "+ 添加配偶" }).tap();
    await go(page, () => page.getByRole("button", { name: "继续" }).tap());
    const ages = [72, 9];
    for (let i = 0; i < 60 && page.url().includes("/q/"); i++) {
      const number = page.locator("input.number");
      for (let n = 0; n < (await number.count()); n++) {
        assert.equal(await number.nth(n).getAttribute("inputmode"), "none", "no system keyboard pops up");
      }
      if (await page.locator(".row-field").count()) {
        for (const row of await page.locator(".row-field").all()) {
          // A native select opens the browser's own touch list; its choice is not typing.
          if (await row.locator("select").count()) await row.locator("select").selectOption("unsure");
          else await tapNumber(row, ages.shift());
        }
      } else if (await page.locator(".pad").count()) {
        await tapNumber(page, ages.shift());
      } else if (await page.locator("#box-none").count()) {
        await page.locator('label[for="box-none"]').tap();
      } else {
        await page.locator('label[for="opt-0"]').tap();
      }
      if (i < 3) {
        await shot(page, `${name}-2-question-${i + 1}`);
        assert.deepEqual(await axe(page, { minSize: 60 }), []);
        assert.deepEqual(await smallTargets(page), []);
      }
      await go(page, () => page.getByRole("button", { name: "继续" }).tap());
    }
    assert.match(page.url(), /\/check\?mode=kiosk/);
    await page.locator("svg.qr").waitFor();
    await shot(page, `${name}-3-check`);
    assert.deepEqual(await axe(page, { minSize: 60 }), []);
    await go(page, () => page.getByRole("link", { name: "查看结果" }).tap());
    await page.locator("svg.qr").scrollIntoViewIfNeeded();
    await shot(page, `${name}-4-results`);
    assert.deepEqual(await axe(page, { minSize: 60 }), []);
    assert.deepEqual(await smallTargets(page), []);
    assert.match(await page.locator(".handoff").innerText(), /谁扫描它，谁就能看到这些回答/, "says plainly who sees the answers");
    assert.equal(await page.locator(".share").count(), 0, "no link to copy on a shared screen");
    // No link leaves the app: every link on every card stays on this origin, in the app.
    const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.filter((a) => a.getClientRects().length).map((a) => a.href));
    assert.ok(hrefs.every((h) => h.startsWith(srv.url) && !/\/service\//.test(h)), hrefs.filter((h) => !h.startsWith(srv.url) || /\/service\//.test(h)).join("\n"));
    const link = await readQr(page);
    assert.match(link, /^https:\/\/guide\.example\/results#c=1\d+$/, link);
    const kioskTitles = [await titles(page, "eligible"), await titles(page, "maybe")];
    assert.ok(kioskTitles[0].length > 0);
    // The phone: the same results from the link alone.
    const phone = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.page.goto(srv.url + link.slice(BASE.length));
    await ready(phone.page);
    assert.deepEqual([await titles(phone.page, "eligible"), await titles(phone.page, "maybe")], kioskTitles);
    assert.equal(await phone.page.locator("svg.qr").isVisible(), false, "a phone shows no QR code on screen");
    assert.doesNotMatch(phone.page.url(), /#c=/, "the answers are taken out of the address");
    assert.deepEqual(phone.page.problems, []);
    await phone.context.close();
    // 结束并清除: the code and the answers are gone, and back brings neither.
    await page.getByRole("button", { name: "结束并清除" }).tap();
    await page.waitForURL(/\/\?mode=kiosk/);
    await ready(page);
    await page.goBack();
    await ready(page);
    assert.equal(await page.locator("svg.qr").count(), 0);
    assert.doesNotMatch(await page.locator("main").innerText(), /72/);
    assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0]);
    assert.deepEqual(page.problems, [], "no console error and no request to another origin");
    await context.close();
  });
}

test("a household too large for a QR code is told to print; a base address that is not https is ignored with a warning", async () => {
  const { context, page } = await newPage(browser, { viewport: { width: 1080, height: 1920 } });
  const warnings = [];
  page.on("console", (m) => { if (m.type() === "warning") warnings.push(m.text()); });
  const members = Array.from({ length: 12 }, (_, i) => ({ role: i ? "child" : "self", age: 30 + i, sex: "female", hukou: "local_urban" }));
  await page.goto(`${srv.url}/results?mode=kiosk&base=http%3A%2F%2F10.0.0.5${p({ v: 1, members })}`);
  await ready(page);
  await page.locator(".handoff").waitFor();
  assert.equal(await page.locator("svg.qr").count(), 0);
  assert.match(await page.locator(".handoff").innerText(), /二维码放不下[\s\S]*打印结果/);
  assert.ok(await page.getByRole("button", { name: "打印结果" }).isVisible());
  assert.ok(warnings.some((w) => w.includes("ignored base=http")), warnings.join("\n"));
  // With fewer members the code comes back, under the kiosk's own address.
  await page.goto(`${srv.url}/results?mode=kiosk&base=http%3A%2F%2F10.0.0.5${p({ v: 1, members: members.slice(0, 2) })}`);
  await ready(page);
  assert.ok((await readQr(page)).startsWith(srv.url + "/results#c=1"));
  assert.deepEqual(page.problems, []);
  await context.close();
});

/** A browser voice that records what it is asked to say. */
async function recordSpeech(context) {
  await context.addInitScript(() => {
    window.spoken = [];
    window.voices = [{ lang: "zh-CN", name: "test" }];
    const synth = { speak: (u) => window.spoken.push(u.text), cancel: () => { window.spoken.length = 0; }, getVoices: () => window.voices, addEventListener() {}, removeEventListener() {} };
    Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  });
}

test("语音播报 reads each new page, question and choices, and the idle warning; without a Chinese voice it says so", async () => {
  const { context, page } = await newPage(browser, { viewport: { width: 1080, height: 1920 }, hasTouch: true });
  await recordSpeech(context);
  await page.clock.install();
  await page.goto(kiosk("/household"));
  await page.clock.runFor(1500);
  await ready(page);
  const voice = page.getByRole("button", { name: "语音播报" });
  await voice.tap();
  assert.equal(await voice.getAttribute("aria-pressed"), "true");
  assert.equal((await page.evaluate(() => window.spoken))[0], "您家里有哪些人？");
  await go(page, () => page.getByRole("button", { name: "继续" }).tap());
  await page.clock.runFor(100);
  assert.deepEqual((await page.evaluate(() => window.spoken)).slice(0, 2), ["您多大了？", await page.locator("#age-hint").innerText()], "the question and how to answer it");
  await tapNumber(page, 40);
  await go(page, () => page.getByRole("button", { name: "继续" }).tap());
  await page.clock.runFor(100);
  const spoken = await page.evaluate(() => window.spoken);
  assert.equal(spoken[0], await page.locator("h1").innerText(), "the new page's question first");
  const choices = await page.locator("main .choice label").allTextContents();
  assert.ok(choices.length > 1 && choices.every((c) => spoken.includes(c)), `every choice read: ${spoken.join(" | ")}`);
  await page.clock.runFor(91_000);
  await page.locator("dialog.idle").waitFor();
  assert.deepEqual((await page.evaluate(() => window.spoken)).slice(0, 1), ["您还在使用吗？"]);
  await page.getByRole("button", { name: "继续使用" }).tap();
  // Off, then on again where the browser has no Chinese voice.
  await voice.tap();
  assert.equal(await voice.getAttribute("aria-pressed"), "false");
  await page.evaluate(() => { window.voices = [{ lang: "en-US", name: "English only" }]; });
  await voice.tap();
  assert.equal(await voice.getAttribute("aria-pressed"), "false");
  assert.match(await page.locator(".voice-missing").innerText(), /没有中文语音/);
  assert.deepEqual(page.problems, []);
  await context.close();
});
