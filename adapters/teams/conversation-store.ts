/**
 * Conversation references kept in the shared Store (installations table, keyed by conversation
 * id) so proactive deliveries survive restarts. Only what a send needs is kept: no user names,
 * no message text (PRIVACY: store nothing about people the bot does not need).
 */
import type { Destination, Store } from '../../src/index.js';

/** How the reference was learned: from a JWT-authenticated request or a loopback dev caller. */
export type ReferenceTrust = 'jwt' | 'loopback';

/** The minimum the Bot Connector needs to post into a conversation later. */
export interface StoredReference {
  version: 1;
  serviceUrl: string;
  channelId: string;
  conversationId: string;
  conversationType: string | null;
  tenantId: string;
  botId: string;
  trust: ReferenceTrust;
}

/** The Teams destination for a conversation: tenant as workspace, conversation as channel. */
export function teamsDestination(tenantId: string, conversationId: string): Destination {
  return { platform: 'teams', workspaceId: tenantId, channelId: conversationId };
}

function isStoredReference(value: unknown): value is StoredReference {
  const v = value as Partial<StoredReference> | null;
  return Boolean(v && v.version === 1 && typeof v.serviceUrl === 'string' && typeof v.conversationId === 'string');
}

/** Reads and writes references through Store.installations (platform 'teams'). */
export function createConversationStore(store: Store) {
  return {
    async save(reference: StoredReference, now: Date): Promise<void> {
      await store.installations.save('teams', reference.conversationId, reference.tenantId, reference, now);
    },
    async get(conversationId: string): Promise<StoredReference | null> {
      const value = await store.installations.get('teams', conversationId);
      return isStoredReference(value) ? value : null;
    },
    /** Bot removed: forget the reference and every subscription/outbox row of the conversation. */
    async purge(tenantId: string, conversationId: string): Promise<void> {
      await store.installations.purgeDestination(teamsDestination(tenantId, conversationId));
      await store.installations.delete('teams', conversationId);
    },
  };
}

/** The store-backed reference repository. */
export type ConversationStore = ReturnType<typeof createConversationStore>;
