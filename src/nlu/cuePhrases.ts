/**
 * The phrase lists of the dialogue-act cues (src/nlu/cues.ts), matched as whole words on the normalised text
 * (lower case, accents folded, apostrophes joined: "didn't" is "didnt"). Data only: the reading is in cues.ts.
 */

/** A '|'-separated list of phrases. */
const phrases = (list: string): string[] => list.split('|').map((p) => p.trim()).filter(Boolean);

export const QUESTION_OPENINGS = phrases(
  'is|are|does|do|can|could|will|would|should|shall|have|has|any|whos|wheres|whens|whys|hows|how|what|whats|when|where|wheres|why|which|who|whom|whose|can i|can we|can you tell|could i|could we|do i|do we|do you|does|did you|is it|is there|are there|is my|are my|will i|will my|will it|will the|would i|would it|should i|may i|am i|is the|are the|hows|whens|wanna know|i wonder|do you know|tell me how|tell me what|any idea',
);
export const QUESTION_ANYWHERE = phrases(
  'how does|how do i|how do we|how can i|how can we|how long does|how long will|how much does|how much is|what do i|what should i|what can i|where do i|where can i|when do i|when will i|is it normal|is that normal|is this normal|is that a problem|is this a problem|is that ok|is that okay|am i allowed|do i need|do i have to|can i still|what are my|what i do|what do i do',
);
export const HYPOTHETICAL = phrases(
  'if i|if we|if my|if the|if they|if it|if its|what if|what happens if|what happens when|in case|supposing|suppose i|suppose my|lets say|imagine|hypothetically|would i|would we|would they|will i get|do i get|can i still|is it possible|what do they do|what would happen',
);
export const FAILURE = phrases(
  'twice|two times|2 times|cancelled|canceled|delayed|overbooked|bumped|missed my|missed the|left without me|came in late|not coming|isnt coming|hasnt come|no driver|not answering|not replying|hasnt replied|havent heard|no reply|no answer|wont let me|doesnt let me|not letting me|messed up|mixed up|didnt|did not|didn t|hasnt|has not|havent|have not|wasnt|werent|wont|cant|cannot|couldnt|isnt working|not working|doesnt work|not received|not arrived|no show|no one|nobody|nowhere|lost|stolen|missing|stuck|stranded|locked out|charged twice|double charged|charged me twice|cancelled my|canceled my|declined|refused|rejected|broken|still waiting|not there|isnt there|no reservation|no booking|not showing|disappeared|doesnt respond|not responding|hasnt responded|doesnt reply|doesnt answer|no response|not picking up|doesnt pick up|ignoring me|ignoring my|cant reach|cant get hold|unreachable|no word from|gone silent|went silent|no sign of|never showed|never came|never arrived|never got|never received|still no|still not|no confirmation|no email|no refund|no key|no keys|no hot water|no heating|no water|no wifi|not clean|filthy|dirty|a dump|overcharged|extra charge|charged extra|wrong name|wrong date|wrong dates|misspelt|misspelled|typo in',
);
export const NOT_WORKED = phrases(
  'didnt work|did not work|doesnt work|does not work|not working|still not|still nothing|still no|still stuck|still waiting|still the same|still cant|still doesnt|same problem|same issue|same thing|no luck|no change|nothing happened|nothing changed|nothing yet|nothing so far|tried that|tried it|tried this|already tried|did that already|done that|didnt help|did not help|doesnt help|not helpful|no use|useless|no reply|no answer|no response|not yet|nope not|no good',
);
export const WORKED = phrases(
  'that worked|it worked|worked|works now|working now|found it|found him|found her|found them|found the|got it|sorted|fixed|solved|resolved|all good|all set|perfect|problem solved|thats done|its there now|its fine now|it did|that did it|that helped|helped thanks|great thanks|got my|received it|arrived now|he is here|shes here|hes here|driver is here|they answered|they replied|im in now|were in now|got in now|im logged in|logged in now|can log in now|it let me in|let us in|were inside now|showed up|turned up|called back|got the email|got the mail|got an email|came through|went through|all fine now|its ok now|its okay now|all ok now',
);
export const DONT_KNOW = phrases(
  'dont know|do not know|dunno|no idea|not sure|unsure|cant remember|cannot remember|dont remember|do not remember|forgot|forget it now|idk|no clue|havent a clue|not a clue|cant recall|no clue',
);
export const DONT_HAVE = phrases(
  'dont have|do not have|dont got|havent got|have not got|havent|i have none|lost it|lost my|cant find it|cannot find it|cant find my|cannot find my|no reference|no booking number|no ref|no number|no email|no phone|dont have one|not got one|no i dont|none',
);
// No booking on the platform for this: said instead of a booking reference.
export const BOOKED_ELSEWHERE = phrases(
  'didnt book it with you|didnt book with you|did not book it with you|did not book with you|not booked with you|not booked through you|didnt book it through you|didnt book through you|' +
    'not with you|not through you|booked it directly|booked directly|booked it myself|booked myself|booked it elsewhere|' +
    'booked elsewhere|booked it somewhere else|booked somewhere else|booked it with the airline|booked with the airline|booked through the airline|booked it through the airline|' +
    'booked it with the hotel|booked with the hotel|not booked yet|not booked it yet|havent booked|have not booked|havent booked it yet|not booked anything',
);
export const SKIP = phrases('skip|pass|next question|doesnt matter|not relevant|n a|na|not applicable|no need|leave it|leave it blank');
// "nothing" or "none" answers a question the traveller passes on, unless it reports that nothing happened ("still nothing").
export const WEAK_SKIP = phrases('none|nothing');
export const CORRECTION = phrases('sorry|typo|i meant|i mean|meant to say|actually|correction|my bad|oops|whoops|no wait|wait no|not that|should be|should have been|its actually|it is actually|instead');
export const ALREADY_SAID = phrases('already told|already said|already gave|already wrote|already sent|already typed|i told you|as i said|like i said|i said|i just said|i just told|i gave you|look above|see above|read above|scroll up');
export const CHANGE = phrases('edit|correct the|fix the|thats wrong|that is wrong|its wrong|not right|not correct|incorrect|wrong date|wrong name|wrong number|wrong amount|wrong reference|wrong email');
export const REPEATED = phrases(
  'third time|second time|fourth time|fifth time|3rd time|2nd time|4th time|again and again|once again|keep writing|keep asking|keep calling|been writing|been waiting for days|waiting for days|for days now|for weeks|still waiting|nobody answers|nobody replies|no one answers|no one replies|nobody gets back|no one gets back|every time|times already',
);

