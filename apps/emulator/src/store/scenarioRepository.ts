import type { Statement } from "better-sqlite3";
import type { SqliteDatabase } from "./openDatabase.js";

/** A business scenario row: a named group of a tenant's task flows. */
export interface ScenarioRecord {
  scenario_id: bigint;
  tid: bigint;
  name: string;
  description: string;
  creator_id: string;
}

/** SQL for business scenarios. */
export class ScenarioRepository {
  private readonly insert: Statement;
  private readonly byId: Statement<[bigint, bigint], ScenarioRecord>;
  private readonly byName: Statement<[bigint, string, bigint], bigint>;
  private readonly ofTenant: Statement<[bigint], ScenarioRecord>;
  private readonly update: Statement<[string, string | null, bigint]>;
  private readonly remove: Statement<[bigint]>;
  private readonly release: Statement<[bigint]>;

  constructor(private readonly db: SqliteDatabase) {
    this.insert = db.prepare(
      "INSERT INTO scenarios (scenario_id, tid, name, description, creator_id) VALUES (@id, @tid, @name, @description, @creatorId)",
    );
    this.byId = db.prepare("SELECT * FROM scenarios WHERE scenario_id = ? AND tid = ?");
    this.byName = db
      .prepare("SELECT scenario_id FROM scenarios WHERE tid = ? AND name = ? AND scenario_id <> ? LIMIT 1")
      .pluck() as Statement<[bigint, string, bigint], bigint>;
    this.ofTenant = db.prepare("SELECT * FROM scenarios WHERE tid = ? ORDER BY scenario_id");
    this.update = db.prepare("UPDATE scenarios SET name = ?, description = COALESCE(?, description) WHERE scenario_id = ?");
    this.remove = db.prepare("DELETE FROM scenarios WHERE scenario_id = ?");
    this.release = db.prepare("UPDATE task_flows SET scenario_id = NULL WHERE scenario_id = ?");
  }

  /** Stores a new scenario. */
  create(scenario: { id: bigint; tid: string; name: string; description: string; creatorId: string }): void {
    this.insert.run({ ...scenario, tid: BigInt(scenario.tid) });
  }

  /** The tenant's scenario with this ID. */
  get(tid: string, id: bigint): ScenarioRecord | undefined {
    return this.byId.get(id, BigInt(tid));
  }

  /** The tenant's scenario (other than `except`) that already has this name, if any. */
  nameTakenBy(tid: string, name: string, except = 0n): bigint | undefined {
    return this.byName.get(BigInt(tid), name, except);
  }

  /** The tenant's scenarios, by ID. */
  listOf(tid: string): ScenarioRecord[] {
    return this.ofTenant.all(BigInt(tid));
  }

  /** Renames a scenario; a null description keeps the current one. */
  rename(id: bigint, name: string, description: string | null): void {
    this.update.run(name, description, id);
  }

  /** Deletes a scenario; its flows move to the default scenario. */
  delete(id: bigint): void {
    this.db.transaction(() => {
      this.release.run(id);
      this.remove.run(id);
    })();
  }
}
