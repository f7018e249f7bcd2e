import {
  CronType,
  CronTypeDescriptions,
  InstanceStatus,
  InstanceStatusDescriptions,
  InstanceTriggerType,
  InstanceTriggerTypeDescriptions,
  ScheduleTriggerType,
  ScheduleTriggerTypeDescriptions,
  TaskFlowStatus,
  TaskFlowStatusDescriptions,
} from "@dmsflow/client";

/** A JSON Schema (draft-07) document or part of one. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** Where the published schema is, for a seed's `$schema`. */
export const SEED_SCHEMA_ID = "https://unpkg.com/@dmsflow/emulator/seeds/seed.schema.json";

const int64 = { $ref: "#/definitions/int64" };
const orNull = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: "null" }] });
const text = (description: string): JsonSchema => ({ type: "string", description });
const name = (description: string): JsonSchema => ({ type: "string", minLength: 1, description });
const list = (items: JsonSchema, description: string): JsonSchema => ({ type: "array", items, description });
const record = (properties: Record<string, JsonSchema>, required: readonly string[], description: string): JsonSchema => ({
  type: "object",
  description,
  properties,
  required,
  additionalProperties: false,
});

/** An enumeration of the generated client: its values, with each value's meaning for editors and messages. */
function enumOf<V extends string | number>(
  values: Readonly<Record<string, V>>,
  meanings: Readonly<Record<V, string>>,
  description: string,
) {
  const list = Object.values(values);
  const type = typeof list[0] === "number" ? "integer" : "string";
  return { type, enum: list, enumDescriptions: list.map((v) => meanings[v]), description };
}

/**
 * The seed format as a JSON Schema, built from the generated client's enumerations (so statuses and
 * trigger types follow the spec). seeds/seed.schema.json is this, written by `npm run seed-schema`;
 * a test checks the file is current. Checks a schema cannot state (IDs that appear twice, an edge to a
 * missing node, an active tenant the key may not use) are made in code after it (validateSeed).
 */
