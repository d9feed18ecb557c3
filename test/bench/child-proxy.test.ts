/** The bench's process and socket plumbing: child results, child failures, and the counting engine proxy. */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import { REPORT_SNIPPET, runEval } from "../../bench/child";
import { startCountingProxy } from "../../bench/counting-proxy";

const dir = mkdtempSync(path.join(os.tmpdir(), "berth-bench-test-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("runEval: the child's value, its peak memory and the wall time", async () => {
  const run = await runEval<{ sum: number }>(`${REPORT_SNIPPET}\nconsole.log("noise");\nreport({ sum: 1 + 2 });`);
  assert.deepEqual(run.result, { sum: 3 });
  assert.ok(run.peakMiB > 1 && run.peakMiB < 4096, `peak ${run.peakMiB}`);
  assert.ok(run.wallMs > 0);
});

test("runEval: a child that fails or reports nothing is an error carrying its output", async () => {
  await assert.rejects(runEval(`console.error("it broke"); process.exit(3);`), /exited with 3 without a result:\nit broke/);
  await assert.rejects(runEval(`console.log("no result line");`), /exited with 0 without a result:\nno result line/);
});

test("counting proxy: forwards requests and records each one's method and path", async () => {
  const upstream = path.join(dir, "engine.sock");
  const server = http.createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ path: req.url }));
  });
  await new Promise<void>((resolve) => server.listen(upstream, resolve));
  const proxy = await startCountingProxy(path.join(dir, "proxy.sock"), upstream);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = (p: string, method = "GET") =>
    new Promise<string>((resolve, reject) => {
      const req = http.request({ socketPath: proxy.socketPath, path: p, method, agent }, (res) => {
        let body = "";
        res.setEncoding("utf8").on("data", (t: string) => {
          body += t;
        });
        res.on("end", () => resolve(body));
      });
      req.once("error", reject);
      req.end();
    });
  try {
    assert.equal(await get("/containers/abc/json"), '{"path":"/containers/abc/json"}');
    assert.equal(await get("/containers/abc/top"), '{"path":"/containers/abc/top"}');
    assert.equal(await get("/containers/abc/stop?t=1", "POST"), '{"path":"/containers/abc/stop?t=1"}');
    assert.deepEqual(
      proxy.requests.map((r) => `${r.method} ${r.path}`),
      ["GET /containers/abc/json", "GET /containers/abc/top", "POST /containers/abc/stop?t=1"],
    );
  } finally {
    agent.destroy();
    await proxy.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
