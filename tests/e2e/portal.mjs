// A demo of the city portal (tests/e2e/portal/): a page on an origin of its
// own, with a strict CSP of its own, that embeds the guide with the two
// lines of docs/embed.md. The query of the page's address sets the embed
// element's data- settings, so each test can try a variant.
import { createServer } from "node:http";
import { readFileSync } from "node:fs";

const dir = new URL("./portal/", import.meta.url);
const SETTINGS = ["event", "lang", "elder", "brand", "sandbox", "service", "prefill"];
const attr = (v) => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** Starts the portal; `guide()` gives the guide's origin when a page is asked for. */
export async function startPortal(guide) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://portal");
    const type = { "/": "text/html", "/plain": "text/html", "/portal.css": "text/css", "/portal.js": "text/javascript", "/favicon.ico": "image/x-icon" }[url.pathname];
    if (!type) { res.writeHead(404).end(); return; }
    let body = url.pathname === "/favicon.ico" ? "" : readFileSync(new URL(url.pathname === "/" ? "index.html" : url.pathname === "/plain" ? "plain.html" : url.pathname.slice(1), dir), "utf8");
    if (type === "text/html") {
      const settings = SETTINGS.filter((k) => url.searchParams.has(k)).map((k) => `data-${k}="${attr(url.searchParams.get(k))}"`).join(" ");
      body = body.replace("SETTINGS", settings).replaceAll('src="GUIDE/', `src="${guide()}/`);
    }
    res.writeHead(200, {
      "content-type": `${type}; charset=utf-8`,
      // The portal's own strict policy: the guide's script and frame are
      // the only things it allows from elsewhere.
      "content-security-policy": `default-src 'self'; script-src 'self' ${guide()}; frame-src ${guide()}; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types 'none'`,
    });
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}
