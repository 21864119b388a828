/**
 * The one door to `natural`. Its package index loads every storage backend, and those call
 * dotenv (reading ./.env and printing a banner) and take ~400 ms; the submodules we use do neither.
 */
export { PorterStemmer } from 'natural/lib/natural/stemmers';
export { AggressiveTokenizer, WordTokenizer } from 'natural/lib/natural/tokenizers';
export { JaroWinklerDistance, LevenshteinDistance, DamerauLevenshteinDistance } from 'natural/lib/natural/distance';
export { NGrams } from 'natural/lib/natural/ngrams';
export { SentimentAnalyzer } from 'natural/lib/natural/sentiment';
