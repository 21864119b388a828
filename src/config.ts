import { z } from 'zod';
import { fail, ok, type Result } from './shared/result';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** `name:token,name:token` lists of people allowed into the agent or owner side. */
const principals = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return [] as Array<{ name: string; token: string }>;
    const out: Array<{ name: string; token: string }> = [];
    for (const pair of v.split(',').map((p) => p.trim()).filter(Boolean)) {
      const i = pair.indexOf(':');
      const name = pair.slice(0, i).trim();
      const token = pair.slice(i + 1).trim();
      if (i < 1 || token.length < 16) {
        ctx.addIssue({ code: 'custom', message: `"${name || pair.slice(0, 12)}": expected name:token with a token of at least 16 characters` });
        continue;
      }
      out.push({ name, token });
    }
    return out;
  });

/** `https://a.example,https://b.example`: origins only (scheme, host, port), no paths, no wildcards. */
const originList = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    const out: string[] = [];
    for (const item of (v ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
      let origin: string | undefined;
      try {
        const url = new URL(item);
        origin = (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === item.replace(/\/$/, '') ? url.origin : undefined;
      } catch {
        origin = undefined;
      }
      if (origin) out.push(origin);
      else ctx.addIssue({ code: 'custom', message: `"${item.slice(0, 60)}": expected an origin such as https://www.example.com (no path, no wildcard)` });
    }
    return out;
  });

/** Every setting, with its default; `.env.example` documents each (a test holds that). */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: optionalText.pipe(z.url().optional()),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: optionalText,
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalText.pipe(z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional()),
  KB_DIR: z.string().min(1).default('./knowledge'),
  NLU_OUT_OF_SCOPE_THRESHOLD: z.coerce.number().min(0).max(1).default(0.45),
  NLU_AMBIGUITY_MARGIN: z.coerce.number().min(0).max(1).default(0.08),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(256 * 1024),
  /** The owners' knowledge base import (a zip of the whole KB) is bigger than any chat message. */
  MAX_KB_IMPORT_BYTES: z.coerce.number().int().min(1024).max(200 * 1024 * 1024).default(8 * 1024 * 1024),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  FOLLOW_UP_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  REBOUND_AGENTS: principals,
  REBOUND_OWNERS: principals,
  TEAMS_AGENT_CHANNEL_ID: optionalText,
  TEAMS_AGENT_SERVICE_URL: optionalText.pipe(z.url().optional()),
  TEAMS_AGENT_TENANT_ID: optionalText,
  DIRECTLINE_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  TRUST_PROXY: bool.default(false),
  /** Origins that may embed the web chat: frame-ancestors of /embed and CORS of the token route. Empty: none. */
  EMBED_ORIGINS: originList,
  /** Shared secret (HS256) of the platform's signed assertion of its signed-in user. */
  PLATFORM_IDENTITY_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  /** The platform's public key (PEM, RS256/ES256) for the same assertion; "\n" may stand for line breaks. */
  PLATFORM_IDENTITY_PUBLIC_KEY: optionalText.transform((v) => v?.replace(/\\n/g, '\n')).pipe(z.string().includes('-----BEGIN', { message: 'must be a PEM public key' }).optional()),
  PLATFORM_API_URL: optionalText.pipe(z.url().optional()),
  PLATFORM_API_KEY: optionalText,
  PLATFORM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  RATE_LIMIT_ENABLED: bool.default(true),
  RATE_LIMIT_CONVERSATION_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  RATE_LIMIT_CLIENT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  RATE_LIMIT_TOKENS_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_AUTH_FAILURES: z.coerce.number().int().min(1).default(20),
  /** Open Direct Line streams (WebSockets) per conversation, and upgrades per stream token; past it 429. */
  DIRECTLINE_STREAMS_PER_CONVERSATION: z.coerce.number().int().min(1).max(100).default(4),
  /** Open Direct Line streams per client IP on one instance; past it 429. */
  DIRECTLINE_STREAMS_PER_CLIENT: z.coerce.number().int().min(1).default(100),
  /** Longest one storage call may take (retries included) before 503 STORAGE_UNAVAILABLE; PostgreSQL only. */
  STORAGE_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(4000),
  /** GET /metrics (Prometheus); off: no route, nothing recorded. */
  METRICS_ENABLED: bool.default(true),
  /** Bearer tokens of the Prometheus scraper, comma-separated (16+ characters each, or sha256:<hex>); owners' tokens are accepted too. */
  METRICS_TOKEN: optionalText.pipe(
    z
      .string()
      .refine((v) => v.split(',').every((t) => t.trim().length >= 16), 'each token must be at least 16 characters')
      .optional(),
  ),
  /** Serve /metrics on this port only (on HOST), not on PORT; needs METRICS_TOKEN only if one is set. */
  METRICS_PORT: optionalText.pipe(z.string().regex(/^\d+$/, 'must be a port number').transform(Number).pipe(z.number().int().min(1).max(65535)).optional()),
  /** Seconds between /readyz turning 503 and the listener closing on SIGTERM, so load balancers stop sending first. */
  SHUTDOWN_DRAIN_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
  /** OpenTelemetry collector (OTLP over HTTP) for traces of turns; unset: no traces, the SDK is not even loaded. */
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalText.pipe(z.url().optional()),
  /** The service name on the traces. */
  OTEL_SERVICE_NAME: z.string().trim().min(1).default('rebound'),
});

/** The validated configuration of one Rebound instance. */
export type Config = z.infer<typeof envSchema>;

/** Parses the environment once; every problem is listed, not just the first. */
export function parseConfig(env: Record<string, string | undefined>): Result<Config> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    return fail(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  const config = parsed.data;
  const problems: string[] = [];
  if (config.MicrosoftAppId && config.MicrosoftAppType !== 'UserAssignedMSI' && !config.MicrosoftAppPassword) {
    problems.push('MicrosoftAppPassword: required when MicrosoftAppId is set (unless MicrosoftAppType=UserAssignedMSI)');
  }
  if (config.MicrosoftAppType === 'SingleTenant' && config.MicrosoftAppId && !config.MicrosoftAppTenantId) {
    problems.push('MicrosoftAppTenantId: required when MicrosoftAppType=SingleTenant');
  }
  if (!!config.PLATFORM_API_URL !== !!config.PLATFORM_API_KEY) {
    problems.push('PLATFORM_API_URL, PLATFORM_API_KEY: set both to use a real platform, or neither for the demo platform');
  }
  if (!!config.TEAMS_AGENT_CHANNEL_ID !== !!config.TEAMS_AGENT_SERVICE_URL) {
    problems.push('TEAMS_AGENT_CHANNEL_ID, TEAMS_AGENT_SERVICE_URL: set both to post new cases to Teams, or neither');
  }
  if (config.METRICS_PORT !== undefined && config.METRICS_PORT === config.PORT) {
    problems.push('METRICS_PORT: must differ from PORT (leave it unset to serve /metrics on PORT)');
  }
  if (config.NODE_ENV === 'production' && !config.MicrosoftAppId) {
    problems.push('MicrosoftAppId: production refuses to run without channel authentication; set the app credentials');
  }
  return problems.length ? fail(problems) : ok(config);
}

/** The names of every setting, for the documentation consistency test. */
export const CONFIG_KEYS = Object.keys(envSchema.shape);
