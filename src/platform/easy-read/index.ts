/**
 * Easy Read versions of the pages and letters a person reads (rules.ts says what Easy Read
 * is here). Features write their content as pure functions returning `EasyReadLine`s; pages
 * render them with the `easyRead` macro (platform/views/templates/easy-read.njk), letters with
 * `easyReadPdf`.
 */
export {
  EASY_READ_PICTURES,
  type Picture,
  type PictureName,
  PICTURE_NAMES,
  pictureSrc,
  pictureSvg,
} from './pictures.ts';
export {
  BANNED_WORDS,
  EASY_READ_NEED,
  type EasyReadLine,
  easyMoney,
  easyNumber,
  easyReadProblems,
  easyReadTextProblems,
  MAX_SENTENCE_WORDS,
  mayOpenInEasyRead,
  opensInEasyRead,
  type PresentedEasyReadLine,
  presentEasyRead,
  quoted,
} from './rules.ts';
export { drawPicture, easyReadPdf } from './pdf.ts';
