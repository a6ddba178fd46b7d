// Drives the questionnaire like a resident: reads the question from the
// page's URL (/q/<fact>/<who>) and answers from a household's script.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import jsQR from "jsqr";
import { PNG } from "pngjs";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Clicks and waits for the client-side route to change. */
export async function go(page, action) {
  const before = page.url();
  await action();
  await page.waitForURL((u) => u.href !== before, { timeout: 10000 });
}

/**
 * Answers every question page until check-answers. `script` maps
 * "fact@who" or "fact" to: a number (typed), a label (radio or select), a
 * list of labels (a list fact's checkboxes, or its combination in a
 * select), or "unsure"; "boxes@who"
 * lists the labels to tick on that person's "which of these apply" pages.
 * Pages about the household as a whole take them too: a situation is
 * ticked when anyone's script has it ("fact@who": "是", or in "boxes@who"),
 * and "是谁" ticks those people. Unscripted: "none of these" on checkbox
 * pages, "不确定" elsewhere. Returns the questions asked as "fact@who"
 * (each row of a page of rows, each person named on a "是谁" page, each
 * situation on a household page as "fact@anyone"; a box ticked from a
 * link's answers is shown, not asked, and stays ticked), in order.
 * `until`: stops on the first page whose address it matches; `each` is
 * called after each page is answered and the next one shown. `page` may
 * be a frame (the guide in a portal's page).
 */
export async function answerAll(page, script = {}, { unsure = "不确定 / 不知道", none = "都没有", next = "继续", until = null, each = null } = {}) {
  const asked = [];
  const boxLists = Object.entries(script).filter(([k]) => k.startsWith("boxes@")).map(([k, v]) => [k.slice(6), v]);
  const has = (key, label, who) => script[`${key}@${who}`] === "是" || boxLists.some(([w, list]) => (who === undefined || w === String(who)) && list.includes(label));
  for (let i = 0; i < 80 && page.url().includes("/q/") && !until?.test(page.url()); i++) {
    const [, key, who] = new URL(page.url()).pathname.match(/^\/q\/([^/]+)\/([^/]+)$/);
    if (await page.locator(".row-field").count()) {
      for (const row of await page.locator(".row-field").all()) {
        const [fact, m] = [await row.getAttribute("data-fact"), (await row.getAttribute("data-member")) ?? "h"];
        asked.push(`${fact}@${m}`);
        const want = script[`${fact}@${m}`] ?? script[fact];
        const field = row.locator("select, input.number");
        const select = (await field.evaluate((el) => el.tagName)) === "SELECT";
        if (typeof want === "number") await field.fill(String(want));
        else if (Array.isArray(want) && select) await field.selectOption({ label: want.length ? want.join("、") : none }); // a short list: one of its combinations
        else if (typeof want === "string" && want !== "unsure" && select) await field.selectOption({ label: want });
        else if (select) await field.selectOption("unsure");
        else await row.locator("input[type=checkbox]").check();
      }
    } else if (who === "anyone" || who === "whom") {
      const label = who === "whom" ? (await page.locator("h1").textContent()).match(/“(.+?)”/)[1] : null;
      let ticked = 0;
      for (const box of await page.locator("input[type=checkbox][id^=box-]:not(#box-none)").all()) {
        const [fact, member] = [await box.getAttribute("data-fact"), await box.getAttribute("data-member")];
        const boxLabel = await page.locator(`label[for="${await box.getAttribute("id")}"]`).textContent();
        // A box ticked already (a link's answer) is shown, not asked.
        const shown = await box.isChecked();
        if (!shown) asked.push(who === "whom" ? `${key}@${member}` : `${fact}@anyone`);
        const yes = who === "whom" ? has(key, label, member) : has(fact, boxLabel) || Object.entries(script).some(([k, v]) => k.startsWith(`${fact}@`) && v === "是");
        // What is known already (a link's answers, back) shows ticked and stays.
        if (yes || shown) { await box.check(); ticked++; }
      }
      if (!ticked) await page.getByLabel(none, { exact: true }).check();
    } else {
      asked.push(`${key}@${who}`);
      const want = script[`${key}@${who}`] ?? script[key];
      const ticks = [];
      for (const label of script[`boxes@${who}`] ?? []) if (await page.getByLabel(label, { exact: true }).count()) ticks.push(label);
      if (ticks.length && want === undefined) for (const label of ticks) await page.getByLabel(label, { exact: true }).check();
      else if (typeof want === "number") await page.fill("#number-input", String(want));
      else if (Array.isArray(want)) for (const label of want.length ? want : [none]) await page.getByLabel(label, { exact: true }).check();
      else if (typeof want === "string" && want !== "unsure") await page.getByLabel(want, { exact: true }).check();
      else if (want === undefined && (await page.locator("#box-none").count())) await page.getByLabel(none, { exact: true }).check();
      else await page.getByLabel(unsure, { exact: true }).check();
    }
    await go(page, () => page.getByRole("button", { name: next }).click());
    await each?.();
  }
  return asked;
}

/**
 * Service titles in a results section: "eligible" (the household's own
 * services) or "maybe" (those a department decides, and those still open).
 */
export async function titles(page, section) {
  await page.waitForSelector(".summary .lead");
  const cards = await page.locator(`section[aria-labelledby=${section}] article.service h4`).allTextContents();
  if (section !== "maybe") return cards;
  return [...cards, ...(await page.locator("section[aria-labelledby=open] ul.titles li").allTextContents())];
}

/** axe-core with WCAG 2.x A/AA rules and target size at 44 px (a kiosk: 60). */
export async function axe(page, { minSize = 44 } = {}) {
  await page.evaluate(AXE); // evaluate is not subject to the page's CSP
  return page.evaluate(async (minSize) => {
    window.axe.configure({ checks: [{ id: "target-size", options: { minSize } }] });
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] }, rules: { "target-size": { enabled: true } } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  }, minSize);
}

/** A card's text as a resident sees it, scrolled to and with its details open. */
export async function seen(card) {
  await card.scrollIntoViewIfNeeded();
  if (await card.locator("details.more:not([open])").count()) await card.locator("details.more > summary").click();
  await card.page().waitForFunction((el) => el.innerText.trim() !== "", await card.elementHandle(), { timeout: 5000 });
  return card.innerText();
}

/** The answer list's text, a line per row, its parts apart. */
export async function answersText(page) {
  await page.waitForSelector("dl.answers");
  return page.locator("dl.answers .row").evaluateAll((rows) => rows.map((row) => [...row.children].map((part) => part.textContent.trim()).join("\t")).join("\n"));
}

/** The page's QR code (`svg.qr`), read off a screenshot as a phone camera would. */
export async function readQr(page) {
  const png = PNG.sync.read(await page.locator("svg.qr").screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}
