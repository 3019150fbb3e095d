/**
 * Schema for the `topics` section of feeds.json: users add topics or change built-in ones.
 * Validated by the config loader; a bad entry is a config error naming the field.
 */
import { z } from 'zod';

const TOPIC_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const phraseList = (field: string) =>
  z
    .array(
      z
        .string({ error: `${field} entries must be strings` })
        .trim()
        .min(1, { error: `${field} entries must not be empty` })
        .max(200, { error: `${field} entries must be at most 200 characters` }),
      { error: `${field} must be a list of strings` },
    )
    .max(500, { error: `${field} may list at most 500 phrases` });

/** One user topic: a new topic, or changes to a built-in one with the same id. */
export const topicOverrideSchema = z.strictObject(
  {
    id: z
      .string({ error: 'topic id must be a string' })
      .regex(TOPIC_ID, { error: 'topic id must use lowercase letters, digits and single dashes (e.g. "ai-act")' })
      .max(60, { error: 'topic id must be at most 60 characters' }),
    label: z.string({ error: 'label must be a string' }).trim().min(1, { error: 'label must not be empty' }).max(80).optional(),
    definition: z.string({ error: 'definition must be a string' }).trim().max(500).optional(),
    phrases: phraseList('phrases').optional(),
    exclude: phraseList('exclude').optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown topic field(s): ${issue.keys.join(', ')} (allowed: id, label, definition, phrases, exclude)` : 'each topic must be an object') },
);

/** The whole `topics` section: a list of overrides with unique ids. */
export const topicOverridesSchema = z
  .array(topicOverrideSchema, { error: 'topics must be a list of topic objects' })
  .superRefine((topics, ctx) => {
    const seen = new Set<string>();
    topics.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate topic id "${t.id}"` });
      seen.add(t.id);
    });
  });

/** A validated user topic entry. */
export type TopicOverride = z.infer<typeof topicOverrideSchema>;
