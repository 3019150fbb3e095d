import type { FeedConfig } from '../../src/core/types.js';

/** The three outlets the story tests report one event from. */
export const STORY_FEEDS: FeedConfig[] = [
  { id: 'reuters', url: 'https://reuters.example/feed', name: 'Reuters' },
  { id: 'bbc', url: 'https://bbc.example/feed', name: 'BBC News' },
  { id: 'guardian', url: 'https://guardian.example/feed', name: 'The Guardian' },
];
