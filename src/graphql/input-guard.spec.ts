import { buildSchema, getNamedType, isInputObjectType, isObjectType, isScalarType } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkText, TextRule } from './input-guard';
import { TEXT_LIMITS } from './input-limits';

const lim = (max: number) => ({ max });

describe('checkText: well-formed Unicode, no control characters, within the limit in code points', () => {
  it.each<[string, string, number, string[]]>([
    ['plain text', 'Proto App', 50, []],
    ['a lone high surrogate', 'a\ud800b', 50, [TextRule.NOT_WELL_FORMED_UNICODE]],
    ['a lone low surrogate', '\udc00', 50, [TextRule.NOT_WELL_FORMED_UNICODE]],
    ['a reversed pair', '\udc00\ud800', 50, [TextRule.NOT_WELL_FORMED_UNICODE]],
    ['a real pair', '😀', 1, []],
    ['NUL', 'a\u0000', 50, [TextRule.CONTROL_CHARACTER]],
    ['ESC', '\u001b[31m', 50, [TextRule.CONTROL_CHARACTER]],
    ['DEL', '\u007f', 50, [TextRule.CONTROL_CHARACTER]],
    ['a C1 control (U+0085)', '\u0085', 50, [TextRule.CONTROL_CHARACTER]],
    ['tab, LF, CR', 'a\tb\nc\r\n', 50, []],
    ['200 characters against a 200 column', 'x'.repeat(200), 200, []],
    ['201 characters against a 200 column', 'x'.repeat(201), 200, [TextRule.TOO_LONG]],
    ['30 emoji (60 UTF-16 units) against a 30 column', '😀'.repeat(30), 30, []],
    ['31 emoji against a 30 column', '😀'.repeat(31), 30, [TextRule.TOO_LONG]],
  ])('%s', (_name, value, max, expected) => {
    expect(checkText('f', value, lim(max)).map((v) => v.rule)).toEqual(expected);
  });
});

describe('every String argument and input field of the schema has a length limit (input-limits.ts)', () => {
  const schema = buildSchema(readFileSync(path.join(__dirname, '../../schema.graphql'), 'utf8'));
  const textInputs: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isInputObjectType(type)) {
      for (const f of Object.values(type.getFields())) if (getNamedType(f.type).name === 'String') textInputs.push(`${type.name}.${f.name}`);
    }
    if (isObjectType(type)) {
      for (const f of Object.values(type.getFields())) for (const a of f.args) if (getNamedType(a.type).name === 'String') textInputs.push(`${type.name}.${f.name}(${a.name})`);
    }
    if (isScalarType(type) && !['String', 'ID', 'Int', 'Float', 'Boolean', 'DateTimeISO', 'JSON', 'SafeInt', 'Money', 'LocalDate'].includes(type.name)) {
      textInputs.push(`scalar ${type.name} (decide whether it carries text)`);
    }
  }

  it('no String input without a limit (a new one fails here: add it to TEXT_LIMITS, with its column where it is stored)', () => {
    expect(textInputs.filter((k) => !(k in TEXT_LIMITS))).toEqual([]);
  });

  it('no limit for an input the schema no longer has', () => {
    expect(Object.keys(TEXT_LIMITS).filter((k) => !textInputs.includes(k))).toEqual([]);
  });

  it('limits read from columns are those columns\' lengths (e.g. PlaceOrderInput.buyerEmail 200, buyerPhone 30, CalendarDay note 100)', () => {
    expect(TEXT_LIMITS['PlaceOrderInput.buyerEmail']).toEqual({ max: 200, column: 'MarketOrderEntity.buyerEmail' });
    expect(TEXT_LIMITS['PlaceOrderInput.buyerPhone']).toEqual({ max: 30, column: 'MarketOrderEntity.buyerPhone' });
    expect(TEXT_LIMITS['Mutation.setCalendarDay(note)']).toEqual({ max: 100, column: 'CalendarDayEntity.note' });
  });
});
