/**
 * The HTML export's assembly: the model inlined as inert JSON, the bundle inlined under a CSP that
 * names exactly its hashes, and nothing loaded from anywhere. (test/e2e opens the result in Chromium.)
 */
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { analyzePlans, buildRoadmap, inlineJson } from '../../src/core';
import { roadmapHtml } from '../../src/cli/render';

const model = buildRoadmap(
  analyzePlans([
    {
      path: 'x.plan.yaml',
      text: ['program:', '  id: p', '  name: "</script><script>alert(1)</script><!-- \u2028"', '  projects:', '    - { id: a, name: "A & B", start: 2026-01-01, end: 2026-01-31 }', ''].join('\n'),
    },
  ]),
);
const assets = { script: 'document.title = "ok";\n//# sourceMappingURL=webview.js.map', style: 'body{color:red}\n/*# sourceMappingURL=webview.css.map */' };
const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('HTML export', () => {
  it('inlines JSON that no HTML parser can end early', () => {
    const text = inlineJson({ name: '</script><!-- & \u2028\u2029 >' });
    assert.ok(!/[<>&\u2028\u2029]/.test(text), text);
    assert.deepEqual(JSON.parse(text), { name: '</script><!-- & \u2028\u2029 >' });
  });

  it('embeds the model, the script and the style, allowed by hash and nothing else', () => {
    const html = roadmapHtml(model, assets);
    const data = /<script type="application\/json" id="roadmap-data">([^<]*)<\/script>/.exec(html);
    assert.ok(data);
    assert.deepEqual(JSON.parse(data[1]), model);
    // Exactly one executable script and one style, without their source map comments.
    assert.deepEqual([...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]), ['document.title = "ok";']);
    assert.deepEqual([...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]), ['body{color:red}']);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.equal(csp, `default-src 'none'; script-src ${sha('document.title = "ok";')}; style-src ${sha('body{color:red}')}; img-src 'none'; base-uri 'none'; form-action 'none'`);
    assert.ok(!/\s(src|href|srcset|action)=/i.test(html), 'nothing is loaded');
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<style>'), 'the policy comes before anything it governs');
  });

  it('escapes the title', () => {
    const html = roadmapHtml(model, assets);
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
    assert.ok(title.startsWith('&#60;/script&#62;&#60;script&#62;alert(1)'), title);
  });

  it('refuses a bundle that would end its own script element', () => {
    assert.throws(() => roadmapHtml(model, { script: 'x = "</script>"', style: '' }), /cannot be inlined/);
    assert.throws(() => roadmapHtml(model, { script: '', style: 'a{}</style>' }), /cannot be inlined/);
  });
});
