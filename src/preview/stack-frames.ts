/**
 * Cleans a program's error for the user: the program's own frames stay, the frames of Berth, Pulumi, other
 * packages and Node itself go, so the stack points at the user's code.
 */

/** True for a stack line that is not a frame (`Error: …`, continuation lines of the message). */
function isFrame(line: string): boolean {
  return /^\s+at\s/.test(line);
}

/** Whether a frame belongs to the runtime rather than the program. */
export function isInternalFrame(line: string, internalDirs: readonly string[]): boolean {
  if (/\((node:|native\b)|\bat node:|\bat (async )?new Promise \(<anonymous>\)/.test(line)) return true;
  if (line.includes("/node_modules/") || line.includes("\\node_modules\\")) return true;
  return internalDirs.some((dir) => line.includes(dir));
}

/**
 * The stack text with internal frames removed. When every frame is internal (the error came from inside a library
 * with nothing of the program on the stack), one line says so instead of printing nothing.
 */
export function filterStack(stack: string, internalDirs: readonly string[]): string {
  const lines = stack.split("\n");
  const kept: string[] = [];
  let dropped = 0;
  for (const line of lines) {
    if (isFrame(line) && isInternalFrame(line, internalDirs)) dropped++;
    else kept.push(line);
  }
  const frames = kept.filter(isFrame).length;
  if (frames === 0 && dropped > 0) kept.push("    (no frames in the program: the error was raised inside a library)");
  return kept.join("\n");
}
