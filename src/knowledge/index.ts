/** The knowledge base module: schema, parsing and validation, serialisation, hashing and the published KB. */
export * from './schema';
export { formatProblem, formatPath, errorsOf, type KbFile, type KbProblem, type KbReport, type KbSeverity, type KbPath } from './kbProblem';
export { KB_FILE_KINDS, KB_FILE_SCHEMAS, KB_WHOLE_SCHEMA, faqTopic, fileKindOf, type KbFileKind } from './layout';
export { checkKnowledgeFiles, parseKnowledgeBase } from './parseFiles';
export { checkKnowledgeBase, validateKnowledgeBase } from './validate';
export { serializeKnowledgeBase, type SerializeOptions } from './serialize';
export { canonicalJson, kbContentHash, kbCounts, type KbCounts } from './hash';
export { normalizeText } from './normalizeText';
export { KnowledgeService, type KbListener, type KbVersionId, type PublishedKb } from './knowledgeService';
export * from './ports';
export { kbJsonSchemas } from './jsonSchemas';
