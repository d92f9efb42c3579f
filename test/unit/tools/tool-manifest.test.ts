// The `languageModelTools` contribution as VS Code 1.100 checks it (its contribution schema and the handler that
// refuses a tool without a name, a display name or a model description): every tool the code registers is
// contributed, with an input schema a JSON Schema validator compiles, worded in English and Russian.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { TOOL_NAMES, TOOLS_ENABLED_SETTING } from '../../../src/tools/tool-names';

const root = path.join(__dirname, '..', '..', '..');
const readJson = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;

interface ToolContribution {
  name: string;
  displayName: string;
  modelDescription: string;
  userDescription?: string;
  toolReferenceName?: string;
  canBeReferencedInPrompt?: boolean;
  tags?: string[];
  when?: string;
  icon?: string;
  inputSchema?: Record<string, unknown>;
}

/** The keys VS Code 1.100's contribution schema allows (it sets additionalProperties: false). */
const ALLOWED_KEYS = [
  'name',
  'toolReferenceName',
  'displayName',
  'userDescription',
  'modelDescription',
  'inputSchema',
  'canBeReferencedInPrompt',
  'icon',
  'when',
  'tags',
];

describe('the languageModelTools contribution', () => {
  const manifest = readJson('package.json') as {
    contributes: { languageModelTools: ToolContribution[]; configuration: unknown };
  };
  const tools = manifest.contributes.languageModelTools;
  const en = readJson('package.nls.json') as Record<string, string>;
  const ru = readJson('package.nls.ru.json') as Record<string, string>;
  const word = (value: string | undefined, nls: Record<string, string>) =>
    value?.replace(/^%(.+)%$/, (_m, key: string) => nls[key] ?? `missing ${key}`) ?? '';

  it('contributes exactly the tools the extension registers', () => {
    assert.deepStrictEqual(tools.map((t) => t.name).sort(), [...TOOL_NAMES].sort());
  });

  it('fits the contribution schema: required fields, names, reference names, tags and no unknown keys', () => {
    for (const t of tools) {
      for (const key of Object.keys(t)) assert.ok(ALLOWED_KEYS.includes(key), `${t.name}: ${key} is not allowed`);
      assert.match(t.name, /^(?!copilot_|vscode_)[\w-]+$/);
      for (const key of ['displayName', 'modelDescription'] as const) assert.ok(t[key], `${t.name} has ${key}`);
      if (t.canBeReferencedInPrompt) assert.match(t.toolReferenceName ?? '', /^[\w-]+$/, `${t.name} reference`);
      for (const tag of t.tags ?? []) assert.match(tag, /^(?!copilot_|vscode_)/);
      assert.strictEqual(t.when, `config.altegio.${TOOLS_ENABLED_SETTING}`, `${t.name} follows the setting`);
    }
  });

  it('declares input schemas that compile, of type object, whose required fields are properties', () => {
    const ajv = new Ajv({ strict: false });
    for (const t of tools) {
      const schema = (t.inputSchema ?? {}) as { type?: string; properties?: object; required?: string[] };
      assert.strictEqual(schema.type, 'object', t.name);
      assert.doesNotThrow(() => ajv.compile(schema), t.name);
      for (const field of schema.required ?? [])
        assert.ok(field in (schema.properties ?? {}), `${t.name} requires a declared ${field}`);
    }
  });

  it('describes every tool and input for the model in English and in Russian', () => {
    const cyrillic = /[а-яё]/i;
    for (const t of tools) {
      const texts = [t.displayName, t.userDescription, t.modelDescription];
      const props = (t.inputSchema?.properties ?? {}) as Record<string, { description?: string }>;
      for (const p of Object.values(props)) texts.push(p.description);
      for (const text of texts) {
        assert.match(text ?? '', /^%[\w.]+%$/, `${t.name}: "${text}" goes through package.nls`);
        assert.ok(word(text, en).length > 0 && !word(text, en).startsWith('missing'), `${t.name}: ${text} in English`);
        assert.match(word(text, ru), cyrillic, `${t.name}: ${text} in Russian`);
      }
      assert.ok(word(t.modelDescription, en).length > 120, `${t.name}'s model description says enough`);
    }
  });
});
