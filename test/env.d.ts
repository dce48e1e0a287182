import type { D1Migration } from '@cloudflare/vitest-plugin';
import type { Env as WorkerEnv } from '../worker/env.ts';
import type * as workerModule from '../worker/index.ts';

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      TEST_MIGRATIONS: D1Migration[];
      /** Fuzzing: how many generated requests (default 2,000; test/fuzz/). */
      FUZZ_RUNS?: string;
    }
    interface GlobalProps {
      mainModule: typeof workerModule;
    }
  }
}