export function seedSchema(): JsonSchema {
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: SEED_SCHEMA_ID,
    title: "dmsflow-emulator seed",
    ...record(
      {
        $schema: text("The schema of this file, for editors: ./seed.schema.json or the published URL."),
        tenants: list({ $ref: "#/definitions/tenant" }, "Tenants."),
        accessKeys: list({ $ref: "#/definitions/accessKey" }, "Access keys and the tenants they may use."),
        scenarios: list({ $ref: "#/definitions/scenario" }, "Business scenarios that group task flows."),
        taskFlows: list({ $ref: "#/definitions/taskFlow" }, "Task flows (DAGs) with their versions and graphs."),
        instances: list({ $ref: "#/definitions/instance" }, "Instances (runs) of the task flows."),
      },
      [],
      "Everything the emulator serves; every list is optional.",
    ),
    definitions: {
      int64: {
        title: "int64",
        description: "An int64: a decimal string, or a number up to 2^53 (write larger ones as strings).",
        anyOf: [{ type: "string", pattern: "^-?[0-9]{1,19}$" }, { type: "integer" }],
      },
      time: {
        title: "time",
        description:
          '"yyyy-MM-dd HH:mm:ss" in the flow\'s time zone (Asia/Shanghai, as DMS), "yyyy-MM-dd" or ISO 8601 with Z or an offset (converted to that zone).',
        type: "string",
        pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$",
      },
      tenant: record({ Tid: int64, name: name("The tenant's name.") }, ["Tid", "name"], "A tenant."),
      accessKey: record(
        {
          id: name("The AccessKey ID."),
          secret: name("The AccessKey secret."),
          tenants: list(int64, "The Tids the key may use."),
          activeTenant: { ...int64, description: "The tenant used when a request has no Tid; defaults to the first." },
          securityToken: name("Makes the key an STS key: requests must carry this token."),
          expiration: text("When the STS token expires, ISO 8601 (e.g. 2030-01-01T00:00:00Z)."),
          disabled: { type: "boolean", description: "A disabled key gets Forbidden.AccessKeyDisabled." },
          rateLimit: record(
            {
              requestsPerSecond: { type: "number", exclusiveMinimum: 0, description: "Requests per second." },
              burst: { type: "integer", minimum: 1, maximum: 1_000_000, description: "Bucket size; default ceil(rate)." },
            },
            ["requestsPerSecond"],
            "A token bucket; beyond it requests get Throttling.User.",
          ),
        },
        ["id", "secret"],
        "An access key.",
      ),
      version: record(
        {
          VersionId: int64,
          LastVersionId: { ...orNull(int64), description: "Defaults to the version listed before it." },
          comments: text("The version's comments."),
          frozenGraph: record(
            {
              nodes: list(
                record(
                  { NodeId: int64, NodeName: name("The node's name."), NodeType: int64 },
                  ["NodeId", "NodeName", "NodeType"],
                  "A node as published.",
                ),
                "Nodes.",
              ),
              edges: list(record({ NodeFrom: int64, NodeEnd: int64 }, ["NodeFrom", "NodeEnd"], "An edge."), "Edges."),
            },
            ["nodes", "edges"],
            "The graph as published, which runs of this version execute; without it, the flow's graph is frozen the first time a run needs it.",
          ),
        },
        ["VersionId"],
        "A published version of a task flow.",
      ),
      node: record(
        {
          NodeId: int64,
          NodeName: name("The node's name."),
          NodeType: { ...int64, description: "The node type's numeric code; default 36 (single-instance SQL)." },
          NodeContent: text("The node's content (SQL)."),
          NodeConfig: text('The node\'s configuration, JSON text; default "{}".'),
          GraphParam: text('Its position in the graph, JSON text; default "{}".'),
          TimeVariables: text('Its time variables, JSON text; default {"variables":[]}.'),
          NodeTypeName: text("The NodeType name it was created with (GetTask shows it), when not a numeric code."),
          Output: text("The node's output variables, JSON text; default empty."),
        },
        ["NodeId", "NodeName"],
        "A node of a task flow's graph.",
      ),
      edge: record(
        {
          Id: { ...int64, description: "Defaults to the edge's position, from 1." },
          NodeFrom: int64,
          NodeEnd: int64,
        },
        ["NodeFrom", "NodeEnd"],
        "An edge of a task flow's graph.",
      ),
      taskFlow: record(
        {
          DagId: int64,
          Tid: int64,
          name: name("The flow's name."),
          owner: text("The owner's nickname; default emulator."),
          ownerId: text('The owner\'s user ID; default "0".'),
          creator: text("Defaults to the owner."),
          creatorId: text("Defaults to the owner's ID."),
          status: enumOf(TaskFlowStatus, TaskFlowStatusDescriptions, "The flow's status; default 2."),
          deployId: orNull(int64),
          canEdit: { type: "boolean", description: "Default true." },
          versions: list(
            // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then/else keywords, never awaited.
            { if: { type: "object" }, then: { $ref: "#/definitions/version" }, else: int64 },
            "Versions, oldest first: VersionIds or version objects.",
          ),
          graph: record(
            { nodes: list({ $ref: "#/definitions/node" }, "Nodes."), edges: list({ $ref: "#/definitions/edge" }, "Edges.") },
            [],
            "The flow's graph.",
          ),
          description: text("The flow's description."),
          scenarioId: { ...orNull(int64), description: "Its business scenario; null or absent: the default one." },
          deployment: record(
            {
              VersionId: int64,
              DeployId: int64,
              online: { type: "boolean", description: "Whether the deployed version is online (schedules fire)." },
            },
            ["VersionId", "DeployId", "online"],
            "The deployed version (PublishAndDeployTaskFlow).",
          ),
          schedule: record(
            {
              TriggerType: enumOf(ScheduleTriggerType, ScheduleTriggerTypeDescriptions, "How the flow is triggered."),
              CronStr: text("A Quartz cron expression, e.g. 0 0 1 * * ? *."),
              CronType: enumOf(CronType, CronTypeDescriptions, "The cycle."),
              TimeZoneId: name("An IANA time zone; default Asia/Shanghai. The flow's times are shown in it."),
              CronBeginDate: text("Not scheduled before: yyyy-MM-dd or yyyy-MM-dd HH:mm:ss in the zone."),
              CronEndDate: text("Not scheduled after: yyyy-MM-dd or yyyy-MM-dd HH:mm:ss in the zone."),
              ScheduleParam: text("The event-scheduling configuration, JSON text."),
              ScheduleSwitch: { type: "boolean", description: "Whether it is on; default false." },
            },
            ["TriggerType"],
            "The schedule, as UpdateTaskFlowSchedule sets it.",
          ),
          notification: record(
            { onFail: { type: "boolean" }, onSla: { type: "boolean" }, onSuccess: { type: "boolean" } },
            ["onFail", "onSla", "onSuccess"],
            "Which outcomes notify (UpdateTaskFlowNotification); default none.",
          ),
          constants: list(
            record({ Key: name("The name."), Value: text("The value.") }, ["Key", "Value"], "A constant."),
            "Flow constants, in order.",
          ),
          timeVariables: list(
            record({ Name: name("The name."), Pattern: text("The date pattern.") }, ["Name", "Pattern"], "A time variable."),
            "Flow time variables, in order.",
          ),
          cooperators: list(name("A user ID."), "User IDs of the flow's cooperators, in order."),
          behaviours: list(
            record(
              {
                NodeId: int64,
                durationMs: { type: "integer", minimum: 0, description: "How long a run of the node takes (simulated ms)." },
                failureRate: { type: "number", minimum: 0, maximum: 1, description: "The chance a run of it fails." },
                failNextMessage: text("The next run of it fails with this message."),
              },
              ["NodeId"],
              "How the engine runs a node (PUT /_emulator/flows/{DagId}/nodes/{NodeId}/behaviour).",
            ),
            "Node behaviours.",
          ),
        },
        ["DagId", "Tid", "name"],
        "A task flow (DAG) of a tenant.",
      ),
      scenario: record(
        {
          ScenarioId: int64,
          Tid: int64,
          name: name("The scenario's name."),
          description: text("Its description."),
          creatorId: text("The user ID of its creator."),
        },
        ["ScenarioId", "Tid", "name"],
        "A business scenario of a tenant.",
      ),
      instance: record(
        {
          Id: int64,
          DagId: int64,
          status: enumOf(InstanceStatus, InstanceStatusDescriptions, "The instance's status."),
          DagVersion: text("Defaults to the flow's latest VersionId, or empty when it has none."),
          triggerType: enumOf(InstanceTriggerType, InstanceTriggerTypeDescriptions, "How it was started; default 0."),
          startTime: orNull({ $ref: "#/definitions/time" }),
          endTime: orNull({ $ref: "#/definitions/time" }),
          businessTime: orNull({ $ref: "#/definitions/time" }),
          message: text("The instance's message."),
          historyDagId: orNull(int64),
        },
        ["Id", "DagId", "status"],
        "An instance (execution record) of a task flow.",
      ),
    },
  };
}
