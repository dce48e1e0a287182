/**
 * The themes queue's messages and producer, apart from the consumer (jobs.ts) so the GraphQL
 * module can enqueue without loading the job.
 */

/** Re-classify the page of the run's feedback after `afterId` (null: from the first record). */
export interface ThemesMessage {
  type: 'retheme';
  tenantId: string;
  runId: string;
  afterId: string | null;
}

export interface ThemesEnv {
  DB: D1Database;
  THEMES_QUEUE: Queue<ThemesMessage>;
}

/** What sends a message: the queue binding, or a test's stand-in (only the send matters, not its response). */
export interface ThemesProducer {
  send(message: ThemesMessage): Promise<unknown>;
}
