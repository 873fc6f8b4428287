// What every table module receives: the open connection and the edges (clock, pid)
// injected at open, so the modules themselves stay free of globals.

import type Database from "better-sqlite3";

/** The connection and injected edges shared by the store's table modules. */
export interface StoreContext {
  readonly db: Database.Database;
  /** The store file as given to openStore, for messages. */
  readonly path: string;
  /** Source of created_at / finished_at; the only wall-clock input. */
  readonly clock: () => Date;
  /** The pid recorded on runs this process begins. */
  readonly pid: number;
}

/** The context's clock as an ISO-8601 UTC string. */
export function nowIso(ctx: StoreContext): string {
  return ctx.clock().toISOString();
}
