/**
 * The `ctx` shim that goes with every script Berth runs for a blueprint (Python sources, written by us): a `cloudify`
 * package whose `ctx` object reads and writes a context file (node properties, instance runtime properties, host
 * address, resource files, relationship source and target), a `ctx` command for shell scripts over the same file, and
 * a runner that gives Python scripts `ctx` and `inputs` as globals, as Cloudify's script plugin did. The files are
 * written next to the script on the machine it runs on; nothing talks to a manager.
 */

/** The Python module behind both interfaces. */
const CTX_MODULE = String.raw`# Berth's stand-in for Cloudify's ctx, for scripts imported from a blueprint: the node's properties, the instance's
# runtime properties (read and written), the host's address, the blueprint's resource files, the logger, and the
# source and target of relationship operations. Written for Berth; it talks to no manager.
import atexit
import base64
import json
import os
import re
import sys

_DIR = os.environ.get("BERTH_CTX_DIR") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_STATE = os.path.join(_DIR, "ctx.json")


class NonRecoverableError(Exception):
    pass


class RecoverableError(Exception):
    def __init__(self, message="", retry_after=None, causes=None):
        Exception.__init__(self, message)
        self.retry_after = retry_after


class OperationRetry(RecoverableError):
    pass


def _load():
    with open(_STATE) as f:
        return json.load(f)


_state = _load()


def _save():
    with open(_STATE + ".tmp", "w") as f:
        json.dump(_state, f)
    os.rename(_STATE + ".tmp", _STATE)


_all_properties = []


class _RuntimeProperties(dict):
    """The instance's runtime properties: every change is kept and comes back to the program as an output."""

    def __init__(self, owner):
        dict.__init__(self, owner.get("runtime_properties") or {})
        self._owner = owner
        _all_properties.append(self)

    def _sync(self):
        self._owner["runtime_properties"] = dict(self)
        _save()

    def __setitem__(self, key, value):
        dict.__setitem__(self, key, value)
        self._sync()

    def __delitem__(self, key):
        dict.__delitem__(self, key)
        self._sync()

    def update(self, *args, **kwargs):
        dict.update(self, *args, **kwargs)
        self._sync()

    def setdefault(self, key, value=None):
        out = dict.setdefault(self, key, value)
        self._sync()
        return out

    def pop(self, key, *default):
        out = dict.pop(self, key, *default)
        self._sync()
        return out

    def _set_changed(self):
        self._sync()

    @property
    def dirty(self):
        return False


class _Instance(object):
    def __init__(self, data):
        self._data = data
        self.runtime_properties = _RuntimeProperties(data)

    @property
    def id(self):
        return self._data.get("id")

    @property
    def host_ip(self):
        return self._data.get("host_ip")

    def update(self, *args, **kwargs):
        self.runtime_properties._sync()

    def refresh(self, *args, **kwargs):
        pass


class _Node(object):
    def __init__(self, data):
        self._data = data

    @property
    def id(self):
        return self._data.get("id")

    @property
    def name(self):
        return self._data.get("id")

    @property
    def type(self):
        return self._data.get("type")

    @property
    def type_hierarchy(self):
        return self._data.get("type_hierarchy") or [self._data.get("type")]

    @property
    def properties(self):
        return self._data.get("properties") or {}


class _Side(object):
    def __init__(self, data):
        self.node = _Node(data.get("node") or {})
        self.instance = _Instance(data.setdefault("instance", {}))


class _Logger(object):
    def _log(self, level, message, *args):
        text = str(message)
        if args:
            try:
                text = text % args
            except (TypeError, ValueError):
                text = " ".join([text] + [str(a) for a in args])
        sys.stderr.write("[%s] %s\n" % (level, text))
        sys.stderr.flush()

    def debug(self, message, *args, **kwargs):
        self._log("DEBUG", message, *args)

    def info(self, message, *args, **kwargs):
        self._log("INFO", message, *args)

    def warning(self, message, *args, **kwargs):
        self._log("WARNING", message, *args)

    warn = warning

    def error(self, message, *args, **kwargs):
        self._log("ERROR", message, *args)

    def exception(self, message, *args, **kwargs):
        self._log("ERROR", message, *args)


class _Simple(object):
    def __init__(self, **values):
        self.__dict__.update(values)


def _render(text, variables):
    """Renders the '{{ name.path }}' expressions of a Jinja template from 'variables' (the common subset)."""

    def lookup(expr):
        cur = variables
        for part in re.split(r"\.|\[['\"]?|['\"]?\]", expr.strip()):
            if part == "":
                continue
            if isinstance(cur, dict) and part in cur:
                cur = cur[part]
            elif isinstance(cur, list) and part.isdigit() and int(part) < len(cur):
                cur = cur[int(part)]
            else:
                return None
        return cur

    def replace(match):
        value = lookup(match.group(1))
        if value is None:
            return ""
        if isinstance(value, (dict, list)):
            return json.dumps(value)
        return str(value)

    return re.sub(r"\{\{\s*([A-Za-z_][A-Za-z0-9_.\[\]'\"]*)\s*\}\}", replace, text)


class _Context(object):
    def __init__(self, data):
        self._data = data
        self.logger = _Logger()
        self.type = data.get("type", "node-instance")
        self.deployment = _Simple(id=data.get("deployment_id"))
        self.blueprint = _Simple(id=data.get("blueprint_id"))
        self.tenant_name = data.get("tenant_name", "default_tenant")
        self.tenant = _Simple(name=self.tenant_name)
        self.execution_id = data.get("execution_id")
        self.workflow_id = data.get("workflow_id", "install")
        self.operation = _Simple(name=data.get("operation"), retry_number=0, max_retries=0, retry=self.retry_operation)
        self.plugin = _Simple(name="script", package_name="cloudify-script-plugin", workdir=_DIR)
        if self.type == "relationship-instance":
            self.source = _Side(data.setdefault("source", {}))
            self.target = _Side(data.setdefault("target", {}))
        else:
            self.node = _Node(data.get("node") or {})
            self.instance = _Instance(data.setdefault("instance", {}))

    @property
    def inputs(self):
        return self._data.get("inputs") or {}

    def _self_variables(self):
        if self.type == "relationship-instance":
            side = self.source
        else:
            side = self
        return {
            "ctx": {
                "node": {"id": side.node.id, "name": side.node.name, "properties": side.node.properties},
                "instance": {"id": side.instance.id, "runtime_properties": dict(side.instance.runtime_properties), "host_ip": side.instance.host_ip},
                "deployment": {"id": self.deployment.id},
            }
        }

    def get_resource(self, resource_path):
        data = (self._data.get("resources") or {}).get(resource_path)
        if data is None:
            raise NonRecoverableError("resource %s was not packed with this script by berth import (it is not a file of the blueprint, or its name is computed)" % resource_path)
        return base64.b64decode(data)

    def get_resource_and_render(self, resource_path, template_variables=None):
        variables = self._self_variables()
        variables.update(template_variables or {})
        return _render(self.get_resource(resource_path).decode("utf-8"), variables).encode("utf-8")

    def download_resource(self, resource_path, target_path=None):
        return self._write(resource_path, target_path, self.get_resource(resource_path))

    def download_resource_and_render(self, resource_path, target_path=None, template_variables=None):
        return self._write(resource_path, target_path, self.get_resource_and_render(resource_path, template_variables))

    def _write(self, resource_path, target_path, data):
        if not target_path:
            target_path = os.path.join(_DIR, "downloads", os.path.basename(resource_path))
        folder = os.path.dirname(os.path.abspath(target_path))
        if not os.path.isdir(folder):
            os.makedirs(folder)
        with open(target_path, "wb") as f:
            f.write(data)
        return target_path

    def abort_operation(self, message=None):
        raise NonRecoverableError(message or "operation aborted")

    def retry_operation(self, message=None, retry_after=None):
        raise OperationRetry(message or "operation retry requested", retry_after)

    def returns(self, value):
        self._data["returns"] = value
        _save()


def _flush():
    """Keeps what scripts changed inside values too (a list appended to), as Cloudify stored the whole set at the end."""
    for props in _all_properties:
        props._owner["runtime_properties"] = dict(props)
    _save()


atexit.register(_flush)
ctx = _Context(_state)

`;

