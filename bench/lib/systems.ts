import { BayesClassifier } from 'natural/lib/natural/classifiers';
import { IntentClassifier, type LabeledText } from '../../src/nlu';
import type { Predictor } from '../../src/cli/eval/runner';

/** A system under benchmark: trained on rows, then a predictor of the best in-scope intent + confidence. */
export interface BenchSystem {
  name: string;
  train(rows: LabeledText[], onProgress: (fraction: number) => void): Promise<Predictor>;
}

/** This engine's classifier, as the bot and `npm run eval` train it. */
export const reboundSystem: BenchSystem = {
  name: 'Rebound (this engine)',
  train: async (rows, onProgress) => IntentClassifier.train(rows, {}, onProgress),
};

/** natural's stock BayesClassifier; out-of-scope rows are not a class (it has no notion of them). */
export const naturalBayesSystem: BenchSystem = {
  name: 'natural BayesClassifier',
  train: async (rows, onProgress) => {
    const classifier = new BayesClassifier();
    for (const row of rows) if (row.intent !== 'oos') classifier.addDocument(row.text, row.intent);
    onProgress(0.3);
    classifier.train();
    onProgress(1);
    return {
      predict: (text: string) => {
        const classes = classifier.getClassifications(text);
        const sum = classes.reduce((s, c) => s + c.value, 0);
        const top = classes[0];
        return { intent: top.label, confidence: sum > 0 ? top.value / sum : 0 };
      },
    };
  },
};

interface NlpJsResult {
  classifications?: { intent: string; score: number }[];
}
interface NlpJsManager {
  addDocument(locale: string, text: string, intent: string): void;
  train(): Promise<void>;
  process(locale: string, text: string): Promise<NlpJsResult>;
}

/** nlp.js (node-nlp NlpManager), English, quiet; its "None" class is ignored for the in-scope ranking. */
export const nlpJsSystem: BenchSystem = {
  name: 'nlp.js (node-nlp)',
  train: async (rows, onProgress) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { NlpManager } = require('node-nlp') as { NlpManager: new (settings: object) => NlpJsManager };
    const manager = new NlpManager({ languages: ['en'], forceNER: false, autoSave: false, autoLoad: false, nlu: { log: false, useNoneFeature: true } });
    for (const row of rows) if (row.intent !== 'oos') manager.addDocument('en', row.text, row.intent);
    onProgress(0.05);
    // nlp.js trains without progress callbacks: tick a bar on a timer so a slow run is visibly alive.
    const started = Date.now();
    const timer = setInterval(() => onProgress(Math.min(0.95, 0.05 + (Date.now() - started) / 120_000)), 250);
    try {
      await manager.train();
    } finally {
      clearInterval(timer);
    }
    onProgress(1);
    return {
      predict: async (text: string) => {
        const result = await manager.process('en', text);
        const top = (result.classifications ?? []).find((c) => c.intent !== 'None');
        return top ? { intent: top.intent, confidence: top.score } : { intent: 'None', confidence: 0 };
      },
    };
  },
};
