/** Polls `check` until it holds, failing after `ms`: for work another process or a timer finishes. */
export async function waitUntil(check: () => boolean, ms = 3_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`condition not reached within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
