import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { colorIcon, outlineIcon } from './icons';

/** Shown in place of a bot id when MicrosoftAppId is unset: the package is then for inspection, not upload. */
export const PLACEHOLDER_ID = '00000000-0000-0000-0000-000000000000';

/** What the manifest is filled with. */
export interface TeamsPackageOptions {
  /** MicrosoftAppId: the bot's id and, by convention, the Teams app id. */
  appId?: string;
  /** PUBLIC_URL: gives the valid domain and the developer pages. */
  publicUrl?: string;
  /** The app version (package.json's). */
  version: string;
  /** Folder of manifest.template.json. */
  templateDir: string;
}

/** The built package and what the operator should know about it. */
export interface TeamsPackage {
  zip: Buffer;
  manifest: Record<string, unknown>;
  warnings: string[];
}

/** Fills the manifest template; problems that make the package unusable in Teams become warnings. */
export function buildManifest(options: TeamsPackageOptions): { manifest: Record<string, unknown>; warnings: string[] } {
  const warnings: string[] = [];
  const id = options.appId ?? PLACEHOLDER_ID;
  if (!options.appId) warnings.push(`MicrosoftAppId is not set: the manifest carries the placeholder id ${PLACEHOLDER_ID}; Teams will refuse it until you set MicrosoftAppId and rebuild.`);
  let website = 'https://example.com/rebound';
  let domains: string[] = [];
  if (options.publicUrl && options.publicUrl.startsWith('https://')) {
    const url = new URL(options.publicUrl);
    website = url.origin;
    domains = [url.host];
  } else {
    warnings.push('PUBLIC_URL is not an https URL: validDomains is empty and the developer pages point to example.com.');
  }
  const filled = readFileSync(path.join(options.templateDir, 'manifest.template.json'), 'utf8')
    .replaceAll('{{VERSION}}', options.version)
    .replaceAll('{{APP_ID}}', id)
    .replaceAll('{{BOT_ID}}', id)
    .replaceAll('{{WEBSITE_URL}}', website);
  const manifest = JSON.parse(filled) as Record<string, unknown>;
  manifest.validDomains = domains;
  return { manifest, warnings };
}

/** Builds the Teams app package: manifest.json, color.png (192x192), outline.png (32x32, transparent). */
export async function buildTeamsPackage(options: TeamsPackageOptions): Promise<TeamsPackage> {
  const { manifest, warnings } = buildManifest(options);
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  zip.file('color.png', colorIcon());
  zip.file('outline.png', outlineIcon());
  const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { zip: buffer, manifest, warnings };
}
