/**
 * Positioned YAML: js-yaml's loader plus the file, line and column of every node, and diagnostics printed as
 * `file:line:col: message` with the source line and a caret. Used by the blueprint importer and the Compose reader.
 *
 * Stable API: {@link parseYaml} (value, problems, `locate(path)`), {@link formatDiagnostic}, {@link Diagnostic},
 * {@link SourcePosition}.
 * @packageDocumentation
 */
export * from "./diagnostic";
export * from "./parse";
export * from "./positions";
