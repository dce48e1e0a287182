import type { D1Migration } from '@cloudflare/vitest-plugin';
import type { Env as WorkerEnv } from '../worker/env.ts';
import type * as workerModule from '../worker/index.ts';

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      TEST_MIGRATIONS: D1Migration[];
      /** Fuzzing (test/fuzz/): how many generated requests (default 2,000) and the seed. */
      FUZZ_RUNS?: string;
      FUZZ_SEED?: string;
    }
    interface GlobalProps {
      mainModule: typeof workerModule;
    }
  }
}
