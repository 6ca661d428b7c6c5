/**
 * Spaces calls per key (a Slack channel): chat.postMessage allows about one
 * message a second per channel. Calls for one key run in order, one at a time.
 */
export class Pacer {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly lastAt = new Map<string, number>();

  constructor(private readonly intervalMs: number) {}

  run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous
      .catch(() => undefined)
      .then(async () => {
        const wait = (this.lastAt.get(key) ?? -Infinity) + this.intervalMs - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        try {
          return await fn();
        } finally {
          this.lastAt.set(key, Date.now());
        }
      });
    this.tails.set(key, result);
    // Forget idle keys so the maps do not grow with every channel ever seen.
    void result.catch(() => undefined).then(() => {
      if (this.tails.get(key) === result) {
        this.tails.delete(key);
        setTimeout(() => {
          if (!this.tails.has(key)) this.lastAt.delete(key);
        }, this.intervalMs).unref();
      }
    });
    return result;
  }
}
