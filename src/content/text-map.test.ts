// The offset ↔ segment mapping, on fake segment lists (nodes are plain labels): the part of
// the text map that decides whether an underline lands on the right characters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endpointsFor, firstSegmentFrom, lastSegmentBefore, TextMapBuilder, type TextMap } from './text-map';

/** "Tere\nCRM-iga ja NPSi" from three nodes: "Tere" | "CRM-" | "iga ja NPSi", one synthetic "\n". */
function sample(): TextMap<string> {
  const builder = new TextMapBuilder<string>();
  builder.node('a', 'Tere');
  builder.boundary();
  builder.node('b', 'CRM-');
  builder.node('c', 'iga ja NPSi');
  return builder.build();
}

describe('TextMapBuilder', () => {
  it('keeps node text 1:1 and puts synthetic characters between segments', () => {
    const map = sample();
    expect(map.text).toBe('Tere\nCRM-iga ja NPSi');
    expect(map.segments).toEqual([
      { node: 'a', start: 0, length: 4 },
      { node: 'b', start: 5, length: 4 },
      { node: 'c', start: 9, length: 11 },
    ]);
  });

  it('adds one boundary however many blocks end, but every <br>', () => {
    const builder = new TextMapBuilder<string>();
    builder.boundary(); // nothing before: no empty first line
    builder.node('a', 'x');
    builder.boundary();
    builder.boundary();
    builder.lineBreak();
    builder.node('b', 'y');
    expect(builder.build().text).toBe('x\n\ny');
  });

  it('keeps words apart around a skipped widget, without doubling spaces', () => {
    const builder = new TextMapBuilder<string>();
    builder.node('a', 'CRM');
    builder.gap();
    builder.node('b', 'KPI ');
    builder.gap();
    builder.node('c', 'x');
    expect(builder.build().text).toBe('CRM KPI x');
  });

  it('leaves out the zero-width placeholders editors put at the caret, keeping node offsets', () => {
    const builder = new TextMapBuilder<string>();
    builder.node('a', 'CRM\u2060\u2060');
    builder.node('b', '\ufeff-iga ja\u200bNPSi');
    const map = builder.build();
    expect(map.text).toBe('CRM-iga jaNPSi');
    expect(map.segments).toEqual([
      { node: 'a', start: 0, length: 3 },
      { node: 'b', start: 3, length: 7, offset: 1 },
      { node: 'b', start: 10, length: 4, offset: 9 },
    ]);
    expect(endpointsFor(map, 0, 7)).toEqual({ startNode: 'a', startOffset: 0, endNode: 'b', endOffset: 5 });
    expect(endpointsFor(map, 10, 14)).toEqual({ startNode: 'b', startOffset: 9, endNode: 'b', endOffset: 13 });
    // Joiners that shape letters and emoji stay.
    const kept = new TextMapBuilder<string>();
    kept.node('c', 'a\u200cb\u200dc');
    expect(kept.build().text).toBe('a\u200cb\u200dc');
  });

    it('drops empty nodes (they could never hold a finding)', () => {
    const builder = new TextMapBuilder<string>();
    builder.node('a', '');
    builder.node('b', 'x');
    expect(builder.build().segments).toEqual([{ node: 'b', start: 0, length: 1 }]);
  });
});

describe('segment search', () => {
  const { segments } = sample();

  it('finds the segment holding a character, or the next one after a synthetic character', () => {
    expect(firstSegmentFrom(segments, 0)).toBe(0);
    expect(firstSegmentFrom(segments, 3)).toBe(0);
    expect(firstSegmentFrom(segments, 4)).toBe(1); // the "\n"
    expect(firstSegmentFrom(segments, 9)).toBe(2);
    expect(firstSegmentFrom(segments, 20)).toBe(3); // past the end
  });

  it('finds the segment holding the character before an offset, or the one before a synthetic character', () => {
    expect(lastSegmentBefore(segments, 0)).toBe(-1);
    expect(lastSegmentBefore(segments, 4)).toBe(0);
    expect(lastSegmentBefore(segments, 5)).toBe(0); // the "\n" belongs to no node
    expect(lastSegmentBefore(segments, 9)).toBe(1);
    expect(lastSegmentBefore(segments, 20)).toBe(2);
  });
});

describe('endpointsFor', () => {
  const map = sample();

  it('maps a word inside one node', () => {
    const start = map.text.indexOf('NPSi');
    expect(endpointsFor(map, start, start + 4)).toEqual({ startNode: 'c', startOffset: 7, endNode: 'c', endOffset: 11 });
  });

  it('maps a word split over two nodes (an editor re-render, or <b>CRM</b>-iga)', () => {
    const start = map.text.indexOf('CRM-iga');
    expect(endpointsFor(map, start, start + 7)).toEqual({ startNode: 'b', startOffset: 0, endNode: 'c', endOffset: 3 });
  });

  it('ends at the end of a node rather than at the start of the next one', () => {
    expect(endpointsFor(map, 0, 4)).toEqual({ startNode: 'a', startOffset: 0, endNode: 'a', endOffset: 4 });
  });

  it('skips synthetic characters at either edge', () => {
    expect(endpointsFor(map, 2, 7)).toEqual({ startNode: 'a', startOffset: 2, endNode: 'b', endOffset: 2 });
    expect(endpointsFor(map, 4, 6)).toEqual({ startNode: 'b', startOffset: 0, endNode: 'b', endOffset: 1 });
  });

  it('gives nothing for an empty span or one holding only synthetic characters', () => {
    expect(endpointsFor(map, 4, 5)).toBeUndefined();
    expect(endpointsFor(map, 6, 6)).toBeUndefined();
    expect(endpointsFor({ text: '', segments: [] }, 0, 1)).toBeUndefined();
  });

  it('covers exactly the mapped characters of any span (property)', () => {
    // Random pieces: node text, boundaries, <br>s and gaps, in any order.
    const piece = fc.oneof(
      fc.string({ minLength: 0, maxLength: 6, unit: fc.constantFrom('a', 'b', ' ', '-', '\u2060', '\ufeff', '\u200b') })
        .map((data) => ({ kind: 'node' as const, data })),
      fc.constant({ kind: 'boundary' as const, data: '' }),
      fc.constant({ kind: 'lineBreak' as const, data: '' }),
      fc.constant({ kind: 'gap' as const, data: '' }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.nat(), fc.nat(), (pieces, a, b) => {
        const builder = new TextMapBuilder<number>();
        const datas: string[] = [];
        pieces.forEach((p) => {
          if (p.kind === 'node') {
            builder.node(datas.length, p.data);
            datas.push(p.data);
          } else builder[p.kind]();
        });
        const map = builder.build();
        const length = map.text.length;
        const start = length ? a % (length + 1) : 0;
        const end = length ? b % (length + 1) : 0;
        const mapped = map.segments
          .map((s) => map.text.slice(Math.max(start, s.start), Math.min(end, s.start + s.length)))
          .join('');
        const endpoints = endpointsFor(map, start, end);
        if (mapped === '') return endpoints === undefined;
        // Read the DOM range the endpoints describe: from startNode/startOffset to endNode/endOffset.
        let read = '';
        for (let node = endpoints!.startNode; node <= endpoints!.endNode; node++) {
          const data = datas[node]!;
          read += data.slice(
            node === endpoints!.startNode ? endpoints!.startOffset : 0,
            node === endpoints!.endNode ? endpoints!.endOffset : data.length,
          );
        }
        // The DOM range also holds the left-out zero-width characters inside it.
        return read.replace(/[\u200b\u2060\ufeff]/g, '') === mapped;
      }),
    );
  });
});
