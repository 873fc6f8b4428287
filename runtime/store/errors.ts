// Store errors: every user-caused SQLite or file-system failure becomes a StoreError
// with a stable R02xx code, a one-clause message and a hint that says what to do.
// Anything unrecognised is rethrown: an unmapped exception is a bug, shown with a stack.

/** Stable codes for store errors (R02xx). Never reuse one. */
export const STORE_CODES = {
  /** Another connection holds the write lock past busy_timeout. */
  busy: "R0201",
  /** The file, its directory or the connection is read-only. */
  readOnly: "R0202",
  /** The file is not an SQLite database, or its pages are damaged. */
  corrupt: "R0203",
  /** The directory that should hold the store does not exist. */
  missingDirectory: "R0204",
  /** The database was written by a newer strat. */
  newerSchema: "R0205",
  /** A read-only open of a store that does not exist. */
  missingStore: "R0206",
  /** The file cannot be opened (permissions, a directory in the way). */
  cannotOpen: "R0207",
  /** The disk is full or the OS reported an I/O error. */
  io: "R0208",
  /** No run has that id. */
  unknownRun: "R0209",
  /** The run is not in a state that allows the operation (completing a failed run, ...). */
  runState: "R0210",
  /** A read-only open of a store whose schema is older than this strat. */
  olderSchema: "R0211",
  /** The run has no stored results (not completed, or no such ticker in it). */
  noResults: "R0212",
} as const;

/** One of the R02xx codes. */
export type StoreErrorCode = (typeof STORE_CODES)[keyof typeof STORE_CODES];

/** Titles for `strat explain`, one line each, sorted by code. */
export const STORE_CODE_TITLES: readonly { readonly code: StoreErrorCode; readonly title: string }[] = [
  { code: "R0201", title: "the store is locked by another process" },
  { code: "R0202", title: "the store is read-only" },
  { code: "R0203", title: "the file is not a strat store or is corrupt" },
  { code: "R0204", title: "the store's directory does not exist" },
  { code: "R0205", title: "the store was written by a newer strat" },
  { code: "R0206", title: "there is no store at that path" },
  { code: "R0207", title: "the store file cannot be opened" },
  { code: "R0208", title: "the disk is full or failed" },
  { code: "R0209", title: "no run has that id" },
  { code: "R0210", title: "the run is not in a state that allows this" },
  { code: "R0211", title: "the store needs an upgrade before a read-only open" },
  { code: "R0212", title: "the run has no stored results" },
];

/** A user-facing store failure. Returned, never thrown. */
export interface StoreError {
  readonly kind: "store_error";
  readonly code: StoreErrorCode;
  /** One clause, lowercase, no period. */
  readonly message: string;
  /** What to do about it. */
  readonly hint: string;
}

/** Builds a StoreError. */
export function storeError(code: StoreErrorCode, message: string, hint: string): StoreError {
  return { kind: "store_error", code, message, hint };
}

/** True when `value` is a StoreError. */
export function isStoreError(value: unknown): value is StoreError {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "store_error";
}

/**
 * Maps an exception from better-sqlite3 or the file system to a StoreError, or returns
 * null when it is not a user-caused failure (the caller rethrows it as a bug).
 */
export function mapStoreException(error: unknown, path: string): StoreError | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  const name = typeof code === "string" ? code : "";
  if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) {
    return storeError(STORE_CODES.busy, `the store ${path} is locked`, "another strat process holds the store: wait or stop it");
  }
  if (name.startsWith("SQLITE_READONLY") || name === "EACCES" || name === "EPERM" || name === "EROFS") {
    return storeError(STORE_CODES.readOnly, `the store ${path} is read-only`, "the store is read-only: check permissions or pass --store");
  }
  if (name.startsWith("SQLITE_NOTADB") || name.startsWith("SQLITE_CORRUPT")) {
    return storeError(
      STORE_CODES.corrupt,
      `${path} is not a strat store or is corrupt`,
      "the file is not a strat store or is corrupt: move it aside; nothing was written",
    );
  }
  if (name === "SQLITE_FULL" || name.startsWith("SQLITE_IOERR") || name === "ENOSPC" || name === "EIO") {
    return storeError(STORE_CODES.io, `writing the store ${path} failed: ${error.message}`, "free disk space or check the device, then rerun; the last complete run is kept");
  }
  if (name.startsWith("SQLITE_CANTOPEN") || name === "EISDIR" || name === "ENOTDIR") {
    return storeError(STORE_CODES.cannotOpen, `the store ${path} cannot be opened`, "check that the path names a file you may write, or pass --store");
  }
  if (/directory does not exist/i.test(error.message)) {
    return missingDirectory(path);
  }
  return null;
}

/** The error for a store path whose directory does not exist. */
export function missingDirectory(path: string): StoreError {
  return storeError(STORE_CODES.missingDirectory, `the directory for the store ${path} does not exist`, "create the directory or pass --store with a path in an existing one");
}

/**
 * Thrown inside a transaction to roll it back with a user-facing error; `guard` turns it
 * back into a returned StoreError. Never escapes the store.
 */
export class StoreAbort extends Error {
  /** The error the store returns. */
  readonly storeError: StoreError;
  constructor(storeError: StoreError) {
    super(storeError.message);
    this.storeError = storeError;
  }
}

/** Runs `fn`, turning user-caused exceptions into a StoreError; bugs still throw. */
export function guard<T>(path: string, fn: () => T): T | StoreError {
  try {
    return fn();
  } catch (error) {
    if (error instanceof StoreAbort) return error.storeError;
    const mapped = mapStoreException(error, path);
    if (mapped === null) throw error;
    return mapped;
  }
}
