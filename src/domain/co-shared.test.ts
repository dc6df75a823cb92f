import { expect } from '@open-wc/testing';
import {
  coShareKey,
  findCoSharedClients,
  isCoShared,
  normaliseAddress,
  normaliseEmail,
  type ClientIdentity,
} from './co-shared.js';

describe('normaliseEmail', () => {
  const cases: Array<{ input: unknown; expected: string | null }> = [
    { input: 'Jane.Doe@Example.COM', expected: 'jane.doe@example.com' },
    { input: '  jane@example.com \n', expected: 'jane@example.com' },
    { input: 'jane+home@example.com', expected: 'jane+home@example.com' },
    { input: 'not an email', expected: null },
    { input: 'jane@example', expected: null },
    { input: '', expected: null },
    { input: null, expected: null },
    { input: undefined, expected: null },
    { input: 42, expected: null },
  ];
  for (const c of cases) it(`${JSON.stringify(c.input) ?? 'undefined'} → ${String(c.expected)}`, () => expect(normaliseEmail(c.input)).to.equal(c.expected));
});

describe('normaliseAddress: one rule per row', () => {
  const cases: Array<{ name: string; input: ClientIdentity['address']; expected: string | null }> = [
    { name: 'case', input: '123 MAIN ST SPRINGFIELD IL 62704', expected: '123 main st springfield il 62704' },
    { name: 'whitespace collapsed and trimmed', input: '  123   Main\tSt \n Springfield  IL   62704 ', expected: '123 main st springfield il 62704' },
    { name: 'punctuation stripped (. , # \')', input: "123 O'Neil St., Springfield, IL, 62704.", expected: '123 oneil st springfield il 62704' },
    { name: 'curly apostrophe stripped', input: '123 O\u2019Neil St', expected: '123 oneil st' },
    { name: 'suffix: street → st', input: '123 Main Street', expected: '123 main st' },
    { name: 'suffix: avenue → ave', input: '9 Park Avenue', expected: '9 park ave' },
    { name: 'suffix: road → rd', input: '9 Mill Road', expected: '9 mill rd' },
    { name: 'suffix: drive → dr', input: '9 Lake Drive', expected: '9 lake dr' },
    { name: 'suffix: boulevard → blvd', input: '9 Sunset Boulevard', expected: '9 sunset blvd' },
    { name: 'suffix: lane → ln', input: '9 Cherry Lane', expected: '9 cherry ln' },
    { name: 'suffix: court → ct', input: '9 Oak Court', expected: '9 oak ct' },
    { name: 'suffix: place → pl', input: '9 Elm Place', expected: '9 elm pl' },
    { name: 'suffix: terrace → ter', input: '9 Hill Terrace', expected: '9 hill ter' },
    { name: 'suffix: parkway → pkwy', input: '9 River Parkway', expected: '9 river pkwy' },
    { name: 'suffix: highway → hwy', input: '9 Pacific Coast Highway', expected: '9 pacific coast hwy' },
    { name: 'suffix: circle → cir', input: '9 Maple Circle', expected: '9 maple cir' },
    { name: 'direction: north → n', input: '123 North Main St', expected: '123 n main st' },
    { name: 'direction: south/east/west', input: '1 South 2 East 3 West', expected: '1 s 2 e 3 w' },
    { name: 'direction: northeast → ne', input: '5 Northeast 2nd Ave', expected: '5 ne 2nd ave' },
    { name: 'direction: N.W. → nw', input: '5 N.W. 2nd Ave', expected: '5 nw 2nd ave' },
    { name: 'direction: southwest, southeast', input: 'Southwest Southeast', expected: 'sw se' },
    { name: 'unit: apartment', input: '1 Main St Apartment 4', expected: '1 main st unit 4' },
    { name: 'unit: apt.', input: '1 Main St Apt. 4', expected: '1 main st unit 4' },
    { name: 'unit: suite', input: '1 Main St Suite 400', expected: '1 main st unit 400' },
    { name: 'unit: ste', input: '1 Main St Ste 400', expected: '1 main st unit 400' },
    { name: 'unit: #', input: '1 Main St #4', expected: '1 main st unit 4' },
    { name: 'unit: # with a space', input: '1 Main St # 4', expected: '1 main st unit 4' },
    { name: 'unit: Apt #4 is one designator', input: '1 Main St Apt #4', expected: '1 main st unit 4' },
    { name: 'unit: unit', input: '1 Main St Unit 4B', expected: '1 main st unit 4b' },
    { name: 'unit: floor', input: '1 Main St Floor 3', expected: '1 main st unit 3' },
    { name: 'unit: fl before a number is a floor', input: '1 Main St Fl 3 Miami FL 33101', expected: '1 main st unit 3 miami fl 33101' },
    { name: 'unit: building / bldg', input: '1 Main St Building 2 Bldg 2', expected: '1 main st unit 2 unit 2' },
    { name: 'zip+4 → first 5 digits', input: 'Springfield IL 62704-1234', expected: 'springfield il 62704' },
    { name: 'nine-digit zip → first 5 digits', input: 'Springfield IL 627041234', expected: 'springfield il 62704' },
    { name: 'state name → code', input: 'Springfield Illinois 62704', expected: 'springfield il 62704' },
    { name: 'two-word state before direction rules', input: 'Raleigh North Carolina 27601', expected: 'raleigh nc 27601' },
    { name: 'West Virginia is not w + va', input: 'Charleston West Virginia', expected: 'charleston wv' },
    { name: 'District of Columbia (state names are replaced wherever they stand, the same on both sides)', input: 'Washington District of Columbia 20001', expected: 'wa dc 20001' },
    { name: 'Florida at the end stays the state', input: 'Miami Florida', expected: 'miami fl' },
    { name: 'trailing country dropped', input: '1 Main St Springfield IL 62704 USA', expected: '1 main st springfield il 62704' },
    { name: 'trailing United States of America dropped', input: '1 Main St, Springfield, IL 62704, United States of America', expected: '1 main st springfield il 62704' },
    { name: 'accents folded', input: '1 Rue Montréal', expected: '1 rue montreal' },
    { name: 'P.O. Box', input: 'P.O. Box 12', expected: 'po box 12' },
    {
      name: 'parts are joined in street, unit, city, state, zip order',
      input: { street: '123 North Main Street', unit: 'Apt. 4', city: 'Springfield', state: 'Illinois', zip: '62704-1234' },
      expected: '123 n main st unit 4 springfield il 62704',
    },
    { name: 'parts with blanks and nulls', input: { street: '1 Main St', unit: null, city: ' ', state: 'IL', zip: undefined }, expected: '1 main st il' },
    { name: 'parts without a street are not a home address', input: { city: 'Springfield', state: 'IL', zip: '62704' }, expected: null },
    { name: 'parts with a blank street', input: { street: '  ', city: 'Springfield' }, expected: null },
    { name: 'empty string', input: '', expected: null },
    { name: 'punctuation only', input: ' ., # ', expected: null },
    { name: 'a designator alone', input: 'Apt #', expected: null },
    { name: 'null', input: null, expected: null },
    { name: 'undefined', input: undefined, expected: null },
    { name: 'a number at run time', input: 12345 as unknown as string, expected: null },
    { name: 'absurdly long', input: 'a '.repeat(600), expected: null },
  ];
  for (const c of cases) it(c.name, () => expect(normaliseAddress(c.input)).to.equal(c.expected));
});

