import { env } from 'cloudflare:workers';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDatabase } from './client.ts';
import { countingD1 } from './counting-d1.ts';

describe('countingD1', () => {
  it('counts prepared statements, every statement of a batch, and drizzle queries', async () => {
    const seen: string[] = [];
    const d1 = countingD1(env.DB, (statement) => seen.push(statement));

    expect(await d1.prepare('SELECT ?1 AS n').bind(7).first('n')).toBe(7);
    expect(seen).toEqual(['SELECT ?1 AS n']);

    const results = await d1.batch<{ n: number }>([d1.prepare('SELECT 1 AS n'), d1.prepare('SELECT 2 AS n')]);
    expect(results.map((result) => result.results[0]?.n)).toEqual([1, 2]);
    expect(seen).toHaveLength(3);

    const db = createDatabase(d1);
    await db.batch([db.run(sql`SELECT 3`), db.run(sql`SELECT 4`)]);
    expect(seen.slice(3)).toEqual(['SELECT 3', 'SELECT 4']);
  });

  it('counts nothing that was only prepared', () => {
    let count = 0;
    countingD1(env.DB, () => count++).prepare('SELECT 1');
    expect(count).toBe(0);
  });
});
