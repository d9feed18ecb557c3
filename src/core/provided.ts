/**
 * Reading an output that a provider always returns after it creates a resource (an address, a public key, what a
 * command printed). In a deployment it is always there; under unit-test mocks that only echo inputs it is not, and
 * a component that reads it would fail deep inside with a TypeError. {@link provided} turns that into an error
 * that names the resource, the output and the fix.
 */
import * as pulumi from "@pulumi/pulumi";

/** The outputs of a resource class, by name. */
type OutputKeys<R> = { [K in keyof R]: R[K] extends pulumi.Output<unknown> ? K : never }[keyof R];
type OutputValue<R, K extends keyof R> = R[K] extends pulumi.Output<infer T> ? NonNullable<T> : never;

/**
 * The output `key` of `child`, checked to be present when it resolves.
 *
 * @example
 * ```ts
 * const hostPub = provided(hostKey, "publicKeyOpenssh"); // Output<string>, or a clear error under bare mocks
 * ```
 */
export function provided<R extends pulumi.Resource, K extends OutputKeys<R> & string>(child: R, key: K): pulumi.Output<OutputValue<R, K>> {
  const value = child[key] as unknown as pulumi.Output<OutputValue<R, K> | undefined>;
  return pulumi.all([value, child.urn]).apply(([v, urn]) => {
    if (v === undefined || v === null) {
      const [, , typeChain = "", name = ""] = urn.split("::");
      const type = typeChain.split("$").pop() ?? typeChain;
      throw new pulumi.ResourceError(
        `${type} ${JSON.stringify(name)}: its output ${key} is missing. A deployment always sets it; under unit-test ` +
          "mocks, return it from your mocks' newResource, or use berth/testing's berthMocks(), which does",
        child,
        true,
      );
    }
    return v as OutputValue<R, K>;
  });
}
