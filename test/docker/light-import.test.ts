/** `berth/docker` stays light: requiring it loads neither the other clouds' providers nor the Engine API client. */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { test } from "node:test";
import { promisify } from "node:util";

test("requiring src/docker loads no @pulumi/aws, @pulumi/openstack, @pulumi/kubernetes (nor dockerode)", async () => {
  const script = `require("./src/docker");
    const loaded = Object.keys(require.cache);
    process.stdout.write(JSON.stringify({
      heavy: loaded.filter((p) => /node_modules\\/(@pulumi\\/(aws|openstack|kubernetes)|dockerode)\\//.test(p)),
      docker: loaded.some((p) => /node_modules\\/@pulumi\\/docker\\//.test(p)),
    }));`;
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "-e", script], { cwd: process.cwd() });
  assert.deepEqual(JSON.parse(stdout), { heavy: [], docker: true });
});
