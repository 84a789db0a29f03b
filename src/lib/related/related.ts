// Related articles. A pair's score mixes text similarity (cosine of TF-IDF vectors), shared tags
// and shared sections, the last two weighted by how rare they are (IDF). Each article looks for
// candidates in postings lists over its best terms and its tags, capped in length, then scores
// a bounded number of them exactly: every query costs about the same whatever the corpus size,
// so the whole run grows near-linearly with it.
import { selectionKey, TopSelector } from "./select.ts";
import { foldText, TermDictionary } from "./tokenize.ts";

export interface RelatedArticle {
  slug: string;
  title: string;
  lead: string;
  /** Raw Markdown/MDX. */
  body: string;
  tags: string[];
  /** Category ids from the top level down to the article's own, e.g. ["cancer", "cancers-feminins"]. */
  categoryPath: string[];
  date: Date;
  /** The editor's `related:` slugs, shown first and in this order. */
  pins: string[];
  /** false: never suggested to other articles (a pin still shows it). */
  suggest: boolean;
}

/** How much each signal counts in an article pair's score; each signal lies in [0, 1]. */
export interface RelatedWeights {
  /** Cosine of the TF-IDF vectors of title, lead and body. */
  text: number;
  /** Information (IDF) of the shared tags, as a share of the article's own (see INFORMATION_FLOOR). */
  tags: number;
  /** Information (IDF) of the deepest shared section, as a share of the article's own section's. */
  section: number;
}

/** Term-frequency multiplier per field. */
export interface FieldWeights {
  title: number;
  lead: number;
  body: number;
}

export interface RelatedOptions {
  /** Related slugs per article, pins included (more only if the editor pinned more). Default 4. */
  k?: number;
  /**
   * Share of articles above which a term or tag stops generating candidates (it still counts in
   * the score). Default 0.1. Corpora too small for this to matter — where such a term's postings
   * fit in `maxPostings` anyway — keep all their terms.
   */
  maxDocFreq?: number;
  /**
   * Terms weighing less than this share of an article's heaviest term are left out of its
   * vector (then renormalised): they are the words many articles use. Default 0.1.
   */
  minTermWeight?: number;
  /** An article's top-weighted terms used to find candidates. Default 12. */
  queryTerms?: number;
  /** Postings read per term or tag, best-weighted (then most recent) first. Default 64. */
  maxPostings?: number;
  /** Candidates per article given an exact score. Default 24. */
  candidates?: number;
  /** Default { text: 1, tags: 0.4, section: 0.2 }. */
  weights?: Partial<RelatedWeights>;
  /** Default { title: 3, lead: 2, body: 1 }. */
  fields?: Partial<FieldWeights>;
}

export const DEFAULT_RELATED_OPTIONS: Readonly<
  Required<Omit<RelatedOptions, "weights" | "fields">> & { weights: RelatedWeights; fields: FieldWeights }
> = {
  k: 4,
  maxDocFreq: 0.1,
  minTermWeight: 0.1,
  queryTerms: 12,
  maxPostings: 64,
  candidates: 24,
  weights: { text: 1, tags: 0.4, section: 0.2 },
  fields: { title: 3, lead: 2, body: 1 },
};

/** The signals of one article pair, each in [0, 1], and their weighted sum. */
export interface RelatedScore {
  text: number;
  tags: number;
  section: number;
  score: number;
}

export interface RelatedIndex {
  /** Pins first, then computed suggestions; throws for a slug that is not in the corpus. */
  relatedTo(slug: string): string[];
  /** Why `other` ranks where it does among the suggestions for `slug` (pins aside). */
  explain(slug: string, other: string): RelatedScore;
}

// Tag and section scores are shares of the article's own information (IDF). Without a floor,
// an article whose only tag sits on a fifth of the corpus would score 1 with everything sharing
// it, as much as two articles sharing three rare tags: the denominator never drops below the
// information of one feature carried by 1 % of articles. On a small corpus, where even the
// rarest shared feature is common, tags and sections thus weigh less against the text.
const INFORMATION_FLOOR = Math.log(100);

