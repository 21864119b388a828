import { expect } from 'chai';
import { directoryAccountOf, type DirectoryAccount } from '../../src/platform';
import { cardText, dialogWorld, textOf } from './harness';

const ANNA = 'a0e1c2d3-0001-4a5b-9c8d-000000000001';
const STRANGER = 'ffffffff-0000-4000-8000-000000000000';

describe('directoryAccountOf()', () => {
  const teams = (aadObjectId: unknown, tenantId?: unknown) => ({ channelId: 'msteams', from: { aadObjectId }, conversation: { tenantId } });

  it('should name the Entra ID account of a Teams user whose token was checked', () => {
    expect(directoryAccountOf(teams(ANNA.toUpperCase(), '72F988BF-86F1-41AF-91AB-2D7CD011DB47'), true)).to.deep.equal({ aadObjectId: ANNA, tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' });
  });

  it('should name none without app credentials, outside Teams, or for a malformed id', () => {
    expect(directoryAccountOf(teams(ANNA), false)).to.equal(undefined);
    expect(directoryAccountOf({ ...teams(ANNA), channelId: 'webchat' }, true)).to.equal(undefined);
    expect(directoryAccountOf(teams('anna.schmidt@gmail.com'), true)).to.equal(undefined);
    expect(directoryAccountOf(teams({ toString: () => ANNA }), true)).to.equal(undefined);
  });
});

describe('A Teams user mapped to the platform user (issue 12)', function () {
  this.timeout(60_000);
  const texts = (replies: Array<Parameters<typeof textOf>[0]>) => replies.map((r) => `${textOf(r)} ${cardText(r)}`).join('\n');

  it('should treat a known directory account as the platform user: their own bookings, no surname asked', async () => {
    const asked: DirectoryAccount[] = [];
    const world = await dialogWorld(undefined, () => ({ directoryAccount: { aadObjectId: ANNA } }));
    const platform = world.platform;
    const lookup = platform.userOfDirectoryAccount.bind(platform);
    platform.userOfDirectoryAccount = async (account) => {
      asked.push(account);
      return lookup(account);
    };
    const conversation = world.conversation();
    await conversation.say('hi');
    const replies = texts(await conversation.say('the hotel reception says they have no reservation for me'));
    expect(asked).to.deep.equal([{ aadObjectId: ANNA }]);
    expect(replies).to.match(/WL-H\d{6}/);
    expect(replies.toLowerCase()).not.to.include('surname');
  });

  it('should treat an account the platform does not know as anonymous', async () => {
    const world = await dialogWorld(undefined, () => ({ directoryAccount: { aadObjectId: STRANGER } }));
    const conversation = world.conversation();
    await conversation.say('hi');
    const replies = texts(await conversation.say('the hotel reception says they have no reservation for me'));
    expect(replies).not.to.match(/WL-H\d{6}/);
  });
});
