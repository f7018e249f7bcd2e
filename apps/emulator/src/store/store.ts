import { resolve } from "node:path";
import type { ValidSeed } from "../seed/validSeed.js";
import { applySeed } from "./applySeed.js";
import { Catalog } from "./catalog.js";
import { CommitBatcher } from "./commitBatcher.js";
import { EdgeRepository } from "./edgeRepository.js";
import { FlowRepository } from "./flowRepository.js";
import { FlowSettingsRepository } from "./flowSettingsRepository.js";
import { IdAllocator } from "./idAllocator.js";
import { InstanceRepository } from "./instanceRepository.js";
import { NodeRepository } from "./nodeRepository.js";
import { NonceRepository } from "./nonceRepository.js";
import { openDatabase, type SqliteDatabase } from "./openDatabase.js";
import { ScenarioRepository } from "./scenarioRepository.js";
import { IDENTITY_TABLES, STATE_TABLES } from "./schema.js";
import type { SeedSummary } from "./seedSummary.js";
import { TaskFlowRepository } from "./taskFlowRepository.js";
import { WalFlusher } from "./walFlusher.js";

/** How a seed meets existing data: merge replaces rows with the same IDs, replace empties everything first. */
export type SeedMode = "merge" | "replace";

/** The emulator's state: the SQLite file, its in-memory catalog and the group-commit batcher. */
export class Store {
  readonly db: SqliteDatabase;
  readonly commits: CommitBatcher;
  readonly instances: InstanceRepository;
  readonly flows: FlowRepository;
  readonly nonces: NonceRepository;
  /** Task-flow rows written by the definition operations. */
  readonly taskFlows: TaskFlowRepository;
  readonly nodes: NodeRepository;
  readonly edges: EdgeRepository;
  readonly flowSettings: FlowSettingsRepository;
  readonly scenarios: ScenarioRepository;
  readonly ids: IdAllocator;
  private currentCatalog: Catalog;
  private readonly walFlusher: WalFlusher | undefined;

  constructor(path: string) {
    this.db = openDatabase(path);
    this.commits = new CommitBatcher(this.db);
    if (path !== ":memory:") {
      this.walFlusher = new WalFlusher(`${resolve(this.db.name)}-wal`);
      this.commits.onCommit = this.walFlusher.kick;
    }
    this.instances = new InstanceRepository(this.db);
    this.flows = new FlowRepository(this.db);
    this.nonces = new NonceRepository(this.db);
    this.taskFlows = new TaskFlowRepository(this.db, (dagId, row) => this.currentCatalog.refreshTaskFlow(dagId, row));
    this.nodes = new NodeRepository(this.db);
    this.edges = new EdgeRepository(this.db);
    this.flowSettings = new FlowSettingsRepository(this.db);
    this.scenarios = new ScenarioRepository(this.db);
    this.ids = new IdAllocator(this.db);
    this.currentCatalog = Catalog.load(this.db);
    // A batch that failed to commit took API-written flows with it: show the file's state again.
    this.commits.onRollback = () => {
      this.currentCatalog = Catalog.load(this.db);
    };
  }

  /** Access keys, tenants and task flows as of the last change. */
  get catalog(): Catalog {
    return this.currentCatalog;
  }

  /** Whether the data file holds nothing yet (so a start-up seed applies). */
  isEmpty(): boolean {
    return STATE_TABLES.every((table) => this.db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() === undefined);
  }

  /** Applies a seed in one durable transaction; a seed that fails its checks changes nothing. */
  seed(seed: ValidSeed, mode: SeedMode): SeedSummary {
    return this.change(() => {
      if (mode === "replace") this.clearTables();
      return applySeed(this.db, seed);
    });
  }

  /**
   * Empties the state and forgets the remembered nonces; with keepKeys, access keys and tenants stay
   * (a client configured with a key keeps working after a reset). A seed given is applied in the
   * same transaction: a seed that fails its checks leaves the state as it was.
   */
  reset(options: { keepKeys: boolean; seed?: ValidSeed | undefined }): SeedSummary | undefined {
    return this.change(() => {
      this.clearTables(options.keepKeys ? IDENTITY_TABLES : []);
      this.nonces.clear();
      return options.seed === undefined ? undefined : applySeed(this.db, options.seed);
    });
  }

  /** Sets an instance's status directly (admin), bypassing the rules; false when there is no such instance. */
  setInstanceStatus(id: bigint, status: number): boolean {
    return this.change(() => this.instances.setStatus(id, status));
  }

  /** Reads the catalog again after a write changed a task flow's row (publish, offline), in the open batch. */
  refreshCatalog(): void {
    this.currentCatalog = Catalog.load(this.db);
  }

  /** Commits what is pending and closes the file (checkpointing the WAL). */
  close(): void {
    this.commits.flush();
    if (this.db.open) this.db.close();
    this.walFlusher?.close();
  }

  /** Runs an admin change in its own durable transaction, after committing the open batch, and reloads the catalog. */
  private change<T>(work: () => T): T {
    this.commits.flush();
    try {
      return this.db.transaction(work)();
    } finally {
      this.currentCatalog = Catalog.load(this.db);
    }
  }

  private clearTables(keep: readonly string[] = []): void {
    for (const table of STATE_TABLES) if (!keep.includes(table)) this.db.prepare(`DELETE FROM ${table}`).run();
  }
}
