// Opens a store in a temp dir for a test, failing loudly on a StoreError.

import { join } from "node:path";
import { isStoreError } from "../errors.js";
import { openStore, type OpenStoreOptions } from "../open.js";
import type { Store } from "../store.js";
import { afterEach, beforeEach } from "vitest";
import { steppingClock, tempDir } from "./temp-store.js";

/** Opens `dir/store.db` with a stepping clock; throws (test failure) on a StoreError. */
export function openTestStore(dir: string, options: OpenStoreOptions = {}): Store {
  const store = openStore(join(dir, "store.db"), { clock: steppingClock(), ...options });
  if (isStoreError(store)) throw new Error(`unexpected ${store.code}: ${store.message}`);
  return store;
}

/** Unwraps a store result in a test: a StoreError fails the test with its message. */
export function ok<T>(value: T): Exclude<T, { kind: "store_error" }> {
  if (isStoreError(value)) throw new Error(`unexpected ${value.code}: ${value.message}`);
  return value as Exclude<T, { kind: "store_error" }>;
}

/** Gives each test of the file a fresh store in its own temp dir (through `use`), closed and removed afterwards. */
export function useTestStore(use: (store: Store) => void): void {
  let store: Store | null = null;
  let cleanup: () => void = () => undefined;
  beforeEach(() => {
    const made = tempDir();
    cleanup = made.cleanup;
    store = openTestStore(made.dir);
    use(store);
  });
  afterEach(() => {
    store?.close();
    cleanup();
  });
}
