// 安阳市公共服务指南 on a portal page (docs/embed.md). The webmaster pastes:
//
//   <div data-anyang-guide data-event="baby"></div>
//   <script src="https://GUIDE/embed.js" defer></script>
//
// and this script puts the guide in a titled, lazily loaded, sandboxed
// iframe in each such element, keeps the frame as tall as the guide's
// content (no scrollbar inside), shows the guide's top on each new screen,
// and carries the portal's 关怀模式 and language to the guide and back.
// Plain JavaScript with no dependency; it touches only its own elements,
// sets no inline style attribute (CSSOM only) and writes no HTML, so it
// runs under the portal's strict CSP and Trusted Types.
//
// Settings on the element (all optional):
//   data-event    a life event to start at (baby, school, job, old-age, ...)
//   data-service  one service's own page instead of the questions
//   data-prefill  answers to start with, in a share form of the household
//                 profile (profile-v1.md): "p=..." or "z=..."
//   data-lang     "en" for English (default Chinese)
//   data-elder    "1" for 长辈模式
//   data-brand    the portal's colour, #rrggbb, dark enough for white text
//   data-sandbox  the iframe's sandbox (default below); "allow-scripts"
//                 alone also works, without storage
//   data-height   the height before the guide says its own (default 900)
//   data-title    the iframe's title (default the guide's name)
//
// The portal's own switches: AnyangGuide.set({ elder: true, lang: "en" }).
// When the resident switches inside the guide, the element fires
// "anyang-guide:settings" with detail { lang, elder }.
//
// Messages use one schema: an object with "anyang-guide": 1 (its version)
// and "type" ("height", "screen", "settings"); see src/settings.rs.
(() => {
  "use strict";
  const VERSION = 1;
  const SANDBOX = "allow-scripts allow-same-origin allow-forms allow-popups";
  const script = document.currentScript;
  if (!script) return;
  const guide = new URL(script.src).origin;
  const frames = [];

  function settingsQuery(d) {
    const query = new URLSearchParams({ embed: "1" });
    if (d.event) query.set("event", d.event);
    if (d.lang) query.set("lang", d.lang);
    if (d.elder === "1" || d.elder === "true") query.set("elder", "1");
    if (d.brand) query.set("brand", d.brand.replace(/^#/, ""));
    return query;
  }

  function place(box) {
    const d = box.dataset;
    const path = d.service ? `/service/${encodeURIComponent(d.service)}/` : d.event ? "/household" : "/";
    const frame = document.createElement("iframe");
    // Answers travel in the fragment, which is never sent to a server.
    const prefill = /^[pz]=[A-Za-z0-9_-]+$/.test(d.prefill ?? "") ? `#${d.prefill}` : "";
    frame.src = `${guide}${path}?${settingsQuery(d)}${prefill}`;
    frame.title = d.title || (d.lang === "en" ? "Anyang Public Services Guide" : "安阳市公共服务指南");
    frame.loading = "lazy";
    frame.referrerPolicy = "no-referrer";
    frame.setAttribute("sandbox", d.sandbox || SANDBOX);
    frame.style.display = "block";
    frame.style.width = "100%";
    frame.style.border = "0";
    frame.style.height = `${Number(d.height) > 0 ? Number(d.height) : 900}px`;
    box.replaceChildren(frame);
    // Without allow-same-origin the guide's origin is opaque: its
    // messages come from "null", and only the frame's window identifies it.
    frames.push({ frame, box, opaque: !frame.sandbox.contains("allow-same-origin") });
  }

  addEventListener("message", (event) => {
    const f = frames.find((f) => event.source === f.frame.contentWindow);
    if (!f || event.origin !== (f.opaque ? "null" : guide)) return;
    const m = event.data;
    if (!m || typeof m !== "object" || m["anyang-guide"] !== VERSION) return;
    if (m.type === "height" && Number.isFinite(m.height) && m.height > 0 && m.height < 100000) {
      f.frame.style.height = `${Math.ceil(m.height)}px`;
    } else if (m.type === "screen") {
      // A resident who tapped 继续 at the bottom of a long page would
      // otherwise land in the middle of the next one.
      const top = f.frame.getBoundingClientRect().top;
      if (top < 0 || top > innerHeight / 2) f.frame.scrollIntoView({ block: "start" });
    } else if (m.type === "settings" && (m.lang === "zh" || m.lang === "en") && typeof m.elder === "boolean") {
      f.box.dispatchEvent(new CustomEvent("anyang-guide:settings", { bubbles: true, detail: { lang: m.lang, elder: m.elder } }));
    }
  });

  window.AnyangGuide = {
    /** The portal's 关怀模式 or language switch changed: { elder, lang }. */
    set(settings) {
      const m = { "anyang-guide": VERSION, type: "settings" };
      if (typeof settings?.elder === "boolean") m.elder = settings.elder;
      if (settings?.lang === "zh" || settings?.lang === "en") m.lang = settings.lang;
      for (const f of frames) f.frame.contentWindow?.postMessage(m, f.opaque ? "*" : guide);
    },
  };

  for (const box of document.querySelectorAll("[data-anyang-guide]")) place(box);
})();