describe('isCoShared', () => {
  const realtorClient: ClientIdentity = {
    email: 'Jane.Doe@Example.com',
    address: { street: '123 North Main Street', unit: 'Apartment 4', city: 'Springfield', state: 'Illinois', zip: '62704-1234' },
  };
  const cases: Array<{ name: string; a: ClientIdentity; b: ClientIdentity; expected: boolean }> = [
    { name: 'identical', a: realtorClient, b: realtorClient, expected: true },
    {
      name: 'same after every normalisation (one line vs parts)',
      a: realtorClient,
      b: { email: ' jane.doe@example.COM ', address: '123 N. Main St., #4, Springfield, IL 62704, USA' },
      expected: true,
    },
    {
      name: 'email case and whitespace only',
      a: { email: 'JANE@X.CO', address: '1 Main St' },
      b: { email: ' jane@x.co', address: '1 Main St' },
      expected: true,
    },
    {
      name: 'suite vs ste vs #',
      a: { email: 'j@x.co', address: '1 Main St Suite 4, Austin, Texas 73301' },
      b: { email: 'j@x.co', address: '1 Main St #4 Austin TX 73301' },
      expected: true,
    },
    {
      name: 'same email, different address',
      a: realtorClient,
      b: { email: 'jane.doe@example.com', address: '125 North Main Street, Apartment 4, Springfield, IL 62704' },
      expected: false,
    },
    {
      name: 'same email, different unit',
      a: realtorClient,
      b: { email: 'jane.doe@example.com', address: '123 N Main St Apt 5 Springfield IL 62704' },
      expected: false,
    },
    {
      name: 'same email, different zip',
      a: realtorClient,
      b: { email: 'jane.doe@example.com', address: '123 N Main St Apt 4 Springfield IL 62705' },
      expected: false,
    },
    {
      name: 'same address, different email',
      a: realtorClient,
      b: { email: 'john.doe@example.com', address: realtorClient.address },
      expected: false,
    },
    { name: 'missing email on one side', a: realtorClient, b: { email: null, address: realtorClient.address }, expected: false },
    { name: 'missing address on one side', a: realtorClient, b: { email: 'jane.doe@example.com', address: undefined }, expected: false },
    { name: 'invalid email on both sides', a: { email: 'jane', address: '1 Main St' }, b: { email: 'jane', address: '1 Main St' }, expected: false },
    { name: 'both missing everything', a: { email: null, address: null }, b: { email: null, address: null }, expected: false },
    {
      name: 'both addresses lack a street',
      a: { email: 'j@x.co', address: { city: 'Austin', zip: '73301' } },
      b: { email: 'j@x.co', address: { city: 'Austin', zip: '73301' } },
      expected: false,
    },
  ];
  for (const c of cases) {
    it(c.name, () => expect(isCoShared(c.a, c.b)).to.equal(c.expected));
    it(`${c.name} (symmetric)`, () => expect(isCoShared(c.b, c.a)).to.equal(c.expected));
  }
});

