import { silentLogger } from '../../src/core/index.js';
import { openStore } from '../../src/store/open.js';
import { describePostgres, freshSchema } from '../helpers/postgres.js';
import { crashSuite } from './crash-suite.js';

describePostgres('digest delivery on PostgreSQL', () => {
  crashSuite('PostgreSQL', async () => {
    const schema = await freshSchema('digests');
    const store = await openStore(schema.url, { log: silentLogger });
    return {
      store,
      databaseUrl: schema.url,
      async cleanup() {
        await store.close();
        await schema.drop();
      },
    };
  });
});
