/**
 * The tarball import provider's implementation: `docker import` of a local path or an http(s) URL, tagged
 * `repository:tag`, keyed on the tarball's content hash. Loaded at run time through `berth/dynamic`.
 */
import type * as pulumi from "@pulumi/pulumi";
import { tarballHash } from "../engine";
import type { ImageImportInputs, ImageImportState } from "../image-import";
import { anyUnknown, connect, hostKey } from "./common";

/** Create imports (or finds the same content already imported); delete removes the tag unless kept. */
export const imageImportImpl = {
  async create(inputs: ImageImportInputs): Promise<{ id: string; outs: ImageImportState }> {
    const image = await connect(inputs.host).importImage(inputs.src, inputs.repository, inputs.tag);
    return {
      id: `${image.repoTag}@${image.contentHash}`,
      outs: { ...inputs, imageId: image.imageId, contentHash: image.contentHash, repoTag: image.repoTag },
    };
  },

  async read(id: string, props: ImageImportState): Promise<{ id?: string; props?: ImageImportState }> {
    const image = await connect(props.host).imageByRef(props.repoTag);
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
      if ((await tarballHash(news.src)) !== olds.contentHash) replaces.push("contentHash");
    }
    const changes = replaces.length > 0 || olds.keepLocally !== news.keepLocally || anyUnknown(news.src, news.repository, news.tag);
    return { changes, replaces, deleteBeforeReplace: replaces.length > 0 && olds.repoTag === `${news.repository}:${news.tag}` };
  },

  async update(_id: string, olds: ImageImportState, news: ImageImportInputs): Promise<{ outs: ImageImportState }> {
    return { outs: { ...olds, keepLocally: news.keepLocally, host: news.host } };
  },

  async delete(_id: string, props: ImageImportState): Promise<void> {
    if (props.keepLocally) return;
    await connect(props.host).removeImage(props.repoTag);
  },
};
