// trunk post_build hook: moves trunk's inline module boot script into a
// hashed external file, so index.html has no inline script and works under
// Content-Security-Policy script-src 'self' 'wasm-unsafe-eval'.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

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
  return `<script type="module" src="/${name}" integrity="sha384-${hash.toString("base64")}"></script>`;
});
if (count === 0 && process.env.TRUNK_PROFILE === "release") throw new Error("no inline boot script found in index.html");
writeFileSync(file, html);
