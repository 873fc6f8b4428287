// A map from NodeId to a value, backed by an array. Node ids are dense
// (numbered in pre-order across the workspace), and the checker's side tables
// hold an entry for most nodes: an array indexed by id costs less to grow and
// to collect than a hash map. Values are never undefined, so undefined marks
// an absent entry. Only the Map methods the compiler uses are offered.

import type { NodeId } from "../ast.js";

/** A NodeId-keyed table with Map's get/set/has. */
export class IdMap<V> {
  private readonly slots: (V | undefined)[] = [];

  /** The value stored for an id, or undefined. */
  get(id: NodeId): V | undefined {
    return this.slots[id];
  }

  /** Stores a value for an id. */
  set(id: NodeId, value: V): this {
    const slots = this.slots;
    // grow by pushing so the array stays a plain vector (writing far past the end would make it a dictionary)
    while (slots.length <= id) slots.push(undefined);
    slots[id] = value;
    return this;
  }

  /** Whether an id has a value. */
  has(id: NodeId): boolean {
    return this.slots[id] !== undefined;
  }
}
