/**
 * A compact text form of learned words (rules/learned.ts) for the generated rules/learned-words.ts.
 * Why: the Worker's bundle budget is 350 KB gzip. As an object literal every feature is written
 * once per class that has it (`"cold":3` under food and under waiting time): 52.5 KB gzip for the
 * theme and sentiment words of 3,798 texts. Packed, each feature is written once, followed by the
 * classes that have it and their counts: 41 KB. The Worker unpacks both models once, when the module
 * loads (about 7 ms).
 */
import { dictionary } from './dictionary.ts';
import type { LearnedClass, LearnedWords } from './learned.ts';

export interface PackedLearned {
  readonly texts: number;
  /** Each class's key and how many texts it has, in the order of the count columns. */
  readonly classes: readonly (readonly [string, number])[];
  /** Every feature, sorted, FEATURE_SEPARATOR between them. */
  readonly features: string;
  /**
   * Each feature's row, in the order of `features`, ROW_SEPARATOR between rows: the classes that
   * have it, COUNT_SEPARATOR between them, each as its column (one base-36 digit) then its count
   * ("3" then "12" is "312": 12 texts of the fourth class).
   */
  readonly counts: string;
}

const FEATURE_SEPARATOR = '|';
const ROW_SEPARATOR = ';';
const COUNT_SEPARATOR = ',';
/** A column is one base-36 digit: the taxonomy has 15 themes (16 columns with NO_THEME), sentiment 3 labels. */
const COLUMN_RADIX = 36;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Packs learned words. Throws where the packed form cannot hold them: more than 36 classes, or an
 * empty feature or one holding the separator (learnedFeatures and sentimentFeatures make none).
 */
export function packLearned(model: LearnedWords): PackedLearned {
  const keys = Object.keys(model.classes).sort(byText);
  if (keys.length > COLUMN_RADIX) throw new Error(`The packed form holds at most ${COLUMN_RADIX} classes, not ${keys.length}`);
  const features = [...new Set(keys.flatMap((key) => Object.keys(model.classes[key]?.counts ?? {})))].sort(byText);
  const clash = features.find((feature) => feature === '' || feature.includes(FEATURE_SEPARATOR));
  if (clash !== undefined) throw new Error(`The learned feature "${clash}" is empty or holds "${FEATURE_SEPARATOR}", the separator of the packed form`);
  const rows = features.map((feature) =>
    keys
      .flatMap((key, column) => {
        const count = model.classes[key]?.counts[feature];
        return count === undefined ? [] : [`${column.toString(COLUMN_RADIX)}${count}`];
      })
      .join(COUNT_SEPARATOR),
  );
  return {
    texts: model.texts,
    classes: keys.map((key) => [key, model.classes[key]?.texts ?? 0] as const),
    features: features.join(FEATURE_SEPARATOR),
    counts: rows.join(ROW_SEPARATOR),
  };
}

/** The learned words a packed form holds: equal to what was packed. */
export function unpackLearned(packed: PackedLearned): LearnedWords {
  const features = packed.features === '' ? [] : packed.features.split(FEATURE_SEPARATOR);
  const rows = packed.counts === '' ? [] : packed.counts.split(ROW_SEPARATOR);
  const counts = packed.classes.map(() => dictionary<number>());
  features.forEach((feature, row) => {
    for (const cell of (rows[row] ?? '').split(COUNT_SEPARATOR)) {
      const target = counts[parseInt(cell.charAt(0), COLUMN_RADIX)];
      if (target) target[feature] = Number(cell.slice(1));
    }
  });
  const classes = dictionary<LearnedClass>();
  packed.classes.forEach(([key, texts], column) => {
    const own = counts[column] ?? dictionary<number>();
    classes[key] = { texts, words: Object.values(own).reduce((sum, n) => sum + n, 0), counts: own };
  });
  return { texts: packed.texts, vocabulary: features.length, classes };
}
