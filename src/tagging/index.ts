/** Public surface of topic tagging for the rest of the core. */
export { createTagger, type Tagger, type TagInput, type TagResult } from './tagger.js';
export { defaultTopics, applyTopicOverrides } from './taxonomy.js';
export type { TopicDefinition, TopicRule, TaggingVocabulary } from './topic-definition.js';
export { topicOverridesSchema, type TopicOverride } from './topic-config.js';
export { defaultVocabulary } from './vocabulary.js';
