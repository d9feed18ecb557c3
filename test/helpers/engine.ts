/**
 * The real Docker engine for integration tests, as started by scripts/test.sh (scripts/dockerd.sh): a private
 * dockerd with a one-node swarm and a busybox test image built with `docker import` (no registry is reachable).
 *
 * Where no engine is configured the integration tests are skipped with a line saying so, except under
 * BERTH_REQUIRE_DOCKER=1 (set by scripts/test.sh and so in CI), where a missing engine fails the run.
 */
export interface TestEngine {
  /** The engine address (`unix:///tmp/.../docker.sock`). */
  host: string;
  /** The busybox image, `berth-test/busybox:1`. */
  image: string;
  /** The tarball the image was imported from. */
  tarball: string;
}

/** The engine, or a skip reason for `test(..., { skip })`. */
export function testEngine(): { engine?: TestEngine; skip: string | false } {
  const host = process.env["DOCKER_HOST"];
  const image = process.env["BERTH_TEST_IMAGE"];
  const tarball = process.env["BERTH_TEST_TARBALL"];
  if (host && image && tarball) return { engine: { host, image, tarball }, skip: false };
  const reason =
    "no Docker engine for integration tests: run them through `npm test` (scripts/test.sh starts a private dockerd)";
  if (process.env["BERTH_REQUIRE_DOCKER"] === "1") throw new Error(`BERTH_REQUIRE_DOCKER=1 but ${reason}`);
  process.stdout.write(`# SKIPPED: ${reason}\n`);
  return { skip: reason };
}

/** A name unique to this test process, for containers, images and services the test creates. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}
