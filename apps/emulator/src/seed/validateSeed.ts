import {
  fail,
  readFlag,
  readId,
  readInteger,
  readList,
  readName,
  readOptionalId,
  readRecord,
  readText,
  readTime,
  SeedError,
} from "./seedReader.js";
import type { AccessKeyRow, InstanceRow, InstanceSource, TaskFlowRow, TenantRow, ValidSeed } from "./validSeed.js";

const SEED_FIELDS = ["tenants", "accessKeys", "taskFlows", "instances"];
const TENANT_FIELDS = ["Tid", "name"];
const KEY_FIELDS = ["id", "secret", "tenants", "activeTenant", "securityToken", "expiration", "disabled", "rateLimit"];
const FLOW_FIELDS = [
  "DagId",
  "Tid",
  "name",
  "owner",
  "ownerId",
  "creator",
  "creatorId",
  "status",
  "deployId",
  "canEdit",
  "versions",
  "graph",
];
const VERSION_FIELDS = ["VersionId", "LastVersionId", "comments"];
const NODE_FIELDS = ["NodeId", "NodeName", "NodeType", "NodeContent", "NodeConfig", "GraphParam", "TimeVariables"];
const EDGE_FIELDS = ["Id", "NodeFrom", "NodeEnd"];
const INSTANCE_FIELDS = [
  "Id",
  "DagId",
  "status",
  "DagVersion",
  "triggerType",
  "startTime",
  "endTime",
  "businessTime",
  "message",
  "historyDagId",
];

/**
 * Checks a seed (parsed JSON or an object from code) against the documented format and normalizes
 * it. Throws SeedError naming the first field at fault. Instances are checked as they are written,
 * and references to tenants and task flows are checked against the data file once the seed is
 * written, both inside the seed's transaction, so a bad seed changes nothing.
 */
export function validateSeed(input: unknown): ValidSeed {
  const seed = readRecord(input, "the seed", SEED_FIELDS);
  const tenants = readList(seed.tenants, "tenants").map((t, i) => readTenant(t, `tenants[${i}]`));
  const accessKeys = readList(seed.accessKeys, "accessKeys").map((k, i) => readAccessKey(k, `accessKeys[${i}]`));
  const taskFlows = readList(seed.taskFlows, "taskFlows").map((f, i) => readTaskFlow(f, `taskFlows[${i}]`));
  const list = readList(seed.instances, "instances");
  refuseDuplicates(tenants, (t) => String(t.tid), "tenants", "Tid");
  refuseDuplicates(accessKeys, (k) => k.id, "accessKeys", "id");
  refuseDuplicates(taskFlows, (f) => String(f.dagId), "taskFlows", "DagId");
  const instances: InstanceSource = {
    count: list.length,
    forEach(visit) {
      const seen = new Set<bigint>();
      list.forEach((x, i) => {
        const row = readInstance(x, `instances[${i}]`);
        if (seen.has(row.id)) throw new SeedError(`Invalid seed: instances[${i}].Id ${row.id} appears twice.`);
        seen.add(row.id);
        visit(row);
      });
    },
  };
  return { tenants, accessKeys, taskFlows, instances };
}

function refuseDuplicates<T>(items: readonly T[], key: (item: T) => string, list: string, field: string): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) throw new SeedError(`Invalid seed: ${list}[${i}].${field} ${k} appears twice.`);
    seen.add(k);
  });
}

function readTenant(value: unknown, path: string): TenantRow {
  const t = readRecord(value, path, TENANT_FIELDS);
  return { tid: readId(t.Tid, `${path}.Tid`), name: readName(t.name, `${path}.name`) };
}

function readAccessKey(value: unknown, path: string): AccessKeyRow {
  const k = readRecord(value, path, KEY_FIELDS);
  const tenants = readList(k.tenants, `${path}.tenants`).map((t, i) => readId(t, `${path}.tenants[${i}]`));
  const activeTid = k.activeTenant === undefined ? (tenants[0] ?? null) : readId(k.activeTenant, `${path}.activeTenant`);
  if (activeTid !== null && !tenants.includes(activeTid)) {
    throw new SeedError(`Invalid seed: ${path}.activeTenant ${activeTid} must be one of the key's tenants.`);
  }
  let expiresAtMs: number | null = null;
  if (k.expiration !== undefined) {
    expiresAtMs = Date.parse(readText(k.expiration, `${path}.expiration`));
    if (Number.isNaN(expiresAtMs)) fail(`${path}.expiration`, "an ISO 8601 time", k.expiration);
  }
  let ratePerSecond: number | null = null;
  let rateBurst: number | null = null;
  if (k.rateLimit !== undefined) {
    const r = readRecord(k.rateLimit, `${path}.rateLimit`, ["requestsPerSecond", "burst"]);
    if (typeof r.requestsPerSecond !== "number" || !(r.requestsPerSecond > 0) || !Number.isFinite(r.requestsPerSecond)) {
      fail(`${path}.rateLimit.requestsPerSecond`, "a positive number", r.requestsPerSecond);
    }
    ratePerSecond = r.requestsPerSecond;
    rateBurst = readInteger(r.burst, `${path}.rateLimit.burst`, 1, 1_000_000, Math.max(1, Math.ceil(ratePerSecond)));
  }
  return {
    id: readName(k.id, `${path}.id`),
    secret: readName(k.secret, `${path}.secret`),
    securityToken: k.securityToken === undefined ? null : readName(k.securityToken, `${path}.securityToken`),
    expiresAtMs,
    disabled: readFlag(k.disabled, `${path}.disabled`, false),
    tenants,
    activeTid,
    ratePerSecond,
    rateBurst,
  };
}

