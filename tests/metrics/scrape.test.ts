import { expect } from 'chai';
import { removeDir, startApp, tempDataDir, type RunningApp } from '../helpers/testApp';
import { AgentClient } from '../http/agent/agentClient';
import { ChannelServer } from '../http/agent/channelServer';
import { scrape, type Scrape } from './exposition';

const AGENT_TOKEN = 'ana-token-0123456789abcdef';
const OWNER_TOKEN = 'olga-token-0123456789abcdef';
const OWNER = { authorization: `Bearer ${OWNER_TOKEN}` };

/** How much each metric (name and labels) moved between two scrapes. */
function moved(before: Scrape, after: Scrape) {
  return (name: string, labels: Record<string, string> = {}) => after.value(name, labels) - before.value(name, labels);
}

describe('GET /metrics after a scripted conversation', () => {
  const channel = new ChannelServer();
  let running: RunningApp;
  let dataDir: string;

  before(async function () {
    this.timeout(30_000);
    await channel.start();
    dataDir = tempDataDir();
    running = await startApp({ DATA_DIR: dataDir, REBOUND_AGENTS: `Ana:${AGENT_TOKEN}`, REBOUND_OWNERS: `Olga:${OWNER_TOKEN}` });
  });
  after(async () => {
    await running?.stop();
    await channel.stop();
    if (dataDir) removeDir(dataDir);
  });

  it('should move each counter by the right amount: an FAQ, a recovery step, a handoff, an agent reply', async function () {
    this.timeout(30_000);
    const before = await scrape(running.url, OWNER);
    const traveller = running.client({ serviceUrl: channel.url, channelId: 'webchat' });
    await traveller.join();
    await traveller.say('how long does a refund take?');
    await traveller.say("I can't log in to my account");
    await traveller.say('I want to talk to a person');

    // Queued: the queue gauges see the case before anyone claims it.
    const queued = await scrape(running.url, OWNER);
    const delta = moved(before, queued);
    expect(queued.value('rebound_queue_pending_cases', { priority: 'normal' })).to.equal(1);
    expect(queued.value('rebound_queue_oldest_waiting_seconds')).to.be.at.least(0).and.below(60);

    const agent = new AgentClient(running.url, AGENT_TOKEN);
    const pending = await agent.call<{ cases: Array<{ id: string; conversationId: string }> }>('GET', '/api/agent/cases?status=pending');
    const listed = pending.body.cases.find((c) => c.conversationId === traveller.conversationId);
    expect(listed, 'the case is queued').to.not.equal(undefined);
    expect((await agent.call('POST', `/api/agent/cases/${listed!.id}/claim`)).status).to.equal(200);
    expect((await agent.call('POST', `/api/agent/cases/${listed!.id}/messages`, { text: 'Hello, I am looking at it.' })).status).to.equal(201);
    await channel.waitFor(traveller.conversationId, (t) => t.includes('looking at it'));
    const after = await scrape(running.url, OWNER);
    const total = moved(before, after);

    // Turns by channel and outcome, with the bot's own time.
    expect(delta('rebound_turns_total', { channel: 'webchat', outcome: 'other' }), 'the join').to.equal(1);
    expect(delta('rebound_turns_total', { channel: 'webchat', outcome: 'answered' }), 'the FAQ').to.equal(1);
    expect(delta('rebound_turns_total', { channel: 'webchat', outcome: 'recovery_step' })).to.equal(1);
    expect(delta('rebound_turns_total', { channel: 'webchat', outcome: 'handoff' })).to.equal(1);
    expect(delta('rebound_turn_duration_seconds_count', { channel: 'webchat' })).to.equal(4);
    expect(delta('rebound_turn_duration_seconds_sum', { channel: 'webchat' })).to.be.greaterThan(0);
    // The NLU read three typed messages, each in scope.
    expect(delta('rebound_nlu_verdicts_total')).to.equal(3);
    expect(delta('rebound_nlu_verdicts_total', { verdict: 'in_scope' })).to.equal(3);
    expect(delta('rebound_nlu_confidence_count', { verdict: 'in_scope' })).to.equal(3);
    // The FAQ, the recovery session of its problem (started, then handed off), the handoff.
    expect(delta('rebound_faq_answers_total')).to.equal(1);
    expect(delta('rebound_recovery_sessions_total', { problem: 'cannot_log_in', outcome: 'started' })).to.equal(1);
    expect(delta('rebound_recovery_sessions_total', { problem: 'cannot_log_in', outcome: 'handed_off' })).to.equal(1);
    expect(delta('rebound_recovery_sessions_total', { outcome: 'resolved_without_person' })).to.equal(0);
    expect(delta('rebound_handoff_events_total', { event: 'queued' })).to.equal(1);
    // The agent's claim and reply.
    expect(total('rebound_handoff_events_total', { event: 'claimed' })).to.equal(1);
    expect(total('rebound_case_messages_total', { from: 'agent' })).to.equal(1);
    expect(after.value('rebound_queue_pending_cases', { priority: 'normal' })).to.equal(0);
    // HTTP by route template and status (the case id is not in the label).
    expect(total('rebound_http_requests_total', { route: '/api/messages', method: 'POST', status: '200' })).to.equal(4);
    expect(total('rebound_http_requests_total', { route: '/api/agent/cases/:id/messages', method: 'POST', status: '201' })).to.equal(1);
    expect(total('rebound_http_request_duration_seconds_count', { route: '/api/agent/cases/:id/claim', method: 'POST' })).to.equal(1);
    // Storage calls by operation, SQLite's group commits.
    expect(total('rebound_storage_call_duration_seconds_count', { operation: 'state.write' }), 'a write per message turn').to.be.at.least(3);
    expect(total('rebound_storage_call_duration_seconds_count', { operation: 'analytics.record' })).to.be.at.least(4);
    expect(total('rebound_storage_errors_total')).to.equal(0);
    expect(total('rebound_storage_group_commit_statements_count')).to.be.greaterThan(0);
  });

  it('should report the knowledge base, readiness, streams and the process', async () => {
    const now = await scrape(running.url, OWNER);
    expect(now.value('rebound_knowledge_base_version')).to.equal(1);
    expect(now.value('rebound_knowledge_base_publishes_total')).to.equal(0);
    expect(now.value('rebound_ready')).to.equal(1);
    expect(now.value('rebound_agent_event_streams')).to.equal(0);
    expect(now.value('rebound_directline_websockets')).to.equal(0);
    expect(now.has('process_cpu_user_seconds_total')).to.equal(true);
    expect(now.has('nodejs_heap_size_used_bytes')).to.equal(true);
    expect(now.has('rebound_pg_pool_connections'), 'no pools on SQLite').to.equal(false);
  });

  it('should count an open agent event stream while it is open', async () => {
    const agent = new AgentClient(running.url, AGENT_TOKEN);
    const stream = await agent.stream();
    try {
      expect((await scrape(running.url, OWNER)).value('rebound_agent_event_streams')).to.equal(1);
    } finally {
      await stream.close();
    }
  });
});