const idf = (n: number, df: number): number => Math.log(n / df);

const bySlug = (a: { slug: string }, b: { slug: string }) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

/** Integer features per article, compressed: article d owns entries start[d] .. start[d + 1] - 1. */
interface Rows {
  start: Int32Array;
  feature: Int32Array;
}

/** Postings lists, compressed the same way: list f is entries start[f] .. start[f + 1] - 1. */
interface Postings {
  start: Int32Array;
  doc: Int32Array;
  weight: Float32Array;
}

function rowsOf(n: number, featuresOf: (d: number) => readonly number[]): Rows {
  const start = new Int32Array(n + 1);
  let feature = new Int32Array(n * 16);
  let size = 0;
  for (let d = 0; d < n; d++) {
    const own = featuresOf(d);
    if (size + own.length > feature.length) {
      const bigger = new Int32Array(Math.max(size + own.length, feature.length * 2));
      bigger.set(feature);
      feature = bigger;
    }
    for (let i = 0; i < own.length; i++) feature[size++] = own[i]!;
    start[d + 1] = size;
  }
  return { start, feature: feature.slice(0, size) };
}

function documentFrequencies(rows: Rows, featureCount: number): Int32Array {
  const df = new Int32Array(featureCount);
  for (const f of rows.feature) df[f]!++;
  return df;
}

/**
 * Postings of the features that may find candidates, over the suggestible articles only, each
 * list cut to its `limit` best-weighted entries (ties: most recent): reading one costs at most
 * `limit`, whatever the corpus size.
 */
function buildPostings(
  rows: Rows,
  weight: Float32Array,
  findsCandidates: Uint8Array,
  suggestible: Uint8Array,
  limit: number,
  rank: Int32Array,
): Postings {
  const featureCount = findsCandidates.length;
  const n = rows.start.length - 1;
  const fullStart = new Int32Array(featureCount + 1);
  for (let d = 0; d < n; d++) {
    if (!suggestible[d]) continue;
    for (let p = rows.start[d]!; p < rows.start[d + 1]!; p++) {
      if (findsCandidates[rows.feature[p]!]) fullStart[rows.feature[p]! + 1]!++;
    }
  }
  for (let f = 0; f < featureCount; f++) fullStart[f + 1]! += fullStart[f]!;
  const fullDoc = new Int32Array(fullStart[featureCount]!);
  const fullWeight = new Float32Array(fullStart[featureCount]!);
  const fullKey = new Float64Array(fullStart[featureCount]!);
  const next = fullStart.slice(0, featureCount);
  for (let d = 0; d < n; d++) {
    if (!suggestible[d]) continue;
    for (let p = rows.start[d]!; p < rows.start[d + 1]!; p++) {
      const f = rows.feature[p]!;
      if (!findsCandidates[f]) continue;
      const w = weight[p]!;
      fullDoc[next[f]!] = d;
      fullWeight[next[f]!] = w;
      fullKey[next[f]!++] = selectionKey(w, rank[d]!, n);
    }
  }

  const start = new Int32Array(featureCount + 1);
  for (let f = 0; f < featureCount; f++) start[f + 1] = start[f]! + Math.min(limit, fullStart[f + 1]! - fullStart[f]!);
  const doc = new Int32Array(start[featureCount]!);
  const kept = new Float32Array(start[featureCount]!);
  const positions = Int32Array.from(fullDoc.keys());
  const selector = new TopSelector(limit);
  for (let f = 0; f < featureCount; f++) {
    const count = selector.select(positions, fullKey, fullStart[f]!, fullStart[f + 1]!, limit);
    for (let i = 0; i < count; i++) {
      doc[start[f]! + i] = fullDoc[selector.kept[i]!]!;
      kept[start[f]! + i] = fullWeight[selector.kept[i]!]!;
    }
  }
  return { start, doc, weight: kept };
}

