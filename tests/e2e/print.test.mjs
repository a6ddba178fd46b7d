// 打印结果 (issue 20): the printed results hold every service the household
// can or may get with who, what to do, which office, what to bring, the
// plan's sentence and section, the QR code, the date and the disclaimer,
// and no button or navigation; A4 by default, an 80 mm receipt when a
// kiosk's settings say so, and the same on a phone (print to PDF).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, newPage, ready, shot, p } from "./harness.mjs";
import { readQr } from "./flow.mjs";

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const FAMILY = p({
  v: 1,
  household: { area: "rural", support_status: "dibao", housing: "adequate", region: "linzhou" },
  members: [
    { role: "self", age: 41, sex: "female", hukou: "local_rural", work: "flexible" },
    { role: "child", age: 9, education: "primary", hukou: "local_rural" },
    { role: "parent", age: 76, self_care: "partial", pension_insurance: "resident" },
  ],
});

/** The page as the printer gets it (the app opens every card before printing). */
async function printed(page) {
  await page.locator("article.service").first().waitFor();
  await page.emulateMedia({ media: "print" });
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
}

/** Width and height of the PDF's first page, in points. */
async function pdfPage(page) {
  const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString("latin1");
  const [, w, h] = pdf.match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/);
  return [Number(w), Number(h)];
}

async function checkPrinted(page, { receipt = false } = {}) {
  const visible = (sel) => page.locator(sel).evaluateAll((els) => els.filter((e) => e.getClientRects().length).length);
  assert.equal(await visible("button"), 0, "no buttons");
  assert.equal(await visible(".site-header"), 0, "no navigation");
  assert.match(await page.locator(".printed-on").innerText(), /^打印日期：\d{4}年\d{1,2}月\d{1,2}日$/);
  assert.match(await page.locator(".site-footer").innerText(), /结果仅供参考/, "the disclaimer");
  const cards = page.locator("section[aria-labelledby=eligible] article.service");
  assert.ok((await cards.count()) > 2);
  for (const card of await cards.all()) {
    const text = await card.innerText();
    for (const part of ["适用于", "怎么办", "负责部门"]) assert.ok(text.includes(part), `${part} in:\n${text}`);
    assert.match(text, /“.+”\s*第.+章/, "the plan's sentence and its chapter");
    if (receipt) assert.doesNotMatch(text, /为什么|详细/, "a receipt keeps to what to do");
  }
  assert.match((await readQr(page)) ?? "", /\/results#c=1\d+$/, "the QR code is printed and scans");
  assert.equal(await visible(".everyone"), receipt ? 0 : 1, "a receipt keeps to the household's own services");
}

test("on a phone: A4, every card open with who, what to do, the office and the plan's sentence; the QR code, the date, the disclaimer; no buttons", async () => {
  const { context, page } = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true });
  await page.goto(srv.url + "/results" + FAMILY);
  await ready(page);
  await printed(page);
  await checkPrinted(page);
  await shot(page, "print-a4-phone");
  const [w, h] = await pdfPage(page);
  assert.ok(Math.abs(w - 595.3) < 2 && Math.abs(h - 841.9) < 2, `A4, got ${w}×${h}`);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("a kiosk with paper=80mm prints an 80 mm receipt; without it, A4", async () => {
  const { context, page } = await newPage(browser, { viewport: { width: 1080, height: 1920 } });
  await page.goto(srv.url + "/results?mode=kiosk&paper=80mm" + FAMILY);
  await ready(page);
  await printed(page);
  await checkPrinted(page, { receipt: true });
  // The previews before the PDF: printing ends with afterprint, which folds the cards again.
  await page.setViewportSize({ width: 302, height: 1920 }); // 80 mm at 96 dpi
  await shot(page, "print-receipt-80mm");
  const [w] = await pdfPage(page);
  assert.ok(Math.abs(w - 226.8) < 2, `80 mm wide, got ${w} pt`);
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto(srv.url + "/results?mode=kiosk" + FAMILY);
  await ready(page);
  await printed(page);
  await checkPrinted(page);
  await shot(page, "print-a4-kiosk");
  const [a4] = await pdfPage(page);
  assert.ok(Math.abs(a4 - 595.3) < 2, `A4 by default, got ${a4} pt`);
  assert.deepEqual(page.problems, []);
  await context.close();
});
