// trunk post_build hook, for every build (serve and release):
// 1. moves trunk's inline module boot script into a hashed external file,
//    so index.html has no inline script and runs under
//    Content-Security-Policy script-src 'self' 'wasm-unsafe-eval'; the page
//    loads it through public/load.js after its first paint, so trunk's
//    preloads of the wasm go (see load.js);
// 2. copies the services' texts file that build.rs wrote for this wasm
//    (its name, catalog-texts-HASH.json, is inside the wasm) into the site;
// 3. gives the web server's 404 page (public/404.html) the site's stylesheet,
//    and writes every service's own static page (crates/pages, guide-pages);
// 4. draws the installable app's PNG icons from public/icon.svg and writes
//    the service worker (public/sw.js) with this version's files;
// 5. writes precompressed copies of every file.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { copyFileSync, readFileSync, readdirSync, writeFileSync, existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { Resvg } from "@resvg/resvg-js";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run this from trunk");

const file = join(dir, "index.html");
let html = readFileSync(file, "utf8");
const inline = /<script type="module"(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
let count = 0;
html = html.replace(inline, (_, code) => {
  const hash = createHash("sha384").update(code).digest();
  const name = `boot-${hash.toString("hex").slice(0, 16)}.js`;
  writeFileSync(join(dir, name), code);
  count++;
  const load = readFileSync("public/load.js");
  const loadHash = createHash("sha384").update(load).digest();
  const loadName = `load-${loadHash.toString("hex").slice(0, 16)}.js`;
  writeFileSync(join(dir, loadName), load);
  return `<script src="/${loadName}" integrity="sha384-${loadHash.toString("base64")}" crossorigin="anonymous" data-boot="/${name}" defer></script>`;
});
if (count === 0) throw new Error("no inline boot script found in index.html");
const preloads = /<link rel="(modulepreload|preload)"[^>]*>\s*/g;
if ((html.match(preloads) ?? []).length !== 2) throw new Error("expected trunk's two preloads (the JS and the wasm) in index.html");
html = html.replace(preloads, "");
// In a sandboxed iframe without allow-same-origin every file is cross-origin:
// the stylesheet's integrity check then needs a CORS request.
html = html.replace(/<link rel="stylesheet"(?![^>]*crossorigin)/g, '<link rel="stylesheet" crossorigin="anonymous"');
writeFileSync(file, html);

const wasm = readdirSync(dir).find((f) => f.endsWith(".wasm"));
const name = readFileSync(join(dir, wasm)).toString("latin1").match(/catalog-texts-[0-9a-f]{16}\.json/)?.[0];
if (!name) throw new Error(`${wasm} names no catalog-texts file`);
const target = process.env.CARGO_TARGET_DIR ?? "target";
const build = join(target, "wasm32-unknown-unknown", process.env.TRUNK_PROFILE === "release" ? "release" : "debug", "build");
const source = readdirSync(build).map((d) => join(build, d, "out", name)).find(existsSync);
if (!source) throw new Error(`${name} not found under ${build}`);
copyFileSync(source, join(dir, name));

// 3. The 404 page is plain HTML with the hashed stylesheet of this build.
const sheet = readFileSync(file, "utf8").match(/<link rel="stylesheet"[^>]*>/)?.[0];
if (!sheet) throw new Error("index.html has no stylesheet link");
const notFound = join(dir, "404.html");
writeFileSync(notFound, readFileSync(notFound, "utf8").replace(/<!-- stylesheet:[^>]*-->/, sheet));

// Every service's page, the list of services and the sitemap, from the catalog.
execFileSync("cargo", ["run", "-q", "--locked", "-p", "guide-pages", "--", dir], { stdio: "inherit" });

// 4. The icons, at the sizes Chromium's install criteria ask for; the
//    maskable one has the drawing in the safe zone on a full background.
const icon = readFileSync("public/icon.svg", "utf8");
const maskable = icon.replace('viewBox="0 0 512 512">', 'viewBox="-64 -64 640 640"><rect x="-64" y="-64" width="640" height="640" fill="#0b5394"/>');
if (maskable === icon) throw new Error("public/icon.svg: expected viewBox 0 0 512 512");
for (const [png, svg, size] of [["icon-192.png", icon, 192], ["icon-512.png", icon, 512], ["icon-maskable-512.png", maskable, 512]]) {
  writeFileSync(join(dir, png), new Resvg(svg, { fitTo: { mode: "width", value: size } }).render().asPng());
}
// The offline copy: every file of the app at the top of the site, the lists
// and the about pages (a service's page is kept once visited), not the
// server's 404 page (internal to nginx), the portal's embed script, the
// sitemap or the worker itself. Its version is a hash of them all, so any
// change makes a new worker.
const notKept = new Set(["index.html", "404.html", "embed.js", "sw.js", "sitemap.xml"]);
const kept = ["/", ...readdirSync(dir).filter((f) => !/\.(br|gz)$/.test(f) && !notKept.has(f) && statSync(join(dir, f)).isFile()).map((f) => `/${f}`), "/services/", "/en/services/", "/about/", "/en/about/"];
const fileOf = (url) => join(dir, url.endsWith("/") ? `${url}index.html` : url);
const version = createHash("sha256");
for (const url of kept) version.update(url).update(readFileSync(fileOf(url)));
writeFileSync(join(dir, "sw.js"), readFileSync("public/sw.js", "utf8").replace("__VERSION__", version.digest("hex").slice(0, 16)).replace("__FILES__", JSON.stringify(kept)));

// 5. Precompressed copies (name.br, name.gz) for servers that send them
//    as is (nginx brotli_static / gzip_static), so nothing is compressed
//    per request.
for (const f of readdirSync(dir, { recursive: true }).filter((f) => /\.(html|js|wasm|css|svg|json|txt|xml|webmanifest)$/.test(f))) {
  const raw = readFileSync(join(dir, f));
  writeFileSync(join(dir, f + ".br"), brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }));
  writeFileSync(join(dir, f + ".gz"), gzipSync(raw, { level: 9 }));
}
