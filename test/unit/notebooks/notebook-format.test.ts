import * as assert from 'assert';
import fc from 'fast-check';
import { redactSecrets } from '../../../src/api/redact';
import { maskCellSecrets } from '../../../src/notebooks/core/cell-secrets';
import {
  parseNotebook,
  serializeNotebook,
  type NotebookCellModel,
  type NotebookModel,
} from '../../../src/notebooks/core/notebook-format';

const roundTrip = (text: string) => serializeNotebook(parseNotebook(text));
const shape = (model: NotebookModel) => model.cells.map((c) => [c.kind, c.value]);

const SAMPLE = [
  '# Issue cards',
  '',
  'Look the location up first.',
  '',
  '```altegio',
  '# @name location',
  'GET /company/{{location_id}}',
  '```',
  '',
  'Then issue a card:',
  '',
  '```altegio',
  'POST /loyalty/cards/{{location_id}}',
  '',
  '{ "loyalty_card_type_id": 1 }',
  '```',
  '',
].join('\n');

describe('notebook format', () => {
  it('reads ```altegio blocks as request cells and the rest as Markdown cells', () => {
    assert.deepStrictEqual(shape(parseNotebook(SAMPLE)), [
      ['markdown', '# Issue cards\n\nLook the location up first.'],
      ['request', '# @name location\nGET /company/{{location_id}}'],
      ['markdown', 'Then issue a card:'],
      ['request', 'POST /loyalty/cards/{{location_id}}\n\n{ "loyalty_card_type_id": 1 }'],
    ]);
  });

  const ODD: Record<string, string> = {
    'the sample': SAMPLE,
    'an empty file': '',
    'blank lines only': '\n\n  \n',
    'no trailing newline after a request cell': '```altegio\nGET /countries\n```',
    'no trailing newline after Markdown': '```altegio\nGET /countries\n```\nText',
    'CRLF line ends': SAMPLE.replace(/\n/g, '\r\n'),
    'mixed line ends': '# Title\r\n\n```altegio\r\nGET /countries\n```\r\ntext\rmore\n',
    'a cell at the very start and the very end': '```altegio\nGET /a\n```\n\n```altegio\nGET /b\n```\n',
    'adjacent cells without a blank line': '```altegio\nGET /a\n```\n```altegio\nGET /b\n```\n',
    'blank lines before the first cell': '\n\n```altegio\nGET /a\n```\n\n\n',
    'a request block nested in a longer fence':
      '````markdown\n```altegio\nGET /x\n```\n````\n\n```altegio\nGET /y\n```\n',
    'tilde fences': '~~~altegio\nGET /a\n~~~\n\n~~~~\n```altegio\nnot a cell\n```\n~~~~\n',
    'an unclosed fence runs to the end': 'Intro\n\n```altegio\nGET /a\n\n{"x": 1}\n',
    'an unclosed non-request fence hides what follows': '```js\nlet a;\n\n```altegio\nGET /a\n```\n',
    'front matter': '---\nlocation_id: 1\ntitle: "Cards"\n---\n\n# Cards\n\n```altegio\nGET /a\n```\n',
    'front matter closed by dots': '---\na: 1\n...\n```altegio\nGET /a\n```',
    'a horizontal rule that is not front matter': '\n---\ntext\n---\n',
    'indented fences are Markdown': '   ```altegio\nGET /a\n   ```\n\n    ```altegio\n    GET /b\n    ```\n',
    'an info string with more words': '```altegio title="x"\nGET /a\n```\n',
    'trailing spaces and tabs': '# T  \n\t\n```altegio   \nGET /a\t\n```  \n \n',
    'a backtick info string with a backtick is not a fence': '``` altegio `x`\nGET /a\n```\n',
    'Markdown cells kept apart by separators': '# A\n\n<!-- cell -->\n\nB\n<!-- cell -->\n   <!-- cell -->  \nC',
    'a separator before the first cell and after the last': '<!-- cell -->\nA\n\n<!-- cell -->\n',
    'a separator next to a request cell':
      '```altegio\nGET /a\n```\n<!-- cell -->\n\nText\n<!-- cell -->\n```altegio\nGET /b\n```',
    'a separator inside a fence, or indented as code, is content': '```md\n<!-- cell -->\n```\n    <!-- cell -->\n',
  };

  for (const [name, text] of Object.entries(ODD)) {
    it(`writes back ${name} byte for byte`, () => {
      assert.strictEqual(roundTrip(text), text);
    });
  }

  it('finds no request cell inside a longer fence or an indented block', () => {
    assert.deepStrictEqual(
      parseNotebook(ODD['a request block nested in a longer fence']).cells.map((c) => c.kind),
      ['markdown', 'request'],
    );
    assert.deepStrictEqual(
      parseNotebook(ODD['indented fences are Markdown']).cells.map((c) => c.kind),
      ['markdown'],
    );
    assert.deepStrictEqual(
      parseNotebook(ODD['tilde fences']).cells.map((c) => c.kind),
      ['request', 'markdown'],
    );
  });

  it('splits Markdown at separator lines outside fences, and nowhere else', () => {
    assert.deepStrictEqual(shape(parseNotebook(ODD['Markdown cells kept apart by separators'])), [
      ['markdown', '# A'],
      ['markdown', 'B'],
      ['markdown', 'C'],
    ]);
    assert.deepStrictEqual(shape(parseNotebook(ODD['a separator next to a request cell'])), [
      ['request', 'GET /a'],
      ['markdown', 'Text'],
      ['request', 'GET /b'],
    ]);
    assert.deepStrictEqual(shape(parseNotebook(ODD['a separator inside a fence, or indented as code, is content'])), [
      ['markdown', '```md\n<!-- cell -->\n```\n    <!-- cell -->'],
    ]);
  });

  it('turns front matter into a cell of its own and values use "\\n" whatever the file uses', () => {
    const model = parseNotebook(ODD['front matter'].replace(/\n/g, '\r\n'));
    assert.strictEqual(model.eol, '\r\n');
    assert.deepStrictEqual(shape(model), [
      ['frontMatter', 'location_id: 1\ntitle: "Cards"'],
      ['markdown', '# Cards'],
      ['request', 'GET /a'],
    ]);
  });

  it('round-trips any mix of Markdown, fences, front matter and line ends', () => {
    const piece = fc.constantFrom(
      '# Heading',
      'text with `code`',
      '',
      '   ',
      '---',
      '...',
      '```altegio',
      '```',
      '````',
      '~~~',
      '~~~altegio',
      '```json altegio-output status=201',
      'GET /company/{{location_id}}',
      '{"a": [1, 2]}',
      '    ```altegio',
      '> ```altegio',
      '- item',
      '<!-- cell -->',
      '  <!-- cell -->',
    );
    const eol = fc.constantFrom('\n', '\r\n', '\r');
    const text = fc.array(fc.tuple(piece, eol), { maxLength: 30 }).chain((lines) =>
      fc.boolean().map((lastEol) => {
        const joined = lines.map(([l, e]) => l + e).join('');
        return lastEol || lines.length === 0 ? joined : joined.slice(0, -lines[lines.length - 1][1].length);
      }),
    );
    // Saved outputs are part of the text here, so they are kept: without saveOutputs they are left out by design.
    fc.assert(
      fc.property(text, (t) => serializeNotebook(parseNotebook(t), { saveOutputs: true }) === t),
      { numRuns: 2000 },
    );
    assert.strictEqual(
      roundTrip('~~~altegio\n~~~\n```json altegio-output status=201\n```'),
      '~~~altegio\n~~~\n',
      'outputs are not saved by default',
    );
  });

  it('rewrites only the cell that changed', () => {
    const model = parseNotebook(SAMPLE);
    model.cells[3].value = 'POST /loyalty/cards/{{location_id}}\n\n{ "loyalty_card_type_id": 2 }';
    assert.strictEqual(
      serializeNotebook(model),
      SAMPLE.replace('"loyalty_card_type_id": 1', '"loyalty_card_type_id": 2'),
    );
  });

  it('keeps the fence style and the line ends of an edited cell', () => {
    const text = '~~~~altegio\r\nGET /a\r\n~~~~\r\n';
    const model = parseNotebook(text);
    model.cells[0].value = 'GET /b\nAccept: x';
    assert.strictEqual(serializeNotebook(model), '~~~~altegio\r\nGET /b\r\nAccept: x\r\n~~~~\r\n');
  });

  it('lengthens the fence when an edited body holds a line of backticks', () => {
    const model = parseNotebook('```altegio\nGET /a\n```\n');
    model.cells[0].value = 'POST /a\n\n{"note": "x"}\n```';
    const text = serializeNotebook(model);
    assert.strictEqual(text, '````altegio\nPOST /a\n\n{"note": "x"}\n```\n````\n');
    assert.deepStrictEqual(shape(parseNotebook(text)), [['request', 'POST /a\n\n{"note": "x"}\n```']]);
  });

  it('writes new cells apart by a blank line, and reads them back as the same cells', () => {
    const model = parseNotebook('Intro');
    const added: NotebookCellModel[] = [
      { kind: 'request', value: 'GET /countries' },
      { kind: 'markdown', value: 'Done.' },
      { kind: 'request', value: '' },
    ];
    model.cells.push(...added);
    const text = serializeNotebook(model);
    assert.strictEqual(text, 'Intro\n\n```altegio\nGET /countries\n```\n\nDone.\n\n```altegio\n```\n');
    assert.deepStrictEqual(shape(parseNotebook(text)), [
      ['markdown', 'Intro'],
      ['request', 'GET /countries'],
      ['markdown', 'Done.'],
      ['request', ''],
    ]);
  });

  it('sets a new cell inserted among read ones off by a blank line on both sides', () => {
    const model = parseNotebook('# Intro\n\n```altegio\nGET /countries\n```\n');
    model.cells.splice(1, 0, { kind: 'request', value: 'GET /company/1' });
    assert.strictEqual(
      serializeNotebook(model),
      '# Intro\n\n```altegio\nGET /company/1\n```\n\n```altegio\nGET /countries\n```\n',
    );
    model.cells.splice(1, 1, { kind: 'markdown', value: 'Second.' });
    const text = serializeNotebook(model);
    assert.strictEqual(text, '# Intro\n\n<!-- cell -->\n\nSecond.\n\n```altegio\nGET /countries\n```\n');
    assert.deepStrictEqual(shape(parseNotebook(text)), shape(model));
  });

  it('writes a separator between two Markdown cells in a row, only where none is already', () => {
    const model = parseNotebook('# A\n\n<!-- cell -->\n\nB\n');
    model.cells.push(
      { kind: 'markdown', value: 'C' },
      { kind: 'request', value: 'GET /a' },
      { kind: 'markdown', value: 'D' },
    );
    model.cells.splice(1, 0, { kind: 'markdown', value: 'A2' });
    const text = serializeNotebook(model);
    assert.strictEqual(
      text,
      '# A\n\n<!-- cell -->\n\nA2\n\n<!-- cell -->\n\nB\n\n<!-- cell -->\n\nC\n\n```altegio\nGET /a\n```\n\nD\n',
    );
    assert.deepStrictEqual(
      shape(parseNotebook(text)),
      model.cells.map((c) => [c.kind, c.value]),
    );
  });

  it('reads back the cells it wrote, Markdown cells in a row included (property)', () => {
    const markdown = fc
      .array(fc.constantFrom('# Heading', 'Some *text*.', '- item', '> quote', '', '<!-- a comment -->', '---'), {
        minLength: 1,
        maxLength: 4,
      })
      .map((lines) => lines.join('\n').trim())
      .filter((value) => value !== '');
    const request = fc.constantFrom('GET /company/{{location_id}}', 'POST /loyalty/cards/1\n\n{"a": 1}', '');
    const cellModel = fc.oneof(
      markdown.map((value): NotebookCellModel => ({ kind: 'markdown', value })),
      request.map((value): NotebookCellModel => ({ kind: 'request', value })),
    );
    const eol = fc.constantFrom('\n', '\r\n');
    fc.assert(
      fc.property(fc.array(cellModel, { maxLength: 8 }), eol, (cells, e) => {
        const text = serializeNotebook({ cells, eol: e });
        const read = parseNotebook(text);
        assert.deepStrictEqual(shape(read), shape({ cells, eol: e }));
        assert.strictEqual(serializeNotebook(read), text, 'and writes it back byte for byte');
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps a first Markdown cell that looks like front matter Markdown', () => {
    const text = serializeNotebook({ cells: [{ kind: 'markdown', value: '---\ntitle: x\n---\nText' }], eol: '\n' });
    assert.strictEqual(text, '\n---\ntitle: x\n---\nText\n');
    assert.deepStrictEqual(shape(parseNotebook(text)), [['markdown', '---\ntitle: x\n---\nText']]);
  });

  it('writes a front-matter cell as front matter at the top and as YAML anywhere else', () => {
    const top = serializeNotebook({ cells: [{ kind: 'frontMatter', value: 'a: 1' }], eol: '\n' });
    assert.strictEqual(top, '---\na: 1\n---\n');
    const model = parseNotebook('---\na: 1\n---\n# T\n');
    model.cells.reverse();
    assert.strictEqual(serializeNotebook(model), '# T\n```yaml\na: 1\n```\n');
  });

  describe('outputs', () => {
    const withOutput = '```altegio\nGET /a\n```\n\n```json altegio-output status=200\n{"success": true}\n```\n\nText\n';

    it('reads a saved output back as the output of the request cell above it', () => {
      const model = parseNotebook(withOutput);
      assert.deepStrictEqual(shape(model), [
        ['request', 'GET /a'],
        ['markdown', 'Text'],
      ]);
      assert.deepStrictEqual(model.cells[0].output, { text: '{"success": true}', status: 200 });
    });

    it('leaves outputs out unless asked to save them', () => {
      const model = parseNotebook(SAMPLE);
      model.cells[1].output = { text: '{"data": {"id": 1}}', status: 200 };
      assert.strictEqual(serializeNotebook(model), SAMPLE);
      assert.strictEqual(serializeNotebook(parseNotebook(withOutput)), '```altegio\nGET /a\n```\n\nText\n');
    });

    it('writes outputs redacted under their cell when asked, and keeps an unchanged one byte for byte', () => {
      const model = parseNotebook('```altegio\nPOST /auth\n```\n\nText\n');
      model.cells[0].output = { text: '{\n  "user_token": "abcdef123456",\n  "name": "Ann"\n}', status: 201 };
      const text = serializeNotebook(model, { saveOutputs: true, redact: (t) => redactSecrets(t) });
      assert.strictEqual(
        text,
        '```altegio\nPOST /auth\n```\n\n```json altegio-output status=201\n{\n  "user_token": "***",\n  "name": "Ann"\n}\n```\n\nText\n',
      );
      assert.ok(!text.includes('abcdef123456'));
      assert.strictEqual(serializeNotebook(parseNotebook(withOutput), { saveOutputs: true }), withOutput);
    });
  });

  describe('secrets in cells', () => {
    it('masks an Authorization header and known tokens, and leaves everything else as it is', () => {
      const cell = [
        'GET /company/{{location_id}}',
        'Authorization: Bearer abcdef123, User ghijkl456',
        'authorization:Basic dXNlcjpwYXNz',
        '',
        '{"note": "token partnerSECRET123 pasted", "password": "{{password}}"}',
      ].join('\n');
      assert.strictEqual(
        maskCellSecrets(cell, ['partnerSECRET123']),
        [
          'GET /company/{{location_id}}',
          'Authorization: Bearer ***, User ***',
          'authorization:***',
          '',
          '{"note": "token *** pasted", "password": "{{password}}"}',
        ].join('\n'),
      );
      const clean = 'POST /loyalty/cards/1\nAuthorization: Bearer ***\n\n{"phone": {{row.phone}}}';
      assert.strictEqual(maskCellSecrets(clean, []), clean);
    });
  });
});
