import { expect } from 'chai';
import { answerCard } from '../../bot/cards';
import { renderRecoveryAction, type RenderContext } from '../../bot/recoveryCards';
import type { RecoveryAction } from '../../src/recovery';
import { emptyMemory } from '../../src/conversation/memory';
import { Voice } from '../../src/conversation/replies';
import { loadKnowledgeBaseFromDir } from '../../src/storage/knowledgeFiles';
import { SHIPPED_KB_DIR } from '../helpers/testApp';

const HOSTILE = 'Call us <script>steal(document.cookie)</script><img src=x onerror=alert(1)> or [log in](javascript:alert(1)) or [mail](mailto:help@example.com)';

/** Every string anywhere in a rendered activity (text, summary, card bodies, action titles, URLs). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function expectClean(rendered: unknown): void {
  const all = strings(rendered).join('\n');
  expect(all).not.to.match(/<\s*(script|img)/i);
  expect(all).not.to.match(/javascript:/i);
  expect(all).to.include('[mail](mailto:help@example.com)');
}

describe('cards', () => {
  describe('answerCard()', () => {
    it('should strip raw HTML and unsafe links from a FAQ answer, in the card and in the summary', () => {
      const activity = answerCard('How do I <b>contact</b> you?', HOSTILE, 'contact');
      expectClean(activity);
      expect(activity.summary).to.include('How do I contact you?');
    });
  });

  describe('renderRecoveryAction()', () => {
    let r: RenderContext;
    before(async () => {
      const loaded = await loadKnowledgeBaseFromDir(SHIPPED_KB_DIR);
      if (!loaded.ok) throw new Error('the shipped KB does not load');
      r = { kb: loaded.value, voice: new Voice(loaded.value, emptyMemory(), 'conversation') };
    });

    it('should strip raw HTML and unsafe links from step texts and outside sources', () => {
      const action = {
        kind: 'show_step',
        stepId: 's1',
        strategy: 'S2',
        action: 'outside_source',
        say: HOSTILE,
        why: '<iframe src="https://evil.example"></iframe>Because',
        successQuestion: 'Did it <b>work</b>?',
        position: { index: 1, total: 2 },
        detail: { kind: 'outside_source', sources: [{ id: 'x', title: 'Status page', url: 'javascript:alert(1)', lookFor: 'your <script>x</script>flight' }] },
      } as unknown as RecoveryAction;
      const rendered = renderRecoveryAction(action, r);
      expectClean(rendered);
      expect(strings(rendered).join('\n')).not.to.match(/<iframe/i);
      expect(strings(rendered)).to.include('Status page');
    });

    it('should strip raw HTML from an acknowledgement sent as plain text', () => {
      const rendered = renderRecoveryAction({ kind: 'acknowledge', text: HOSTILE } as unknown as RecoveryAction, r);
      expectClean(rendered);
    });
  });
});
