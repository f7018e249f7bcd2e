import type { Statement } from "better-sqlite3";
import { CronExpressionParser } from "cron-parser";
import type { SqliteDatabase } from "../store/openDatabase.js";
import { DEFAULT_TIME_ZONE } from "./zonedTime.js";

/** A flow's schedule as UpdateTaskFlowSchedule stored it. */
export interface FlowSchedule {
  readonly dagId: bigint;
  /** ScheduleTriggerType: only Cron fires on its own; Event waits for events the emulator does not emit. */
  readonly triggerType: string;
  readonly cron: string | null;
  readonly cronType: string | null;
  readonly timeZone: string;
  readonly beginDate: string | null;
  readonly endDate: string | null;
  readonly scheduleParam: string;
  readonly enabled: boolean;
  /** When it fires next (simulated epoch ms), or null for never. */
  readonly nextFireMs: number | null;
}

interface ScheduleRow {
  dag_id: bigint;
  trigger_type: string;
  cron: string | null;
  cron_type: string | null;
  time_zone: string;
  begin_date: string | null;
  end_date: string | null;
  schedule_param: string;
  enabled: bigint;
  next_fire_ms: bigint | null;
}

/** DMS writes Quartz expressions with seconds and a year (`0 0 1 * * ? *`); cron-parser takes up to six fields. */
export function toParserCron(cron: string): string | { reason: string } {
  const fields = cron.trim().split(/\s+/);
  if (fields.length === 7) {
    if (fields[6] !== "*" && fields[6] !== "?") return { reason: "the emulator accepts only * as the year field" };
    fields.pop();
  }
  if (fields.length < 5 || fields.length > 6)
    return { reason: "it must have 6 or 7 fields (Quartz: second minute hour day month weekday [year])" };
  try {
    CronExpressionParser.parse(fields.join(" "));
  } catch (error) {
    return { reason: (error as Error).message };
  }
  return fields.join(" ");
}

/** The first firing strictly after `afterMs`, or null when there is none (the expression is checked already). */
export function nextFiring(cron: string, zone: string, afterMs: number): number | null {
  const parsed = toParserCron(cron);
  if (typeof parsed !== "string") return null;
  const expression = CronExpressionParser.parse(parsed, { tz: zone, currentDate: new Date(afterMs) });
  return expression.hasNext() ? expression.next().getTime() : null;
}

/** The schedule table. */
export class ScheduleRepository {
  private readonly byFlow: Statement<[bigint], ScheduleRow>;
  private readonly setNext: Statement<[number | null, bigint]>;

  constructor(private readonly db: SqliteDatabase) {
    this.byFlow = db.prepare("SELECT * FROM flow_schedules WHERE dag_id = ?");
    this.setNext = db.prepare("UPDATE flow_schedules SET next_fire_ms = ? WHERE dag_id = ?");
  }

  /** A flow's schedule, if one was set. */
  get(dagId: bigint): FlowSchedule | undefined {
    const row = this.byFlow.get(dagId);
    return row && toSchedule(row);
  }

  /**
   * Every schedule that may fire: enabled, with a next firing, or a seeded one whose next firing is
   * not computed yet (a Cron expression, next_fire_ms NULL).
   */
  armed(): FlowSchedule[] {
    const rows = this.db
      .prepare("SELECT * FROM flow_schedules WHERE enabled = 1 AND (next_fire_ms IS NOT NULL OR cron IS NOT NULL)")
      .all() as ScheduleRow[];
    return rows.map(toSchedule);
  }

  /** Replaces a flow's schedule. */
  put(schedule: FlowSchedule): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO flow_schedules
         (dag_id, trigger_type, cron, cron_type, time_zone, begin_date, end_date, schedule_param, enabled, next_fire_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        schedule.dagId,
        schedule.triggerType,
        schedule.cron,
        schedule.cronType,
        schedule.timeZone,
        schedule.beginDate,
        schedule.endDate,
        schedule.scheduleParam,
        schedule.enabled ? 1 : 0,
        schedule.nextFireMs,
      );
  }

  /** Records the next firing. */
  setNextFire(dagId: bigint, nextFireMs: number | null): void {
    this.setNext.run(nextFireMs, dagId);
  }

  /** The time zone a flow's times are shown in. */
  zoneOf(dagId: bigint): string {
    return this.byFlow.get(dagId)?.time_zone ?? DEFAULT_TIME_ZONE;
  }
}

function toSchedule(row: ScheduleRow): FlowSchedule {
  return {
    dagId: row.dag_id,
    triggerType: row.trigger_type,
    cron: row.cron,
    cronType: row.cron_type,
    timeZone: row.time_zone,
    beginDate: row.begin_date,
    endDate: row.end_date,
    scheduleParam: row.schedule_param,
    enabled: row.enabled !== 0n,
    nextFireMs: row.next_fire_ms === null ? null : Number(row.next_fire_ms),
  };
}
