/**
 * The tarball import dynamic resource: `docker import` of a local path or an http(s) URL, tagged
 * `repository:tag`, keyed on the tarball's content hash (idempotent; replaced when the tarball changes).
 * For {@link DockerContainer}.
 */
import * as pulumi from "@pulumi/pulumi";
import { dynamicProvider } from "./dynamic-shim";
import type { EngineHost } from "./engine-host";

/** The import's inputs, resolved. */
export interface ImageImportInputs {
  /** The engine. @default the local engine */
  host?: EngineHost;
  /** A local path or an http(s) URL of the tarball. */
  src: string;
  /** The repository to tag the image with. */
  repository: string;
  /** The tag. */
  tag: string;
  /** Leave the image on the engine when this resource is deleted. */
  keepLocally: boolean;
}

/** The import's state. */
export interface ImageImportState extends ImageImportInputs {
  /** The image id (`sha256:…`). */
  imageId: string;
  /** `sha256:<hex>` of the tarball's bytes. */
  contentHash: string;
  /** `repository:tag`. */
  repoTag: string;
}

/**
 * The dynamic provider, as Pulumi serializes it: create imports (or finds the same content already imported); delete
 * removes the tag unless kept. Its methods run `berth/dynamic` by name (providers/image-import.ts).
 */
export const imageImportProvider = dynamicProvider("image-import");

/** The arguments of an {@link ImageImport}. */
export interface ImageImportArgs {
  /** The engine. @default the local engine */
  host?: pulumi.Input<EngineHost>;
  /** A local path or an http(s) URL of the tarball. */
  src: pulumi.Input<string>;
  /** The repository to tag the image with. */
  repository: pulumi.Input<string>;
  /** The tag. @default "latest" */
  tag?: pulumi.Input<string>;
  /** Leave the image on the engine when this resource is deleted. @default true */
  keepLocally?: pulumi.Input<boolean>;
}

/** A tarball imported as a Docker image (type `pulumi-nodejs:dynamic/berth:ImageImport`). */
export class ImageImport extends pulumi.dynamic.Resource {
  /** The image id (`sha256:…`). */
  public declare readonly imageId: pulumi.Output<string>;
  /** `sha256:<hex>` of the tarball's bytes. */
  public declare readonly contentHash: pulumi.Output<string>;
  /** `repository:tag`. */
  public declare readonly repoTag: pulumi.Output<string>;

  constructor(name: string, args: ImageImportArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      imageImportProvider,
      name,
      {
        host: args.host,
        src: args.src,
        repository: args.repository,
        tag: args.tag ?? "latest",
        keepLocally: args.keepLocally ?? true,
        imageId: undefined,
        contentHash: undefined,
        repoTag: undefined,
      },
      opts,
      "berth",
      "ImageImport",
    );
  }
}
