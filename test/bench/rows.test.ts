/** Rows whose component is absent say so instead of disappearing; the readiness row says how to get an engine. */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import type { BenchContext } from "../../bench/row";
import { ROWS } from "../../bench/rows/index";
import { formationOutcome } from "../../bench/rows/swarm-formation";

const empty = mkdtempSync(path.join(os.tmpdir(), "berth-bench-empty-"));
after(() => rmSync(empty, { recursive: true, force: true }));

function context(root: string): BenchContext {
  return { root, tmp: path.join(empty, "tmp"), quick: true, log: () => {} };
}

test("in a tree without the components, every row reports what is not built yet", async () => {
  const expected: Record<number, string> = {
    1: "not built yet: the importer (src/blueprint/compile.ts, src/blueprint/emit/code.ts)",
    2: "not built yet: DockerContainer (src/docker/container.ts, src/docker/index.ts)",
    3: "not built yet: berth/docker (src/docker/index.ts)",
    4: "not built yet: the cluster tests' mock outputs (test/cloud/mock-cloud.ts)",
    5: "not built yet: the Engine API module (src/docker/engine.ts)",
    6: "not built yet: berth preview (src/cli/preview.ts, src/preview/preview.ts)",
    7: "not built yet: the multi-host harness (src/swarm/cluster.ts, test/hosts/harness.ts, test/hosts/host.sh)",
  };
  assert.deepEqual(
    ROWS.map((r) => r.id),
    [1, 2, 3, 4, 5, 6, 7],
  );
  for (const row of ROWS) {
    const out = await row.run(context(empty));
    assert.deepEqual(out, { status: "not built yet", figures: [], notes: [expected[row.id]!] }, `row ${row.id}`);
  }
});

test("readiness without DOCKER_HOST: needs an engine, and how to start one", async () => {
  const saved = process.env["DOCKER_HOST"];
  delete process.env["DOCKER_HOST"];
  try {
    const row = ROWS.find((r) => r.id === 5)!;
    const out = await row.run(context(path.resolve(__dirname, "..", "..")));
    assert.deepEqual(out, {
      status: "needs an engine",
      figures: [],
      notes: ["no DOCKER_HOST: this row needs a Docker engine: `scripts/dockerd.sh start DIR`, then export the DOCKER_HOST and BERTH_TEST_IMAGE it prints"],
    });
  } finally {
    if (saved !== undefined) process.env["DOCKER_HOST"] = saved;
  }
});

test("swarm formation: a machine without the harness gets the reason, not a figure", () => {
  assert.deepEqual(formationOutcome({ unavailable: "this machine cannot create network namespaces: Operation not permitted" }, "/tmp/berth-bench-rootfs"), {
    status: "needs hosts",
    figures: [],
    notes: ["skipped: this machine cannot create network namespaces: Operation not permitted"],
  });
});

test("swarm formation: 3+6 against 3+2 from the hosts booted, as a ratio of medians judged against 1.3x; from start shown", () => {
  // Moments in ms: started, booted, initialised, last joined, ready.
  const f = (workers: number, [started, booted, initialised, lastJoined, ready]: number[]) => ({ workers, started: started!, booted: booted!, initialised: initialised!, lastJoined: lastJoined!, ready: ready! });
  const pass = formationOutcome(
    {
      formations: [
        f(2, [0, 5_000, 6_000, 9_000, 10_000]),
        f(6, [0, 8_000, 9_000, 12_500, 13_000]),
        f(2, [0, 5_000, 6_500, 10_000, 11_000]),
        f(6, [0, 9_000, 10_000, 13_000, 14_000]),
        f(2, [0, 4_000, 5_000, 8_500, 9_000]),
        f(6, [0, 7_000, 8_000, 11_000, 12_000]),
      ],
      rootfsSeconds: 0,
    },
    "c",
  );
  assert.equal(pass.status, "PASS");
  assert.deepEqual(
    pass.figures.map((x) => [x.case, x.berth?.median, x.baseline?.median, x.ratio, x.goal, x.pass]),
    [
      ["3+2 hosts: hosts booted → all 5 nodes Ready", 5_000, undefined, undefined, undefined, undefined],
      ["3+6 hosts: hosts booted → all 9 nodes Ready", 5_000, 5_000, 1, "≤ 1.3x", true],
      ["3+2 hosts: last machine started → all 5 nodes Ready", 10_000, undefined, undefined, undefined, undefined],
      ["3+6 hosts: last machine started → all 9 nodes Ready", 13_000, 10_000, 1.3, undefined, undefined],
    ],
  );
  assert.match(pass.notes[1]!, /came from c$/);
  assert.equal(
    pass.notes[2],
    "where the time went (medians; creation times from the swarm's own node records; manager 0 may initialise before the last worker has booted): " +
      "3+2: hosts booted 5.0 s after the last machine started; from then, manager 0's swarm created at 1.0 s, the last node joined at 4.5 s, all Ready at 5.0 s; " +
      "3+6: hosts booted 8.0 s after the last machine started; from then, manager 0's swarm created at 1.0 s, the last node joined at 4.0 s, all Ready at 5.0 s",
  );
  const miss = formationOutcome({ formations: [f(2, [0, 1_000, 2_000, 3_000, 11_000]), f(6, [0, 1_000, 2_000, 3_000, 14_500])], rootfsSeconds: 150 }, "c");
  assert.equal(miss.status, "MISS");
  assert.match(miss.notes[1]!, /built first \(150 s, not timed\)/);
});
