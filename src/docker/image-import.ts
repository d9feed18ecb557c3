/**
 * The tarball import dynamic resource: `docker import` of a local path or an http(s) URL, tagged
 * `repository:tag`, keyed on the tarball's content hash (idempotent; replaced when the tarball changes).
 * A thin wrapper over engine.ts, for {@link DockerContainer}.
 */
import * as pulumi from "@pulumi/pulumi";
import type { EngineHost } from "./engine-host";
import { ENGINE_MODULE, TSX_HOOK, anyUnknown, connectEngine, hostKey, loadEngineModule } from "./engine-loader";

const engineModule = ENGINE_MODULE;
const tsxHook = TSX_HOOK;

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

/** The dynamic provider: create imports (or finds the same content already imported); delete removes the tag unless kept. */
export const imageImportProvider = {
  async create(inputs: ImageImportInputs): Promise<{ id: string; outs: ImageImportState }> {
    const engine = connectEngine(inputs.host, engineModule, tsxHook);
    const image = await engine.importImage(inputs.src, inputs.repository, inputs.tag);
    return {
      id: `${image.repoTag}@${image.contentHash}`,
      outs: { ...inputs, imageId: image.imageId, contentHash: image.contentHash, repoTag: image.repoTag },
    };
  },

  async read(id: string, props: ImageImportState): Promise<{ id?: string; props?: ImageImportState }> {
    const engine = connectEngine(props.host, engineModule, tsxHook);
    const image = await engine.imageByRef(props.repoTag);
    if (!image) return {};
    return { id, props: { ...props, imageId: image.id } };
  },

  async diff(_id: string, olds: ImageImportState, news: ImageImportInputs): Promise<pulumi.dynamic.DiffResult> {
    const replaces: string[] = [];
    if (olds.src !== news.src) replaces.push("src");
    if (olds.repository !== news.repository) replaces.push("repository");
    if (olds.tag !== news.tag) replaces.push("tag");
    if (hostKey(olds.host) !== hostKey(news.host)) replaces.push("host");
    if (replaces.length === 0 && !anyUnknown(news.src)) {
      // Same path or URL: the content decides.
      const engine = loadEngineModule(engineModule, tsxHook);
      if ((await engine.tarballHash(news.src)) !== olds.contentHash) replaces.push("contentHash");
    }
    const changes = replaces.length > 0 || olds.keepLocally !== news.keepLocally || anyUnknown(news.src, news.repository, news.tag);
    return { changes, replaces, deleteBeforeReplace: replaces.length > 0 && olds.repoTag === `${news.repository}:${news.tag}` };
  },

  async update(_id: string, olds: ImageImportState, news: ImageImportInputs): Promise<{ outs: ImageImportState }> {
    return { outs: { ...olds, keepLocally: news.keepLocally, host: news.host } };
  },

  async delete(_id: string, props: ImageImportState): Promise<void> {
    if (props.keepLocally) return;
    await connectEngine(props.host, engineModule, tsxHook).removeImage(props.repoTag);
  },
};

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
