// Households from start to results, through the questions and through
// #p= pre-fill (profile-v1.md), in headless Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, newPage, ready, p, requests } from "./harness.mjs";
import { go, answerAll, titles, answersText, axe } from "./flow.mjs";

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

async function start(event, members = []) {
  const { context, page } = await newPage(browser);
  await page.goto(srv.url + "/");
  await ready(page);
  await go(page, () => page.getByRole("link", { name: event, exact: true }).click());
  for (const m of members) await page.getByRole("button", { name: `+ 添加${m}` }).click();
  await go(page, () => page.getByRole("button", { name: "继续" }).click());
  return { context, page };
}

async function results(page) {
  assert.match(page.url(), /\/check$/);
  await go(page, () => page.getByRole("link", { name: "查看结果" }).click());
  await page.waitForSelector(".summary");
  return { eligible: await titles(page, "eligible"), maybe: await titles(page, "maybe") };
}

const households = [
  {
    name: "pregnant mother with a toddler (baby life event)",
    event: "我要生孩子 / 家有婴幼儿", members: ["子女"],
    script: { "age@0": 29, "sex@0": "女", "pregnant@0": "是", "age@1": 2, "work@0": "在单位上班" },
    eligible: ["免费产前筛查和产前诊断", "新生儿家访和婴幼儿定期体检", "普惠托育服务", "产假和配偶陪产假"],
    notAsked: ["pregnant@1", "veteran@0"],
  },
  {
    name: "unemployed man looking for work (work life event)",
    event: "找工作 / 创业", members: [],
    script: { "age@0": 45, "work@0": "失业，在找工作", "boxes@0": ["就业困难人员", "参加失业保险"] },
    eligible: ["免费公共就业服务", "就业援助", "失业人员再就业帮扶"],
  },
  {
    name: "elderly couple in the countryside (elder life event)",
    event: "年纪大了 / 照顾老人", members: ["配偶"],
    script: { "age@0": 72, "age@1": 70, area: "农村", "chronic@0": ["高血压"], "self_care@1": "部分能自理" },
    eligible: ["高血压、糖尿病健康管理", "社区日间照料和助餐助行", "农村互助幸福院", "失能半失能老人普惠养老"],
  },
  {
    name: "dibao family with a disabled son (disability life event)",
    event: "残疾或重病", members: ["子女"],
    script: { "age@0": 58, "age@1": 30, support_status: "低保家庭", "boxes@1": ["持有残疾人证"], "disability.grade@1": "2级", "disability.kind@1": "肢体残疾" },
    eligible: ["重度残疾人护理补贴", "残疾人康复服务和辅助器具适配"],
    maybe: ["困难残疾人生活补贴"],
  },
  {
    name: "town dibao family renting (housing life event)",
    event: "住房困难", members: [],
    script: { "age@0": 40, area: "城镇", support_status: "低保家庭", housing: "住房困难", tenure: "租房", "hukou@0": "安阳城镇户口" },
    eligible: ["城镇低保、低收入住房困难家庭公租房保障"],
    maybe: ["货币租赁补贴"],
  },
  {
    name: "recently discharged veteran (veteran life event)",
    event: "退役军人和军属", members: [],
    script: { "age@0": 24, "boxes@0": ["退役军人", "刚退役、等待安置"], "work@0": "失业，在找工作" },
    eligible: ["退役军人移交安置", "退役军人适应性培训和职业技能培训"],
  },
];

