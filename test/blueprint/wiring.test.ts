// Wiring as Cloudify wired (issue 12, item 6), checked on what the live Blueprint registers under the mocks: explicit
// providers from connection settings, floating and Elastic IPs associated, keypairs carrying a generated key that
// hosts are reached with, containers on their VM's engine, Kubernetes 1.x manifests with their overrides applied.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, before, test } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import { Recorder } from "../../src/resources/recorder";

const work = mkdtempSync(path.join(tmpdir(), "berth-wiring-"));
after(() => rmSync(work, { recursive: true, force: true }));
let rec: Recorder;
before(async () => {
  rec = await Recorder.install({
    // A server's address, as OpenStack would report it; a generated key, as the tls provider would.
    outputs: (args) => {
      if (args.type === "openstack:compute/instance:Instance") return { id: `${args.name}-id`, state: { ...args.inputs, accessIpV4: "192.0.2.10" } };
      if (args.type === "tls:index/privateKey:PrivateKey") return { id: `${args.name}-id`, state: { ...args.inputs, publicKeyOpenssh: "ssh-rsa AAAA generated", privateKeyOpenssh: "-----BEGIN OPENSSH PRIVATE KEY-----" } };
      return undefined;
    },
  });
  pulumi.runtime.setAllConfig({ "project:secret_os_password": "pw", "project:agent_key_private": "KEY" }, ["project:secret_os_password", "project:agent_key_private"]);
});

let n = 0;
async function blueprint(name: string, text: string, files: Record<string, string> = {}): Promise<void> {
  const dir = mkdtempSync(path.join(work, "bp-"));
  for (const [f, t] of Object.entries(files)) writeFileSync(path.join(dir, f), t);
  writeFileSync(path.join(dir, "blueprint.yaml"), text);
  const { Blueprint } = await import("../../src/blueprint/index.js");
  new Blueprint(`${name}${++n}`, { file: path.join(dir, "blueprint.yaml") });
  await rec.settle();
}

test("openstack 3.x: client_config is an explicit provider; ports, floating IPs and servers are wired", async () => {
  rec.reset();
  await blueprint(
    "os",
    `tosca_definitions_version: cloudify_dsl_1_4
imports: [cloudify/types/types.yaml, "plugin:cloudify-openstack-plugin?version= >=3.2.2"]
dsl_definitions:
  client_config: &client_config
    auth_url: https://keystone.example:5000/v3
    username: demo
    password: { get_secret: os_password }
    project_name: demo
    region_name: RegionOne
node_templates:
  net:
    type: cloudify.nodes.openstack.Network
    properties: { client_config: *client_config, resource_config: { name: app-net } }
  subnet:
    type: cloudify.nodes.openstack.Subnet
    properties: { client_config: *client_config, resource_config: { name: app-subnet, cidr: 10.0.0.0/24, ip_version: 4 } }
    relationships: [{ type: cloudify.relationships.contained_in, target: net }]
  port:
    type: cloudify.nodes.openstack.Port
    properties: { client_config: *client_config, resource_config: { name: app-port } }
    relationships:
      - { type: cloudify.relationships.contained_in, target: net }
      - { type: cloudify.relationships.openstack.port_connected_to_subnet, target: subnet }
  ip:
    type: cloudify.nodes.openstack.FloatingIP
    properties: { client_config: *client_config, resource_config: { floating_network_name: public } }
    relationships: [{ type: cloudify.relationships.connected_to, target: port }]
  vm:
    type: cloudify.nodes.openstack.Server
    properties:
      client_config: *client_config
      resource_config: { name: app, image_id: img-1, flavor_id: m1 }
      agent_config: { install_method: none }
    relationships: [{ type: cloudify.relationships.openstack.server_connected_to_port, target: port }]
`,
  );
  const provider = rec.ofType("pulumi:providers:openstack");
  assert.equal(provider.length, 1, "one provider for the one configuration");
  assert.equal(provider[0]!.inputs["authUrl"], "https://keystone.example:5000/v3");
  assert.equal(provider[0]!.inputs["userName"], "demo");
  assert.equal(provider[0]!.inputs["region"], "RegionOne");
  assert.ok(provider[0]!.secretPaths.includes("password"));
  for (const t of ["openstack:networking/network:Network", "openstack:networking/port:Port", "openstack:compute/instance:Instance"]) {
    assert.match(rec.ofType(t)[0]!.provider ?? "", /providers:openstack/, `${t} uses the explicit provider`);
  }
  const port = rec.ofType("openstack:networking/port:Port")[0]!;
  assert.deepEqual(port.inputs["fixedIps"], [{ subnetId: rec.ofType("openstack:networking/subnet:Subnet")[0]!.name + "-id" }]);
  const assoc = rec.ofType("openstack:networking/floatingIpAssociate:FloatingIpAssociate");
  assert.equal(assoc.length, 1);
  assert.equal(assoc[0]!.inputs["portId"], `${port.name}-id`);
  const vm = rec.ofType("openstack:compute/instance:Instance")[0]!;
  assert.deepEqual(vm.inputs["networks"], [{ port: `${port.name}-id` }]);
});

