import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { z } from 'zod';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { buildTeamsPackage, PLACEHOLDER_ID } from '../../src/cli/teams/teamsPackage';
import { main } from '../../src/cli/teamsPackage';

const schemaJson = JSON.parse(readFileSync(path.join(__dirname, 'teamsManifest.schema.json'), 'utf8')) as Record<string, unknown>;
const manifestSchema = z.fromJSONSchema(schemaJson);
const templateDir = path.resolve(__dirname, '../../teams');
const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

async function unpack(zip: Buffer) {
  const archive = await JSZip.loadAsync(zip);
  const read = async (name: string) => {
    const file = archive.file(name);
    if (!file) throw new Error(`${name} missing from the package`);
    return file.async('nodebuffer');
  };
  return { names: Object.keys(archive.files).sort(), manifest: JSON.parse(String(await read('manifest.json'))) as Record<string, unknown>, color: PNG.sync.read(await read('color.png')), outline: PNG.sync.read(await read('outline.png')) };
}

describe('buildTeamsPackage()', () => {
  it('should produce a manifest that the v1.17 schema accepts, with the bot id from MicrosoftAppId', async () => {
    const built = await buildTeamsPackage({ appId: APP_ID, publicUrl: 'https://help.example.org', version: '0.1.0', templateDir });
    const { names, manifest } = await unpack(built.zip);
    expect(names).to.deep.equal(['color.png', 'manifest.json', 'outline.png']);
    const result = manifestSchema.safeParse(manifest);
    expect(result.success, JSON.stringify(result.error?.issues)).to.equal(true);
    expect(manifest).to.nested.include({ id: APP_ID, 'bots[0].botId': APP_ID });
    expect(manifest).to.have.nested.property('bots[0].scopes').that.includes.members(['personal', 'team']);
    expect(manifest.validDomains).to.deep.equal(['help.example.org']);
    expect(built.warnings).to.deep.equal([]);
  });

  it('should use a clearly marked placeholder and warn when MicrosoftAppId is unset', async () => {
    const built = await buildTeamsPackage({ version: '0.1.0', templateDir });
    expect(built.manifest.id).to.equal(PLACEHOLDER_ID);
    expect(built.warnings.join(' ')).to.include('MicrosoftAppId');
    expect(manifestSchema.safeParse(built.manifest).success).to.equal(true);
  });

  it('should be refused by the schema when a required field is missing (the schema has teeth)', async () => {
    const built = await buildTeamsPackage({ appId: APP_ID, version: '0.1.0', templateDir });
    const incomplete = Object.fromEntries(Object.entries(built.manifest).filter(([k]) => k !== 'developer'));
    expect(manifestSchema.safeParse(incomplete).success).to.equal(false);
    expect(manifestSchema.safeParse({ ...built.manifest, bots: [{ botId: APP_ID, scopes: ['groupchat'] }] }).success).to.equal(false);
  });

  it('should ship a 192x192 colour icon and a 32x32 outline icon that is white on transparent', async () => {
    const { color, outline } = await unpack((await buildTeamsPackage({ appId: APP_ID, version: '0.1.0', templateDir })).zip);
    expect([color.width, color.height, outline.width, outline.height]).to.deep.equal([192, 192, 32, 32]);
    let transparent = 0;
    let white = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = [outline.data[i]!, outline.data[i + 1]!, outline.data[i + 2]!, outline.data[i + 3]!];
      if (a === 0) transparent++;
      else if (r === 255 && g === 255 && b === 255 && a === 255) white++;
      else expect.fail(`outline pixel ${i / 4} is neither transparent nor white`);
    }
    expect(transparent).to.be.above(32 * 32 * 0.5);
    expect(white).to.be.above(32 * 32 * 0.1);
    expect(color.data[3]).to.equal(0, 'colour icon corners are transparent');
  });
});

describe('teams:package main()', () => {
  it('should write a zip whose manifest the schema accepts', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rebound-teams-'));
    const originalWarn = console.warn;
    const originalLog = console.log;
    try {
      console.warn = () => undefined;
      console.log = () => undefined;
      const out = path.join(dir, 'rebound-teams.zip');
      expect(await main(['--out', out], { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x' })).to.equal(0);
      const { manifest } = await unpack(readFileSync(out));
      expect(manifestSchema.safeParse(manifest).success).to.equal(true);
    } finally {
      console.warn = originalWarn;
      console.log = originalLog;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