for (const h of households) {
  test(`through the questions: ${h.name}`, async () => {
    const { context, page } = await start(h.event, h.members);
    const asked = await answerAll(page, h.script);
    for (const q of h.notAsked ?? []) assert.ok(!asked.includes(q), `${q} must not be asked`);
    const r = await results(page);
    for (const t of h.eligible) assert.ok(r.eligible.includes(t), `eligible: ${t} in ${r.eligible}`);
    for (const t of h.maybe ?? []) assert.ok(r.maybe.includes(t), `maybe: ${t} in ${r.maybe}`);
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}

const prefilled = [
  { name: "contract example (dibao, rural, child 9, parent 76)", profile: { v: 1, household: { area: "rural", support_status: "dibao", housing: "adequate" }, members: [{ role: "self", age: 41, sex: "female", hukou: "local_rural", work: "flexible" }, { role: "child", age: 9, education: "primary", hukou: "local_rural" }, { role: "parent", age: 76, self_care: "partial", pension_insurance: "resident" }] }, eligible: ["义务教育免学杂费", "农村义务教育学生营养改善计划", "社区日间照料和助餐助行"] },
  { name: "four members", profile: { v: 1, household: { area: "urban", support_status: "low_income", housing: "difficulty", tenure: "rent" }, members: [{ role: "self", age: 38 }, { role: "spouse", age: 40, work: "unemployed" }, { role: "child", age: 2 }, { role: "parent", age: 72, chronic: ["diabetes"] }] }, eligible: ["普惠托育服务", "失业人员再就业帮扶", "高血压、糖尿病健康管理"] },
  { name: "pregnant woman", profile: { v: 1, members: [{ role: "self", age: 27, sex: "female", pregnant: true }] }, eligible: ["免费产前筛查和产前诊断"] },
  { name: "veteran's family", profile: { v: 1, members: [{ role: "self", age: 60, veteran: { entitled: true } }, { role: "spouse", age: 58, martyr_family: true }] }, eligible: ["优抚对象定期抚恤补助"] },
  { name: "orphan in grandparents' care", profile: { v: 1, members: [{ role: "grandparent", age: 70 }, { role: "grandchild", age: 10, orphan: true }] }, eligible: ["孤儿、艾滋病病毒感染儿童和事实无人抚养儿童基本生活保障"] },
  { name: "old compound, shanty-free town family", profile: { v: 1, household: { old_compound: true, area: "urban" }, members: [{ role: "self", age: 50 }] }, eligible: ["城镇老旧小区改造"] },
];

for (const h of prefilled) {
  test(`pre-filled by #p=: ${h.name}`, async () => {
    const { context, page } = await newPage(browser);
    const seen = requests().length;
    await page.goto(srv.url + "/" + p(h.profile));
    await ready(page);
    await page.waitForURL(/\/(q\/|check)/);
    assert.equal(new URL(page.url()).hash, "", "the fragment is removed from the address bar");
    // Only what is still unknown is asked; pre-filled facts never are.
    const asked = await answerAll(page, {});
    for (const [i, m] of (h.profile.members ?? []).entries()) for (const k of Object.keys(m)) assert.ok(!asked.includes(`${k}@${i}`), `${k}@${i} was pre-filled`);
    for (const k of Object.keys(h.profile.household ?? {})) assert.ok(!asked.includes(`${k}@h`), `${k} was pre-filled`);
    const r = await results(page);
    for (const t of h.eligible) assert.ok(r.eligible.includes(t), `eligible: ${t} in ${r.eligible}`);
    // No request ever carried the answers.
    const sent = requests().slice(seen);
    assert.ok(sent.length > 0 && sent.every((u) => !u.includes("p=") && !u.includes("eyJ")), sent.join(" "));
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}

test("a link with answers opened in a tab that already shows the guide: taken when nothing is answered, else the resident chooses", async () => {
  const elder = { v: 1, members: [{ role: "self", age: 77 }] };
  const pregnant = { v: 1, members: [{ role: "self", age: 27, sex: "female", pregnant: true }] };
  const { context, page } = await newPage(browser);
  // Only the fragment changes: the page does not load again.
  const follow = (link) => page.evaluate((h) => { location.hash = h; }, link);
  await page.goto(srv.url + "/");
  await ready(page);
  await page.evaluate(() => { window.sameDocument = true; });
  // Nothing answered yet: taken at once, as a freshly opened link is.
  await follow(p(elder));
  await page.waitForURL(/\/q\//);
  assert.equal(new URL(page.url()).hash, "");
  assert.equal(await page.locator("#link-offer").count(), 0);
  await page.goto(srv.url + "/results" + p(elder));
  await ready(page);
  const before = await titles(page, "eligible");
  await page.evaluate(() => { window.sameDocument = true; });
  // Answers given: the resident is asked, and keeping them changes nothing.
  await follow(p(pregnant));
  await page.locator("#link-offer").waitFor();
  assert.match(await page.locator("#link-offer").innerText(), /这个链接里有另一组回答/);
  assert.equal(await page.evaluate(() => document.activeElement.id), "link-offer", "the question takes focus");
  assert.equal(new URL(page.url()).hash, "", "the answers leave the address bar");
  assert.deepEqual(await titles(page, "eligible"), before, "nothing changes until the resident chooses");
  assert.deepEqual(await axe(page), [], "the question passes axe");
  await page.getByRole("button", { name: "保留我现在的回答" }).click();
  await page.locator("#link-offer").waitFor({ state: "detached" });
  assert.deepEqual(await titles(page, "eligible"), before);
  // Taking the link's answers replaces them; the results page stays.
  await follow(p(pregnant));
  await page.getByRole("button", { name: "换成链接里的回答" }).click();
  await page.locator("#link-offer").waitFor({ state: "detached" });
  await page.locator("section[aria-labelledby=eligible] article.service h4", { hasText: "免费产前筛查和产前诊断" }).first().waitFor();
  assert.match(page.url(), /\/results$/);
  await page.locator("details.your-answers summary").click();
  assert.match(await answersText(page), /年龄\s+27岁/);
  assert.doesNotMatch(await answersText(page), /77岁/, "replaced, not merged");
  // A jump within the page is not a link with answers.
  await follow("#main");
  assert.equal(await page.locator("#link-offer").count(), 0);
  assert.equal(await page.evaluate(() => window.sameDocument), true, "all without loading the page again");
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("a life-event link with answers keeps its life event after the back button", async () => {
  const { context, page } = await newPage(browser);
  await page.goto(srv.url + "/household?event=baby" + p({ v: 1, members: [{ role: "self", age: 30, sex: "female" }] }));
  await ready(page);
  assert.equal(new URL(page.url()).search + new URL(page.url()).hash, "?event=baby", "only the answers leave the address");
  await go(page, () => page.getByRole("button", { name: "继续" }).click());
  const first = await page.locator("main h1").innerText();
  await page.goBack();
  await page.waitForURL(/\/household\?event=baby$/);
  await go(page, () => page.getByRole("button", { name: "继续" }).click());
  assert.equal(await page.locator("main h1").innerText(), first, "the same questions: still the baby life event");
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("the crash page's restore link (/?restore#p=) opens the guide with the answers", async () => {
  const { context, page } = await newPage(browser);
  await page.goto(srv.url + "/?restore" + p({ v: 1, members: [{ role: "self", age: 77 }] }));
  await ready(page);
  await page.waitForURL(/\/q\//);
  // Back on the start page the address is plain again: a second restore
  // link from there must load the guide, not only change the fragment.
  await page.goBack();
  await page.waitForURL((u) => u.pathname === "/");
  assert.equal(new URL(page.url()).search, "");
  await page.goForward();
  await page.waitForURL(/\/q\//);
  await answerAll(page, {});
  assert.match(await answersText(page), /年龄\s+77岁/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("pre-filled with everything unknown: every question offers 不确定 and the flow ends", async () => {
  const { context, page } = await newPage(browser);
  await page.goto(srv.url + "/" + p({ v: 1, household: { area: "unknown", support_status: null }, members: [{ role: "self" }, { role: "child" }] }));
  await ready(page);
  await page.waitForURL(/\/q\//);
  const asked = await answerAll(page, {}, {});
  assert.ok(asked.length > 3);
  const r = await results(page);
  assert.equal(r.eligible.length > 0 || r.maybe.length > 0, true);
  assert.ok(r.maybe.length > 10, "unknowns give may-be results");
  await context.close();
});

test("a fully known profile goes straight to check-answers", async () => {
  const { context, page } = await newPage(browser);
  const profile = { v: 1, household: { region: "wenfeng", area: "urban", support_status: "none", formerly_poor: false, housing: "adequate", tenure: "own", old_compound: false, family_planning: "none", zero_employment: false, disaster_affected: false, sudden_hardship: false }, members: [{ role: "self", age: 70, sex: "male", hukou: "local_urban", work: "retired", pension_insurance: "employee", medical_insurance: "employee", disability: false, self_care: "independent", chronic: [], serious_illness: false, mental_disorder: false, veteran: false, military_family: false, martyr_family: false, returnee: false, starting_business: false, hard_to_employ: false, migrant_worker: false, unemployment_insurance: false, work_injury: false, hazardous_job: false, labour_dispute: false, education: "none", recent_graduate: false }] };
  await page.goto(srv.url + "/" + p(profile));
  await ready(page);
  await page.waitForURL(/\/check$/);
  await context.close();
});

test("a damaged or invalid link is reported in plain words, field by field, and nothing is lost", async () => {
  const { context, page } = await newPage(browser);
  await page.goto(srv.url + "/" + p({ v: 1, household: { area: "moon" }, members: [{ role: "self", age: 500, sex: "female" }] }));
  await ready(page);
  await page.waitForURL(/\/q\//);
  const notice = await page.locator(".notice").innerText();
  assert.match(notice, /链接里有些内容无法使用/);
  assert.match(notice, /“城镇或农村”/);
  assert.match(notice, /第 1 位家庭成员的“年龄”/);
  assert.match(page.url(), /\/q\/age\/0$/, "the bad age is asked again");
  // The good field (sex) was kept.
  await answerAll(page, { "age@0": 30 });
  assert.match(await answersText(page), /性别\s+女/);
  assert.deepEqual(page.problems, []);
  await context.close();

  const second = await newPage(browser);
  await second.page.goto(srv.url + "/#p=!!!not-base64");
  await ready(second.page);
  assert.match(await second.page.locator(".notice").innerText(), /链接里的资料不完整或已损坏/);
  assert.equal(await second.page.locator("h1").first().innerText(), "安阳市公共服务指南", "the start page, not a blank page");
  await second.context.close();
});

test("two members with one role are told apart: by place until their ages differ, then by age", async () => {
  const { context, page } = await newPage(browser);
  await page.goto(srv.url + "/household");
  await ready(page);
  await page.getByRole("button", { name: "+ 添加子女" }).click();
  await page.getByRole("button", { name: "+ 添加子女" }).click();
  await page.getByRole("button", { name: "移除 第2位子女" }).waitFor();
  assert.equal(await page.getByRole("button", { name: "移除 第1位子女" }).count(), 1, "each 移除 says whom");
  await go(page, () => page.getByRole("button", { name: "继续" }).click());
  // Every age on one page, a row each, named by place while no age is known.
  assert.equal(await page.locator("main h1").innerText(), "下面每个人多大了？");
  await page.getByLabel("您", { exact: true }).fill("35");
  await page.getByLabel("第1位子女", { exact: true }).fill("9");
  await page.getByLabel("第2位子女", { exact: true }).fill("4");
  await go(page, () => page.getByRole("button", { name: "继续" }).click());
  // The rest answered, check answers names them by age.
  await answerAll(page);
  const answers = await answersText(page);
  assert.match(answers, /子女（9岁） · 年龄\t9岁/, "told apart by age once known");
  assert.match(answers, /子女（4岁） · 年龄\t4岁/);
  assert.doesNotMatch(answers, /第\d位子女/);
  await context.close();
});

test("a family of four: every age on one page, the household asked once about rare situations, then who", async () => {
  const { context, page } = await start("全面查一查", ["配偶", "子女", "父母"]);
  assert.match(page.url(), /\/q\/age\/all$/);
  assert.equal(await page.locator("main h1").innerText(), "下面每个人多大了？");
  assert.deepEqual(await page.locator(".row-field > label").allTextContents(), ["您", "配偶", "子女", "父母"]);
  assert.deepEqual(await axe(page), []);
  // Nothing filled: an error for each row, the summary takes focus and links to each field.
  await page.getByRole("button", { name: "继续" }).click();
  await page.waitForSelector(".error-summary:focus");
  assert.equal(await page.locator(".error-summary li").count(), 4);
  assert.equal(await page.locator(".row-field.has-error").count(), 4);
  await page.locator(".error-summary a").nth(2).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), "row-age-2");
  await page.getByLabel("您", { exact: true }).fill("38");
  await page.getByLabel("配偶", { exact: true }).fill("40");
  await page.getByLabel("子女", { exact: true }).fill("6");
  assert.equal(await page.locator(".row-field.has-error").count(), 1, "each row's error goes once it is answered");
  await page.locator("#row-age-3-unsure").check(); // 不确定 is an answer too
  assert.equal(await page.locator(".row-field.has-error").count(), 0);
  await page.getByLabel("父母", { exact: true }).fill("70"); // and typing an age replaces it
  assert.ok(!(await page.locator("#row-age-3-unsure").isChecked()));
  await go(page, () => page.getByRole("button", { name: "继续" }).click());
  // On to the household's situations: asked once, for everyone.
  await answerAll(page, {}, { until: /\/anyone$/ });
  assert.equal(await page.locator("main h1").innerText(), "以下哪些情况符合您家或家里的人？（可多选）");
  assert.deepEqual(await axe(page), []);
  await page.getByLabel("持有残疾人证", { exact: true }).check();
  await go(page, () => page.getByRole("button", { name: "继续" }).click());
  assert.match(page.url(), /\/q\/disability\/whom$/);
  assert.equal(await page.locator("main h1").innerText(), "“持有残疾人证”指的是谁？（可多选）");
  assert.deepEqual(await axe(page), []);
  await page.getByLabel("父母", { exact: true }).check();
  await go(page, () => page.getByRole("button", { name: "继续" }).click());
  // Back to who: the answer is kept.
  await go(page, () => page.getByRole("button", { name: "‹ 返回" }).click());
  assert.ok(await page.getByLabel("父母", { exact: true }).isChecked());
  assert.ok(!(await page.getByLabel("配偶", { exact: true }).isChecked()));
  await go(page, () => page.getByRole("button", { name: "继续" }).click());
  // 长辈模式: the pages of rows and of situations stay accessible with 60 px targets.
  await page.getByRole("button", { name: "长辈模式" }).click();
  await answerAll(page, { "disability.grade@3": "2级", "disability.kind@3": "肢体残疾" }, { until: /\/about-/ });
  if (page.url().includes("/about-")) assert.deepEqual(await axe(page), []);
  await answerAll(page, {});
  const answers = await answersText(page);
  assert.match(answers, /父母 · 持有残疾人证\t是/);
  assert.match(answers, /配偶 · 持有残疾人证\t否/);
  assert.match(answers, /您 · 持有残疾人证\t否/);
  assert.deepEqual(page.problems, []);
  await context.close();
});
