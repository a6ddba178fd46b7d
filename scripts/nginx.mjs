// Serves dist/ through Debian's nginx with the shipped rules
// (deploy/nginx/guide.conf and guide-headers.conf, unchanged) and a server
// block that sets what deploy/nginx/site.conf sets: the port, the root and
// $frame_ancestors. Used by `scripts/serve --release --nginx` and by the
// end-to-end tests, so what the city deploys is what the tests exercise.
//
//   node scripts/nginx.mjs [PORT]     serves on http://127.0.0.1:PORT (8080) until stopped
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { createServer, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = new URL("../", import.meta.url).pathname;
const BROTLI = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

/** A free local port, to give nginx (which cannot report one it picked). */
function freePort() {
  return new Promise((ok) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

function answers(url) {
  return new Promise((ok) => request(url, { method: "HEAD" }, (res) => { res.resume(); ok(true); }).on("error", () => ok(false)).end());
}

/**
 * Starts nginx in the foreground in a fresh temporary prefix. `frameAncestors`:
 * who may embed the guide, as a deployment lists them. Returns its url, a
 * `close()` and `requests()`: every request line's address it logged.
 */
export async function startNginx({ port, root = join(ROOT, "dist"), frameAncestors = "'self'" } = {}) {
  if (!existsSync("/usr/sbin/nginx") || !existsSync(BROTLI)) throw new Error("nginx with brotli_static is missing: run scripts/setup test");
  const dir = mkdtempSync(join(tmpdir(), "guide-nginx-"));
  mkdirSync(join(dir, "conf", "anyang-guide"), { recursive: true });
  mkdirSync(join(dir, "logs"));
  for (const f of ["guide.conf", "guide-headers.conf"]) copyFileSync(join(ROOT, "deploy", "nginx", f), join(dir, "conf", "anyang-guide", f));
  port ??= await freePort();
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `${t}_temp_path ${dir}/${t};`).join(" ");
  writeFileSync(join(dir, "conf", "nginx.conf"), `load_module ${BROTLI};
${process.getuid?.() === 0 ? "user root;" : ""}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 256; }
http {
    log_format addresses '$request_uri';
    access_log ${dir}/logs/access.log addresses;
    ${temp}
    server {
        listen 127.0.0.1:${port};
        root ${root};
        set $frame_ancestors "${frameAncestors}";
        include anyang-guide/guide.conf;
    }
}
`);
  const proc = spawn("/usr/sbin/nginx", ["-p", dir, "-c", "conf/nginx.conf"], { stdio: ["ignore", "inherit", "inherit"] });
  // nginx goes when this process goes, however it ends.
  process.on("exit", () => proc.kill());
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100 && !(await answers(url)); i++) await new Promise((r) => setTimeout(r, 50));
  const log = join(dir, "logs", "access.log");
  return {
    url,
    close: () => proc.kill(),
    requests: () => (existsSync(log) ? readFileSync(log, "utf8").split("\n").filter(Boolean) : []),
  };
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const { url } = await startNginx({ port: Number(process.argv[2] ?? 8080) });
  console.log(`serving dist/ through nginx and deploy/nginx/ on ${url} (Ctrl-C stops)`);
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(0));
}
