/** What `resume --all-suspended` was asked to do. */
export interface ResumeAllRequest {
  readonly dagId: string;
  readonly tid: string | undefined;
  readonly dagVersion: string | undefined;
  readonly concurrency: number;
  readonly maxRate: number;
  /** Only these instances (several --instance-id, or from standard input); default: every suspended one. */
  readonly instanceIds?: readonly string[] | undefined;
  /** Only instances started on or after this day (yyyy-MM-dd). */
  readonly since?: string | undefined;
  /** Only instances started on or before this day (yyyy-MM-dd). */
  readonly until?: string | undefined;
}
