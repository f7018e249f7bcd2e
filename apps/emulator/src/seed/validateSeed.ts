import { toInt64String } from "@dmsflow/client";
import { toParserCron } from "../engine/flowSchedule.js";
import { DEFAULT_TIME_ZONE, isTimeZone } from "../engine/zonedTime.js";
import { fail, readTime, SeedError } from "./seedReader.js";
import type {
  SeedAccessKey,
  SeedInstance,
  SeedInt64,
  SeedScenario,
  SeedSchedule,
  SeedTaskFlow,
  SeedTenant,
} from "./seedTypes.js";
import { checkSeedSchema } from "./seedValidator.js";
import type {
  AccessKeyRow,
  InstanceRow,
  InstanceSource,
  ScenarioRow,
  ScheduleRow,
  TaskFlowRow,
  TenantRow,
  ValidSeed,
} from "./validSeed.js";

/** A seed that passed the schema: the shapes of seedTypes.ts, with every list present or absent. */
interface CheckedSeed {
  tenants?: SeedTenant[];
  accessKeys?: SeedAccessKey[];
  scenarios?: SeedScenario[];
  taskFlows?: SeedTaskFlow[];
  instances?: SeedInstance[];
}

/** An int64 the schema has checked (a decimal string, a safe integer or a bigint) as bigint. */
function id(value: SeedInt64, path: string): bigint {
  const text = toInt64String(value);
  // The schema checked the form; an out-of-range decimal string is the one thing left.
  if (text === undefined) return fail(path, "an int64 (a decimal string or a safe integer)", value);
  return BigInt(text);
}

const optionalId = (value: SeedInt64 | null | undefined, path: string): bigint | null =>
  value === undefined || value === null ? null : id(value, path);

/**
 * Checks a seed (parsed JSON or an object from code) against the seed schema (seedSchema.ts, with
 * ajv), then what a schema cannot say (IDs that appear twice, an edge to a missing node, an active
 * tenant the key may not use), and normalizes it: IDs to bigint, times to the API's format, defaults.
 * Throws SeedError naming the first field at fault. Instances are normalized one by one as they are
 * written, and references to tenants and task flows are checked against the data file once the seed
 * is written, inside the seed's transaction, so a bad seed changes nothing.
 */
export function validateSeed(input: unknown): ValidSeed {
  checkSeedSchema(input);
  const seed = input as CheckedSeed;
  const tenants = (seed.tenants ?? []).map((t, i) => readTenant(t, `tenants[${i}]`));
  const accessKeys = (seed.accessKeys ?? []).map((k, i) => readAccessKey(k, `accessKeys[${i}]`));
  const scenarios = (seed.scenarios ?? []).map((x, i) => readScenario(x, `scenarios[${i}]`));
  const taskFlows = (seed.taskFlows ?? []).map((f, i) => readTaskFlow(f, `taskFlows[${i}]`));
  // A seeded flow's times are in its schedule's zone, else the default one, as DMS.
  const zoneOf = new Map(taskFlows.map((f) => [f.dagId, f.schedule?.timeZone ?? DEFAULT_TIME_ZONE]));
  const list = seed.instances ?? [];
  refuseDuplicates(tenants, (t) => String(t.tid), "tenants", "Tid");
  refuseDuplicates(accessKeys, (k) => k.id, "accessKeys", "id");
  refuseDuplicates(scenarios, (x) => String(x.scenarioId), "scenarios", "ScenarioId");
  refuseDuplicates(taskFlows, (f) => String(f.dagId), "taskFlows", "DagId");
  const instances: InstanceSource = {
    count: list.length,
    forEach(visit) {
      const seen = new Set<bigint>();
      list.forEach((x, i) => {
        const path = `instances[${i}]`;
        const row = readInstance(x, path, zoneOf.get(id(x.DagId, `${path}.DagId`)) ?? DEFAULT_TIME_ZONE);
        if (seen.has(row.id)) throw new SeedError(`Invalid seed: instances[${i}].Id ${row.id} appears twice.`);
        seen.add(row.id);
        visit(row);
      });
    },
  };
  return { tenants, accessKeys, scenarios, taskFlows, instances };
}