function readTaskFlow(value: unknown, path: string): TaskFlowRow {
  const f = readRecord(value, path, FLOW_FIELDS);
  const owner = readText(f.owner, `${path}.owner`, "emulator");
  const ownerId = readText(f.ownerId, `${path}.ownerId`, "0");
  const versions: { versionId: bigint; lastVersionId: bigint | null; comments: string }[] = [];
  readList(f.versions, `${path}.versions`).forEach((v, i) => {
    const where = `${path}.versions[${i}]`;
    const previous = versions[i - 1]?.versionId ?? null;
    if (typeof v !== "object" || v === null) {
      versions.push({ versionId: readId(v, where), lastVersionId: previous, comments: "" });
      return;
    }
    const o = readRecord(v, where, VERSION_FIELDS);
    versions.push({
      versionId: readId(o.VersionId, `${where}.VersionId`),
      lastVersionId: o.LastVersionId === undefined ? previous : readOptionalId(o.LastVersionId, `${where}.LastVersionId`),
      comments: readText(o.comments, `${where}.comments`, ""),
    });
  });
  refuseDuplicates(versions, (v) => String(v.versionId), `${path}.versions`, "VersionId");
  const graph = f.graph === undefined ? {} : readRecord(f.graph, `${path}.graph`, ["nodes", "edges"]);
  const nodes = readList(graph.nodes, `${path}.graph.nodes`).map((n, i) => {
    const where = `${path}.graph.nodes[${i}]`;
    const o = readRecord(n, where, NODE_FIELDS);
    return {
      nodeId: readId(o.NodeId, `${where}.NodeId`),
      name: readName(o.NodeName, `${where}.NodeName`),
      nodeType: o.NodeType === undefined ? 36n : readId(o.NodeType, `${where}.NodeType`),
      content: readText(o.NodeContent, `${where}.NodeContent`, ""),
      config: readText(o.NodeConfig, `${where}.NodeConfig`, "{}"),
      graphParam: readText(o.GraphParam, `${where}.GraphParam`, "{}"),
      timeVariables: readText(o.TimeVariables, `${where}.TimeVariables`, '{"variables":[]}'),
    };
  });
  refuseDuplicates(nodes, (n) => String(n.nodeId), `${path}.graph.nodes`, "NodeId");
  const nodeIds = new Set(nodes.map((n) => n.nodeId));
  const edges = readList(graph.edges, `${path}.graph.edges`).map((e, i) => {
    const where = `${path}.graph.edges[${i}]`;
    const o = readRecord(e, where, EDGE_FIELDS);
    const edge = {
      edgeId: o.Id === undefined ? BigInt(i + 1) : readId(o.Id, `${where}.Id`),
      nodeFrom: readId(o.NodeFrom, `${where}.NodeFrom`),
      nodeEnd: readId(o.NodeEnd, `${where}.NodeEnd`),
    };
    for (const end of ["nodeFrom", "nodeEnd"] as const) {
      if (!nodeIds.has(edge[end])) {
        throw new SeedError(
          `Invalid seed: ${where}.${end === "nodeFrom" ? "NodeFrom" : "NodeEnd"} ${edge[end]} is not a node of this graph.`,
        );
      }
    }
    return edge;
  });
  refuseDuplicates(edges, (e) => String(e.edgeId), `${path}.graph.edges`, "Id");
  return {
    dagId: readId(f.DagId, `${path}.DagId`),
    tid: readId(f.Tid, `${path}.Tid`),
    name: readName(f.name, `${path}.name`),
    owner,
    ownerId,
    creator: readText(f.creator, `${path}.creator`, owner),
    creatorId: readText(f.creatorId, `${path}.creatorId`, ownerId),
    status: readInteger(f.status, `${path}.status`, 0, 2, 2),
    deployId: readOptionalId(f.deployId, `${path}.deployId`),
    canEdit: readFlag(f.canEdit, `${path}.canEdit`, true),
    versions,
    nodes,
    edges,
  };
}

function readInstance(value: unknown, path: string): InstanceRow {
  const x = readRecord(value, path, INSTANCE_FIELDS);
  return {
    id: readId(x.Id, `${path}.Id`),
    dagId: readId(x.DagId, `${path}.DagId`),
    status: readInteger(x.status, `${path}.status`, 0, 5),
    dagVersion: x.DagVersion === undefined ? null : readText(x.DagVersion, `${path}.DagVersion`),
    historyDagId: readOptionalId(x.historyDagId, `${path}.historyDagId`),
    triggerType: readInteger(x.triggerType, `${path}.triggerType`, 0, 1, 0),
    businessTime: readTime(x.businessTime, `${path}.businessTime`),
    startTime: readTime(x.startTime, `${path}.startTime`),
    endTime: readTime(x.endTime, `${path}.endTime`),
    message: readText(x.message, `${path}.message`, ""),
  };
}
