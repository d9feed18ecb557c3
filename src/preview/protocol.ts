/**
 * What the CLI process and the child process that runs the program say to each other: the job (a JSON file named on
 * the child's command line) and the result (a JSON file the child writes before it exits). Progress goes over the
 * IPC channel as {@link ChildProgress} messages.
 */
import type { RecordedCall, RecordedResource, RecordedValue } from "../resources/recorder";

/** What the child runs: a program's entry file, or a blueprint through the importer. */
export interface ChildJob {
  /** The program's entry file (absolute), for a program. */
  entry?: string;
  /** The blueprint to import, for a blueprint. */
  blueprint?: { file: string; name: string; inputs: Record<string, string | number | boolean> };
  project: string;
  stack: string;
  /** `namespace:key` → value, as PULUMI_CONFIG carries it. */
  config: Record<string, string>;
  secretKeys: string[];
  /** Where the child writes its {@link ChildResult}. */
  resultFile: string;
  /** Directories whose stack frames are Berth's or Pulumi's own and are hidden from a program's error. */
  internalDirs: string[];
}

/** The state the mock monitor holds for one custom resource after registration. */
export interface RecordedState {
  /** The id, or null when it stays unknown (the outputs table has no id for the type). */
  id: string | null;
  /** Every output (the echoed inputs and the computed ones), secrets unwrapped. */
  state: Record<string, RecordedValue>;
  /** Dotted paths in `state` that are secret. */
  secretPaths: string[];
}

/** A program's error, as the child caught it. */
export interface ChildError {
  name: string;
  message: string;
  /** The stack with internal frames removed; empty when the error hides its stack (ArgsError, ResourceError). */
  stack: string;
}

/** What the child writes back. */
export interface ChildResult {
  resources: RecordedResource[];
  calls: RecordedCall[];
  /** By URN, for custom resources. */
  states: Record<string, RecordedState>;
  /** By URN: the output-only property names the resource's class declares. */
  outputNames: Record<string, string[]>;
  /** Set when the program failed; `resources` then holds what was registered before the failure. */
  error?: ChildError;
}

/** A progress message from the child. */
export interface ChildProgress {
  kind: "progress";
  /** Resources registered so far. */
  registered: number;
}
