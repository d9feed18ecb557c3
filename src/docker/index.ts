/**
 * berth/docker: Docker containers on one engine, with tarball import and readiness waits.
 * Importing this module loads `@pulumi/pulumi` and `@pulumi/docker` only.
 * @packageDocumentation
 */
export * from "./container-args";
