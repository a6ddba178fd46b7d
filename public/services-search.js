// The search field of /services/ (crates/pages writes the page): filters the
// list as the resident types. Without script the field stays hidden and the
// full list is the page. Each item carries what is searched (title, summary
// and who it is for, in Chinese and English) in data-find, lower-cased.
// Only textContent and attributes are touched: the page runs under Trusted
// Types with no policy.
const form = document.getElementById("find");
const field = document.getElementById("find-q");
const none = document.getElementById("find-none");
const count = document.getElementById("find-count");
const items = [...document.querySelectorAll("li[data-find]")];
const groups = [...document.querySelectorAll("section.group")];

function filter() {
  const q = field.value.trim().toLowerCase();
  let shown = 0;
  for (const li of items) {
    const hit = li.dataset.find.includes(q);
    li.hidden = !hit;
    if (hit) shown++;
  }
  for (const g of groups) g.hidden = !g.querySelector("li[data-find]:not([hidden])");
  none.hidden = shown > 0;
  none.querySelector("q").textContent = field.value.trim();
  count.textContent = q ? count.dataset.found.replace("{n}", shown) : "";
}

form.hidden = false;
form.addEventListener("submit", (e) => e.preventDefault());
field.addEventListener("input", filter);
none.querySelector("a").addEventListener("click", (e) => { e.preventDefault(); field.value = ""; filter(); field.focus(); });
if (field.value) filter();
