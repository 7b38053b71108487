/**
 * The HTML export's assembly: the model inlined as inert JSON, the bundle inlined under a CSP that
 * names exactly its hashes, and nothing loaded from anywhere. (test/e2e opens the result in Chromium.)
 */
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { analyzePlans, buildRoadmap, htmlPage, inlineJson, joinRoadmap, roadmapOutline, type RoadmapDetails, type RoadmapOutline } from '../../src/core';
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

  it('embeds the model in two parts: the outline as JSON before the script, the details gzipped in base64 after it', () => {
    const html = roadmapHtml(model, assets);
    const blocks = [...html.matchAll(/<script( type="[^"]+" id="[^"]+")?>([^<]*)<\/script>/g)].map((m) => [m[1] ?? '', m[2]]);
    assert.deepEqual(blocks.map(([attributes]) => attributes), [' type="application/json" id="roadmap-outline"', '', ' type="application/gzip" id="roadmap-details"']);
    const outline = JSON.parse(blocks[0][1]) as RoadmapOutline;
    assert.deepEqual(outline, roadmapOutline(model));
    assert.match(blocks[2][1], /^[A-Za-z0-9+/]+={0,2}$/);
    const details = JSON.parse(gunzipSync(Buffer.from(blocks[2][1], 'base64')).toString('utf8')) as RoadmapDetails;
    assert.equal(JSON.stringify(joinRoadmap(outline, details)), JSON.stringify(model));
  });

  it('embeds the script and the style, allowed by hash and nothing else', () => {
    const html = roadmapHtml(model, assets);
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

  it('writes data blocks after the scripts when asked, and only base64 of a type that never runs', () => {
    const page = (base64: string, type = 'application/gzip') =>
      htmlPage({ title: 't', csp: {}, body: '', data: [{ id: 'first', value: 1 }], scripts: [{ text: 'run()' }], trailingData: [{ id: 'last', type, base64 }] });
    const html = page('QUJD');
    assert.ok(html.indexOf('id="first"') < html.indexOf('<script>run()') && html.indexOf('<script>run()') < html.indexOf('<script type="application/gzip" id="last">QUJD</script>'));
    assert.throws(() => page('</script><script>alert(1)//'), /must be base64/);
    for (const type of ['text/javascript', 'application/javascript', 'application/x-ecmascript', 'module', 'application/json" onload="x']) {
      assert.throws(() => page('QUJD', type), /cannot have the type/, type);
    }
  });

  it('refuses a bundle that would end its own script element', () => {
    assert.throws(() => roadmapHtml(model, { script: 'x = "</script>"', style: '' }), /cannot be inlined/);
    assert.throws(() => roadmapHtml(model, { script: '', style: 'a{}</style>' }), /cannot be inlined/);
  });
});