/** The `ctx` command's implementation (the shell wrapper in {@link SHIM_FILES} runs it with python3). */
const CTX_CLI = String.raw`# Berth's 'ctx' command for shell scripts imported from a blueprint: the same calls as Cloudify's ctx proxy client
# ('ctx logger info ...', 'ctx node properties port', 'ctx instance runtime-properties key [value]', ...), served from
# the context file next to this module. Written for Berth.
import base64
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from cloudify import _ctx  # noqa: E402

BEGIN = "-----BEGIN BERTH RUNTIME PROPERTIES-----"
END = "-----END BERTH RUNTIME PROPERTIES-----"


def _dump():
    state = _ctx._load()
    if state.get("type") == "relationship-instance":
        props = (state.get("source") or {}).get("instance", {}).get("runtime_properties") or {}
    else:
        props = (state.get("instance") or {}).get("runtime_properties") or {}
    sys.stdout.write("\n%s\n%s\n%s\n" % (BEGIN, base64.b64encode(json.dumps(props).encode("utf-8")).decode("ascii"), END))


def _out(value):
    if value is None:
        return
    if isinstance(value, str):
        sys.stdout.write(value + "\n")
    else:
        sys.stdout.write(json.dumps(value) + "\n")


def _parse(value, as_json):
    if as_json or (value.startswith("@") and len(value) > 1):
        return json.loads(value[1:] if value.startswith("@") else value)
    return value


def _keys(words):
    out = []
    for w in words:
        out.extend([p for p in w.split(".") if p != ""])
    return out


def _get(root, keys):
    cur = root
    for k in keys:
        if isinstance(cur, dict) and k in cur:
            cur = cur[k]
        elif isinstance(cur, list) and k.isdigit() and int(k) < len(cur):
            cur = cur[int(k)]
        else:
            return None
    return cur


def _set(props, keys, value):
    cur = dict(props)
    top = cur
    for k in keys[:-1]:
        nxt = cur.get(k)
        nxt = dict(nxt) if isinstance(nxt, dict) else {}
        cur[k] = nxt
        cur = nxt
    cur[keys[-1]] = value
    props.clear()
    dict.update(props, top)
    props._sync()


def _side(ctx, words):
    """The node and instance a call is about: 'source ...' and 'target ...' in relationship operations."""
    if words and words[0] in ("source", "target"):
        return getattr(ctx, words[0]), words[1:]
    if ctx.type == "relationship-instance":
        raise _ctx.NonRecoverableError("in a relationship operation, name source or target first (ctx source instance ...)")
    return ctx, words


def main(argv):
    if argv[:1] == ["--berth-dump"]:
        _dump()
        return 0
    as_json = False
    words = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("-j", "--json-arg"):
            as_json = True
        elif a in ("--json-output", "-h"):
            pass
        elif a in ("--timeout", "--socket-url"):
            i += 1
        else:
            words.append(a)
        i += 1
    ctx = _ctx.ctx
    if not words:
        sys.stderr.write("usage: ctx logger|node|instance|source|target|deployment|download-resource ...\n")
        return 2
    head = words[0].replace("-", "_")
    rest = words[1:]
    if head == "logger":
        level = (rest[0] if rest else "info").lower()
        getattr(ctx.logger, level if level in ("debug", "info", "warning", "warn", "error") else "info")(" ".join(rest[1:]))
        return 0
    if head in ("download_resource", "download_resource_and_render", "get_resource", "get_resource_and_render"):
        if not rest:
            raise _ctx.NonRecoverableError("%s needs a resource path" % words[0])
        variables = None
        args = [r for r in rest[1:] if not r.startswith("@")]
        for r in rest[1:]:
            if r.startswith("@"):
                variables = json.loads(r[1:])
        if head.startswith("get_"):
            data = ctx.get_resource(rest[0]) if head == "get_resource" else ctx.get_resource_and_render(rest[0], variables)
            sys.stdout.write(data.decode("utf-8"))
            return 0
        target = args[0] if args else None
        path = ctx.download_resource(rest[0], target) if head == "download_resource" else ctx.download_resource_and_render(rest[0], target, variables)
        _out(path)
        return 0
    if head in ("abort_operation", "retry_operation"):
        sys.stderr.write("%s: %s\n" % (words[0], " ".join(rest)))
        return 1
    if head == "returns":
        ctx.returns(_parse(rest[0], as_json) if rest else None)
        return 0
    if head in ("deployment", "blueprint"):
        _out(getattr(ctx, head).id)
        return 0
    if head == "tenant_name":
        _out(ctx.tenant_name)
        return 0
    if head == "operation":
        _out(ctx.operation.name)
        return 0
    if head == "type":
        _out(ctx.type)
        return 0
    side, words = _side(ctx, words)
    if not words:
        raise _ctx.NonRecoverableError("name node or instance after source/target")
    what = words[0]
    rest = words[1:]
    if what == "node":
        attr = (rest[0] if rest else "properties").replace("-", "_")
        if attr == "properties":
            _out(_get(side.node.properties, _keys(rest[1:])))
        elif attr in ("id", "name", "type"):
            _out(getattr(side.node, attr))
        else:
            raise _ctx.NonRecoverableError("ctx node %s is not something Berth's ctx provides (properties, id, name, type)" % attr)
        return 0
    if what == "instance":
        attr = (rest[0] if rest else "runtime_properties").replace("-", "_")
        if attr == "runtime_properties":
            args = rest[1:]
            props = side.instance.runtime_properties
            if len(args) >= 2:
                _set(props, _keys(args[:1]), _parse(" ".join(args[1:]), as_json))
            else:
                _out(_get(dict(props), _keys(args)))
            return 0
        if attr in ("host_ip", "id"):
            _out(getattr(side.instance, attr))
            return 0
        if attr == "update":
            return 0
        raise _ctx.NonRecoverableError("ctx instance %s is not something Berth's ctx provides (runtime-properties, host_ip, id)" % attr)
    raise _ctx.NonRecoverableError("ctx %s is not something Berth's ctx provides" % " ".join(words))


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except _ctx.NonRecoverableError as e:
        sys.stderr.write("ctx: %s\n" % e)
        sys.exit(1)
`;

