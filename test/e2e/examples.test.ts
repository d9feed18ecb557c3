/**
 * End to end: `pulumi up` then `pulumi destroy` of the root program and of each Docker example, through the
 * Automation API, on a local state backend and the test Docker engine. Needs a `pulumi` CLI on PATH; without one it
 * prints a single line saying it was skipped.
 *
 * The engine cannot reach a registry, so the programs are configured to use the test image (already on the engine,
 * so the provider does not pull it) and the test tarball. The examples import `berth/docker`, which resolves to the
 * package build (`npm run build`, done by scripts/test.sh before the tests).
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { after, describe, test } from "node:test";
import { LocalWorkspace } from "@pulumi/pulumi/automation";
import { testEngine } from "../helpers/engine";

const root = path.resolve(__dirname, "..", "..");

function pulumiOnPath(): string | undefined {
  for (const dir of (process.env["PATH"] ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, "pulumi");
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Each program, its stack config, and what its outputs must show. */
interface Program {
  dir: string;
  config: () => Promise<Record<string, string>>;
}

const cli = pulumiOnPath();
let skip: string | false = false;
if (!cli) {
  skip = "no pulumi CLI on PATH";
  process.stdout.write("# SKIPPED e2e: no pulumi CLI on PATH\n");
}
const te = cli ? testEngine() : { skip: false as const, engine: undefined };
if (!skip && te.skip) skip = te.skip;
if (!skip && !fs.existsSync(path.join(root, "dist", "docker", "index.js"))) {
  skip = "the examples import berth/docker from the build: run `npm run build` first";
  process.stdout.write(`# SKIPPED e2e: ${skip}\n`);
}

const busybox = () => te.engine?.image ?? "";
const programs: Program[] = [
  {
    dir: ".",
    config: async () => ({
      hostPort: String(await freePort()),
      image: busybox(),
      process: "httpd",
      port: "8080",
      command: JSON.stringify(["httpd", "-f", "-p", "8080"]),
    }),
  },
  {
    dir: "examples/docker-pull",
    config: async () => ({
      hostPort: String(await freePort()),
      image: busybox(),
      process: "httpd",
      command: JSON.stringify(["httpd", "-f", "-p", "80"]),
    }),
  },
  { dir: "examples/docker-tarball", config: async () => ({ tarball: te.engine?.tarball ?? "" }) },
];

describe("examples end to end (Automation API)", { skip }, () => {
  const backend = fs.mkdtempSync(path.join(os.tmpdir(), "berth-e2e-"));
  after(() => fs.rmSync(backend, { recursive: true, force: true }));

  const known = new Set(programs.map((p) => p.dir));
  for (const entry of fs.readdirSync(path.join(root, "examples"))) {
    const dir = `examples/${entry}`;
    if (fs.existsSync(path.join(root, dir, "Pulumi.yaml")) && !known.has(dir)) {
      test(`${dir}: up and destroy`, { skip: `no e2e configuration for ${dir} (it needs more than a local Docker engine)` }, () => {});
    }
  }

  for (const program of programs) {
    test(`${program.dir === "." ? "the root program" : program.dir}: up, outputs, destroy`, { timeout: 600_000 }, async () => {
      const stack = await LocalWorkspace.createOrSelectStack(
        { stackName: `e2e${process.pid}`, workDir: path.join(root, program.dir) },
        {
          envVars: {
            PULUMI_BACKEND_URL: `file://${backend}`,
            PULUMI_CONFIG_PASSPHRASE: "berth-e2e",
            DOCKER_HOST: te.engine!.host,
          },
        },
      );
      for (const [key, value] of Object.entries(await program.config())) await stack.setConfig(key, { value });
      try {
        const up = await stack.up();
        assert.equal(up.summary.result, "succeeded");
        assert.equal(up.outputs["ready"]?.value, true);
        assert.ok(((up.outputs["ports"]?.value ?? []) as unknown[]).length > 0);
      } finally {
        const destroyed = await stack.destroy();
        assert.equal(destroyed.summary.result, "succeeded");
        await stack.workspace.removeStack(stack.name);
      }
    });
  }
});
