/**
 * `npm run teams:package`: writes the Teams app package (manifest.json and the two icons at the
 * zip root, as Teams expects) for sideloading or the Teams admin centre.
 * Output: TEAMS_PACKAGE_OUT or ./dist/privacy-radar-teams.zip.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { buildManifest, readManifestSettings, type ManifestResult } from './build-manifest.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Builds the zip bytes from the environment, or the problems that prevent it. */
export function packageTeamsApp(env: Record<string, string | undefined>): { ok: true; zip: Uint8Array; manifest: Record<string, unknown> } | Extract<ManifestResult, { ok: false }> {
  const template = readFileSync(resolve(here, 'manifest.template.json'), 'utf8');
  const result = buildManifest(template, readManifestSettings(env));
  if (!result.ok) return result;
  const zip = zipSync({
    'manifest.json': new TextEncoder().encode(JSON.stringify(result.manifest, null, 2)),
    'color.png': readFileSync(resolve(here, 'icons/color.png')),
    'outline.png': readFileSync(resolve(here, 'icons/outline.png')),
  });
  return { ok: true, zip, manifest: result.manifest };
}

function main(): number {
  const result = packageTeamsApp(process.env);
  if (!result.ok) {
    console.error(`Cannot build the Teams package:\n- ${result.problems.join('\n- ')}`);
    return 1;
  }
  if (!process.env.TEAMS_PRIVACY_URL) {
    console.error('Note: TEAMS_DEVELOPER_URL / TEAMS_PRIVACY_URL / TEAMS_TERMS_URL are unset; placeholders were used (fine for sideloading).');
  }
  const out = resolve(process.env.TEAMS_PACKAGE_OUT ?? 'dist/privacy-radar-teams.zip');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, result.zip);
  console.log(`Wrote ${out} (${result.zip.length} bytes). Upload it in Teams: Apps > Manage your apps > Upload an app.`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main();
