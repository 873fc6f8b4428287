// The shape of one schema migration. Migrations are append-only: a published one is
// never edited; a change to the schema is a new file with the next version.

/** One versioned schema step, applied in its own transaction. */
export interface Migration {
  /** 1, 2, 3 ... without gaps. */
  readonly version: number;
  /** A short name recorded in schema_migrations. */
  readonly name: string;
  /** DDL run with db.exec. */
  readonly sql: string;
}