/** Everything queries read, built once from the corpus; articles are numbered in slug order. */
interface Corpus {
  k: number;
  queryTerms: number;
  candidates: number;
  weights: RelatedWeights;
  docs: RelatedArticle[];
  indexOf: Map<string, number>;
  /** Position from the most recent, slug breaking equal dates: the one tie-break used everywhere. */
  rank: Int32Array;
  recentSuggestible: Int32Array;
  vocabulary: number;
  /** Article vectors: article d owns entries termStart[d] .. termStart[d + 1] - 1. */
  termStart: Int32Array;
  termFeature: Int32Array;
  termWeight: Float32Array;
  termFindsCandidates: Uint8Array;
  termPostings: Postings;
  tagCount: number;
  tagStart: Int32Array;
  tagOf: Int32Array;
  tagIdf: Float64Array;
  tagDenominator: Float64Array;
  tagPostings: Postings;
  /** The article's own section node, -1 without one; nodes stand for whole paths (see below). */
  leafOf: Int32Array;
  parentOf: Int32Array;
  nodeIdf: Float64Array;
  sectionDenominator: Float64Array;
  /** Suggestible articles per section node, most recent first. */
  nodeMembers: number[][];
}

function buildCorpus(articles: readonly RelatedArticle[], options: RelatedOptions): Corpus {
  const k = options.k ?? DEFAULT_RELATED_OPTIONS.k;
  const maxDocFreq = options.maxDocFreq ?? DEFAULT_RELATED_OPTIONS.maxDocFreq;
  const minTermWeight = options.minTermWeight ?? DEFAULT_RELATED_OPTIONS.minTermWeight;
  const queryTerms = options.queryTerms ?? DEFAULT_RELATED_OPTIONS.queryTerms;
  const maxPostings = options.maxPostings ?? DEFAULT_RELATED_OPTIONS.maxPostings;
  const candidates = Math.max(k, options.candidates ?? DEFAULT_RELATED_OPTIONS.candidates);
  const weights = { ...DEFAULT_RELATED_OPTIONS.weights, ...options.weights };
  const fields = { ...DEFAULT_RELATED_OPTIONS.fields, ...options.fields };

  // Everything below works in slug order, so the input order cannot change any result.
  const docs = [...articles].sort(bySlug);
  const n = docs.length;
  const indexOf = new Map<string, number>();
  for (let d = 0; d < n; d++) {
    if (indexOf.has(docs[d]!.slug)) throw new Error(`Articles liés : slug en double « ${docs[d]!.slug} »`);
    indexOf.set(docs[d]!.slug, d);
  }
  const suggestible = Uint8Array.from(docs, (doc) => (doc.suggest ? 1 : 0));

  const time = Float64Array.from(docs, (doc) => doc.date.getTime());
  const byDate = Int32Array.from(docs.keys()).sort((a, b) => time[b]! - time[a]! || a - b);
  const rank = new Int32Array(n);
  byDate.forEach((d, r) => (rank[d] = r));
  const recentSuggestible = byDate.filter((d) => suggestible[d] === 1);

  // Past this many articles, a term or tag is too common to point at anything in particular.
  const dfCeiling = Math.max(maxDocFreq * n, maxPostings);
  const findsCandidates = (df: Int32Array) =>
    Uint8Array.from(df, (x) => (x >= 2 && x <= dfCeiling && x < n ? 1 : 0));

  // ---- Text: sublinear TF (fields weighted) × IDF, L2-normalised.
  const dictionary = new TermDictionary();
  let tf = new Float64Array(4096);
  const seenTerms: number[] = [];
  const termCounts: number[] = [];
  const occurrences = rowsOf(n, (d) => {
    const doc = docs[d]!;
    seenTerms.length = 0;
    for (const [field, fieldWeight] of [
      [doc.title, fields.title],
      [doc.lead, fields.lead],
      [doc.body, fields.body],
    ] as const) {
      const ids = dictionary.scan(field);
      if (dictionary.size > tf.length) {
        const bigger = new Float64Array(Math.max(dictionary.size, tf.length * 2));
        bigger.set(tf);
        tf = bigger;
      }
      const counts = tf;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        if (counts[id] === 0) seenTerms.push(id);
        counts[id]! += fieldWeight;
      }
    }
    for (const id of seenTerms) {
      termCounts.push(tf[id]!);
      tf[id] = 0;
    }
    return seenTerms;
  });
  const vocabulary = dictionary.size;
  const termDf = documentFrequencies(occurrences, vocabulary);
  const termIdf = Float64Array.from(termDf, (df) => idf(n, df));
  // An article's vector keeps the terms weighing at least minTermWeight of its heaviest one.
  // The others are words many articles use: on generated text, at the default 10 %, they are
  // three terms in four but under 4 % of the vector's squared mass, and every exact cosine
  // walks the whole vector.
  const termStart = new Int32Array(n + 1);
  const vectorFeature = new Int32Array(termCounts.length);
  const vectorWeight = new Float32Array(termCounts.length);
  const raw = Float64Array.from(termCounts);
  let kept = 0;
  for (let d = 0; d < n; d++) {
    const a = occurrences.start[d]!;
    const b = occurrences.start[d + 1]!;
    let heaviest = 0;
    for (let p = a; p < b; p++) {
      raw[p] = (1 + Math.log(raw[p]!)) * termIdf[occurrences.feature[p]!]!;
      heaviest = Math.max(heaviest, raw[p]!);
    }
    const first = kept;
    let norm = 0;
    for (let p = a; p < b; p++) {
      if (raw[p]! <= 0 || raw[p]! < minTermWeight * heaviest) continue;
      vectorFeature[kept] = occurrences.feature[p]!;
      vectorWeight[kept++] = raw[p]!;
      norm += raw[p]! * raw[p]!;
    }
    const inverse = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let p = first; p < kept; p++) vectorWeight[p]! *= inverse;
    termStart[d + 1] = kept;
  }
  const termFeature = vectorFeature.slice(0, kept);
  const termWeight = vectorWeight.slice(0, kept);
  const text: Rows = { start: termStart, feature: termFeature };
  const termFindsCandidates = findsCandidates(termDf);
  const termPostings = buildPostings(text, termWeight, termFindsCandidates, suggestible, maxPostings, rank);

  // ---- Tags: compared case- and accent-insensitively, weighted by IDF.
  const tagIdOf = new Map<string, number>(); // folded tag → id
  const tagIdOfRaw = new Map<string, number>(); // as written → id, -1 for a blank tag: few distinct spellings, folded once each
  const tagRows = rowsOf(n, (d) => {
    const own = new Set<number>();
    for (const tag of docs[d]!.tags) {
      let id = tagIdOfRaw.get(tag);
      if (id === undefined) {
        const key = foldText(tag).trim().replace(/\s+/g, " ");
        id = key ? (tagIdOf.get(key) ?? tagIdOf.size) : -1;
        if (id === tagIdOf.size) tagIdOf.set(key, id);
        tagIdOfRaw.set(tag, id);
      }
      if (id >= 0) own.add(id);
    }
    return [...own];
  });
  const tagDf = documentFrequencies(tagRows, tagIdOf.size);
  const tagIdf = Float64Array.from(tagDf, (df) => idf(n, df));
  const tagDenominator = new Float64Array(n);
  for (let d = 0; d < n; d++) {
    let total = 0;
    for (let p = tagRows.start[d]!; p < tagRows.start[d + 1]!; p++) total += tagIdf[tagRows.feature[p]!]!;
    tagDenominator[d] = Math.max(total, INFORMATION_FLOOR);
  }
  // Every posting of a tag weighs the same: its IDF, applied when the article queries it.
  const tagWeight = new Float32Array(tagRows.feature.length).fill(1);
  const tagPostings = buildPostings(tagRows, tagWeight, findsCandidates(tagDf), suggestible, maxPostings, rank);

  // ---- Sections: one node per path prefix, so a node stands for its whole path: two articles
  // share a level exactly when they share its node, and then every level above it.
  const nodeIdOf = new Map<string, number>();
  const parents: number[] = [];
  const leafOf = new Int32Array(n).fill(-1); // the article's own section; -1 without one
  for (let d = 0; d < n; d++) {
    let node = -1;
    docs[d]!.categoryPath.forEach((_, level, path) => {
      const key = path.slice(0, level + 1).join("/");
      let id = nodeIdOf.get(key);
      if (id === undefined) {
        nodeIdOf.set(key, (id = nodeIdOf.size));
        parents.push(node);
      }
      node = id;
    });
    leafOf[d] = node;
  }
  const parentOf = Int32Array.from(parents);
  const nodeDf = new Int32Array(nodeIdOf.size);
  for (let d = 0; d < n; d++) for (let node = leafOf[d]!; node >= 0; node = parentOf[node]!) nodeDf[node]!++;
  // A node every article sits in has IDF 0: a level shared by all counts for nothing.
  const nodeIdf = Float64Array.from(nodeDf, (df) => idf(n, df));
  const sectionDenominator = Float64Array.from(leafOf, (leaf) => Math.max(leaf >= 0 ? nodeIdf[leaf]! : 0, INFORMATION_FLOOR));
  const nodeMembers: number[][] = Array.from({ length: nodeIdOf.size }, () => []);
  for (const d of recentSuggestible) {
    for (let node = leafOf[d]!; node >= 0; node = parentOf[node]!) nodeMembers[node]!.push(d);
  }

  return {
    k,
    queryTerms,
    candidates,
    weights,
    docs,
    indexOf,
    rank,
    recentSuggestible,
    vocabulary,
    termStart,
    termFeature,
    termWeight,
    termFindsCandidates,
    termPostings,
    tagCount: tagIdOf.size,
    tagStart: tagRows.start,
    tagOf: tagRows.feature,
    tagIdf,
    tagDenominator,
    tagPostings,
    leafOf,
    parentOf,
    nodeIdf,
    sectionDenominator,
    nodeMembers,
  };
}

