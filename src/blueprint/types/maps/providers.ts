/**
 * The explicit providers a node's connection settings stand for: `client_config` (openstack 3.x, aws 2.x and 3.x),
 * `openstack_config` (openstack 1.x and 2.x) and `aws_config` (aws 1.x). Resources go to the account and region the
 * blueprint names, never to the ambient credentials, and a credential written out in the blueprint is replaced by a
 * config secret (never copied into the program).
 */
import { type Value, isDeferred } from "../../functions/values";
import type { MapContext, ProviderRequest } from "../target";
import { TARGETS } from "./targets";
import { type Obj, any, clean, first, obj } from "./values";

/** A credential as the program reads it: a reference as it is; a value written out becomes the config secret `name`. */
function credential(ctx: MapContext, v: Value | undefined, name: string, at: string): Value | undefined {
  if (v === undefined || v === null || v === "") return undefined;
  if (isDeferred(v)) return v;
  ctx.note(`${at} is written out in the blueprint; the program reads it from the config secret ${name} instead`, [at.split(".")[0]!, ...at.split(".").slice(1)]);
  return ctx.secret(name);
}

/** The openstack provider for `client_config` (3.x) or `openstack_config` (1.x, 2.x), when either is set. */
export function openstackProvider(ctx: MapContext): ProviderRequest | undefined {
  const prop = ctx.props["client_config"] !== undefined ? "client_config" : "openstack_config";
  const c: Obj = obj(ctx.props[prop]);
  if (!any(c)) return undefined;
  const custom = obj(c["custom_configuration"]);
  void custom;
  const args = clean({
    authUrl: c["auth_url"],
    userName: first(c["username"], c["user_name"]),
    password: credential(ctx, c["password"], `${ctx.node.name}_openstack_password`, `${prop}.password`),
    tenantName: first(c["project_name"], c["tenant_name"]),
    tenantId: first(c["project_id"], c["tenant_id"]),
    region: first(c["region_name"], c["region"]),
    userDomainName: c["user_domain_name"],
    projectDomainName: c["project_domain_name"],
    domainName: c["domain_name"],
    insecure: c["insecure"],
    cacertFile: c["ca_cert"],
  });
  // Reading them marks them carried over; keys the provider has no argument for are reported by the caller.
  for (const k of ["logging", "custom_configuration", "nova_url", "neutron_url", "kwargs", "api_version", "verify"]) void c[k];
  return { target: TARGETS.osProvider, args };
}

/** The aws provider for `client_config` (2.x, 3.x) or `aws_config` (1.x), when either is set. */
export function awsProvider(ctx: MapContext): ProviderRequest | undefined {
  const prop = ctx.props["client_config"] !== undefined ? "client_config" : "aws_config";
  const c: Obj = obj(ctx.props[prop]);
  if (!any(c)) return undefined;
  const args = clean({
    region: first(c["region_name"], c["ec2_region_name"], c["region"]),
    accessKey: credential(ctx, c["aws_access_key_id"], `${ctx.node.name}_aws_access_key_id`, `${prop}.aws_access_key_id`),
    secretKey: credential(ctx, c["aws_secret_access_key"], `${ctx.node.name}_aws_secret_access_key`, `${prop}.aws_secret_access_key`),
    token: credential(ctx, c["aws_session_token"], `${ctx.node.name}_aws_session_token`, `${prop}.aws_session_token`),
  });
  const endpoint = first(c["endpoint_url"], c["ec2_region_endpoint"]);
  if (endpoint !== undefined) return { target: TARGETS.awsProvider, args: { ...args, endpoints: [{ ec2: endpoint }], skipCredentialsValidation: true } };
  return { target: TARGETS.awsProvider, args };
}
