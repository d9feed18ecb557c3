/**
 * Bare Pulumi mocks for the bench children: `setMocks` with a mock that counts registrations and answers with the
 * inputs (plus an image id for `docker.RemoteImage`, as the provider would), and a settle barrier. No recording, so
 * that what is timed is the program, not the bench.
 */
import * as pulumi from "@pulumi/pulumi";

/** Registrations seen by the mock monitor. */
export interface MockCounts {
  /** Provider (custom) resources. */
  custom: number;
  /** Component resources (the stack included). */
  components: number;
}

/** Installs bare mocks; the returned counts grow as resources register. */
export async function installCountingMocks(): Promise<MockCounts> {
  const counts: MockCounts = { custom: 0, components: 0 };
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        if (args.custom) counts.custom++;
        else counts.components++;
        const state = args.type === "docker:index/remoteImage:RemoteImage" ? { ...args.inputs, imageId: `sha256:${args.name}` } : args.inputs;
        return { id: `${args.name}-id`, state };
      },
      call: (args) => args.inputs,
    },
    "bench",
    "bench",
    false,
  );
  return counts;
}

/** Waits until every registration started so far has reached the mock monitor (Pulumi's own pre-exit barrier). */
export async function settle(counts: MockCounts): Promise<void> {
  // waitForRPCs is exported at run time but marked internal, so it is not in the type declarations.
  const runtime = pulumi.runtime as unknown as { waitForRPCs(): Promise<void> };
  for (;;) {
    const before = counts.custom + counts.components;
    await runtime.waitForRPCs();
    await new Promise((resolve) => setImmediate(resolve));
    if (counts.custom + counts.components === before) return;
  }
}
