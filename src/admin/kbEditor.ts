import {
  checkKnowledgeBase, errorsOf, type KbProblem, type KbReport, type KnowledgeBase, type KnowledgeDraft,
  type KnowledgeRepository, type KnowledgeService, type KnowledgeVersion, type KnowledgeVersionInfo,
} from '../knowledge';
import { AppError, isAppError } from '../shared/errors';
import { diffKnowledgeBases, type KbDiff } from './diff';

/** The KB an owner edits: the draft when there is one, else the published version. */
export interface WorkingKb {
  kb: KnowledgeBase;
  source: 'draft' | 'published';
  draft: KnowledgeDraft | null;
  published: KnowledgeVersion;
}

/** What an admin action is recorded as in the audit trail. */
export interface AuditNote {
  action: string;
  target: string;
  details?: Record<string, unknown>;
}

/** A published version with what changed from the one before. */
export type PublishedInfo = KnowledgeVersionInfo & { diff: KbDiff };

/** Tells the other instances that a version was published (KnowledgeSync.announce). */
export interface PublishAnnouncer {
  announce(version: number): Promise<void>;
}

/** Edits retried when another owner saved the draft at the same moment (each retry re-reads and re-checks). */
const EDIT_ATTEMPTS = 4;

/**
 * The owners' editorial workflow over the KnowledgeRepository: edits go to the draft (created from the
 * published KB on first edit), each checked against the whole KB as `kb:check` does; publish and restore
 * create new versions and swap them into the running bot. Every action lands in the audit trail.
 */
export class KbEditor {
  constructor(
    private readonly repo: KnowledgeRepository,
    private readonly knowledge: KnowledgeService,
    private readonly announcer: PublishAnnouncer,
  ) {}

  /** The latest published version (one always exists once the app has started). */
  async published(): Promise<KnowledgeVersion> {
    const published = await this.repo.getPublished();
    if (!published) throw new AppError('INTERNAL', 'no knowledge base version has been published');
    return published;
  }

  /** The draft if there is one, else the published version. */
  async working(): Promise<WorkingKb> {
    const [draft, published] = await Promise.all([this.repo.getDraft(), this.published()]);
    return { kb: draft?.kb ?? published.kb, source: draft ? 'draft' : 'published', draft, published };
  }

  /** Every problem of a candidate KB (the kb:check checks); `kb` is set when there is no error. */
  check(candidate: unknown): KbReport<KnowledgeBase> {
    return checkKnowledgeBase(candidate);
  }

  /**
   * Applies `change` to the working KB and saves the result as the draft if the whole KB is valid
   * (INVALID_KB listing every problem otherwise, nothing saved). Returns the saved KB and its warnings.
   */
  async edit(actor: string, note: AuditNote, change: (kb: KnowledgeBase) => unknown): Promise<{ kb: KnowledgeBase; warnings: KbProblem[]; draft: KnowledgeDraft }> {
    for (let attempt = 1; ; attempt++) {
      const working = await this.working();
      const report = this.valid(change(structuredClone(working.kb)));
      try {
        const draft = await this.repo.saveDraft(report.kb, actor, working.draft?.eTag ?? null);
        await this.repo.appendAudit({ actor, ...note });
        return { kb: report.kb, warnings: report.problems, draft };
      } catch (err) {
        if (!(isAppError(err) && err.code === 'CONFLICT') || attempt >= EDIT_ATTEMPTS) throw err;
      }
    }
  }

  /** Validates the whole draft and publishes it as a new version; the draft is dropped and the bot swaps to it. */
  async publish(actor: string, message: string | undefined): Promise<PublishedInfo> {
    const draft = await this.repo.getDraft();
    if (!draft) throw new AppError('CONFLICT', 'There is no draft to publish: edit something first.');
    const report = this.valid(draft.kb);
    const info = await this.publishKb(actor, report.kb, message?.trim() || 'published from the draft', 'kb.publish');
    // Someone may have edited the draft since we read it: their edit stays in the draft.
    await this.repo.discardDraft(draft.eTag).catch((e: unknown) => {
      if (!(isAppError(e) && e.code === 'CONFLICT')) throw e;
    });
    return info;
  }

  /** Publishes a former version's content as a new version (the draft is kept). */
  async restore(actor: string, version: number, message: string | undefined): Promise<PublishedInfo> {
    const old = await this.repo.getVersion(version);
    if (!old) throw new AppError('NOT_FOUND', `version ${version} not found`);
    const report = this.valid(old.kb);
    return this.publishKb(actor, report.kb, message?.trim() || `restored version ${version}`, 'kb.restore', { restoredFrom: version });
  }

  /** Throws the draft away if its eTag is still expectedETag. */
  async discard(actor: string, expectedETag: string): Promise<void> {
    if (!(await this.repo.discardDraft(expectedETag))) throw new AppError('NOT_FOUND', 'There is no draft.');
    await this.repo.appendAudit({ actor, action: 'kb.discard', target: 'kb:draft' });
  }

  private async publishKb(actor: string, kb: KnowledgeBase, message: string, action: string, details: Record<string, unknown> = {}): Promise<PublishedInfo> {
    const current = await this.published();
    const info = await this.repo.publish(kb, actor, message, current.version);
    const diff = diffKnowledgeBases(current.kb, kb);
    this.knowledge.swap(kb, info.version);
    await this.announcer.announce(info.version);
    await this.repo.appendAudit({ actor, action, target: `kb:v${info.version}`, details: { ...details, message, diff: diff.collections } });
    return { ...info, diff };
  }

  private valid(candidate: unknown): KbReport<KnowledgeBase> & { kb: KnowledgeBase } {
    const report = this.check(candidate);
    if (report.kb) return { kb: report.kb, problems: report.problems };
    const errors = errorsOf(report.problems).length;
    throw new AppError('INVALID_KB', `The knowledge base would be invalid: ${errors} problem${errors === 1 ? '' : 's'}.`, { problems: report.problems });
  }
}
