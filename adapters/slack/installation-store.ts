/**
 * Bolt's InstallationStore on our store's installations table. Tokens live only there (AES-GCM
 * encrypted at rest when ENCRYPTION_KEY is set). Key: the team id, or the enterprise id for an
 * org-wide install, which is what Bolt's InstallationQuery resolves to.
 */
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Clock, InstallationRepository } from '../../src/index.js';

/** The installation key Bolt queries by. */
export function installationKey(query: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }): string | null {
  if (query.isEnterpriseInstall && query.enterpriseId) return `enterprise:${query.enterpriseId}`;
  return query.teamId ?? null;
}

/** Creates the InstallationStore used by the OAuth flow and by authorize(). */
export function createInstallationStore(installations: InstallationRepository, clock: Clock): InstallationStore {
  return {
    storeInstallation: async (installation) => {
      const isEnterpriseInstall = installation.isEnterpriseInstall === true;
      const teamId = installation.team?.id;
      const enterpriseId = installation.enterprise?.id;
      const key = installationKey({ isEnterpriseInstall, teamId, enterpriseId });
      if (!key) throw new Error('Slack installation has neither a team nor an enterprise id');
      const workspaceId = isEnterpriseInstall ? (enterpriseId as string) : (teamId as string);
      await installations.save('slack', key, workspaceId, installation, clock.now());
    },
    fetchInstallation: async (query) => {
      const installation = await loadInstallation(installations, query);
      if (!installation) throw new Error(`No Slack installation for ${describe(query)}`);
      return installation;
    },
    deleteInstallation: async (query) => {
      const key = installationKey(query);
      if (key) await installations.delete('slack', key);
    },
  };
}

/** The stored installation for a query, or null. */
export async function loadInstallation(
  installations: InstallationRepository,
  query: InstallationQuery<boolean> | { teamId: string },
): Promise<Installation | null> {
  const key = installationKey(query);
  if (!key) return null;
  return ((await installations.get('slack', key)) as Installation | null) ?? null;
}

function describe(query: InstallationQuery<boolean>): string {
  return query.isEnterpriseInstall ? `enterprise ${query.enterpriseId}` : `team ${query.teamId}`;
}