/** Answers for one article at a time over a built corpus, reusing its scratch space. */
class Index implements RelatedIndex {
  readonly #c: Corpus;
  // A stamp per query stands for clearing arrays of size n. For each article e, side by side so
  // one cache line serves both: #candidate[2e] is the stamp once e is a candidate for the
  // current query (-stamp when it may not be one: the article itself, its pins), and
  // #candidate[2e + 1] its accumulated partial score.
  #stamp = 0;
  readonly #candidate: Float64Array;
  readonly #pool: Int32Array;
  readonly #poolKey: Float64Array;
  readonly #selector: TopSelector;
  readonly #queryPosition: Int32Array;
  readonly #queryKey: Float64Array;
  /** The querying article's vector, spread out for direct lookups. */
  readonly #dense: Float64Array;
  readonly #tagMark: Int32Array;
  // The querying article's section nodes carry the stamp and their share of its section
  // information, so a candidate's section score is the first stamped node above its own.
  readonly #nodeMark: Int32Array;
  readonly #nodeShare: Float64Array;

  constructor(corpus: Corpus) {
    this.#c = corpus;
    const n = corpus.docs.length;
    this.#candidate = new Float64Array(2 * n);
    this.#pool = new Int32Array(n);
    this.#poolKey = new Float64Array(n);
    this.#selector = new TopSelector(Math.max(corpus.queryTerms, corpus.candidates));
    this.#queryPosition = new Int32Array(corpus.vocabulary);
    this.#queryKey = new Float64Array(corpus.vocabulary);
    this.#dense = new Float64Array(corpus.vocabulary);
    this.#tagMark = new Int32Array(corpus.tagCount);
    this.#nodeMark = new Int32Array(corpus.parentOf.length);
    this.#nodeShare = new Float64Array(corpus.parentOf.length);
  }

