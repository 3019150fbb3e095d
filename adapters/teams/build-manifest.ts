/**
 * Fills manifest.template.json from the environment. Teams rejects a package whose ids are not
 * GUIDs or whose developer URLs are not https, so those are checked here with clear messages
 * instead of failing later in the Teams admin centre.
 */

/** Settings for the manifest (environment variable names in docs/teams.md). */
export interface ManifestSettings {
  appId: string;
  manifestId?: string;
  version?: string;
  developerName?: string;
  developerUrl?: string;
  privacyUrl?: string;
  termsUrl?: string;
  /** Host name of the bot's public endpoint, added to validDomains. */
  domain?: string;
}

/** The filled manifest, or the problems that stop it. */
export type ManifestResult = { ok: true; manifest: Record<string, unknown> } | { ok: false; problems: string[] };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEMVER = /^\d+\.\d+\.\d+$/;

function httpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Reads manifest settings from TEAMS_* variables. */
export function readManifestSettings(env: Record<string, string | undefined>): ManifestSettings {
  const get = (name: string) => env[name]?.trim() || undefined;
  return {
    appId: get('TEAMS_APP_ID') ?? '',
    manifestId: get('TEAMS_MANIFEST_ID'),
    version: get('TEAMS_APP_VERSION'),
    developerName: get('TEAMS_DEVELOPER_NAME'),
    developerUrl: get('TEAMS_DEVELOPER_URL'),
    privacyUrl: get('TEAMS_PRIVACY_URL'),
    termsUrl: get('TEAMS_TERMS_URL'),
    domain: get('TEAMS_BOT_DOMAIN'),
  };
}

/** Fills the template; every {{NAME}} must be replaced and every id/URL must be valid. */
export function buildManifest(template: string, settings: ManifestSettings): ManifestResult {
  const developerUrl = settings.developerUrl ?? 'https://github.com/';
  const values: Record<string, string> = {
    APP_VERSION: settings.version ?? '1.0.0',
    TEAMS_APP_ID: settings.appId,
    TEAMS_MANIFEST_ID: settings.manifestId ?? settings.appId,
    DEVELOPER_NAME: settings.developerName ?? 'Privacy Radar (self-hosted)',
    DEVELOPER_URL: developerUrl,
    PRIVACY_URL: settings.privacyUrl ?? developerUrl,
    TERMS_URL: settings.termsUrl ?? developerUrl,
  };
  const problems: string[] = [];
  if (!GUID.test(values.TEAMS_APP_ID!)) problems.push('TEAMS_APP_ID must be the bot\'s Microsoft App ID (a GUID), e.g. 00000000-0000-0000-0000-000000000000');
  if (settings.manifestId && !GUID.test(settings.manifestId)) problems.push('TEAMS_MANIFEST_ID must be a GUID (defaults to TEAMS_APP_ID)');
  if (!SEMVER.test(values.APP_VERSION!)) problems.push('TEAMS_APP_VERSION must look like 1.2.3');
  for (const key of ['DEVELOPER_URL', 'PRIVACY_URL', 'TERMS_URL']) {
    if (!httpsUrl(values[key]!)) problems.push(`TEAMS_${key} must be an https URL`);
  }
  if (settings.domain && !/^[a-z0-9.-]+$/i.test(settings.domain)) problems.push('TEAMS_BOT_DOMAIN must be a host name like bot.example.com');
  if (problems.length) return { ok: false, problems };
  // JSON-escape the values so a quote in a name cannot break the document.
  const filled = template.replace(/\{\{([A-Z_]+)\}\}/g, (_m, name: string) => JSON.stringify(values[name] ?? `{{${name}}}`).slice(1, -1));
  const manifest = JSON.parse(filled) as Record<string, unknown>;
  if (settings.domain) manifest.validDomains = [settings.domain];
  const left = /\{\{[A-Z_]+\}\}/.exec(filled);
  if (left) return { ok: false, problems: [`template placeholder ${left[0]} has no value`] };
  return { ok: true, manifest };
}
