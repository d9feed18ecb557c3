import { visible } from "./terminal";
import * as pulumi from "@pulumi/pulumi";

/** One thing wrong with a component's arguments or an input file. */
export interface Problem {
  /**
   * Where: an argument path (`image.src`, `start.params.mem_limit`) or a source position (`compose.yaml:12:5`).
   */
  where: string;
  /** What is wrong and how to fix it, in one or two sentences. */
  message: string;
}

/** Collects problems so that all of them are reported at once, not the first one alone. */
export class Problems {
  public readonly list: Problem[] = [];

  /** Records one problem. */
  public add(where: string, message: string): this {
    this.list.push({ where, message });
    return this;
  }

  /** Records problems found elsewhere, with `prefix.` put before their `where` when given. */
  public addAll(problems: readonly Problem[], prefix?: string): this {
    for (const p of problems) this.list.push({ where: prefix ? `${prefix}.${p.where}` : p.where, message: p.message });
    return this;
  }

  /** True when nothing was recorded. */
  public get empty(): boolean {
    return this.list.length === 0;
  }

  /** Throws an {@link ArgsError} against the component when anything was recorded. */
  public throwIfAny(component: pulumi.Resource, componentType: string, name: string): void {
    if (!this.empty) throw new ArgsError(component, componentType, name, this.list);
  }
}

/** Formats problems as the message of an {@link ArgsError}. */
export function formatProblems(componentType: string, name: string, problems: readonly Problem[]): string {
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  const lines = problems.map((p) => `  - ${p.where}: ${p.message}`);
  // Pulumi prints this to the user's terminal: escape sequences in a name or value are shown, not run.
  return visible(`${componentType} "${name}" has ${count} in its arguments:\n${lines.join("\n")}`);
}

/**
 * A component's arguments are wrong. Raised from the constructor before any child resource exists, with every
 * problem listed; Pulumi shows it against the component without a stack trace.
 */
export class ArgsError extends pulumi.ResourceError {
  /** Each problem, for programs that want to inspect them. */
  public readonly problems: readonly Problem[];

  constructor(component: pulumi.Resource, componentType: string, name: string, problems: readonly Problem[]) {
    super(formatProblems(componentType, name, problems), component, true);
    this.name = "ArgsError";
    this.problems = problems;
  }
}
