import type { Config } from '../src/config';
import type { Case, CaseNotice, ConversationMessenger } from '../src/handoff';
import { agentConsoleCaseUrl } from '../src/http/agentConsole';
import type { Logger } from '../src/shared/logger';
import { sanitizeMarkdown } from '../src/shared/sanitizeMarkdown';
import type { ConversationReferenceStore, EventBus } from '../src/storage/ports';
import { CARD_VERSION, textBlock } from './cards';

/** The Teams channel where support staff hear about new cases (TEAMS_AGENT_CHANNEL_* settings). */
export interface TeamsAgentChannel {
  /** The channel's conversation id, e.g. "19:abc...@thread.tacv2". */
  conversationId: string;
  /** The Teams service URL of the tenant's region, e.g. "https://smba.trafficmanager.net/emea/". */
  serviceUrl: string;
  tenantId?: string;
}

/** The new-case card: reference, priority, what went wrong, what the traveller wants, and a link to the console. */
export function newCaseCard(c: Case, consoleUrl?: string): Record<string, unknown> {
  const facts = Object.entries(c.summary.facts).slice(0, 8).map(([k, v]) => ({ title: k.replace(/_/g, ' '), value: sanitizeMarkdown(v) }));
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body: [
      textBlock(`New case **${c.reference}**${c.priority === 'high' ? ' · high priority' : ''}`, { size: 'Medium', weight: 'Bolder', ...(c.priority === 'high' ? { color: 'Attention' } : {}) }),
      textBlock(c.summary.title || 'Asked for a person'),
      { type: 'FactSet', facts: [
        { title: 'Why a person', value: (c.handoffReason ?? 'asked for a person').replace(/_/g, ' ') },
        { title: 'Channel', value: c.channelId },
        ...(c.summary.wishedOutcome ? [{ title: 'Wished outcome', value: sanitizeMarkdown(c.summary.wishedOutcome) }] : []),
        { title: 'Steps tried', value: String(c.summary.steps.length) },
        ...facts,
      ] },
    ],
    ...(consoleUrl ? { actions: [{ type: 'Action.OpenUrl', title: 'Open in the agent console', url: consoleUrl }] } : {}),
  };
}

/**
 * Posts an Adaptive Card to the support team's Teams channel when a case joins the queue. It hears the notices
 * this instance publishes (tee()), not the bus subscription, so with several instances each case is announced
 * once, by the instance that queued it. Best effort: a failed post is logged and never fails the traveller's turn.
 */
export class TeamsCaseAnnouncer {
  private messenger: ConversationMessenger | null = null;

  constructor(
    private readonly channel: TeamsAgentChannel,
    private readonly cases: { get(id: string): Promise<Case | null> },
    private readonly consoleUrl: ((caseId: string) => string) | undefined,
    private readonly logger: Logger,
  ) {}

  /** Stores the channel's conversation reference, so the proactive messenger can reach it, and starts announcing. */
  async start(references: ConversationReferenceStore, messenger: ConversationMessenger): Promise<void> {
    const { conversationId, serviceUrl, tenantId } = this.channel;
    await references.save(conversationId, {
      channelId: 'msteams',
      serviceUrl,
      conversation: { id: conversationId, isGroup: true, conversationType: 'channel', ...(tenantId ? { tenantId } : {}) },
      ...(tenantId ? { channelData: { tenant: { id: tenantId } } } : {}),
    });
    this.messenger = messenger;
  }

  /** The bus, with every notice published through it also handed to this announcer. */
  tee<T extends Pick<EventBus, 'publish'>>(bus: T): Pick<EventBus, 'publish'> {
    return {
      publish: async (channel, payload) => {
        await bus.publish(channel, payload);
        void this.announce(payload as CaseNotice).catch((err: unknown) => this.logger.warn({ err: (err as Error).message }, 'new case not posted to Teams'));
      },
    };
  }

  /** Posts the card for a case that was just queued (created as pending, or escalated); ignores anything else. */
  async announce(notice: CaseNotice): Promise<boolean> {
    if (!this.messenger || notice.kind !== 'case' || notice.status !== 'pending' || !['created', 'escalate'].includes(notice.change)) return false;
    const c = await this.cases.get(notice.caseId);
    if (!c) return false;
    const card = newCaseCard(c, this.consoleUrl?.(c.id));
    await this.messenger.send(this.channel.conversationId, { text: `New case ${c.reference}: ${c.summary.title || 'asked for a person'}`, attachments: [card] });
    this.logger.info({ caseId: c.id }, 'new case posted to the Teams agent channel');
    return true;
  }
}

/** The announcer of the configured channel (TEAMS_AGENT_CHANNEL_ID + TEAMS_AGENT_SERVICE_URL), or null when unset. */
export function createTeamsCaseAnnouncer(config: Config, cases: { get(id: string): Promise<Case | null> }, logger: Logger): TeamsCaseAnnouncer | null {
  if (!config.TEAMS_AGENT_CHANNEL_ID || !config.TEAMS_AGENT_SERVICE_URL) return null;
  const base = config.PUBLIC_URL;
  const channel = { conversationId: config.TEAMS_AGENT_CHANNEL_ID, serviceUrl: config.TEAMS_AGENT_SERVICE_URL, ...(config.TEAMS_AGENT_TENANT_ID ? { tenantId: config.TEAMS_AGENT_TENANT_ID } : {}) };
  // Without PUBLIC_URL the server does not know the address agents reach it at: the card then has no link.
  return new TeamsCaseAnnouncer(channel, cases, base ? (id) => agentConsoleCaseUrl(base, id) : undefined, logger);
}