/** Runs a Python script with `ctx` and `inputs` as globals. */
const RUNNER = String.raw`# Runs a Python script of a blueprint the way Cloudify's script plugin ran it: 'ctx' and 'inputs' are globals, and
# 'from cloudify import ctx' works. Written for Berth.
import os
import runpy
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from cloudify import _ctx  # noqa: E402

script = sys.argv[1]
sys.argv = [script] + sys.argv[2:]
try:
    runpy.run_path(script, init_globals={"ctx": _ctx.ctx, "inputs": _ctx.ctx.inputs}, run_name="__main__")
except _ctx.RecoverableError as e:
    sys.stderr.write("the script asked to retry: %s\n" % e)
    sys.exit(1)
except _ctx.NonRecoverableError as e:
    sys.stderr.write("the script failed: %s\n" % e)
    sys.exit(1)
`;

/** The line before the runtime properties a script leaves (base64 of their JSON follows, then {@link RUNTIME_END}). */
export const RUNTIME_BEGIN = "-----BEGIN BERTH RUNTIME PROPERTIES-----";
/** The line after the runtime properties block. */
export const RUNTIME_END = "-----END BERTH RUNTIME PROPERTIES-----";

/** Every file of the shim, by its path under the script's folder. */
export const SHIM_FILES: Readonly<Record<string, string>> = {
  "cloudify/_ctx.py": CTX_MODULE,
  "cloudify/_cli.py": CTX_CLI,
  "cloudify/_run.py": RUNNER,
  "cloudify/__init__.py": `# Berth's stand-in for the cloudify package (see _ctx.py).
from cloudify._ctx import ctx  # noqa: F401
`,
  "cloudify/exceptions.py": `# The exceptions scripts raise, as Berth's ctx defines them.
from cloudify._ctx import NonRecoverableError, OperationRetry, RecoverableError  # noqa: F401


class HttpException(NonRecoverableError):
    pass


class CommandExecutionException(NonRecoverableError):
    pass
`,
  "cloudify/state.py": `# The current operation's context and inputs, as Berth's ctx provides them.
from cloudify._ctx import ctx as ctx  # noqa: F401

current_ctx = ctx
ctx_parameters = ctx.inputs
`,
  "cloudify/decorators.py": `# Cloudify's operation decorators: here they leave the function as it is.


def operation(func=None, **kwargs):
    if func is None:
        return lambda f: f
    return func


workflow = operation
`,
  "cloudify/manager.py": `# The manager's REST API is not there when Berth runs a script: calls fail with a clear message.
from cloudify._ctx import NonRecoverableError


def get_rest_client(*args, **kwargs):
    raise NonRecoverableError("this script calls the Cloudify manager's REST API, which does not exist outside Cloudify")


def get_node_instance(*args, **kwargs):
    return get_rest_client()
`,
  // -I: the command answers whatever PYTHON* variables the operation's inputs set for the script.
  "bin/ctx": "#!/bin/sh\n# Berth's ctx command (see cloudify/_cli.py).\nexec python3 -I \"$BERTH_CTX_DIR/cloudify/_cli.py\" \"$@\"\n",
};
