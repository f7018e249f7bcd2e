/** One pending node completion: the node run and the attempt it was due for. */
export interface DueEntry<T> {
  readonly dueMs: number;
  readonly item: T;
  readonly attempt: number;
}

/** A binary min-heap of completions by due time. */
export class DueQueue<T> {
  private readonly heap: DueEntry<T>[] = [];

  /** How many entries wait (stale ones included). */
  get size(): number {
    return this.heap.length;
  }

  /** The earliest entry, without removing it. */
  peek(): DueEntry<T> | undefined {
    return this.heap[0];
  }

  /** Adds an entry. */
  push(entry: DueEntry<T>): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.dueMs <= entry.dueMs) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = entry;
  }

  /** Removes and returns the earliest entry. */
  pop(): DueEntry<T> | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && heap[right]!.dueMs < heap[left]!.dueMs ? right : left;
      if (heap[child]!.dueMs >= last.dueMs) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
    return top;
  }

  /** Drops every entry. */
  clear(): void {
    this.heap.length = 0;
  }
}
