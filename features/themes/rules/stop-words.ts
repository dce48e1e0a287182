/**
 * Lemmas that carry no theme: function words and the filler of spoken feedback ("like", "literally",
 * "to be honest"). Used to keep them out of candidate phrases and from matching a term by accident.
 * Written as lemmas (rules/lemmas.ts): "was" is `be`, "got" is `get`.
 */
const STOP_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'if', 'then', 'than', 'so', 'as', 'at', 'by', 'for', 'from', 'in', 'into',
  'of', 'off', 'on', 'onto', 'out', 'over', 'to', 'up', 'down', 'with', 'without', 'about', 'after', 'before',
  'again', 'against', 'all', 'any', 'both', 'each', 'few', 'more', 'some', 'such', 'no', 'nor', 'not', 'only', 'own',
  'same', 'too', 'very', 'can', 'will', 'would', 'could', 'should', 'shall', 'may', 'might', 'must', 'just', 'now',
  'i', 'me', 'my', 'myself', 'we', 'our', 'ours', 'you', 'your', 'yours', 'he', 'him', 'his', 'she', 'her', 'hers',
  'it', 'its', 'they', 'them', 'their', 'theirs', 'what', 'which', 'who', 'whom', 'whose', 'this', 'that', 'these',
  'those', 'there', 'here', 'when', 'where', 'why', 'how', 'while', 'during', 'until', 'since', 'because', 'though',
  'although', 'yet', 'also', 'even', 'still', 'already', 'ever', 'never', 'always', 'quite', 'rather', 'really',
  'be', 'have', 'do', 'get', 'go', 'come', 'say', 'tell', 'make', 'let', 'seem', 'know', 'think', 'want', 'need',
  'like', 'literally', 'actually', 'basically', 'honestly', 'totally', 'um', 'uh', 'er', 'erm', 'ok', 'okay', 'lol',
  'yeah', 'yes', 'oh', 'well', 'anyway', 'thing', 'stuff', 'lot', 'bit', 'one', 'someone', 'something', 'anything',
  'everything', 'nothing', 'somebody', 'anybody', 'everybody', 'nobody', 'everyone', 'anyone', 'today', 'yesterday',
  'tomorrow', 'morning', 'afternoon', 'evening', 'week', 'day', 'time', 'please', 'thanks', 'thank', 'hi', 'hello',
  'sure', 'maybe', 'perhaps', 'probably', 'back', 'other', 'another', 'every', 'much', 'many', 'most', 'less',
  'least', 'once', 'twice', 'per', 'via', 'etc', 'am', 'pm', 'mr', 'mrs', 'ms', 'dear', 'guess', 'mean',
]);

export function isStopWord(lemma: string): boolean {
  return STOP_WORDS.has(lemma);
}
