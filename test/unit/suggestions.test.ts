/**
 * "Did you mean …?": the closest known name to a mistyped one, and the edit distance behind it. A name
 * of n characters may be max(2, ⌊n/3⌋) edits away from its suggestion, and fewer edits than either name
 * is long; case does not count.
 */
import { strict as assert } from 'node:assert';
import { closestName, editDistance } from '../../src/core';
import { numberHint } from '../../src/core/syntax/numberHint';

describe('suggestions', () => {
  describe('editDistance', () => {
    it('counts insertions, deletions and substitutions (Levenshtein)', () => {
      assert.equal(editDistance('kitten', 'sitting'), 3);
      assert.equal(editDistance('flaw', 'lawn'), 2);
      assert.equal(editDistance('ci-upgarde', 'ci-upgrade'), 2, 'a swap is two substitutions');
      assert.equal(editDistance('same', 'same'), 0);
      assert.equal(editDistance('', 'abc'), 3);
      assert.equal(editDistance('abc', ''), 3);
      assert.equal(editDistance('', ''), 0);
    });

    it('is symmetric and case-sensitive', () => {
      assert.equal(editDistance('sitting', 'kitten'), 3);
      assert.equal(editDistance('Platform', 'platform'), 1);
    });

    it('gives the exact distance below the limit, and the limit once it cannot be below it', () => {
      assert.equal(editDistance('kitten', 'sitting', 4), 3);
      assert.equal(editDistance('kitten', 'sitting', 3), 3);
      assert.equal(editDistance('kitten', 'sitting', 2), 2);
      assert.equal(editDistance('abc', 'xyz', 1), 1);
      // No early stop is possible here (one row), but the answer still says "not below the limit".
      assert.ok(editDistance('a', 'abcdef', 2) >= 2);
    });
  });

  describe('closestName', () => {
    it('suggests the name a typo was meant to be', () => {
      assert.equal(closestName('ci-upgarde', ['auth-migration', 'ci-upgrade', 'platform']), 'ci-upgrade');
      assert.equal(closestName('platfrom', ['payments', 'platform']), 'platform');
      assert.equal(closestName('alcie', ['bob', 'alice']), 'alice');
    });

    it('ignores case, and answers with the name as written', () => {
      assert.equal(closestName('Platform', ['platform']), 'platform');
      assert.equal(closestName('CI-UPGRADE', ['ci-upgrade']), 'ci-upgrade');
      assert.equal(closestName('bob', ['Bob']), 'Bob');
    });

    it('allows max(2, ⌊n/3⌋) edits for a name of n characters', () => {
      // n = 3: 2 edits.
      assert.equal(closestName('bob', ['bxx']), 'bxx');
      assert.equal(closestName('bob', ['xxx']), undefined);
      // n = 9: 3 edits.
      assert.equal(closestName('abcdefghi', ['abcdefxyz']), 'abcdefxyz');
      assert.equal(closestName('abcdefghi', ['abcdewxyz']), undefined);
      // n = 24: 8 edits.
      assert.equal(closestName('authentication-migration', ['authentication-mxxxxxxxx']), 'authentication-mxxxxxxxx');
      assert.equal(closestName('authentication-migration', ['authentication-xxxxxxxxx']), undefined);
    });

    it('allows a difference in length up to the same limit', () => {
      assert.equal(closestName('ci-upgrade', ['ci-upgrade-v2']), 'ci-upgrade-v2');
      assert.equal(closestName('ci-upgrade', ['ci-upgrade-v22']), undefined);
      assert.equal(closestName('ci', ['ci-upgrade']), undefined);
    });

    it('never suggests a name for one it would rewrite whole (short names)', () => {
      // 'ab' → 'xy' is 2 edits, within max(2, 0), but no character survives: not a typo.
      assert.equal(closestName('ab', ['xy']), undefined);
      assert.equal(closestName('a', ['b']), undefined);
      assert.equal(closestName('x', ['id']), undefined);
      assert.equal(closestName('ab', ['abcd']), undefined, '2 insertions to a 2-character name');
      // One character kept is a typo: 'ab' → 'ax' (1 edit), 'id' → 'ids'.
      assert.equal(closestName('ab', ['xy', 'ax']), 'ax');
      assert.equal(closestName('id', ['ids']), 'ids');
    });

    it('suggests nothing when every name is too far, or there is none', () => {
      assert.equal(closestName('payments', ['platform', 'search', 'auth-migration']), undefined);
      assert.equal(closestName('anything', []), undefined);
    });

    it('prefers the closest name wherever it stands in the list', () => {
      assert.equal(closestName('platfrm', ['platforms', 'platform']), 'platform');
      assert.equal(closestName('platfrm', ['platform', 'platforms']), 'platform');
    });

    it('takes the first of equally close names', () => {
      assert.equal(closestName('bat', ['cat', 'hat']), 'cat');
      assert.equal(closestName('bat', ['hat', 'cat']), 'hat');
    });
  });
});

describe('numberHint: the number a text was meant to be', () => {
  const hint = (text: string) => {
    const found = numberHint(text);
    return found ? `${found.written} — ${found.reasons.join(', ')}` : undefined;
  };

  it('drops thousands separators of every usual kind', () => {
    assert.equal(hint('1,400,000'), '1400000 — no thousands separators');
    assert.equal(hint('1 400 000'), '1400000 — no thousands separators');
    assert.equal(hint("1'400'000"), '1400000 — no thousands separators');
    assert.equal(hint('1_400_000'), '1400000 — no thousands separators');
    assert.equal(hint('1.400.000'), '1400000 — no thousands separators');
    assert.equal(hint('12,345.67'), '12345.67 — no thousands separators');
    assert.equal(hint('1.400,50'), '1400.5 — no thousands separators, a decimal point, not a comma');
  });

  it('takes a decimal comma for a decimal point', () => {
    assert.equal(hint('1,5'), '1.5 — a decimal point, not a comma');
  });

  it('drops %, currencies and k / M / bn, exactly (0.1k is 100, not 100.00000000000001)', () => {
    assert.equal(hint('40%'), '40 — no % sign');
    assert.equal(hint('$200k'), "200000 — no currency (it is set once, with currency:), no 'k' for thousands");
    assert.equal(hint('€1.200.000'), '1200000 — no currency (it is set once, with currency:), no thousands separators');
    assert.equal(hint('USD 250000'), '250000 — no currency (it is set once, with currency:)');
    assert.equal(hint('0.1k'), "100 — no 'k' for thousands");
    assert.equal(hint('1.5M'), "1500000 — no 'M' for millions");
    assert.equal(hint('2bn'), "2000000000 — no 'bn' for billions");
  });

  it('says a number in quotes is text', () => {
    assert.equal(hint('40'), '40 — without quotes');
  });

  it('gives nothing for what is no number', () => {
    for (const text of ['', 'a lot', 'TBD', '2026-01-05', '8w', '1,000,00', '- 5', '40%%']) assert.equal(hint(text), undefined, text);
  });
});
