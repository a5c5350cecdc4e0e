import { inflateSync } from 'node:zlib';

/** Every stream of a PDF, inflated where it was compressed. */
function streams(buffer: Buffer): string[] {
  const raw = buffer.toString('latin1');
  return [...raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((match) => {
    try {
      return inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1');
    } catch {
      return match[1]!;
    }
  });
}

/** The text a PDF shows: every content stream inflated, every TJ/Tj string decoded, a line each. */
export function pdfText(buffer: Buffer): string {
  const lines: string[] = [];
  for (const content of streams(buffer)) {
    for (const op of content.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]+)>\s*Tj/g)) {
      const chunks =
        op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]+)>/g)].map((c) => c[1]!) : [op[2]!];
      lines.push(chunks.map((hex) => Buffer.from(hex, 'hex').toString('latin1')).join(''));
    }
  }
  return lines.join('\n');
}

/** The page content operators themselves (inflated), to see how content is marked. */
export function pdfContent(buffer: Buffer): string {
  return streams(buffer).join('\n');
}

/** A PDF literal string's text: escapes undone, UTF-16 (with its byte order mark) decoded. */
function literal(text: string): string {
  const bytes = text
    .replace(/\\([0-7]{1,3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)))
    .replace(/\\([nrtbf()\\])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' })[c] ?? c);
  if (bytes.startsWith('\xfe\xff')) return Buffer.from(bytes.slice(2), 'latin1').swap16().toString('utf16le');
  return bytes;
}

export interface PdfTagging {
  /** The catalogue's /MarkInfo says /Marked true. */
  marked: boolean;
  structTreeRoot: boolean;
  lang: string | null;
  displayDocTitle: boolean;
  title: string | null;
  author: string | null;
  /** The structure types used (/S of every structure element), in the order written. */
  tags: string[];
}

/** What a screen reader needs from a PDF's catalogue and info: tagging, language, title. */
export function pdfTagging(buffer: Buffer): PdfTagging {
  const raw = buffer.toString('latin1').replace(/stream\r?\n[\s\S]*?\r?\nendstream/g, '');
  const objects = new Map<string, string>();
  for (const match of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) objects.set(match[1]!, match[2]!);
  const resolve = (dictionary: string | undefined, key: string): string | undefined => {
    const value = dictionary?.match(
      new RegExp(`/${key} (\\d+) 0 R|/${key} (\\((?:\\\\.|[^\\\\)])*\\)|\\w+)`),
    );
    if (!value) return undefined;
    return value[1] ? objects.get(value[1])?.trim() : value[2];
  };
  const stringOf = (value: string | undefined) =>
    value?.startsWith('(') ? literal(value.slice(1, value.lastIndexOf(')'))) : null;
  const catalogue = [...objects.values()].find((body) => /\/Type \/Catalog\b/.test(body));
  const info = objects.get(raw.match(/trailer[\s\S]*?\/Info (\d+) 0 R/)?.[1] ?? '');
  return {
    marked: /\/Marked true/.test(resolve(catalogue, 'MarkInfo') ?? ''),
    structTreeRoot: /\/Type \/StructTreeRoot/.test(resolve(catalogue, 'StructTreeRoot') ?? ''),
    lang: stringOf(resolve(catalogue, 'Lang')),
    displayDocTitle: /\/DisplayDocTitle true/.test(resolve(catalogue, 'ViewerPreferences') ?? ''),
    title: stringOf(resolve(info, 'Title')),
    author: stringOf(resolve(info, 'Author')),
    tags: [...objects.values()]
      .filter((body) => /\/P \d+ 0 R/.test(body))
      .flatMap((body) => [...body.matchAll(/\/S \/(\w+)/g)].map((m) => m[1]!)),
  };
}