describe('coShareKey', () => {
  const cases: Array<{ name: string; input: ClientIdentity; expected: string | null }> = [
    { name: 'email and address', input: { email: 'A@B.co', address: '1 Main Street' }, expected: 'a@b.co\n1 main st' },
    { name: 'no email', input: { email: undefined, address: '1 Main Street' }, expected: null },
    { name: 'no address', input: { email: 'a@b.co', address: '' }, expected: null },
    { name: 'null identity at run time', input: null as unknown as ClientIdentity, expected: null },
  ];
  for (const c of cases) it(c.name, () => expect(coShareKey(c.input)).to.equal(c.expected));
});

describe('findCoSharedClients', () => {
  interface Client extends ClientIdentity {
    id: string;
  }
  const m1: Client = { id: 'm1', email: 'ann@x.co', address: '1 Main Street' };
  const m2: Client = { id: 'm2', email: 'bob@x.co', address: '2 Oak Avenue' };
  const m3: Client = { id: 'm3', email: null, address: '3 Elm St' };
  const t1: Client = { id: 't1', email: 'ANN@x.co', address: '1 Main St' };
  const t2: Client = { id: 't2', email: 'bob@x.co', address: '9 Oak Ave' };
  const t3: Client = { id: 't3', email: 'ann@x.co', address: { street: '1 Main St.' } };
  const t4: Client = { id: 't4', email: null, address: '3 Elm St' };

  const ids = (pairs: Array<{ mine: Client; theirs: Client }>): string[][] => pairs.map((p) => [p.mine.id, p.theirs.id]);
  const cases: Array<{ name: string; mine: Client[]; theirs: Client[]; expected: string[][] }> = [
    { name: 'one match among non-matches', mine: [m1, m2], theirs: [t2, t1], expected: [['m1', 't1']] },
    { name: 'several matches for one client, in their order', mine: [m1], theirs: [t3, t2, t1], expected: [['m1', 't3'], ['m1', 't1']] },
    { name: 'missing emails never match each other', mine: [m3], theirs: [t4], expected: [] },
    { name: 'empty lists', mine: [], theirs: [t1], expected: [] },
    { name: 'nothing in common', mine: [m2], theirs: [t1, t3], expected: [] },
    { name: 'order follows mine', mine: [m2, m1, m3], theirs: [t1, t2, t3, t4], expected: [['m1', 't1'], ['m1', 't3']] },
  ];
  for (const c of cases) it(c.name, () => expect(ids(findCoSharedClients(c.mine, c.theirs))).to.deep.equal(c.expected));

  it('returns the callers’ own objects (typed through)', () => {
    const [pair] = findCoSharedClients([m1], [t1]);
    expect([pair?.mine, pair?.theirs]).to.deep.equal([m1, t1]);
  });

  it('scales linearly: 10,000 × 10,000 clients in well under two seconds', () => {
    const mine = Array.from({ length: 10_000 }, (_, i) => ({ email: `c${i}@x.co`, address: `${i} Main Street` }));
    const theirs = Array.from({ length: 10_000 }, (_, i) => ({ email: `C${i * 2}@X.CO`, address: `${i * 2} Main St.` }));
    const started = performance.now();
    const pairs = findCoSharedClients(mine, theirs);
    const elapsed = performance.now() - started;
    expect({ matches: pairs.length, fast: elapsed < 2000 }).to.deep.equal({ matches: 5_000, fast: true });
  });
});
