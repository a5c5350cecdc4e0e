/**
 * The Easy Read pictures: simple drawings made for Selfdirect and given to everyone (CC0 1.0,
 * public/easy-read/LICENCE.md). Each is drawn here once, as SVG path data on a 64 × 64 grid,
 * so the same drawing is both the page's picture (public/easy-read/<name>.svg, written from
 * this catalogue by `node --import tsx scripts/draw-easy-read-pictures.ts`; a unit test checks
 * the files still match) and the letter's picture (pdfkit draws SVG paths itself, so a PDF
 * needs no image files or converter).
 *
 * Drawing rules, after Easy Read practice: one thing per picture, thick dark outlines, a few
 * strong colours from the GOV.UK palette, no words inside a picture. Every picture has alt
 * text saying what it shows; the words beside it carry the meaning.
 */

/** GOV.UK palette colours the pictures use. */
const INK = '#0b0c0c';
const BLUE = '#1d70b8';
const GREEN = '#00703c';
const RED = '#d4351c';
const YELLOW = '#ffdd00';
const LIGHT = '#f3f2f1';
const WHITE = '#ffffff';
const SKIN = '#f7c59f';

export interface PictureShape {
  /** SVG path data on the 64 × 64 grid. */
  d: string;
  /** Fill colour, or 'none'. */
  fill: string;
  /** Outline colour; none when absent. */
  stroke?: string;
  /** Outline width in grid units (default 3). */
  width?: number;
}

export interface Picture {
  /** Alt text: what the picture shows, in a few plain words. */
  alt: string;
  shapes: PictureShape[];
}