function refuseDuplicates<T>(items: readonly T[], key: (item: T) => string, list: string, field: string): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) throw new SeedError(`Invalid seed: ${list}[${i}].${field} ${k} appears twice.`);
    seen.add(k);
  });
}

function readTenant(t: SeedTenant, path: string): TenantRow {
  return { tid: id(t.Tid, `${path}.Tid`), name: t.name };
}

function readAccessKey(k: SeedAccessKey, path: string): AccessKeyRow {
  const tenants = (k.tenants ?? []).map((t, i) => id(t, `${path}.tenants[${i}]`));
  const activeTid = k.activeTenant === undefined ? (tenants[0] ?? null) : id(k.activeTenant, `${path}.activeTenant`);
  if (activeTid !== null && !tenants.includes(activeTid)) {
    throw new SeedError(`Invalid seed: ${path}.activeTenant ${activeTid} must be one of the key's tenants.`);
  }
  let expiresAtMs: number | null = null;
  if (k.expiration !== undefined) {
    expiresAtMs = Date.parse(k.expiration);
    if (Number.isNaN(expiresAtMs)) fail(`${path}.expiration`, "an ISO 8601 time", k.expiration);
  }
  const rate = k.rateLimit;
  return {
    id: k.id,
    secret: k.secret,
    securityToken: k.securityToken ?? null,
    expiresAtMs,
    disabled: k.disabled ?? false,
    tenants,
    activeTid,
    ratePerSecond: rate ? rate.requestsPerSecond : null,
    rateBurst: rate ? (rate.burst ?? Math.max(1, Math.ceil(rate.requestsPerSecond))) : null,
  };
}

function readTaskFlow(f: SeedTaskFlow, path: string): TaskFlowRow {
  const owner = f.owner ?? "emulator";
  const ownerId = f.ownerId ?? "0";
  const versions: TaskFlowRow["versions"][number][] = [];
  (f.versions ?? []).forEach((v, i) => {
    const where = `${path}.versions[${i}]`;
    const previous = versions[i - 1]?.versionId ?? null;
    if (typeof v !== "object") {
      versions.push({ versionId: id(v, where), lastVersionId: previous, comments: "", frozen: null });
      return;
    }
    versions.push({
      versionId: id(v.VersionId, `${where}.VersionId`),
      lastVersionId: v.LastVersionId === undefined ? previous : optionalId(v.LastVersionId, `${where}.LastVersionId`),
      comments: v.comments ?? "",
      frozen: v.frozenGraph
        ? {
            nodes: v.frozenGraph.nodes.map((n, j) => ({
              nodeId: id(n.NodeId, `${where}.frozenGraph.nodes[${j}].NodeId`),
              name: n.NodeName,
              nodeType: id(n.NodeType, `${where}.frozenGraph.nodes[${j}].NodeType`),
            })),
            edges: v.frozenGraph.edges.map((e, j) => ({
              nodeFrom: id(e.NodeFrom, `${where}.frozenGraph.edges[${j}].NodeFrom`),
              nodeEnd: id(e.NodeEnd, `${where}.frozenGraph.edges[${j}].NodeEnd`),
            })),
          }
        : null,
    });
  });
  refuseDuplicates(versions, (v) => String(v.versionId), `${path}.versions`, "VersionId");
  const nodes = (f.graph?.nodes ?? []).map((n, i) => ({
    nodeId: id(n.NodeId, `${path}.graph.nodes[${i}].NodeId`),
    name: n.NodeName,
    nodeType: n.NodeType === undefined ? 36n : id(n.NodeType, `${path}.graph.nodes[${i}].NodeType`),
    content: n.NodeContent ?? "",
    config: n.NodeConfig ?? "{}",
    graphParam: n.GraphParam ?? "{}",
    timeVariables: n.TimeVariables ?? '{"variables":[]}',
    typeName: n.NodeTypeName ?? null,
    output: n.Output ?? "",
  }));
  refuseDuplicates(nodes, (n) => String(n.nodeId), `${path}.graph.nodes`, "NodeId");
  const nodeIds = new Set(nodes.map((n) => n.nodeId));
  const edges = (f.graph?.edges ?? []).map((e, i) => {
    const where = `${path}.graph.edges[${i}]`;
    const edge = {
      edgeId: e.Id === undefined ? BigInt(i + 1) : id(e.Id, `${where}.Id`),
      nodeFrom: id(e.NodeFrom, `${where}.NodeFrom`),
      nodeEnd: id(e.NodeEnd, `${where}.NodeEnd`),
    };
    for (const [field, node] of [
      ["NodeFrom", edge.nodeFrom],
      ["NodeEnd", edge.nodeEnd],
    ] as const) {
      if (!nodeIds.has(node)) throw new SeedError(`Invalid seed: ${where}.${field} ${node} is not a node of this graph.`);
    }
    return edge;
  });
  refuseDuplicates(edges, (e) => String(e.edgeId), `${path}.graph.edges`, "Id");
  return {
    dagId: id(f.DagId, `${path}.DagId`),
    tid: id(f.Tid, `${path}.Tid`),
    name: f.name,
    owner,
    ownerId,
    creator: f.creator ?? owner,
    creatorId: f.creatorId ?? ownerId,
    status: f.status ?? 2,
    deployId: optionalId(f.deployId, `${path}.deployId`),
    canEdit: f.canEdit ?? true,
    versions,
    nodes,
    edges,
    description: f.description ?? "",
    scenarioId: optionalId(f.scenarioId, `${path}.scenarioId`),
    deployment: f.deployment
      ? {
          versionId: id(f.deployment.VersionId, `${path}.deployment.VersionId`),
          deployId: id(f.deployment.DeployId, `${path}.deployment.DeployId`),
          online: f.deployment.online,
        }
      : null,
    schedule: f.schedule ? readSchedule(f.schedule, `${path}.schedule`) : null,
    notification: f.notification ?? null,
    constants: (f.constants ?? []).map((c) => ({ name: c.Key, value: c.Value })),
    timeVariables: (f.timeVariables ?? []).map((v) => ({ name: v.Name, value: v.Pattern })),
    cooperators: f.cooperators ?? [],
    behaviours: (f.behaviours ?? []).map((b, i) => ({
      nodeId: id(b.NodeId, `${path}.behaviours[${i}].NodeId`),
      durationMs: b.durationMs ?? null,
      failureRate: b.failureRate ?? null,
      failNextMessage: b.failNextMessage ?? null,
    })),
  };
}

