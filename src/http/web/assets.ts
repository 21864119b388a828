import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** A static file held in memory, with its gzip form for clients that accept it. */
export interface Asset {
  body: Buffer;
  gzipped: Buffer;
  contentType: string;
}

/** The repository root (the folder holding public/), found from this file in src/ or in dist/src/. */
export function findProjectRoot(start = __dirname): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'public', 'index.html')) && existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`public/index.html not found above ${start}`);
  }
}

/** Path of the official Web Chat bundle in node_modules (served locally: no CDN). */
export function webChatBundlePath(): string {
  // The package exports only its entry point; the bundle sits next to it in dist/.
  const entry = require.resolve('botframework-webchat');
  return path.join(path.dirname(entry), '..', 'dist', 'webchat.js');
}

/** Reads files once, on first use, and keeps them (the Web Chat bundle is about 4 MB, 1 MB gzipped). */
export class AssetCache {
  private readonly loaded = new Map<string, Promise<Asset>>();

  constructor(private readonly files: Record<string, { file: string; contentType: string }>) {}

  /** The asset published under this name, or null. */
  get(name: string): Promise<Asset> | null {
    // Own names only: "__proto__" or "constructor" must be a 404, not a crash on Object.prototype.
    const spec = Object.hasOwn(this.files, name) ? this.files[name] : undefined;
    if (!spec) return null;
    let asset = this.loaded.get(name);
    if (!asset) {
      asset = fs.readFile(spec.file).then((body) => ({ body, gzipped: gzipSync(body), contentType: spec.contentType }));
      asset.catch(() => this.loaded.delete(name));
      this.loaded.set(name, asset);
    }
    return asset;
  }
}
