// Remembering only when asked (issue 22): nothing kept by default; the
// switch 在本机保存我的回答 keeps the session and the preferences, restored
// on the next visit with 清除; every storage fault ends in a plain message
// and a working guide (src/ui/storage.rs).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, newPage, ready } from "./harness.mjs";
import { answerAll, answersText, go } from "./flow.mjs";

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const KEY = "anyang-guide:answers";
const stored = (page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));

/** Answers a household of two up to check answers. */
async function answerTwo(page) {
  await page.goto(srv.url + "/household");
  await ready(page);
  await page.getByRole("button", { name: "+ 添加配偶" }).click();
  await go(page, () => page.getByRole("button", { name: "继续" }).click());
  await answerAll(page, { "age@0": 45, "age@1": 47 });
  await page.waitForURL(/\/check$/);
}

test("nothing is kept unless the resident asks; asked, the answers and 长辈模式 come back on the next visit; 清除我的回答 forgets them", async () => {
  const { context, page } = await newPage(browser);
  await answerTwo(page);
  assert.deepEqual(await stored(page), {}, "nothing kept by default");
  await page.getByRole("button", { name: "长辈模式" }).click();
  await page.getByLabel("在本机保存我的回答").check();
  const kept = (await stored(page))[KEY];
  assert.match(kept, /^anyang-guide-answers\/1\ncatalog=catalog-texts-[0-9a-f]{16}\.json\n/);
  assert.match(kept, /\nprefs=zh\|1\n$/);
  const before = await answersText(page);
  await page.reload();
  await ready(page);
  assert.match(await page.locator("#saved-note").innerText(), /已恢复您上次在这台设备上保存的回答/);
  assert.equal(await page.evaluate(() => document.documentElement.className.includes("elder")), true);
  assert.equal(await answersText(page), before);
  assert.equal(await page.getByLabel("在本机保存我的回答").isChecked(), true);
  await page.locator("#saved-note").getByRole("button", { name: "清除我的回答" }).click();
  await page.waitForURL(srv.url + "/");
  assert.deepEqual(await stored(page), {});
  await page.reload();
  await ready(page);
  assert.equal(await page.locator("#saved-note").isVisible(), false);
  // Switching off forgets too.
  await answerTwo(page);
  await page.getByLabel("在本机保存我的回答").check();
  assert.ok((await stored(page))[KEY]);
  await page.getByLabel("在本机保存我的回答").uncheck();
  assert.deepEqual(await stored(page), {});
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("answers saved under an older catalog are worked out again, and a field the profile no longer has is named", async () => {
  const { context, page } = await newPage(browser);
  await page.addInitScript(() => {
    if (sessionStorage.getItem("seeded")) return;
    sessionStorage.setItem("seeded", "1");
    // {"v":1,"members":[{"age":50,"shoe_size":42}]}
    localStorage.setItem("anyang-guide:answers", "anyang-guide-answers/1\ncatalog=catalog-texts-0000000000000000.json\nevent=\nunsure=\nanswers=p=eyJ2IjoxLCJtZW1iZXJzIjpbeyJhZ2UiOjUwLCJzaG9lX3NpemUiOjQyfV19\nprefs=zh|0\n");
  });
  await page.goto(srv.url + "/");
  await ready(page);
  assert.match(await page.locator("#saved-note").innerText(), /服务目录已经更新，结果按新的目录重新计算/);
  assert.match(await page.locator("main").innerText(), /shoe_size/);
  await page.goto(srv.url + "/check");
  await ready(page);
  assert.match(await answersText(page), /50岁/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

// Each fault, as a script run before the page's own stands it in.
const FAULTS = {
  "storage missing (the browser refuses it)": () => Object.defineProperty(window, "localStorage", { get() { throw new DOMException("denied", "SecurityError"); } }),
  "storage throwing on every call": () => { for (const m of ["getItem", "setItem", "removeItem"]) Storage.prototype[m] = () => { throw new Error("broken"); }; },
  "storage full": () => { Storage.prototype.setItem = () => { throw new DOMException("full", "QuotaExceededError"); }; },
};

for (const [fault, stand_in] of Object.entries(FAULTS)) {
  test(`${fault}: switching saving on says it cannot, and the guide goes on with the answers`, async () => {
    const { context, page } = await newPage(browser);
    await page.addInitScript(stand_in);
    await answerTwo(page);
    const before = await answersText(page);
    // A tap: the switch turns itself back off.
    await page.getByLabel("在本机保存我的回答").click();
    assert.match(await page.locator("#saved-note").innerText(), /这台设备现在不能保存回答/);
    assert.equal(await page.getByLabel("在本机保存我的回答").isChecked(), false);
    assert.equal(await answersText(page), before, "nothing lost");
    await go(page, () => page.getByRole("link", { name: "查看结果" }).click());
    await page.waitForSelector(".summary .lead");
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}

for (const [what, text] of [["garbage", "hello"], ["a newer version's answers", "anyang-guide-answers/9\ncatalog=x\nanswers=p=e30\n"]]) {
  test(`${what} in storage: set aside (not deleted), said once, a clean start`, async () => {
    const { context, page } = await newPage(browser);
    await page.addInitScript((t) => { if (!sessionStorage.getItem("seeded")) { sessionStorage.setItem("seeded", "1"); localStorage.setItem("anyang-guide:answers", t); } }, text);
    await page.goto(srv.url + "/");
    await ready(page);
    assert.match(await page.locator("#saved-note").innerText(), /已经放在一边，没有删除/);
    assert.deepEqual(await stored(page), { "anyang-guide:answers:set-aside": text });
    await page.reload();
    await ready(page);
    assert.equal(await page.locator("#saved-note").isVisible(), false, "said once");
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}