test("aws 3.x: an Elastic IP is associated with the interface it depends on; the instance uses the interface", async () => {
  rec.reset();
  await blueprint(
    "aws",
    `tosca_definitions_version: cloudify_dsl_1_4
imports: [cloudify/types/types.yaml, plugin:cloudify-aws-plugin]
node_templates:
  vpc: { type: cloudify.nodes.aws.ec2.Vpc, properties: { client_config: { region_name: eu-west-1 }, resource_config: { CidrBlock: 10.0.0.0/16 } } }
  subnet:
    type: cloudify.nodes.aws.ec2.Subnet
    properties: { client_config: { region_name: eu-west-1 }, resource_config: { CidrBlock: 10.0.1.0/24 } }
    relationships: [{ type: cloudify.relationships.depends_on, target: vpc }]
  nic:
    type: cloudify.nodes.aws.ec2.Interface
    properties: { client_config: { region_name: eu-west-1 } }
    relationships: [{ type: cloudify.relationships.depends_on, target: subnet }]
  ip:
    type: cloudify.nodes.aws.ec2.ElasticIP
    properties: { client_config: { region_name: eu-west-1 }, resource_config: { Domain: vpc } }
    relationships: [{ type: cloudify.relationships.depends_on, target: nic }]
  vm:
    type: cloudify.nodes.aws.ec2.Instances
    properties: { client_config: { region_name: eu-west-1 }, agent_config: { install_method: none }, resource_config: { ImageId: ami-1, InstanceType: t3.micro } }
    relationships: [{ type: cloudify.relationships.depends_on, target: nic }, { type: cloudify.relationships.depends_on, target: ip }]
`,
  );
  const subnet = rec.ofType("aws:ec2/subnet:Subnet")[0]!;
  assert.equal(subnet.inputs["vpcId"], `${rec.ofType("aws:ec2/vpc:Vpc")[0]!.name}-id`);
  const nic = rec.ofType("aws:ec2/networkInterface:NetworkInterface")[0]!;
  const assoc = rec.ofType("aws:ec2/eipAssociation:EipAssociation")[0]!;
  assert.equal(assoc.inputs["networkInterfaceId"], `${nic.name}-id`);
  const vm = rec.ofType("aws:ec2/instance:Instance")[0]!;
  assert.deepEqual(vm.inputs["networkInterfaces"], [{ networkInterfaceId: `${nic.name}-id`, deviceIndex: 0 }]);
  assert.ok(assoc.dependencies.length > 0);
  assert.equal(rec.ofType("pulumi:providers:aws")[0]!.inputs["region"], "eu-west-1");
});

test("a keypair carries a generated key; a script on a server connected to it is reached with that key", async () => {
  rec.reset();
  await blueprint(
    "key",
    `tosca_definitions_version: cloudify_dsl_1_3
imports:
  - http://www.getcloudify.org/spec/cloudify/4.2/types.yaml
  - http://www.getcloudify.org/spec/openstack-plugin/2.0.1/plugin.yaml
node_templates:
  key:
    type: cloudify.openstack.nodes.KeyPair
    properties: { private_key_path: /root/.ssh/app.pem, resource_id: app-key }
  vm:
    type: cloudify.openstack.nodes.Server
    properties: { image: ubuntu, flavor: m1.small, agent_config: { user: ubuntu } }
    relationships: [{ type: cloudify.openstack.server_connected_to_keypair, target: key }]
  app:
    type: cloudify.nodes.SoftwareComponent
    interfaces: { cloudify.interfaces.lifecycle: { create: install.sh } }
    relationships: [{ type: cloudify.relationships.contained_in, target: vm }]
`,
    { "install.sh": "#!/bin/sh\necho hi\n" },
  );
  const tlsKey = rec.ofType("tls:index/privateKey:PrivateKey")[0]!;
  const keypair = rec.ofType("openstack:compute/keypair:Keypair")[0]!;
  assert.ok(keypair.dependencies.includes(tlsKey.urn), `keypair dependencies: ${keypair.dependencies.join(", ")}`);
  assert.equal(keypair.inputs["name"], "app-key");
  assert.equal(keypair.inputs["publicKey"], "ssh-rsa AAAA generated");
  const cmd = rec.ofType("command:remote:Command")[0]!;
  const conn = cmd.inputs["connection"] as Record<string, unknown>;
  assert.equal(conn["host"], "192.0.2.10");
  assert.equal(conn["user"], "ubuntu");
  assert.equal(conn["privateKey"], "-----BEGIN OPENSSH PRIVATE KEY-----", "the server is reached with its keypair's key, not a config key");
  assert.ok(cmd.secretPaths.some((p) => p.startsWith("connection")), `secret paths: ${cmd.secretPaths.join(", ")}`);
});

