/**
 * The parts of a bench article around its lead and topic sentences, in our own words: what makes
 * a generated report as long as a real one. The briefings we measure the extractor on run about
 * 1,600 characters (mean of the eval texts; the Niamey seed is 2,400): a lead, several paragraphs
 * on what was discussed, someone quoted, what was agreed, a word on the body that met.
 */

/** Follows a topic sentence: colour that names no meeting, place or date. */
export const SUPPORT = [
  'Diplomats said the talks were frank and that the next steps would be set out in the coming weeks.',
  'A spokesperson declined to give figures but said contributions had risen compared with last year.',
  'Observers noted that attendance was higher than at the previous session.',
  'The host government used the occasion to present its own plan for rural development.',
  'Security around the venue was tight, with several roads closed for the day.',
  'Non-governmental groups held a side event on the protection of civilians.',
  'Several delegations asked for the work to be measured against clear targets rather than promises.',
  'One participant described the exchange as the most practical one in years.',
  'Experts warned that the gains made so far could be lost without steady funding.',
  'Representatives of the region said local authorities had to be part of every project from the start.',
  'A short video prepared by the organisers showed the results of earlier projects on the ground.',
  'The session ran well past its scheduled end as more delegations asked for the floor.',
  'Speakers from civil society said that women and young people must have a say in the response.',
  'The point was made that neighbouring countries share the same porous borders and the same threats.',
];

export const SPEAKERS = [
  'Amina Sow', 'Marco Ferretti', 'Helen Whitcombe', 'Youssef Idrissi', 'Kwabena Owusu', 'Ingrid Solberg',
  'Pierre Lacombe', 'Nadia Haddad', 'Daniel Okoro', 'Claire Moreau', 'Tomas Lindqvist', 'Salma Yousef',
];

export const ROLES = [
  'foreign minister of {h}', 'special envoy of {h}', 'deputy foreign minister of {h}',
  'head of the delegation of {h}', 'director for counter-terrorism at the foreign ministry of {h}',
];

/** A speaker's words; {c} is the host city. */
export const QUOTES = [
  'We came to {c} to turn pledges into projects that people can see in their daily lives.',
  'No country can face this threat alone, and no military answer will be enough on its own.',
  'The group has lost its territory, but it has not lost its ability to recruit and to raise money.',
  'Our message today is simple: the coalition is staying, and it is paying attention to Africa.',
  'What happens in the villages of the Sahel matters for the security of all of us.',
  'We need fewer communiques and more schools, clinics and roads in the places that were neglected.',
];

export const OUTCOMES = [
  'Participants agreed to meet again before the end of the year to review progress.',
  'The members adopted a joint statement setting out their priorities for the coming months.',
  'Ministers welcomed the new contributions announced during the session and asked for regular reporting on their use.',
  'The meeting endorsed a plan to share information faster between the financial intelligence units of member states.',
  'Delegations pledged further support for the training of local police and judges.',
  'The chairs announced that a technical team would visit the most affected areas in the coming weeks.',
];

/** A word on the body that met, by its short name (the first entry of the bench's BODIES). */
export const BACKGROUND: Record<string, string> = {
  'Africa Focus Group':
    'The focus group was created to follow the spread of the terrorist group to affiliates on the African continent and to coordinate support for the countries most exposed.',
  'Counter ISIS Finance Group':
    'The finance group brings together dozens of governments that track how the militants raise, store and move money.',
  'Small Group':
    'The small group gathers the members that contribute most to the coalition and sets the direction of its work between ministerial meetings.',
  'G5 Sahel':
    'The regional organisation was set up by Sahel governments to coordinate development and security policies across their shared borders.',
  'Accra Initiative':
    'The initiative was launched by coastal West African states worried that violence in the Sahel would spill over their northern borders.',
  'Stabilization Working Group':
    'The working group coordinates the money and expertise that coalition members give to rebuild areas freed from the militants.',
  'Global Coalition to Defeat ISIS':
    'The coalition was formed in 2014 and has since grown to include more than eighty members, among them a growing number of African states.',
};

export const ATTENDANCE = [
  'Delegations from more than forty countries and several international organisations took part.',
  'Representatives of the African Union, the European Union and the United Nations attended as observers.',
  'Around sixty delegations were present, several of them led by ministers.',
];
