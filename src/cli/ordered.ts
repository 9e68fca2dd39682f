// Concurrent work, in-order output: run `work` on items with bounded concurrency and hand each
// result to `emit` in input order as soon as it and everything before it are done. At most
// `window` items are started ahead of the oldest unemitted one, so memory stays bounded however
// long the input list is and however slow one item is.

export interface OrderedOptions {
  concurrency: number;
  /** Max items in flight or waiting to be emitted; default 4 × concurrency. */
  window?: number;
}

export async function runOrdered<T, R>(
  items: readonly T[],
  work: (item: T, index: number) => Promise<R>,
  emit: (result: R, item: T, index: number) => Promise<void> | void,
  opts: OrderedOptions,
): Promise<void> {
  const n = items.length;
  const concurrency = Math.max(1, opts.concurrency);
  const window = Math.max(concurrency, opts.window ?? concurrency * 4);
  const done = new Map<number, R>();
  let started = 0;
  let emitted = 0;
  let active = 0;
  let emitting = false;

  return new Promise<void>((resolve, reject) => {
    const pump = (): void => {
      while (active < concurrency && started < n && started - emitted < window) start(started++);
      if (emitted === n && !emitting) resolve();
    };
    const drain = async (): Promise<void> => {
      if (emitting) return;
      emitting = true;
      try {
        while (done.has(emitted)) {
          const r = done.get(emitted) as R;
          done.delete(emitted);
          const i = emitted++;
          await emit(r, items[i] as T, i);
        }
      } finally {
        emitting = false;
      }
      pump();
    };
    const start = (i: number): void => {
      active++;
      work(items[i] as T, i).then(
        (r) => { active--; done.set(i, r); drain().catch(reject); },
        reject,
      );
    };
    pump();
  });
}
