/**
 * Group commit (docs/collector.md, "Performance"): writes that arrive together (in the same turn of
 * the event loop, or while earlier batches are being written) go to the database as one statement
 * and one commit. Each caller's promise settles only once its own row is committed, with its own
 * outcome; if the batch statement fails, each item of it is written again on its own, so one bad
 * row never fails the others. Items are written in the order they arrived, batch after batch.
 */

export interface GroupCommitOptions {
  /** Items per batch at most. */
  maxBatch: number;
  /** Batches being written at once: 1 for PGlite (one query at a time), a few for a pool of connections. */
  concurrency: number;
  /**
   * When a batch starts after the first item of it arrives: `immediate` once the requests already
   * read in this turn of the event loop are queued; `timer` a timer later (PGlite, whose queries
   * block the thread, lets more requests arrive first).
   */
  start: 'immediate' | 'timer';
}

interface Waiting<I, O> {
  item: I;
  resolve: (result: O | Promise<O>) => void;
  reject: (error: unknown) => void;
}

/**
 * @example
 * const answers = new GroupCommit(insertMany, insertOne, { maxBatch: 200, concurrency: 2, start: 'immediate' });
 * await answers.write(record); // resolved once this record's batch is committed
 */
export class GroupCommit<I, O> {
  private readonly queue: Waiting<I, O>[] = [];
  private running = 0;
  private scheduled = false;

  /**
   * `writeBatch` writes many items in one statement and gives each one's outcome (or a promise of
   * it, e.g. a follow-up query for an item not written), in the order given. `writeOne` writes one
   * item on its own, when its batch failed.
   */
  constructor(
    private readonly writeBatch: (items: readonly I[]) => Promise<(O | Promise<O>)[]>,
    private readonly writeOne: (item: I) => Promise<O>,
    private readonly options: GroupCommitOptions,
  ) {}

  /** Queue `item` for the next batch; resolves with its outcome once committed. */
  write(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Items waiting for a batch (for tests and metrics). */
  get waiting(): number {
    return this.queue.length;
  }

  private schedule(): void {
    if (this.scheduled || this.queue.length === 0 || this.running >= this.options.concurrency) return;
    this.scheduled = true;
    const go = () => {
      this.scheduled = false;
      void this.runBatch();
    };
    if (this.options.start === 'immediate' && typeof setImmediate === 'function') setImmediate(go);
    else setTimeout(go, 0);
  }

  private async runBatch(): Promise<void> {
    if (this.queue.length === 0 || this.running >= this.options.concurrency) return;
    this.running += 1;
    const batch = this.queue.splice(0, this.options.maxBatch);
    // Items arriving from now on may start the next batch beside this one (up to `concurrency`).
    this.schedule();
    try {
      const outcomes = await this.writeBatch(batch.map((waiting) => waiting.item));
      batch.forEach((waiting, i) => waiting.resolve(outcomes[i]!));
    } catch {
      // One row failed the statement (say, its session erased meanwhile): each on its own, in the
      // order they arrived, with its own outcome.
      for (const waiting of batch) {
        try {
          waiting.resolve(await this.writeOne(waiting.item));
        } catch (error) {
          waiting.reject(error);
        }
      }
    } finally {
      this.running -= 1;
      this.schedule();
    }
  }
}
