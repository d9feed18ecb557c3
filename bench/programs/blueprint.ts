/**
 * A generated Cloudify blueprint of exactly N node templates for the importer row: a network, subnet, security group
 * and key pair, then repeating units of an OpenStack port, a server on it and a Docker container on the server.
 * Every unit uses relationships (contained_in, connected_to, the OpenStack server/port ones) and intrinsic functions
 * (get_input, concat, get_attribute, get_property), and imports its types by the catalogue's well-known URLs.
 */

/** The import URLs the generated blueprint uses (all in Berth's offline catalogue). */
export const BLUEPRINT_IMPORTS = [
  "http://www.getcloudify.org/spec/cloudify/4.1/types.yaml",
  "http://www.getcloudify.org/spec/openstack-plugin/2.0.1/plugin.yaml",
  "http://www.getcloudify.org/spec/docker-plugin/1.3.2/plugin.yaml",
];

/** Node templates before the first unit. */
const HEADER = 4;

/** How many containers form one chain of `connected_to` relationships (keeps the dependency depth realistic). */
const CHAIN = 10;

function port(i: number): string {
  return `  port_${i}:
    type: cloudify.openstack.nodes.Port
    properties:
      port:
        name: { concat: [{ get_input: prefix }, "-port-${i}"] }
    relationships:
      - type: cloudify.relationships.contained_in
        target: net
      - type: cloudify.openstack.port_connected_to_subnet
        target: subnet
      - type: cloudify.openstack.port_connected_to_security_group
        target: sg
`;
}

function server(i: number): string {
  return `  server_${i}:
    type: cloudify.openstack.nodes.Server
    properties:
      image: { get_input: server_image }
      flavor: { get_input: flavor }
      server:
        name: { concat: [{ get_input: prefix }, "-server-${i}"] }
      agent_config:
        install_method: none
    relationships:
      - type: cloudify.openstack.server_connected_to_port
        target: port_${i}
      - type: cloudify.openstack.server_connected_to_keypair
        target: keypair
      - type: cloudify.openstack.server_connected_to_security_group
        target: sg
`;
}

function container(i: number): string {
  const link = i % CHAIN === 0 ? "" : `      - type: cloudify.relationships.connected_to
        target: app_${i - 1}
`;
  return `  app_${i}:
    type: cloudify.docker.Container
    properties:
      name: { concat: [{ get_input: prefix }, "-app-${i}"] }
      image:
        repository: { get_input: app_repository }
        tag: { get_input: app_tag }
    interfaces:
      cloudify.interfaces.lifecycle:
        create:
          implementation: docker.docker_plugin.tasks.create_container
          inputs:
            params:
              ports: [8080]
              environment:
                SERVER_IP: { get_attribute: [server_${i}, ip] }
                APP_NAME: { get_property: [SELF, name] }
                INDEX: "${i}"
        start:
          implementation: docker.docker_plugin.tasks.start
          inputs:
            params:
              port_bindings:
                8080: ${18000 + (i % 1000)}
            processes_to_wait_for: [app]
            retry_interval: 1
    relationships:
      - type: cloudify.relationships.contained_in
        target: server_${i}
${link}`;
}

/** The text of a blueprint with exactly `nodes` node templates (at least 4). */
export function generateBlueprint(nodes: number): string {
  if (!Number.isInteger(nodes) || nodes < HEADER) throw new Error(`a generated blueprint needs at least ${HEADER} node templates, got ${nodes}`);
  const parts: string[] = [
    "tosca_definitions_version: cloudify_dsl_1_3\n",
    "imports:\n",
    ...BLUEPRINT_IMPORTS.map((url) => `  - ${url}\n`),
    `inputs:
  prefix:
    type: string
    default: bench
  server_image:
    type: string
    default: ubuntu-24.04
  flavor:
    type: string
    default: m1.small
  app_repository:
    type: string
    default: registry.example.com/app
  app_tag:
    type: string
    default: "1.0"
node_templates:
  net:
    type: cloudify.openstack.nodes.Network
    properties:
      network:
        name: { concat: [{ get_input: prefix }, "-net"] }
  subnet:
    type: cloudify.openstack.nodes.Subnet
    properties:
      subnet:
        name: { concat: [{ get_input: prefix }, "-subnet"] }
        cidr: 10.0.0.0/16
        ip_version: 4
    relationships:
      - type: cloudify.relationships.contained_in
        target: net
  sg:
    type: cloudify.openstack.nodes.SecurityGroup
    properties:
      security_group:
        name: { concat: [{ get_input: prefix }, "-sg"] }
      rules:
        - port: 8080
          remote_ip_prefix: 10.0.0.0/16
  keypair:
    type: cloudify.openstack.nodes.KeyPair
    properties:
      private_key_path: /etc/bench/key.pem
      keypair:
        name: { concat: [{ get_input: prefix }, "-key"] }
`,
  ];
  for (let j = 0; j < nodes - HEADER; j++) {
    const unit = Math.floor(j / 3);
    const kind = j % 3;
    parts.push(kind === 0 ? port(unit) : kind === 1 ? server(unit) : container(unit));
  }
  parts.push(`outputs:
  first_server_ip:
    value: { get_attribute: [server_0, ip] }
  first_app:
    value: { get_attribute: [app_0, container_id] }
`);
  return parts.join("");
}
