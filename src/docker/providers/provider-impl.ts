import type * as pulumi from "@pulumi/pulumi";

/** One dynamic provider's methods, on plain (resolved) inputs and state: what `berth/dynamic` serves for a kind. */
export interface ProviderImpl {
  create(inputs: unknown): Promise<pulumi.dynamic.CreateResult<unknown>>;
  read(id: string, props: unknown): Promise<pulumi.dynamic.ReadResult<unknown>>;
  diff(id: string, olds: unknown, news: unknown): Promise<pulumi.dynamic.DiffResult>;
  update(id: string, olds: unknown, news: unknown): Promise<pulumi.dynamic.UpdateResult<unknown>>;
  delete(id: string, props: unknown): Promise<void>;
}

/** What the `berth/dynamic` entry point exports, as the serialized providers call it by package name. */
export interface DynamicEntry {
  provider(kind: string, protocol: number): ProviderImpl;
}
