/** How many rows of each kind a seed wrote (public: kept apart from the SQLite code it comes from). */
export interface SeedSummary {
  readonly tenants: number;
  readonly accessKeys: number;
  readonly taskFlows: number;
  readonly instances: number;
}
