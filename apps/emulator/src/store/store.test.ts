import { describe, expect, it } from "vitest";
import { Store } from "./store.js";

// The catalog follows API writes at once, and forgets them again when their batch fails to commit.
describe("Store catalog and the commit batch", () => {
  it("shows a flow written in the open batch, and drops it when that batch's COMMIT fails", async () => {
    const store = new Store(":memory:");
    const flow = {
      dagId: 9_007_199_254_740_993n,
      tid: "3",
      name: "lost",
      description: "",
      scenarioId: null,
      creatorId: "k",
      creator: "k",
    };
    store.commits.write(() => store.taskFlows.create(flow));
    expect(store.catalog.taskFlowOf("3", "9007199254740993")?.name).toBe("lost");
    const settled = store.commits.settled();
    // Make the COMMIT fail: a deferred foreign-key violation is only detected at COMMIT.
    store.commits.write(() => {
      store.db.exec("CREATE TABLE child (p INTEGER REFERENCES task_flows(dag_id) DEFERRABLE INITIALLY DEFERRED)");
      store.db.exec("INSERT INTO child VALUES (99)");
    });
    await expect(settled).rejects.toThrow(/FOREIGN KEY/);
    expect(store.catalog.taskFlowOf("3", "9007199254740993")).toBeUndefined();
    expect(store.db.prepare("SELECT count(*) FROM task_flows").pluck().get()).toBe(0n);
    store.close();
  });
});