/** A circle as path data (two arcs), so every shape is a path. */
const circle = (cx: number, cy: number, r: number) =>
  `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;
const ellipse = (cx: number, cy: number, rx: number, ry: number) =>
  `M${cx - rx} ${cy}a${rx} ${ry} 0 1 0 ${2 * rx} 0a${rx} ${ry} 0 1 0 ${-2 * rx} 0Z`;
const rect = (x: number, y: number, w: number, h: number) => `M${x} ${y}h${w}v${h}h${-w}Z`;

const outlined = (d: string, fill: string, width = 3): PictureShape => ({ d, fill, stroke: INK, width });
const line = (d: string, stroke = INK, width = 3): PictureShape => ({ d, fill: 'none', stroke, width });

/** A person's head and shoulders, centred on x. */
const personAt = (x: number, colour: string, scale = 1): PictureShape[] => [
  outlined(circle(x, 20 * scale + (1 - scale) * 30, 9 * scale), SKIN),
  outlined(
    `M${x - 16 * scale} ${58}v${-8 * scale}a${16 * scale} ${14 * scale} 0 0 1 ${32 * scale} 0v${8 * scale}Z`,
    colour,
  ),
];

export const EASY_READ_PICTURES = {
  person: { alt: 'A person', shapes: personAt(32, BLUE) },
  worker: {
    alt: 'A social worker with a name badge',
    shapes: [...personAt(32, GREEN), outlined(rect(35, 45, 9, 6), WHITE, 2)],
  },
  people: {
    alt: 'Two people side by side',
    shapes: [...personAt(20, BLUE, 0.8), ...personAt(44, GREEN, 0.8)],
  },
  money: {
    alt: 'A pile of coins and a bank note',
    shapes: [
      outlined(rect(6, 14, 40, 22), '#85994b'),
      outlined(circle(26, 25, 6), LIGHT, 2),
      outlined(ellipse(44, 52, 14, 5), YELLOW),
      outlined(ellipse(44, 45, 14, 5), YELLOW),
      outlined(ellipse(44, 38, 14, 5), YELLOW),
    ],
  },
  calendar: {
    alt: 'A calendar',
    shapes: [
      outlined(rect(8, 12, 48, 44), WHITE),
      outlined(rect(8, 12, 48, 11), RED),
      line('M20 6v10M44 6v10', INK, 4),
      outlined(rect(16, 30, 8, 7), LIGHT, 2),
      outlined(rect(28, 30, 8, 7), LIGHT, 2),
      outlined(rect(40, 30, 8, 7), BLUE, 2),
      outlined(rect(16, 42, 8, 7), LIGHT, 2),
      outlined(rect(28, 42, 8, 7), LIGHT, 2),
    ],
  },
  week: {
    alt: 'A clock',
    shapes: [outlined(circle(32, 32, 24), WHITE), line('M32 16v16l11 7', INK, 4)],
  },
  house: {
    alt: 'A house',
    shapes: [
      outlined('M6 30L32 8l26 22Z', RED),
      outlined(rect(12, 30, 40, 26), LIGHT),
      outlined(rect(27, 38, 10, 18), BLUE, 2),
      outlined(rect(16, 35, 7, 7), WHITE, 2),
      outlined(rect(41, 35, 7, 7), WHITE, 2),
    ],
  },
  council: {
    alt: 'The council building',
    shapes: [
      outlined('M6 22L32 8l26 14Z', LIGHT),
      outlined(rect(8, 50, 48, 6), LIGHT),
      outlined(rect(12, 24, 6, 26), WHITE, 2),
      outlined(rect(23, 24, 6, 26), WHITE, 2),
      outlined(rect(35, 24, 6, 26), WHITE, 2),
      outlined(rect(46, 24, 6, 26), WHITE, 2),
    ],
  },
  help: {
    alt: 'A hand holding a heart',
    shapes: [
      outlined('M32 30C26 24 14 22 14 12C14 6 22 3 27 8L32 13L37 8C42 3 50 6 50 12C50 22 38 24 32 30Z', RED),
      outlined(
        'M4 40H20C26 40 30 44 38 44H46C50 44 50 50 46 50H30M4 58H40L60 44C62 40 58 37 54 39L46 44',
        SKIN,
      ),
    ],
  },
  heart: {
    alt: 'A heart',
    shapes: [
      outlined(
        'M32 56C22 46 6 38 6 22C6 12 14 6 22 8C27 9 30 13 32 17C34 13 37 9 42 8C50 6 58 12 58 22C58 38 42 46 32 56Z',
        RED,
      ),
    ],
  },
  talk: {
    alt: 'Two speech bubbles',
    shapes: [
      outlined('M4 8H38V32H18L10 40V32H4Z', WHITE),
      outlined('M26 24H60V48H54V56L46 48H26Z', BLUE),
      line('M10 17H32M10 24H26', INK, 2),
    ],
  },
  tick: {
    alt: 'A green tick',
    shapes: [outlined(circle(32, 32, 26), GREEN), line('M18 33l9 9 19-19', WHITE, 7)],
  },
  cross: {
    alt: 'A red cross',
    shapes: [outlined(circle(32, 32, 26), RED), line('M21 21l22 22M43 21L21 43', WHITE, 7)],
  },
  question: {
    alt: 'A question mark',
    shapes: [
      outlined(circle(32, 32, 26), BLUE),
      line('M23 25c0-6 4-10 9-10s9 4 9 9c0 7-9 7-9 14v2', WHITE, 6),
      { d: circle(32, 49, 3.5), fill: WHITE },
    ],
  },
  choices: {
    alt: 'Four boxes to choose from, with 1, 2, 3 and 4 dots',
    shapes: [
      outlined(rect(6, 6, 23, 23), LIGHT),
      outlined(rect(35, 6, 23, 23), LIGHT),
      outlined(rect(6, 35, 23, 23), LIGHT),
      outlined(rect(35, 35, 23, 23), YELLOW),
      { d: circle(17.5, 17.5, 3), fill: INK },
      { d: `${circle(41, 17.5, 3)}${circle(52, 17.5, 3)}`, fill: INK },
      { d: `${circle(11.5, 46.5, 3)}${circle(17.5, 46.5, 3)}${circle(23.5, 46.5, 3)}`, fill: INK },
      { d: `${circle(41, 41, 3)}${circle(52, 41, 3)}${circle(41, 52, 3)}${circle(52, 52, 3)}`, fill: INK },
    ],
  },
  document: {
    alt: 'A letter on paper',
    shapes: [
      outlined('M12 4H40L52 16V60H12Z', WHITE),
      outlined('M40 4V16H52', LIGHT, 2),
      line('M19 26H45M19 34H45M19 42H45M19 50H35', INK, 2),
    ],
  },
  plan: {
    alt: 'A clipboard with a list of ticks',
    shapes: [
      outlined(rect(10, 8, 44, 52), '#b58840'),
      outlined(rect(15, 14, 34, 42), WHITE, 2),
      outlined(rect(24, 4, 16, 8), LIGHT, 2),
      line('M19 24l3 3 5-6M19 36l3 3 5-6M19 48l3 3 5-6', GREEN, 2.5),
      line('M31 25H45M31 37H45M31 49H45', INK, 2),
    ],
  },
  sign: {
    alt: 'A pen writing a name',
    shapes: [
      line('M4 54c6-10 10-10 12-2s6 6 10-2 6-6 8 0', BLUE, 3),
      outlined('M36 44L56 8l6 4-20 36-7 4Z', YELLOW),
      line('M4 60H60', INK, 2),
    ],
  },
  phone: {
    alt: 'A mobile phone',
    shapes: [
      outlined('M20 4H44A4 4 0 0 1 48 8V56A4 4 0 0 1 44 60H20A4 4 0 0 1 16 56V8A4 4 0 0 1 20 4Z', INK),
      { d: rect(20, 10, 24, 38), fill: '#5694ca' },
      { d: circle(32, 54, 2.5), fill: WHITE },
    ],
  },
} satisfies Record<string, Picture>;

export type PictureName = keyof typeof EASY_READ_PICTURES;

export const PICTURE_NAMES = Object.keys(EASY_READ_PICTURES) as PictureName[];

/** Where the page finds a picture (public/ is served under /public/). */
export const pictureSrc = (name: PictureName) => `/public/easy-read/${name}.svg`;

const attributes = (shape: PictureShape) =>
  [
    `d="${shape.d}"`,
    `fill="${shape.fill}"`,
    shape.stroke
      ? `stroke="${shape.stroke}" stroke-width="${shape.width ?? 3}" stroke-linejoin="round" stroke-linecap="round"`
      : '',
  ]
    .filter(Boolean)
    .join(' ');

/** The picture as an SVG file (its alt text as the title, for anyone opening the file alone). */
export function pictureSvg(name: PictureName): string {
  const picture: Picture = EASY_READ_PICTURES[name];
  const paths = picture.shapes.map((shape) => `  <path ${attributes(shape)}/>`).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64" role="img">\n  <title>${picture.alt}</title>\n${paths}\n</svg>\n`;
}
