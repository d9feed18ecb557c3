/**
 * A JSON value of any shape, as a component input.
 *
 * This is the one place Berth uses `any`: Pulumi's component schema has a single type for "any JSON value"
 * (`pulumi.json#/Any`), and its TypeScript analyzer produces it only from `any` (neither `unknown` nor a union of
 * JSON types is accepted). Every property of this type is validated at run time against a table before use, and an
 * unknown key or a wrong shape is an error that names it.
 */
// biome-ignore lint/suspicious/noExplicitAny: the schema's Any type; values are validated before use (see above).
export type JsonAny = any;

/** A map of docker-py keyword arguments, as a Cloudify blueprint writes them (snake_case keys). */
export type DockerPyParams = { [key: string]: JsonAny };
