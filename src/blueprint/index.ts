/**
 * berth/blueprint: Cloudify blueprints as a live construct tree (`new Blueprint(...)`) or as a generated Pulumi
 * program (`berth import`). See docs/blueprint.md.
 * @packageDocumentation
 */
export { Blueprint, blueprintScope, type BlueprintArgs, type BlueprintScope } from "./emit/live";
export { compileBlueprint, type CompileOptions as BlueprintCompileOptions, type CompileResult as BlueprintCompileResult } from "./compile";
export { writeProject as writeBlueprintProject, type ProjectFiles as BlueprintProjectFiles, type ProjectOptions as BlueprintProjectOptions } from "./emit/code";
export { formatReport as formatBlueprintReport, exitCodeFor as blueprintExitCode, type NodeReport as BlueprintNodeReport, type ConversionStatus as BlueprintConversionStatus } from "./report";
export {
  blueprintCall,
  blueprintCallList,
  blueprintConfig,
  blueprintInput,
  blueprintOutput,
  blueprintPlaceholder,
  blueprintRequire,
  blueprintSecret,
  blueprintSsh,
  blueprintSshUrl,
  blueprintStackName,
  blueprintSys,
  type BlueprintPlaceholder,
  type ConfigType as BlueprintConfigType,
  type SshDefaults as BlueprintSshDefaults,
} from "./runtime";
export { TYPE_MAPPINGS as BLUEPRINT_TYPE_MAPPINGS } from "./types/mappings";
