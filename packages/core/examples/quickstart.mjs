#!/usr/bin/env node
// The README's quick start, runnable: lists a task flow's instances, then resumes the suspended ones.
//   npx dmsflow-emulator                       # prints {"url":"http://127.0.0.1:<port>"}
//   ALIBABA_CLOUD_ENDPOINT=http://127.0.0.1:<port> ALIBABA_CLOUD_ACCESS_KEY_ID=<id> ALIBABA_CLOUD_ACCESS_KEY_SECRET=<secret> \
//     node examples/quickstart.mjs <DagId> [Tid]
// Without ALIBABA_CLOUD_ENDPOINT it talks to the real service in ALIBABA_CLOUD_REGION_ID (or the aliyun CLI
// profile's region): DmsClient reads both itself, so the same program runs against either unchanged.
import {
  DmsClient,
  DmsError,
  enumKeyOf,
  InstanceStatus,
  paginateListTaskFlowInstance,
  resumeSuspendedInstances,
} from "@dmsflow/core";

const [dagId, tid] = process.argv.slice(2);
if (!dagId) {
  console.error("usage: node examples/quickstart.mjs <DagId> [Tid]");
  process.exit(2);
}
const client = new DmsClient();
try {
  for await (const page of paginateListTaskFlowInstance(client, { DagId: dagId, Tid: tid, PageSize: 50 })) {
    for (const instance of page.DAGInstanceList?.DAGInstance ?? []) {
      console.log(`instance ${instance.Id}: ${enumKeyOf(InstanceStatus, instance.Status) ?? instance.Status}`);
    }
  }
  const result = await resumeSuspendedInstances(client, {
    DagId: dagId,
    Tid: tid,
    concurrency: 4,
    maxRate: 10,
    onProgress: (event) => console.log(`${event.done}/${event.total} instance ${event.id}: ${event.outcome}`),
  });
  console.log(
    `resumed ${result.resumed.length}, already running ${result.alreadyRunning.length}, declined ${result.declined.length}, failed ${result.failed.length}`,
  );
  if (result.failed.length > 0) process.exitCode = 1;
} catch (error) {
  // dmsflow errors are one line and never carry a secret: print the message, not a stack.
  console.error(error instanceof DmsError ? error.message : error);
  process.exitCode = 1;
} finally {
  client.destroy();
}
