// The HTML page opened from disk in headless Chromium (Debian's /usr/bin/chromium): it renders, the graph has one node
// per resource, a screenshot is not blank, and the console stays clean. Skips loudly when Chromium is absent.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, test } from "node:test";
import { type Browser, chromium } from "playwright-core";
import type { PreviewDocument } from "../../src/preview/document";
import { berth } from "./cli-harness";

const CHROMIUM = "/usr/bin/chromium";

/** Browser-side code (a string: the test is compiled without the DOM library) that counts a PNG's colours. */
const COUNT_COLOURS = `async (dataUrl) => {
  const img = new Image();
  img.src = dataUrl;
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = img.width;
  canvas.height = img.height;
  const ctx = canvas.getContext("2d");
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, img.width, img.height).data;
  const seen = new Set();
  for (let i = 0; i < data.length && seen.size < 50; i += 4 * 7) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
  return { seen: seen.size, width: img.width, height: img.height };
}`;
const dir = mkdtempSync(path.join(tmpdir(), "berth-preview-html-"));
let browser: Browser | undefined;

before(async () => {
  if (!existsSync(CHROMIUM)) return;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      // Playwright gives the browser a fresh temporary profile itself (it refuses --user-data-dir here).
    ],
  });
});

after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

for (const program of ["platform", "insecure"]) {
  test(`${program}: the HTML page renders its graph and table in Chromium`, async (t) => {
    if (!browser) {
      t.skip(`${CHROMIUM} is not installed: the HTML page was not opened`);
      return;
    }
    const html = path.join(dir, `${program}.html`);
    const run = await berth("preview", `test/fixtures/preview/${program}`, "--format", "html", "--out", html);
    assert.equal(run.code, 0, run.err);
    const json = await berth("preview", `test/fixtures/preview/${program}`, "--format", "json");
    const doc = JSON.parse(json.out) as PreviewDocument;

    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("request", (r) => {
      if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) problems.push(`network: ${r.url()}`);
    });
    await page.goto(pathToFileURL(html).href, { waitUntil: "load" });

    const nodes = await page.$$eval("svg.graph g.node", (gs) => gs.map((g) => g.getAttribute("data-urn")));
    assert.deepEqual(nodes, doc.resources.map((r) => r.urn));
    const rows = await page.$$eval("tbody tr", (trs) => trs.length);
    assert.equal(rows, doc.resources.length);
    const box = await page.$eval("svg.graph", (svg) => {
      const r = svg.getBoundingClientRect();
      return { width: r.width, height: r.height };
    });
    assert.ok(box.width > 200 && box.height > 40, JSON.stringify(box));
    const findings = await page.$$eval("ul.findings li", (lis) => lis.length);
    assert.equal(findings, doc.findings.length);

    const png = await page.screenshot({ fullPage: false, type: "png" });
    writeFileSync(path.join(dir, `${program}.png`), png);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Decode the screenshot in a blank page and count its colours: a blank page has one.
    const blank = await browser.newPage();
    const colours = (await blank.evaluate(
      `(${COUNT_COLOURS})(${JSON.stringify(`data:image/png;base64,${png.toString("base64")}`)})`,
    )) as { seen: number; width: number; height: number };
    assert.deepEqual([colours.width, colours.height], [1400, 900]);
    assert.ok(colours.seen >= 5, `the screenshot looks blank (${colours.seen} colours)`);
    await blank.close();
    await page.close();
    assert.deepEqual(problems, []);
    assert.equal(readFileSync(html, "utf8").includes("<script"), false);
  });
}