export const REQUEST = phrases(
  'please|pls|plz|can you|could you|would you|will you|i want to|i wanna|i need to|i need you to|id like to|i would like to|i want you to|help me|go ahead|i have to|we need to|we want to|need to change|need to cancel|want to cancel|want to change',
);
export const DECLINE_PERSON = phrases(
  'no need for a person|no need for a human|no need for an agent|no need for someone|dont need a person|dont need a human|dont need an agent|dont need anyone|dont want a person|dont want an agent|dont want a human|no person|no human|no agent|not a person|no thanks|no thank you|im fine|i am fine|keep going|lets continue|carry on|no need|try here first|try myself|ill try|on my own first|do it here|lets do it here|not yet|not now|not right now|maybe later|dont want to talk to anyone|dont want to talk to anybody|dont want to speak to anyone|dont need to talk to anyone|dont want anyone|do it myself|ill do it myself|ill sort it myself',
);

export const PERSON = phrases(
  'actual person|need an agent|want an agent|get an agent|an agent now|give me a person|give me a human|give me someone|give me an agent|dont want a bot|dont want to talk to a bot|no more bot|with an employee|speak to an employee|talk to an employee|in contact with someone|in contact with a person|who can i talk to|who can i speak to|who do i talk to|who do i speak to|connect me|put me through|pass me to|pass me on|transfer me|to an agent|with an agent|an agent please|can a human|can a person|a real human|speak w someone|talk w someone|someone please|please call me|can someone call|someone call me|someone now|a person now|get someone|get somebody|member of your team|someone from your team|somebody from your team|someone from the team|in touch with someone|in touch with somebody|put me in touch|deal with a human|with a human|to a human|a human being|a manager|your manager|to a manager|a supervisor|your supervisor|real person|real human|someone real|somebody real|not a bot|not another bot|not a robot|talk to someone|speak to someone|speak with someone|talk to somebody|speak to somebody|need someone now|i need someone|get me someone|someone from your team|one of your people|a live agent|call me back|someone to call me|can someone|could someone|can somebody|could somebody|anyone i can call|anyone i can talk to|anyone i can speak to|anybody i can call|someone i can call|someone i can talk to|can you call me|could you call me|ring me|phone me|deal with this for me|just deal with this|someone to deal with|one of your agents|get me an agent|speak to your staff|talk to your staff|one of your staff|member of staff help|staff member help|an actual employee|a wanderly employee|your employees|your colleagues|a colleague of yours|pass this to your team|pass it to your team|pass me to your team|your team take|your team look|your team check|can your team|could your team|customer service rep|customer service agent|to customer care|with customer care|customer care please|a rep please|to a representative|with a representative|a representative please|to a rep|with a rep|have a callback|get a callback|want a callback|need a callback|request a callback|arrange a callback|a callback please|to an advisor|with an advisor|an advisor please|to an adviser|need a human|want a human|get a human|a human please|any humans|human please|someone look at|someone take a look|somebody look at|anyone from wanderly there|someone from wanderly|somebody from wanderly|take over from here|escalate this|escalate it|escalate my|real people|actual people|any people there|want to talk to a person|need to talk to a person|like to talk to a person|want to speak to a person|need to speak to a person|like to speak to a person|can i talk to a person|can i speak to a person|could i talk to a person|could i speak to a person|chat with a person|let me speak to|let me talk to|prefer a person|rather a person|prefer talking to|prefer speaking to|rather talk to|rather speak to|call me please|call me asap|someone contact me|support contact me|contact me please|support team now|escalate',
);
export const BARE_WAITING = phrases('how long|how much longer');
/** Words of a "how long" that names nothing but the wait ("so how long is this going to take now?"). */
export const WAIT_WORDS = new Set('how long much longer will would it this that take takes taking is going to be do does i we have wait waiting so ok okay now still more the about roughly approximately any idea'.split(' '));
export const WAITING = phrases(
  'anything yet|anything new|any word|any progress|whats the status|what is the status|how much longer|how long till someone|how long until someone|how long before someone|how long will it take for someone|is someone coming|is anyone coming|anyone there|anybody there|is someone there|still waiting|when will someone|when is someone|how many people|ahead of me|in the queue|my place|where am i|any news|any update|heard anything|nobody will answer|no one will answer|anyone on|anybody on|my case number|case number again|my case reference|my case ref|whats my case|what is my case',
);
export const STOP = phrases(
  'never mind|nevermind|nvm|forget it|forget about it|you can close this|you can close it|close this|close the case|cancel the request|no longer need|dont need it anymore|dont need help anymore|leave it for now|leave it there|ill try again later|try again later|ill come back|ill get back to you|not needed anymore|all sorted now|sorted it myself|fixed it myself',
);
export const START_OVER = phrases('scrap that|scrap all that|scratch that|start again|start over|from scratch|different problem|another problem entirely|something else entirely|my real problem|thats not my problem|not what i meant at all');
export const GOODBYE = phrases('bye|goodbye|bye bye|night night|good night|goodnight|see you|see ya|cya|take care|later|thats all i needed|thats all i need|thats all for now|thats everything|thats all thanks');
export const THANKS = phrases('thanks|thank you|thx|ty|cheers|ta|thank u|many thanks|much appreciated|appreciate it');
