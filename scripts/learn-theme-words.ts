/**
 * Writes features/themes/rules/learned-words.ts (theme and sentiment words) from the labelled development texts
 * (`npm run themes:learn`): run it after adding or relabelling development texts. The held-out texts
 * are never trained on. features/themes/learned.test.ts fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { DEVELOPMENT } from '../features/themes/labelled/development.ts';
import { learnedWordsModule } from '../features/themes/labelled/learned-module.ts';

const target = new URL('../features/themes/rules/learned-words.ts', import.meta.url);
writeFileSync(target, learnedWordsModule(DEVELOPMENT));
console.log(`Wrote ${target.pathname} from ${DEVELOPMENT.length} development texts`);
