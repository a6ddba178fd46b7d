// The demo portal's own 关怀模式 and language switches, carried to the guide
// (AnyangGuide.set) and kept in step when the resident switches inside it.
const elder = document.getElementById("portal-elder");
const lang = document.getElementById("portal-lang");
const state = { elder: false, lang: "zh" };
function show() {
  elder.setAttribute("aria-pressed", String(state.elder));
  document.documentElement.classList.toggle("care", state.elder);
  lang.textContent = state.lang === "zh" ? "English" : "中文";
}
elder.addEventListener("click", () => { state.elder = !state.elder; show(); window.AnyangGuide?.set({ elder: state.elder }); });
lang.addEventListener("click", () => { state.lang = state.lang === "zh" ? "en" : "zh"; show(); window.AnyangGuide?.set({ lang: state.lang }); });
document.addEventListener("anyang-guide:settings", (e) => { Object.assign(state, e.detail); show(); });