test("a docker 1.x container in a VM runs on that VM's engine, ssh://user@address read at run time", async () => {
  rec.reset();
  await blueprint(
    "dk",
    `tosca_definitions_version: cloudify_dsl_1_3
imports:
  - http://www.getcloudify.org/spec/cloudify/4.2/types.yaml
  - http://www.getcloudify.org/spec/openstack-plugin/2.0.1/plugin.yaml
  - http://www.getcloudify.org/spec/docker-plugin/1.3.2/plugin.yaml
node_templates:
  vm:
    type: cloudify.openstack.nodes.Server
    properties: { image: ubuntu, flavor: m1.small, agent_config: { user: centos } }
  web:
    type: cloudify.docker.Container
    properties: { name: web, image: { repository: nginx, tag: "1.27" } }
    relationships: [{ type: cloudify.relationships.contained_in, target: vm }]
`,
  );
  const engine = rec.ofType("pulumi:providers:docker")[0]!;
  assert.equal(engine.parentType, "berth:index:DockerContainer");
  assert.equal(engine.inputs["host"], "ssh://centos@192.0.2.10");
});

test("Kubernetes 1.x: a manifest file with config_overrides becomes the manifest with the overrides applied", async () => {
  rec.reset();
  await blueprint(
    "k1",
    `tosca_definitions_version: cloudify_dsl_1_3
imports:
  - http://www.getcloudify.org/spec/cloudify/4.2/types.yaml
  - https://raw.githubusercontent.com/cloudify-examples/cloudify-kubernetes-plugin/1.3.1/plugin.yaml
node_templates:
  nginx:
    type: cloudify.kubernetes.Microservice
    properties:
      name: nginx
      config_files:
        - file: deployment.yaml
          overrides:
            - "['spec']['replicas']=3"
            - "['spec']['template']['spec']['containers'][0]['image']='nginx:1.27'"
`,
    { "deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: nginx }\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers: [{ name: nginx, image: nginx:1.9 }]\n" },
  );
  const workload = rec.ofType("berth:index:KubernetesWorkload")[0]!;
  const group = rec.childrenOf(workload.urn)[0]!;
  const text = JSON.stringify(group.inputs);
  assert.match(text, /replicas\W+3/, text);
  assert.match(text, /nginx:1\.27/);
  assert.doesNotMatch(text, /nginx:1\.9/);
});

test("a swarm Microservice with a compose_file is a SwarmStack of that file, not an empty SwarmService", async () => {
  rec.reset();
  await blueprint(
    "sw",
    `tosca_definitions_version: cloudify_dsl_1_3
imports:
  - http://www.getcloudify.org/spec/cloudify/4.0/types.yaml
  - https://raw.githubusercontent.com/cloudify-cosmo/cloudify-swarm-plugin/1.0/plugin.yaml
node_templates:
  web:
    type: cloudify.swarm.Microservice
    properties: { name: shop, compose_file: compose.yaml }
`,
    { "compose.yaml": "services:\n  web:\n    image: nginx:1.27\n" },
  );
  assert.equal(rec.ofType("berth:index:SwarmService").length, 0);
  const stack = rec.ofType("berth:index:SwarmStack")[0]!;
  const services = rec.ofType("docker:index/service:Service");
  assert.equal(services.length, 1, "one docker service per Compose service");
  assert.match(JSON.stringify(services[0]!.inputs), /nginx:1\.27/);
  assert.match(JSON.stringify(services[0]!.inputs), /shop_web/);
  assert.ok(stack);
});