function readSchedule(x: SeedSchedule, path: string): ScheduleRow {
  const timeZone = x.TimeZoneId ?? DEFAULT_TIME_ZONE;
  const cron = x.CronStr === undefined ? undefined : toParserCron(x.CronStr);
  if (typeof cron === "object") fail(`${path}.CronStr`, `a Quartz cron expression (${cron.reason})`, x.CronStr);
  if (!isTimeZone(timeZone)) fail(`${path}.TimeZoneId`, "an IANA time zone such as Asia/Shanghai", timeZone);
  return {
    triggerType: x.TriggerType,
    cron: x.CronStr ?? null,
    cronType: x.CronType ?? null,
    timeZone,
    beginDate: x.CronBeginDate ?? null,
    endDate: x.CronEndDate ?? null,
    scheduleParam: x.ScheduleParam ?? "",
    enabled: x.ScheduleSwitch ?? false,
  };
}

function readScenario(x: SeedScenario, path: string): ScenarioRow {
  return {
    scenarioId: id(x.ScenarioId, `${path}.ScenarioId`),
    tid: id(x.Tid, `${path}.Tid`),
    name: x.name,
    description: x.description ?? "",
    creatorId: x.creatorId ?? "",
  };
}

/** Reads an instance; its times are shown in `zone`, its flow's time zone. */
function readInstance(x: SeedInstance, path: string, zone: string): InstanceRow {
  return {
    id: id(x.Id, `${path}.Id`),
    dagId: id(x.DagId, `${path}.DagId`),
    status: x.status,
    dagVersion: x.DagVersion ?? null,
    historyDagId: optionalId(x.historyDagId, `${path}.historyDagId`),
    triggerType: x.triggerType ?? 0,
    businessTime: readTime(x.businessTime, `${path}.businessTime`, zone),
    startTime: readTime(x.startTime, `${path}.startTime`, zone),
    endTime: readTime(x.endTime, `${path}.endTime`, zone),
    message: x.message ?? "",
  };
}
