import { performance } from 'node:perf_hooks';
import { createNluEngine, kbContentHash, restoreNluEngine, type NluKnowledge } from '../../src/nlu';
import { faqMode } from '../../src/nlu/faqRetrieval';
import { loadKnowledgeBaseFromDir } from '../../src/storage/knowledgeFiles';
import { generateFaqs } from './faqGenerator';

/** What one KB size measured (one child process per size, so RSS is that size's alone). */
export interface KbScaleResult {
  entries: number;
  mode: string;
  hashMs: number;
  trainMs: number;
  restoreMs: number;
  modelMb: number;
  rssMb: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  queries: number;
  /** Share of held-out probes whose best candidate is the right entry. */
  accuracy: number;
  /** Share of off-topic messages the engine calls out of scope. */
  oosRejected: number;
}

const OFF_TOPIC = [
  'what is the capital of australia', 'tell me a joke', 'how tall is mount everest', 'who won the football match yesterday',
  'recommend a good pizza recipe', 'what is 17 times 23', 'play some music', 'how do I fix my bicycle chain', 'is it going to rain tomorrow',
  'translate hello into japanese', 'what is the meaning of life', 'how many calories in an apple',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Builds a KB of `entries` FAQ entries (the shipped ones first, then generated) and measures the engine on it. */
export async function measureKbScale(kbDir: string, entries: number, progress: (fraction: number, label: string) => void): Promise<KbScaleResult> {
  const loaded = await loadKnowledgeBaseFromDir(kbDir);
  if (!loaded.ok) throw new Error(`the knowledge base in ${kbDir} is invalid`);
  const shipped = loaded.value.faqs.slice(0, entries);
  const generated = generateFaqs(Math.max(0, entries - shipped.length));
  const kb: NluKnowledge = { intents: loaded.value.intents, faqs: [...shipped, ...generated.map((g) => ({ id: g.id, questions: g.questions, answer: g.answer, tags: [], locale: 'en' }))] };
  progress(0.05, 'hash');
  let t = performance.now();
  const hash = kbContentHash(kb);
  const hashMs = performance.now() - t;
  progress(0.1, 'train (cold start)');
  t = performance.now();
  const engine = createNluEngine(kb, { hash });
  const trainMs = performance.now() - t;
  progress(0.5, 'serialise + restore (warm start)');
  const json = JSON.stringify(engine.serialize());
  t = performance.now();
  const restored = restoreNluEngine(kb, JSON.parse(json), { hash });
  const restoreMs = performance.now() - t;
  if (!restored.ok) throw new Error(restored.errors.join('; '));
  const warm = restored.value;
  progress(0.6, 'queries');
  // Held-out probes of up to 500 entries spread over the KB (generated ones: their probes), plus off-topic messages.
  const step = Math.max(1, Math.floor(generated.length / 500));
  const probes = generated.filter((_, i) => i % step === 0).slice(0, 500).flatMap((g) => g.probes.map((text) => ({ text, id: g.id })));
  const shippedProbes = shipped.flatMap((f) => f.questions.slice(0, 1).map((q) => ({ text: q.toLowerCase().replace(/\?$/, ''), id: f.id })));
  const all = [...shippedProbes, ...probes];
  for (const p of all.slice(0, 100)) warm.understand(p.text);
  const times: number[] = [];
  let right = 0;
  for (const [i, p] of all.entries()) {
    const start = performance.now();
    const u = warm.understand(p.text);
    times.push(performance.now() - start);
    if (u.best?.id === p.id) right += 1;
    if (i % 200 === 0) progress(0.6 + (0.4 * i) / all.length, 'queries');
  }
  let rejected = 0;
  for (const text of OFF_TOPIC) {
    const start = performance.now();
    if (warm.understand(text).verdict === 'out_of_scope') rejected += 1;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    entries: kb.faqs.length,
    mode: faqMode(kb.faqs.length),
    hashMs,
    trainMs,
    restoreMs,
    modelMb: json.length / 1e6,
    rssMb: process.memoryUsage().rss / 1e6,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    maxMs: times[times.length - 1],
    queries: times.length,
    accuracy: all.length ? right / all.length : 0,
    oosRejected: rejected / OFF_TOPIC.length,
  };
}