  relatedTo(slug: string): string[] {
    const c = this.#c;
    const d = this.#begin(slug);
    const stamp = this.#stamp;
    const candidate = this.#candidate;
    const pool = this.#pool;
    const result: string[] = [];
    candidate[2 * d] = -stamp;
    for (const pin of c.docs[d]!.pins) {
      const p = c.indexOf.get(pin);
      if (p === undefined || candidate[2 * p] === -stamp) continue;
      candidate[2 * p] = -stamp;
      result.push(pin);
    }
    const need = c.k - result.length;
    if (need <= 0) return result;

    // Candidates: a partial score accumulated over the article's best terms and its tags.
    const from = c.termStart[d]!;
    const to = c.termStart[d + 1]!;
    let q = 0;
    for (let p = from; p < to; p++) {
      if (!c.termFindsCandidates[c.termFeature[p]!]) continue;
      this.#queryPosition[q] = p;
      this.#queryKey[q++] = selectionKey(c.termWeight[p]!, p - from, to - from);
    }
    const selector = this.#selector;
    const chosen = selector.select(this.#queryPosition, this.#queryKey, 0, q, c.queryTerms);
    let size = 0;
    for (let i = 0; i < chosen; i++) {
      const p = selector.kept[i]!;
      size = this.#accumulate(c.termPostings, c.termFeature[p]!, c.weights.text * c.termWeight[p]!, size);
    }
    for (let p = c.tagStart[d]!; p < c.tagStart[d + 1]!; p++) {
      const t = c.tagOf[p]!;
      size = this.#accumulate(c.tagPostings, t, (c.weights.tags * c.tagIdf[t]!) / c.tagDenominator[d]!, size);
    }
    if (size > c.candidates) {
      // The partial score plus the section score (#sectionScore, inlined: this runs for every
      // article the postings reached).
      const { leafOf, parentOf, rank } = c;
      const nodeMark = this.#nodeMark;
      const nodeShare = this.#nodeShare;
      const poolKey = this.#poolKey;
      const sectionWeight = c.weights.section;
      const n = c.docs.length;
      for (let i = 0; i < size; i++) {
        const e = pool[i]!;
        let section = 0;
        for (let node = leafOf[e]!; node >= 0; node = parentOf[node]!) {
          if (nodeMark[node] === stamp) {
            section = nodeShare[node]!;
            break;
          }
        }
        poolKey[i] = selectionKey(candidate[2 * e + 1]! + sectionWeight * section, rank[e]!, n);
      }
      size = selector.select(pool, poolKey, 0, size, c.candidates);
      for (let i = 0; i < size; i++) pool[i] = selector.kept[i]!;
    }
    if (size < need) {
      // Too few found by text and tags: the article's section, then its parents, then the
      // whole site, most recent first.
      const lists: ArrayLike<number>[] = [];
      for (let node = c.leafOf[d]!; node >= 0; node = c.parentOf[node]!) lists.push(c.nodeMembers[node]!);
      lists.push(c.recentSuggestible);
      for (const list of lists) {
        for (let i = 0; i < list.length && size < need; i++) {
          const e = list[i]!;
          if (Math.abs(candidate[2 * e]!) === stamp) continue;
          candidate[2 * e] = stamp;
          pool[size++] = e;
        }
      }
    }

    this.#spread(d, true);
    const score = this.#poolKey; // free again: exact scores now
    for (let i = 0; i < size; i++) score[i] = this.#score(d, pool[i]!);
    this.#spread(d, false);
    // The best `need` (a handful) by repeated scans: cheaper than sorting with a callback.
    const rank = c.rank;
    for (let t = 0; t < Math.min(need, size); t++) {
      let best = t;
      for (let i = t + 1; i < size; i++) {
        if (score[i]! > score[best]! || (score[i] === score[best] && rank[pool[i]!]! < rank[pool[best]!]!)) best = i;
      }
      const e = pool[best]!;
      pool[best] = pool[t]!;
      score[best] = score[t]!;
      pool[t] = e;
      result.push(c.docs[e]!.slug);
    }
    return result;
  }

  explain(slug: string, other: string): RelatedScore {
    const d = this.#begin(slug);
    const e = this.#find(other);
    this.#spread(d, true);
    const score = this.#score(d, e);
    const signals = { text: this.#cosine(e), tags: this.#tagShare(d, e), section: this.#sectionScore(e) };
    this.#spread(d, false);
    return { ...signals, score };
  }

  #find(slug: string): number {
    const d = this.#c.indexOf.get(slug);
    if (d === undefined) throw new Error(`Articles liés : article inconnu « ${slug} »`);
    return d;
  }

  /** New stamp, with the article's tags and section marked for the signals below. */
  #begin(slug: string): number {
    const c = this.#c;
    const d = this.#find(slug);
    const stamp = ++this.#stamp;
    for (let p = c.tagStart[d]!; p < c.tagStart[d + 1]!; p++) this.#tagMark[c.tagOf[p]!] = stamp;
    for (let node = c.leafOf[d]!; node >= 0; node = c.parentOf[node]!) {
      this.#nodeMark[node] = stamp;
      this.#nodeShare[node] = c.nodeIdf[node]! / c.sectionDenominator[d]!;
    }
    return d;
  }

