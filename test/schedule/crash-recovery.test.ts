import { openTempStore } from './fixtures.js';
import { crashSuite } from './crash-suite.js';

crashSuite('SQLite', async () => {
  const tmp = await openTempStore();
  return { store: tmp.store, databaseUrl: `sqlite:${tmp.path}`, cleanup: tmp.cleanup };
});