  #accumulate(postings: Postings, feature: number, factor: number, size: number): number {
    const stamp = this.#stamp;
    const candidate = this.#candidate;
    const pool = this.#pool;
    const doc = postings.doc;
    const weight = postings.weight;
    for (let p = postings.start[feature]!, end = postings.start[feature + 1]!; p < end; p++) {
      const e = doc[p]!;
      const mark = candidate[2 * e]!;
      if (mark === stamp) candidate[2 * e + 1]! += factor * weight[p]!;
      else if (mark !== -stamp) {
        candidate[2 * e] = stamp;
        candidate[2 * e + 1] = factor * weight[p]!;
        pool[size++] = e;
      }
    }
    return size;
  }

  #spread(d: number, on: boolean): void {
    const c = this.#c;
    for (let p = c.termStart[d]!; p < c.termStart[d + 1]!; p++) this.#dense[c.termFeature[p]!] = on ? c.termWeight[p]! : 0;
  }

  // The signals of a pair, for the article #begin marked and #spread.
  #score(d: number, e: number): number {
    const w = this.#c.weights;
    return w.text * this.#cosine(e) + w.tags * this.#tagShare(d, e) + w.section * this.#sectionScore(e);
  }

  #cosine(e: number): number {
    const { termStart, termFeature, termWeight } = this.#c;
    const dense = this.#dense;
    let sum = 0;
    for (let p = termStart[e]!, end = termStart[e + 1]!; p < end; p++) sum += dense[termFeature[p]!]! * termWeight[p]!;
    return sum;
  }

  #tagShare(d: number, e: number): number {
    const { tagStart, tagOf, tagIdf, tagDenominator } = this.#c;
    let shared = 0;
    for (let p = tagStart[e]!, end = tagStart[e + 1]!; p < end; p++) {
      if (this.#tagMark[tagOf[p]!] === this.#stamp) shared += tagIdf[tagOf[p]!]!;
    }
    return shared / tagDenominator[d]!;
  }

  #sectionScore(e: number): number {
    const { leafOf, parentOf } = this.#c;
    for (let node = leafOf[e]!; node >= 0; node = parentOf[node]!) {
      if (this.#nodeMark[node] === this.#stamp) return this.#nodeShare[node]!;
    }
    return 0;
  }
}

/** Indexes the corpus once; `relatedTo` then answers for one article in near-constant time. */
export function createRelatedIndex(articles: readonly RelatedArticle[], options: RelatedOptions = {}): RelatedIndex {
  return new Index(buildCorpus(articles, options));
}

/** Related slugs for every article, keyed by slug (in slug order). */
export function computeRelated(articles: readonly RelatedArticle[], options: RelatedOptions = {}): Map<string, string[]> {
  const index = createRelatedIndex(articles, options);
  return new Map([...articles].sort(bySlug).map((a) => [a.slug, index.relatedTo(a.slug)]));
}
